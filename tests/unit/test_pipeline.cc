// Unit tests for pipeline (to be written).
#include <boost/test/unit_test.hpp>

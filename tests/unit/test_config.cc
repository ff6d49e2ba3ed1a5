// Unit tests for config (to be written).
#include <boost/test/unit_test.hpp>

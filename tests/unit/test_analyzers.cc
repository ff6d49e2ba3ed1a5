// Unit tests for analyzers (to be written).
#include <boost/test/unit_test.hpp>

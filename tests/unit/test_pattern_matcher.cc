// Unit tests for pattern_matcher (to be written).
#include <boost/test/unit_test.hpp>

// Unit tests for rule_set (to be written).
#include <boost/test/unit_test.hpp>

// Unit tests for scorer (to be written).
#include <boost/test/unit_test.hpp>

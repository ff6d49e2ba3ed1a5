// Unit tests for charset (to be written).
#include <boost/test/unit_test.hpp>

// Unit tests for phone_extractor (to be written).
#include <boost/test/unit_test.hpp>

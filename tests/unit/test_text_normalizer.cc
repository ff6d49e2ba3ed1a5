// Unit tests for text_normalizer (to be written).
#include <boost/test/unit_test.hpp>

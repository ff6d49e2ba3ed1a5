// Unit tests for url_extractor (to be written).
#include <boost/test/unit_test.hpp>

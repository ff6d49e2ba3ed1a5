// Unit tests for mime_parser (to be written).
#include <boost/test/unit_test.hpp>

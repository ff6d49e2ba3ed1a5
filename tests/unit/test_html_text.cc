// Unit tests for html_text (to be written).
#include <boost/test/unit_test.hpp>

// Unit tests for attachment_inspector (to be written).
#include <boost/test/unit_test.hpp>

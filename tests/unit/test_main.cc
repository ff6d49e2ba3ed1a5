// The Boost.Test module: every tests/unit/test_*.cc file adds suites to it.
#define BOOST_TEST_MODULE impostor_unit_tests
#include <boost/test/included/unit_test.hpp>

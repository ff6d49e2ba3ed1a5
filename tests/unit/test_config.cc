// Unit tests for core/config: parsing, defaults, and file:line errors.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/config.h"

namespace bdata = boost::unit_test::data;
using impostor::core::Config;
using impostor::core::ConfigError;
using impostor::core::Verdict;

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(builtin_defaults_are_the_shipped_sample) {
  const Config c = Config::defaults();
  BOOST_TEST(c.socket == "inet:8891@127.0.0.1");
  BOOST_TEST(c.state_dir == "/var/lib/impostor");
  BOOST_TEST(c.relay == "127.0.0.1:10025");
  BOOST_TEST(c.quarantine_threshold == 8.0);
  BOOST_TEST(!c.brand_domains.empty());
  BOOST_TEST(c.score_of("BRAND_IMPERSONATION") > 0);
  BOOST_TEST(c.score_of("BRAND_AUTHENTICATED") < 0);
}

BOOST_AUTO_TEST_CASE(keys_left_out_keep_their_defaults) {
  const Config c = Config::parse("tag_threshold = 2 # lower\nsocket = unix:/run/x.sock\n", "t");
  BOOST_TEST(c.tag_threshold == 2.0);
  BOOST_TEST(c.socket == "unix:/run/x.sock");
  BOOST_TEST(c.quarantine_threshold == Config::defaults().quarantine_threshold);
  BOOST_TEST(c.brand_domains == Config::defaults().brand_domains);
}

BOOST_AUTO_TEST_CASE(values_of_each_type) {
  const Config c = Config::parse(
      "max_message_size = 2M\nfamily_threshold = 2.5\nmax_verdict = quarantine\n"
      "allow_sender_domains = a.example, b.example\nindex_flagged = no\nscore.FOO_BAR = -1.5\n"
      "on_error = accept\n",
      "t");
  BOOST_TEST(c.limits.max_message_bytes == 2u * 1024 * 1024);
  BOOST_TEST(c.family_threshold == 2.5);
  BOOST_TEST(static_cast<int>(c.max_verdict) == static_cast<int>(Verdict::quarantine));
  BOOST_TEST(c.allow_sender_domains.size() == 2u);
  BOOST_TEST(c.allow_sender_domains[1] == "b.example");
  BOOST_TEST(!c.index_flagged);
  BOOST_TEST(c.score_of("FOO_BAR") == -1.5);
  BOOST_TEST(c.on_error == "accept");
}

BOOST_AUTO_TEST_CASE(hash_inside_a_value_is_kept) {
  const Config c = Config::parse("socket = unix:/run/a#b.sock\n", "t");
  BOOST_TEST(c.socket == "unix:/run/a#b.sock");
}

const char* const kBad[] = {
    "nonsense line\n",                        // no '='
    "frobnicate = 1\n",                       // unknown key
    "tag_threshold = lots\n",                 // not a number
    "max_threads = 0\n",                      // out of range
    "on_error = explode\n",                   // not one of
    "max_verdict = maybe\n",                  // not a verdict
    "max_message_size = 1.5\n",               // not whole
    "index_flagged = perhaps\n",              // not a bool
    "score.lower_case = 1\n",                 // bad rule id
};

BOOST_DATA_TEST_CASE(bad_lines_name_file_and_line, bdata::make(kBad), text) {
  const std::string with_comment = std::string("# a comment\n\n") + text;
  try {
    Config::parse(with_comment, "conf/x.conf");
    BOOST_FAIL("accepted: " << text);
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()).rfind("conf/x.conf:3: ", 0) == 0, e.what());
  }
}

BOOST_AUTO_TEST_CASE(inconsistent_thresholds_are_refused) {
  BOOST_CHECK_THROW(Config::parse("tag_threshold = 9\nquarantine_threshold = 5\n", "t"),
                    ConfigError);
}

BOOST_AUTO_TEST_CASE(missing_file_is_a_config_error) {
  BOOST_CHECK_THROW(Config::load_file("/nonexistent/impostor.conf"), ConfigError);
}

BOOST_AUTO_TEST_SUITE_END()

// test_policy.cc — verdict and family to the milter's action (core/policy.h).
#include <boost/test/unit_test.hpp>

#include "core/config.h"
#include "core/policy.h"

using namespace impostor::core;

namespace {
Action act(const std::string& conf, Verdict v, std::vector<std::string> families) {
  return action_for(Config::parse(conf, "t.conf"), v, families);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(each_verdict_keeps_its_own_action_by_default) {
  BOOST_TEST(act("", Verdict::accept, {}) == Action::deliver);
  BOOST_TEST(act("", Verdict::tag, {"lottery"}) == Action::deliver);
  BOOST_TEST(act("", Verdict::quarantine, {"lottery"}) == Action::quarantine);
  BOOST_TEST(act("", Verdict::reject, {"lottery"}) == Action::reject);
}

BOOST_AUTO_TEST_CASE(verdict_actions_are_the_sites_choice) {
  BOOST_TEST(act("action.reject = quarantine", Verdict::reject, {"lottery"}) == Action::quarantine);
  BOOST_TEST(act("action.tag = quarantine", Verdict::tag, {}) == Action::quarantine);
  // accept is never configurable: clean mail is always delivered.
  BOOST_TEST(act("action.tag = reject", Verdict::accept, {}) == Action::deliver);
}

BOOST_AUTO_TEST_CASE(family_actions_apply_to_held_mail_only) {
  const std::string conf = "action.fake-bulletin = reject\naction.lottery = deliver\n";
  BOOST_TEST(act(conf, Verdict::quarantine, {"fake-bulletin"}) == Action::reject);
  BOOST_TEST(act(conf, Verdict::reject, {"lottery"}) == Action::deliver);
  // A forwarded or quoted scam is tagged: its family does not hold it.
  BOOST_TEST(act(conf, Verdict::tag, {"fake-bulletin"}) == Action::deliver);
  // A family without an action leaves the verdict's.
  BOOST_TEST(act(conf, Verdict::quarantine, {"tech-support"}) == Action::quarantine);
}

BOOST_AUTO_TEST_CASE(the_strictest_family_action_wins) {
  const std::string conf = "action.lottery = deliver\naction.tech-support = reject\n";
  BOOST_TEST(act(conf, Verdict::quarantine, {"lottery", "tech-support"}) == Action::reject);
  BOOST_TEST(act(conf, Verdict::quarantine, {"tech-support", "lottery"}) == Action::reject);
}

BOOST_AUTO_TEST_CASE(bad_action_lines_name_file_and_line) {
  auto message_of = [](const std::string& text) {
    try {
      Config::parse(text, "site.conf");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  BOOST_TEST(message_of("\naction.lottery = drop\n").rfind("site.conf:2: action.lottery:", 0) == 0u);
  BOOST_TEST(message_of("action.accept = reject\n").find("site.conf:1: 'action.accept'") == 0u);
  BOOST_TEST(message_of("action.phishing = reject\n").find("scam family") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

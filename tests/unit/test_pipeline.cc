// Unit tests for core/pipeline: the whole engine on inline messages —
// verdicts and families, evidence in the original text, allowlists, and an
// analyzer that throws.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "core/rule_set.h"
#include "tests/unit/test_helpers.h"

using namespace impostor;

namespace {

bool has_category(const core::ScanResult& r, const std::string& family) {
  for (const auto& c : r.categories)
    if (c == family) return true;
  return false;
}

const std::string kLotteryEn = test::plain_message(
    "From: \"Microsoft Promotion Award Team\" <award@ms-lottery-claims.example>\n"
    "Reply-To: claims.agent@gmail.com\nTo: you@example.jp\n"
    "Subject: Congratulations! You have won the Microsoft Lottery\nMessage-ID: <l1@x>",
    "Dear Winner,\n\nYour email address has won the sum of US$1,500,000.00 in the Microsoft "
    "Corporation online lottery promotion. Your winning number is MS-4421-77.\n"
    "To claim your prize, contact our claims agent with your full name, address and phone "
    "number. A processing fee of $250 applies.\n");

const std::string kLotteryJa = test::plain_message(
    "From: =?UTF-8?B?44Oe44Kk44Kv44Ot44K944OV44OI?= <info@ms-prize.example>\n"
    "To: you@example.jp\nSubject: =?UTF-8?B?44GK44KB44Gn44Go44GG44GU44GW44GE44G+44GZ?=\n"
    "Message-ID: <l2@x>",
    "お客様のメールアドレスがマイクロソフト提供の宝くじに当選しました。賞金100万ドルを"
    "受け取るには、手数料をお振込みのうえ、当選番号をお知らせください。");

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(english_lottery_is_quarantined_as_lottery) {
  const auto r = test::builtin_pipeline().scan({}, kLotteryEn);
  BOOST_TEST(r.verdict >= core::Verdict::quarantine, r.score);
  BOOST_TEST(has_category(r, "lottery"));
  BOOST_TEST(r.message_id == "<l1@x>");
}

BOOST_AUTO_TEST_CASE(japanese_lottery_is_quarantined_as_lottery) {
  const auto r = test::builtin_pipeline().scan({}, kLotteryJa);
  BOOST_TEST(r.verdict >= core::Verdict::quarantine, r.score);
  BOOST_TEST(has_category(r, "lottery"));
}

BOOST_AUTO_TEST_CASE(evidence_quotes_the_original_text) {
  const std::string obfuscated = test::plain_message(
      "From: x@prize.example\nTo: y@example.jp\nSubject: notice\nMessage-ID: <o1@x>",
      "お客様はマイクロソフト提供の宝くじに当選しました。");
  const auto r = test::builtin_pipeline().scan({}, obfuscated);
  bool quoted = false;
  for (const auto& f : r.findings)
    if (f.family == "lottery" && f.evidence.find("宝くじ") != std::string::npos) quoted = true;
  BOOST_TEST(quoted);
}

BOOST_AUTO_TEST_CASE(clean_mail_is_accepted) {
  const auto r = test::builtin_pipeline().scan(
      {}, test::plain_message("From: a@example.org\nTo: b@example.org\nSubject: Lunch\n"
                              "Message-ID: <c1@x>",
                              "Shall we meet at noon on Friday?"));
  BOOST_TEST(r.verdict == core::Verdict::accept);
  BOOST_TEST(r.categories.empty());
}

BOOST_AUTO_TEST_CASE(allowlisted_sender_skips_scoring) {
  const auto p = test::pipeline_with("allow_sender_domains = ms-lottery-claims.example\n");
  core::Envelope env;
  env.mail_from = "award@ms-lottery-claims.example";
  const auto r = p->scan(env, kLotteryEn);
  BOOST_TEST(r.verdict == core::Verdict::accept);
  BOOST_TEST(r.allowlisted.find("ms-lottery-claims.example") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(allowlisted_client_network_and_recipients) {
  const auto p = test::pipeline_with(
      "allow_client_networks = 192.0.2.0/24, 2001:db8::/32\nallow_recipients = abuse@example.jp\n");
  core::Envelope env;
  env.client_addr = "192.0.2.77";
  BOOST_TEST(!p->scan(env, kLotteryEn).allowlisted.empty());
  env.client_addr = "2001:db8::5";
  BOOST_TEST(!p->scan(env, kLotteryEn).allowlisted.empty());
  env.client_addr = "198.51.100.1";
  BOOST_TEST(p->scan(env, kLotteryEn).allowlisted.empty());
  env.rcpt_to = {"abuse@example.jp"};
  BOOST_TEST(!p->scan(env, kLotteryEn).allowlisted.empty());
  env.rcpt_to = {"abuse@example.jp", "ceo@example.jp"};  // all must be allowlisted
  BOOST_TEST(p->scan(env, kLotteryEn).allowlisted.empty());
}

namespace {
class ThrowingAnalyzer : public core::Analyzer {
 public:
  std::string_view name() const override { return "boom"; }
  void analyze(const core::AnalysisContext&, core::Findings&) const override {
    throw std::runtime_error("analyzer bug");
  }
};
}  // namespace

BOOST_AUTO_TEST_CASE(a_throwing_analyzer_does_not_stop_the_mail) {
  auto analyzers = analyzers::make_all_analyzers();
  analyzers.insert(analyzers.begin() + 1, std::make_unique<ThrowingAnalyzer>());
  core::Pipeline p(std::make_shared<const core::Config>(core::Config::defaults()),
                   core::RuleSet::builtin(), std::move(analyzers));
  const auto r = p.scan({}, kLotteryEn);
  bool failed_recorded = false;
  for (const auto& f : r.findings)
    if (f.rule_id == "ANALYZER_FAILED:boom") failed_recorded = true;
  BOOST_TEST(failed_recorded);
  BOOST_TEST(has_category(r, "lottery"));  // the others still ran
}

BOOST_AUTO_TEST_SUITE_END()

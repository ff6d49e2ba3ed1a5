// Unit tests for milter/milter_session: the callback logic driven through a
// recording fake MtaActions, a canned scanner and an in-memory store — no
// MTA, no libmilter. Covers headers (and forged ones), quarantine/reject
// ordering against the store, on_error, no-reply stages, spill to disk and
// the oversize policy.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "milter/logging.h"
#include "milter/milter_session.h"

using namespace impostor;
using milter::Reply;

namespace impostor::milter {
std::ostream& operator<<(std::ostream& o, Reply r) { return o << to_string(r); }
}  // namespace impostor::milter

namespace {

struct FakeMta : milter::MtaActions {
  std::vector<std::string> calls;  // "add NAME: VALUE", "del NAME INDEX", "reply R X TEXT"
  bool fail_add = false;
  void add_header(const std::string& n, const std::string& v) override {
    if (fail_add) throw std::runtime_error("add refused");
    calls.push_back("add " + n + ": " + v);
  }
  void delete_header(const std::string& n, int i) override {
    calls.push_back("del " + n + " " + std::to_string(i));
  }
  void set_reply(const std::string& r, const std::string& x, const std::string& t) override {
    calls.push_back("reply " + r + " " + x + " " + t);
  }
  bool has(const std::string& prefix) const {
    for (const auto& c : calls)
      if (c.rfind(prefix, 0) == 0) return true;
    return false;
  }
};

// A world for one session: config text, verdict to hand back, store behaviour.
struct World {
  core::Verdict verdict = core::Verdict::accept;
  double score = 0;
  bool scan_throws = false;
  bool store_fails = false;
  std::vector<std::string> stored_raw;
  std::vector<core::QuarantineRecord> stored;
  std::string seen_raw;
  core::Envelope seen_env;
  std::shared_ptr<milter::Generation> gen;
  milter::SessionServices services;
  std::string spill_dir;

  explicit World(const std::string& config_text = "") {
    spill_dir = std::filesystem::temp_directory_path() / "impostor-session-test";
    std::filesystem::create_directories(spill_dir);
    gen = std::make_shared<milter::Generation>();
    gen->config = std::make_shared<const core::Config>(core::Config::parse(config_text, "t.conf"));
    gen->scan = [this](const core::Envelope& env, std::string_view raw) {
      if (scan_throws) throw std::bad_alloc();
      seen_raw.assign(raw);
      seen_env = env;
      core::ScanResult r;
      r.verdict = verdict;
      r.score = score;
      if (verdict != core::Verdict::accept) r.categories = {"lottery", "tech-support"};
      r.findings.push_back({"LOTTERY_PRIZE_EN", "lottery", score, "won the lottery", "body"});
      r.subject = "You won";
      return r;
    };
    services.current = [this] { return gen; };
    services.store = [this](core::QuarantineRecord rec, std::string_view raw) {
      if (store_fails) throw std::runtime_error("disk full");
      stored.push_back(rec);
      stored_raw.emplace_back(raw);
      return std::string("q-1-abcdef01");
    };
    services.spill_dir = spill_dir;
  }
};

// Feeds one message through every stage up to (not including) eom.
void feed(milter::Session& s, FakeMta& mta, const std::vector<std::pair<std::string, std::string>>& headers,
          const std::string& body, bool leadspc = false) {
  using milter::Stage;
  BOOST_TEST(s.guard(mta, Stage::connect, [&] { return s.on_connect("mx.example", "192.0.2.7"); }) == Reply::cont);
  s.guard(mta, Stage::helo, [&] { return s.on_helo("mx.example"); });
  s.guard(mta, Stage::envfrom, [&] { return s.on_envfrom("<scammer@example.net>", ""); });
  s.guard(mta, Stage::envrcpt, [&] { return s.on_rcpt("<you@example.jp>"); });
  s.guard(mta, Stage::envrcpt, [&] { return s.on_rcpt("<boss@example.jp>"); });
  for (const auto& [n, v] : headers)
    s.guard(mta, Stage::header, [&] { return s.on_header(n, leadspc ? " " + v : v); });
  s.guard(mta, Stage::eoh, [&] { return s.on_eoh("4ABCDE"); });
  s.guard(mta, Stage::body, [&] { return s.on_body(body); });
}

Reply eom(milter::Session& s, FakeMta& mta) {
  return s.guard(mta, milter::Stage::eom, [&] { return s.on_eom(mta, "4ABCDE"); });
}

const std::vector<std::pair<std::string, std::string>> kHeaders = {
    {"From", "Prize Team <award@example.net>"}, {"Subject", "You won"}, {"To", "you@example.jp"}};

struct QuietLogs {
  std::vector<std::string> lines;
  QuietLogs() {
    milter::set_log_sink([this](milter::LogLevel, const std::string& l) { lines.push_back(l); });
  }
  ~QuietLogs() { milter::set_log_sink(nullptr); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(milter_session)

BOOST_AUTO_TEST_CASE(envelope_and_bytes_reach_the_scanner) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, {{"Subject", "hi\n\tfolded"}}, "line one\r\n");
  BOOST_TEST(eom(s, mta) == Reply::cont);
  BOOST_TEST(w.seen_env.queue_id == "4ABCDE");
  BOOST_TEST(w.seen_env.client_addr == "192.0.2.7");
  BOOST_TEST(w.seen_env.helo == "mx.example");
  BOOST_TEST(w.seen_env.mail_from == "scammer@example.net");
  BOOST_TEST(w.seen_env.rcpt_to.size() == 2u);
  BOOST_TEST(w.seen_raw == "Subject: hi\r\n\tfolded\r\n\r\nline one\r\n");
  // One log line for the message, starting with the queue ID.
  BOOST_TEST_REQUIRE(!logs.lines.empty());
  BOOST_TEST(logs.lines.back().rfind("4ABCDE: client=mx.example[192.0.2.7] from=<scammer@example.net>", 0) == 0u);
  BOOST_TEST(logs.lines.back().find("verdict=accept") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(leading_space_negotiated_keeps_bytes_exact) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  s.set_protocol(true, {});
  FakeMta mta;
  feed(s, mta, {{"Subject", "x"}}, "b\r\n", /*leadspc=*/true);
  eom(s, mta);
  BOOST_TEST(w.seen_raw == "Subject: x\r\n\r\nb\r\n");
}

// verdict, score -> the three headers
BOOST_DATA_TEST_CASE(accept_and_tag_add_headers,
                     boost::unit_test::data::make({core::Verdict::accept, core::Verdict::tag}) ^
                         boost::unit_test::data::make({0.0, 7.46}) ^
                         boost::unit_test::data::make({"0.0", "7.5"}),
                     verdict, score, shown) {
  QuietLogs logs;
  World w;
  w.verdict = verdict;
  w.score = score;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "hello\r\n");
  BOOST_TEST(eom(s, mta) == Reply::cont);
  BOOST_TEST(mta.has(std::string("add X-Impostor-Verdict: ") + core::to_string(verdict)));
  BOOST_TEST(mta.has(std::string("add X-Impostor-Score: ") + shown));
  BOOST_TEST(mta.has(verdict == core::Verdict::accept ? "add X-Impostor-Categories: "
                                                      : "add X-Impostor-Categories: lottery, tech-support"));
  BOOST_TEST(w.stored.empty());
}

BOOST_AUTO_TEST_CASE(forged_headers_are_deleted_highest_index_first) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta,
       {{"X-Impostor-Verdict", "accept"}, {"Received", "a"}, {"x-impostor-verdict", "accept"},
        {"X-Impostor-Score", "0.0"}, {"Received", "b"}},
       "hi\r\n");
  eom(s, mta);
  const std::vector<std::string> want_prefix = {"del X-Impostor-Score 1", "del X-Impostor-Verdict 2",
                                                "del X-Impostor-Verdict 1",
                                                "add X-Impostor-Verdict: accept"};
  BOOST_TEST_REQUIRE(mta.calls.size() >= want_prefix.size());
  // Deletes come before any add, and per name from the highest index down.
  std::vector<std::string> dels;
  size_t first_add = mta.calls.size();
  for (size_t i = 0; i < mta.calls.size(); ++i) {
    if (mta.calls[i].rfind("del", 0) == 0) {
      BOOST_TEST(i < first_add);
      dels.push_back(mta.calls[i]);
    } else if (first_add == mta.calls.size()) {
      first_add = i;
    }
  }
  BOOST_TEST(dels.size() == 3u);
  BOOST_TEST((std::find(dels.begin(), dels.end(), "del X-Impostor-Score 1") != dels.end()));
  auto v2 = std::find(dels.begin(), dels.end(), "del X-Impostor-Verdict 2");
  auto v1 = std::find(dels.begin(), dels.end(), "del X-Impostor-Verdict 1");
  BOOST_TEST((v2 != dels.end() && v1 != dels.end() && v2 < v1));
}

BOOST_AUTO_TEST_CASE(quarantine_stores_then_discards) {
  QuietLogs logs;
  World w;
  w.verdict = core::Verdict::quarantine;
  w.score = 12;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "claim your prize\r\n");
  BOOST_TEST(eom(s, mta) == Reply::discard);
  BOOST_TEST_REQUIRE(w.stored.size() == 1u);
  BOOST_TEST(w.stored[0].state == "quarantined");
  BOOST_TEST(w.stored[0].queue_id == "4ABCDE");
  BOOST_TEST(w.stored[0].mail_from == "scammer@example.net");
  BOOST_TEST(w.stored[0].rcpts.size() == 2u);
  BOOST_TEST(w.stored[0].client_addr == "192.0.2.7");
  BOOST_TEST(w.stored[0].hits_json.find("LOTTERY_PRIZE_EN") != std::string::npos);
  BOOST_TEST(w.stored_raw[0] == w.seen_raw);
  BOOST_TEST(!mta.has("add "));  // a discarded message is not modified
  BOOST_TEST(logs.lines.back().find("action=quarantine ref=q-1-abcdef01") != std::string::npos);
}

BOOST_DATA_TEST_CASE(store_failure_never_discards,
                     boost::unit_test::data::make({"tempfail", "accept"}) ^
                         boost::unit_test::data::make({Reply::tempfail, Reply::accept}),
                     on_error, expected) {
  QuietLogs logs;
  World w(std::string("on_error = ") + on_error + "\n");
  w.verdict = core::Verdict::quarantine;
  w.store_fails = true;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "claim your prize\r\n");
  const Reply r = eom(s, mta);
  BOOST_TEST(r == expected);
  BOOST_TEST(r != Reply::discard);
  if (expected == Reply::tempfail) BOOST_TEST(mta.has("reply 451 4.7.1"));
}

BOOST_AUTO_TEST_CASE(reject_stores_then_550_with_ref) {
  QuietLogs logs;
  World w("reject_message = 5.7.1 Refused as a scam\n");
  w.verdict = core::Verdict::reject;
  w.score = 30;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "claim your prize\r\n");
  BOOST_TEST(eom(s, mta) == Reply::reject);
  BOOST_TEST_REQUIRE(w.stored.size() == 1u);
  BOOST_TEST(w.stored[0].state == "rejected");
  BOOST_TEST(mta.has("reply 550 5.7.1 Refused as a scam (ref q-1-abcdef01)"));
}

// The site's action.* lines decide what happens to each verdict; the
// message here is lottery + tech-support (World).
BOOST_DATA_TEST_CASE(configured_actions_drive_the_reply,
                     boost::unit_test::data::make({
                         "action.quarantine = reject\n",
                         "action.lottery = deliver\n",
                         "action.lottery = quarantine\naction.tech-support = reject\n",
                         "action.lottery = reject\n",
                         "action.tag = quarantine\n",
                     }) ^ boost::unit_test::data::make({core::Verdict::quarantine, core::Verdict::reject,
                                                         core::Verdict::quarantine, core::Verdict::tag,
                                                         core::Verdict::tag}) ^
                         boost::unit_test::data::make({Reply::reject, Reply::cont, Reply::reject,
                                                       Reply::cont, Reply::discard}) ^
                         boost::unit_test::data::make({"rejected", "", "rejected", "", "quarantined"}),
                     config_text, verdict, expected, stored_state) {
  QuietLogs logs;
  World w(config_text);
  w.verdict = verdict;
  w.score = 15;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "claim your prize\r\n");
  BOOST_TEST(eom(s, mta) == expected);
  if (std::string(stored_state).empty()) {
    BOOST_TEST(w.stored.empty());
    // Delivered mail still says what the engine thought of it.
    BOOST_TEST(mta.has(std::string("add X-Impostor-Verdict: ") + core::to_string(verdict)));
  } else {
    BOOST_TEST_REQUIRE(w.stored.size() == 1u);
    BOOST_TEST(w.stored[0].state == stored_state);
  }
  BOOST_TEST(logs.lines.back().find(std::string("verdict=") + core::to_string(verdict)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(scanner_failure_takes_on_error) {
  QuietLogs logs;
  World w;
  w.scan_throws = true;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "x\r\n");
  BOOST_TEST(eom(s, mta) == Reply::tempfail);
  BOOST_TEST(mta.has("reply 451 4.7.1"));
}

BOOST_AUTO_TEST_CASE(header_action_failure_takes_on_error) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  FakeMta mta;
  mta.fail_add = true;
  feed(s, mta, kHeaders, "x\r\n");
  BOOST_TEST(eom(s, mta) == Reply::tempfail);
}

BOOST_AUTO_TEST_CASE(no_reply_stage_failure_is_answered_at_eom) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  s.set_protocol(false, {milter::Stage::envfrom, milter::Stage::header, milter::Stage::body});
  FakeMta mta;
  s.guard(mta, milter::Stage::envfrom, [&] { return s.on_envfrom("<a@b>", "Q1"); });
  BOOST_TEST(s.guard(mta, milter::Stage::header, [&] { return s.on_header("Subject", "x"); }) ==
             Reply::noreply);
  BOOST_TEST(s.guard(mta, milter::Stage::body, [&]() -> Reply { throw std::bad_alloc(); }) ==
             Reply::noreply);
  BOOST_TEST(eom(s, mta) == Reply::tempfail);
}

BOOST_AUTO_TEST_CASE(abort_forgets_the_message) {
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "first\r\n");
  s.guard(mta, milter::Stage::abort, [&] { return s.on_abort(); });
  s.guard(mta, milter::Stage::envfrom, [&] { return s.on_envfrom("<second@example.org>", ""); });
  s.guard(mta, milter::Stage::envrcpt, [&] { return s.on_rcpt("<x@example.jp>"); });
  s.guard(mta, milter::Stage::eoh, [&] { return s.on_eoh(""); });
  s.guard(mta, milter::Stage::body, [&] { return s.on_body("second\r\n"); });
  eom(s, mta);
  BOOST_TEST(w.seen_env.mail_from == "second@example.org");
  BOOST_TEST(w.seen_env.rcpt_to.size() == 1u);
  BOOST_TEST(w.seen_env.client_addr == "192.0.2.7");  // the connection stays
  BOOST_TEST(w.seen_raw == "\r\nsecond\r\n");
}

BOOST_AUTO_TEST_CASE(big_body_spills_and_stays_identical) {
  QuietLogs logs;
  World w("spill_bytes = 1K\n");
  w.verdict = core::Verdict::quarantine;
  milter::Session s(w.services);
  FakeMta mta;
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "line " + std::to_string(i) + " of the prize notice\r\n";
  feed(s, mta, kHeaders, body);
  BOOST_TEST(eom(s, mta) == Reply::discard);
  BOOST_TEST(w.seen_raw.size() > 40000u);
  BOOST_TEST(w.seen_raw.substr(w.seen_raw.size() - body.size()) == body);
  BOOST_TEST(w.stored_raw.at(0) == w.seen_raw);
}

BOOST_AUTO_TEST_CASE(oversized_message_is_tagged_not_quarantined) {
  QuietLogs logs;
  World w("max_message_size = 1K\nspill_bytes = 512\n");
  w.verdict = core::Verdict::quarantine;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, std::string(5000, 'a') + "\r\n");
  BOOST_TEST(eom(s, mta) == Reply::cont);
  BOOST_TEST(w.seen_raw.size() == 1024u);  // scanned truncated
  BOOST_TEST(w.stored.empty());
  BOOST_TEST(mta.has("add X-Impostor-Verdict: tag"));
}

BOOST_AUTO_TEST_CASE(oversize_action_accept_passes_unscanned) {
  QuietLogs logs;
  World w("max_message_size = 1K\nspill_bytes = 512\noversize_action = accept\n");
  w.verdict = core::Verdict::reject;
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, std::string(5000, 'a') + "\r\n");
  BOOST_TEST(eom(s, mta) == Reply::cont);
  BOOST_TEST(w.seen_raw.empty());  // the scanner never ran
  BOOST_TEST(w.stored.empty());
  BOOST_TEST(mta.has("add X-Impostor-Verdict: accept"));
  BOOST_TEST(mta.has("add X-Impostor-Score: 0.0"));
  BOOST_TEST(logs.lines.back().find("action=oversize-unscanned-deliver") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deferred_mail_from_failure_survives_later_stages) {
  // With MAIL FROM negotiated as "no reply", a failure there is answered at
  // end of message even though RCPT and the headers restart the message.
  QuietLogs logs;
  World w;
  milter::Session s(w.services);
  s.set_protocol(false, {milter::Stage::envfrom, milter::Stage::envrcpt, milter::Stage::header});
  FakeMta mta;
  BOOST_TEST(s.guard(mta, milter::Stage::envfrom, [&]() -> Reply { throw std::bad_alloc(); }) ==
             Reply::noreply);
  BOOST_TEST(s.guard(mta, milter::Stage::envrcpt, [&] { return s.on_rcpt("<you@example.jp>"); }) ==
             Reply::noreply);
  s.guard(mta, milter::Stage::header, [&] { return s.on_header("Subject", "x"); });
  BOOST_TEST(eom(s, mta) == Reply::tempfail);
  BOOST_TEST(w.seen_raw.empty());
}

BOOST_AUTO_TEST_CASE(reload_never_changes_a_message_in_flight) {
  QuietLogs logs;
  World w("on_error = tempfail\n");
  milter::Session s(w.services);
  FakeMta mta;
  feed(s, mta, kHeaders, "x\r\n");
  // A new generation arrives mid-message; this message keeps the old one.
  auto next = std::make_shared<milter::Generation>(*w.gen);
  next->scan = [](const core::Envelope&, std::string_view) -> core::ScanResult {
    throw std::runtime_error("new generation used mid-message");
  };
  w.gen = next;
  BOOST_TEST(eom(s, mta) == Reply::cont);
}

BOOST_AUTO_TEST_CASE(strip_angle_brackets) {
  BOOST_TEST(milter::strip_angle("<a@b>") == "a@b");
  BOOST_TEST(milter::strip_angle("<>") == "");
  BOOST_TEST(milter::strip_angle("a@b") == "a@b");
}

BOOST_AUTO_TEST_SUITE_END()

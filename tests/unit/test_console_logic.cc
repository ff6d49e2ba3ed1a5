// Unit tests for the console's logic units: login rate limiting, accounts
// (Argon2id hashes, sessions, CSRF tokens), the filtered quarantine listing
// and per-family counts, the release policy for executable "updates", the
// actions' audit trail, and page rendering of hostile records.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include "tests/unit/temp_dir.h"
#include "console/accounts.h"
#include "console/actions.h"
#include "console/pages.h"
#include "console/rate_limiter.h"
#include "core/quarantine_queries.h"
#include "core/quarantine_store.h"

using namespace impostor;
using namespace impostor::console;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

core::QuarantineRecord record(const std::string& subject, const std::string& family,
                              const std::string& rule, const std::string& from) {
  core::QuarantineRecord r;
  r.mail_from = from;
  r.from = from;
  r.rcpts = {"you@example.jp"};
  r.subject = subject;
  r.score = 12.5;
  r.verdict = "quarantine";
  r.families = {family};
  r.hits_json = "[{\"id\":\"" + rule + "\",\"family\":\"" + family +
                "\",\"score\":5.0,\"evidence\":\"won\",\"source\":\"body\"}]";
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(console_logic)

BOOST_AUTO_TEST_CASE(rate_limiter_blocks_then_forgets) {
  RateLimiter limiter(3, std::chrono::seconds(60));
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(limiter.allowed("ip:1", t0));
    limiter.failure("ip:1", t0);
  }
  BOOST_TEST(!limiter.allowed("ip:1", t0 + std::chrono::seconds(10)));
  BOOST_TEST(limiter.allowed("ip:2", t0));
  BOOST_TEST(limiter.allowed("ip:1", t0 + std::chrono::seconds(61)));
  limiter.failure("user:a", t0);
  limiter.success("user:a");
  BOOST_TEST(limiter.allowed("user:a", t0));
}

BOOST_AUTO_TEST_CASE(passwords_are_argon2id_and_verify) {
  const std::string hash = hash_password("correct horse");
  BOOST_TEST(hash.rfind("$argon2id$", 0) == 0);
  BOOST_TEST(verify_password(hash, "correct horse"));
  BOOST_TEST(!verify_password(hash, "correct horsE"));
}

BOOST_AUTO_TEST_CASE(tokens_are_random_and_compared_safely) {
  const auto a = random_token(32), b = random_token(32);
  BOOST_TEST(a.size() == 43u);
  BOOST_TEST(a != b);
  BOOST_TEST(tokens_equal(a, a));
  BOOST_TEST(!tokens_equal(a, b));
  BOOST_TEST(!tokens_equal("", ""));
  BOOST_TEST(!tokens_equal(a, a.substr(1)));
}

BOOST_AUTO_TEST_CASE(accounts_and_sessions) {
  TempDir dir;
  Accounts accounts(dir.path.string());
  BOOST_TEST(accounts.set_user("alice", "password-1", Role::admin));
  BOOST_TEST(!accounts.set_user("alice", "password-2", Role::admin));  // updated
  BOOST_CHECK_THROW(accounts.set_user("bob", "short", Role::viewer), AccountError);
  BOOST_CHECK_THROW(accounts.set_user("bad name", "long enough", Role::viewer), AccountError);
  BOOST_CHECK_THROW(accounts.set_user("x'--", "long enough", Role::viewer), AccountError);
  BOOST_TEST(!accounts.authenticate("alice", "password-1"));
  const auto alice = accounts.authenticate("alice", "password-2");
  BOOST_REQUIRE(alice);
  BOOST_TEST(alice->role == Role::admin);
  BOOST_TEST(!accounts.authenticate("nobody", "password-2"));

  const std::string token = accounts.start_session(*alice);
  const auto s = accounts.session(token);
  BOOST_REQUIRE(s);
  BOOST_TEST(s->user.name == "alice");
  BOOST_TEST(s->csrf.size() == 43u);
  BOOST_TEST(!accounts.session(token + "x"));
  BOOST_TEST(!accounts.session(""));
  accounts.end_session(token);
  BOOST_TEST(!accounts.session(token));

  // Removing a user ends their sessions.
  accounts.set_user("carol", "password-3", Role::viewer);
  const auto carol_token = accounts.start_session(*accounts.authenticate("carol", "password-3"));
  BOOST_TEST(accounts.remove_user("carol"));
  BOOST_TEST(!accounts.session(carol_token));
}

BOOST_AUTO_TEST_CASE(roles_order) {
  BOOST_TEST(at_least(Role::admin, Role::operator_));
  BOOST_TEST(at_least(Role::operator_, Role::operator_));
  BOOST_TEST(!at_least(Role::viewer, Role::operator_));
  Role r;
  BOOST_TEST(parse_role("operator", r));
  BOOST_TEST(r == Role::operator_);
  BOOST_TEST(!parse_role("root", r));
}

BOOST_AUTO_TEST_CASE(quarantine_ids_are_validated) {
  BOOST_TEST(core::valid_quarantine_id("q-1700000000-0a1b2c3d"));
  BOOST_TEST(!core::valid_quarantine_id("q-1700000000-0a1b2c3"));
  BOOST_TEST(!core::valid_quarantine_id("../quarantine.db"));
  BOOST_TEST(!core::valid_quarantine_id("q-1-0a1b2c3d/../../x"));
  BOOST_TEST(!core::valid_quarantine_id("q-1-0A1B2C3D"));
}

BOOST_AUTO_TEST_CASE(listing_filters_counts_and_pages) {
  TempDir dir;
  core::QuarantineStore store(dir.path.string());
  core::QuarantineQueries queries(dir.path.string());
  const auto a = store.add(record("Lottery", "lottery", "LOTTERY_PRIZE", "prize@win.example"), "x", "t");
  const auto b = store.add(record("Bulletin", "fake-bulletin", "FAKE_BULLETIN_ATTACHED_UPDATE", "ms@upd.example"), "x", "t");
  const auto c = store.add(record("100%_off", "lottery", "LOTTERY_PRIZE", "other@x.example"), "x", "t");

  core::QuarantineFilter all;
  auto page = queries.find(all, 0, 50);
  BOOST_TEST(page.total == 3);
  BOOST_REQUIRE(page.family_counts.size() == 2u);
  BOOST_TEST(page.family_counts[0].first == "lottery");
  BOOST_TEST(page.family_counts[0].second == 2);

  core::QuarantineFilter fam;
  fam.family = "fake-bulletin";
  page = queries.find(fam, 0, 50);
  BOOST_TEST(page.total == 1);
  BOOST_TEST(page.entries.at(0).id == b);
  BOOST_TEST(page.family_counts.size() == 2u);  // counts ignore the family filter

  core::QuarantineFilter sender;
  sender.sender = "win.example";
  BOOST_TEST(queries.find(sender, 0, 50).entries.at(0).id == a);
  sender.sender = "%";  // a literal percent, not a wildcard
  BOOST_TEST(queries.find(sender, 0, 50).total == 0);
  sender.sender = "' OR 1=1 --";
  BOOST_TEST(queries.find(sender, 0, 50).total == 0);

  core::QuarantineFilter ids;
  ids.ids = std::vector<std::string>{c, "q-1-00000000"};
  BOOST_TEST(queries.find(ids, 0, 50).total == 1);

  core::QuarantineFilter dates;
  dates.date_from = "2000-01-01";
  dates.date_to = "2000-01-02";
  BOOST_TEST(queries.find(dates, 0, 50).total == 0);
  // Both ends are whole days, inclusive: today..today holds all of today's.
  dates.date_from = dates.date_to = core::iso8601_utc_now().substr(0, 10);
  BOOST_TEST(queries.find(dates, 0, 50).total == 3);
  dates.date_to = "2000-01-02";
  BOOST_TEST(queries.find(dates, 0, 50).total == 0);

  page = queries.find(all, 1, 1);
  BOOST_TEST(page.entries.size() == 1u);
  BOOST_TEST(page.total == 3);

  store.remove(a, "t");
  BOOST_TEST(queries.find(all, 0, 50).total == 2);  // deleted ones hidden by default
  core::QuarantineFilter deleted;
  deleted.state = "deleted";
  BOOST_TEST(queries.find(deleted, 0, 50).total == 1);
}

BOOST_AUTO_TEST_CASE(actions_follow_the_policy_and_audit) {
  TempDir dir;
  core::QuarantineStore store(dir.path.string());
  core::QuarantineQueries queries(dir.path.string());
  int sent = 0;
  ActionRunner runner(store, queries, [&sent](const std::string&, const std::vector<std::string>&,
                                              std::string_view) { ++sent; });
  const auto lottery = store.add(record("Lottery", "lottery", "LOTTERY_PRIZE", "a@b.example"), "x", "t");
  const auto update = store.add(record("Update", "fake-bulletin", "ATTACHMENT_EXECUTABLE", "c@d.example"), "x", "t");
  const User viewer{"vic", Role::viewer, ""}, op{"olga", Role::operator_, ""}, admin{"ada", Role::admin, ""};

  BOOST_TEST(!runner.run(Action::release, {lottery}, viewer).at(0).ok);
  BOOST_TEST(sent == 0);
  BOOST_TEST(!runner.run(Action::release, {"../../etc/passwd"}, op).at(0).ok);

  const auto refused = runner.run(Action::release, {update}, op);
  BOOST_TEST(!refused.at(0).ok);
  BOOST_TEST(sent == 0);
  BOOST_TEST(store.audit(update).back().action == "release-refused");
  BOOST_TEST(store.audit(update).back().who == "console:olga");

  const auto both = runner.run(Action::not_scam, {lottery, update}, admin);
  BOOST_TEST(both.at(0).ok);
  BOOST_TEST(both.at(1).ok);
  BOOST_TEST(sent == 2);
  BOOST_TEST(store.get(lottery)->state == "released");
  const auto fps = queries.false_positives(10);
  BOOST_REQUIRE(fps.size() == 2u);
  BOOST_TEST(fps.back().rules_json == "[\"LOTTERY_PRIZE\"]");
  BOOST_TEST(store.audit(lottery).back().action == "false-positive");
  BOOST_TEST(store.audit(lottery).back().who == "console:ada");

  const auto del = runner.run(Action::remove, {lottery}, op);
  BOOST_TEST(del.at(0).ok);
  BOOST_TEST(store.get(lottery)->state == "deleted");
}

BOOST_AUTO_TEST_CASE(release_policy_reads_rule_ids) {
  auto r = record("x", "fake-bulletin", "FAKE_BULLETIN_ATTACHED_UPDATE", "a@b");
  BOOST_TEST(release_needs_admin(r));
  r.hits_json = "[{\"id\":\"LOTTERY_PRIZE\"}]";
  BOOST_TEST(!release_needs_admin(r));
  r.hits_json = "not json";
  BOOST_TEST(!release_needs_admin(r));
}

BOOST_AUTO_TEST_CASE(pages_escape_hostile_records) {
  PageContext ctx{{"ada", Role::admin, ""}, "tok\"en"};
  ListQuery q;
  core::QuarantinePage page;
  auto r = record("<script>alert(1)</script>\xE2\x80\xAEtxt.exe", "lottery", "LOTTERY_PRIZE",
                  "\"><img src=x onerror=alert(1)>@x");
  r.id = "q-1700000000-0a1b2c3d";
  page.entries.push_back(r);
  page.total = 1;
  const std::string list = render_list(ctx, q, page);
  BOOST_TEST(list.find("<script>alert") == std::string::npos);
  BOOST_TEST(list.find("<img src=x") == std::string::npos);
  BOOST_TEST(list.find("U+202E") != std::string::npos);
  BOOST_TEST(list.find("value=\"tok&quot;en\"") != std::string::npos);
  BOOST_TEST(list.find(" style=") == std::string::npos);  // the CSP allows no inline style attributes
  BOOST_TEST(list.find("the search stops at") == std::string::npos);
  q.search_capped = true;  // a search that hit its limit says so
  BOOST_TEST(render_list(ctx, q, page).find("the search stops at its first 2000 matches") != std::string::npos);

  MessagePage m;
  m.rec = r;
  m.body_text = "you won <b>";
  m.has_html = true;
  const std::string msg = render_message(ctx, m);
  BOOST_TEST(msg.find("<script>alert") == std::string::npos);
  BOOST_TEST(msg.find("<iframe class=\"html\" id=\"html-body\" title=\"sanitised HTML body\" sandbox ") != std::string::npos);
  BOOST_TEST(msg.find("allow-scripts") == std::string::npos);
  BOOST_TEST(msg.find("<mark title=\"LOTTERY_PRIZE\">won</mark> &lt;b&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

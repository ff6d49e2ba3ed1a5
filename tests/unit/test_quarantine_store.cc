// Unit tests for core/quarantine_store, core/durable_file and
// core/smtp_relay: durable writes, state transitions with their audit trail,
// idempotent release (with a fake relay and against a real smtp-sink), and
// a crash at every step of add() and release() (a forked child aborts at an
// IMPOSTOR_CRASH_AT point; the parent checks what was left behind).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "tests/unit/temp_dir.h"
#include "core/durable_file.h"
#include "core/quarantine_store.h"
#include "core/smtp_relay.h"

using namespace impostor;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

const std::string kRaw =
    "From: Prize Team <award@example.net>\r\nTo: you@example.jp\r\n"
    "X-Impostor-Verdict: accept\r\n"
    "Subject: You won\r\n\r\nClaim your prize.\r\n.leading dot line\r\n";

core::QuarantineRecord sample(const std::string& state = "quarantined") {
  core::QuarantineRecord r;
  r.queue_id = "4ABCDE";
  r.mail_from = "award@example.net";
  r.rcpts = {"you@example.jp", "boss@example.jp"};
  r.client_addr = "192.0.2.7";
  r.subject = "You won";
  r.from = "award@example.net";
  r.score = 12.25;
  r.verdict = state == "rejected" ? "reject" : "quarantine";
  r.families = {"lottery"};
  r.hits_json = R"([{"id":"LOTTERY_PRIZE_EN","family":"lottery","score":4.0,"evidence":"won"}])";
  r.state = state;
  return r;
}

struct CountingRelay {
  int calls = 0;
  std::string last_from, last_raw;
  std::vector<std::string> last_rcpts;
  bool fail = false;
  core::RelayFn fn() {
    return [this](const std::string& f, const std::vector<std::string>& r, std::string_view raw) {
      if (fail) throw core::RelayError("relay said 451");
      ++calls;
      last_from = f;
      last_rcpts = r;
      last_raw.assign(raw);
    };
  }
};

std::vector<std::string> actions(const core::QuarantineStore& s, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& a : s.audit(id)) out.push_back(a.action);
  return out;
}

size_t files_in(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
  return n;
}


// Runs `work` in a child process told to abort at crash point `point`
// (IMPOSTOR_CRASH_AT); true when it did. A child that never reaches the
// point exits normally.
template <class Fn>
bool crashes_at(const char* point, Fn work) {
  const pid_t pid = fork();
  if (pid == 0) {
    ::setenv("IMPOSTOR_CRASH_AT", point, 1);
    ::signal(SIGABRT, SIG_DFL);
    try {
      work();
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quarantine_store)

BOOST_AUTO_TEST_CASE(durable_file_is_all_or_nothing) {
  TempDir t;
  {
    core::DurableFile f(t.path.string(), "a.eml");
    f.write("partial");
    BOOST_TEST(fs::exists(f.temp_path()));
  }  // no commit: the temp file goes away
  BOOST_TEST(files_in(t.path) == 0u);
  core::DurableFile f(t.path.string(), "b.eml");
  f.write("complete");
  const auto path = f.commit();
  BOOST_TEST(path == (t.path / "b.eml").string());
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  BOOST_TEST(s == "complete");
  BOOST_TEST(files_in(t.path) == 1u);
}

BOOST_AUTO_TEST_CASE(add_writes_file_row_and_audit) {
  TempDir t;
  core::QuarantineStore store(t.path.string());
  BOOST_TEST(fs::exists(t.path / "quarantine.db"));
  const auto id = store.add(sample(), kRaw, "impostor-milter");
  BOOST_TEST(id.rfind("q-", 0) == 0u);
  BOOST_TEST(fs::exists(store.message_path(id)));
  BOOST_TEST(store.read_message(id) == kRaw);
  const auto rec = store.get(id);
  BOOST_TEST_REQUIRE(rec.has_value());
  BOOST_TEST(rec->state == "quarantined");
  BOOST_TEST(rec->rcpts.size() == 2u);
  BOOST_TEST(rec->score == 12.25);
  BOOST_TEST(rec->size == kRaw.size());
  BOOST_TEST(rec->created.size() == 20u);  // 2026-11-20T08:15:00Z
  BOOST_TEST(rec->hits_json.find("LOTTERY_PRIZE_EN") != std::string::npos);
  BOOST_TEST(actions(store, id) == std::vector<std::string>{"quarantine"});
  BOOST_TEST(store.audit(id).at(0).who == "impostor-milter");
  BOOST_TEST(store.list("quarantined").size() == 1u);
  BOOST_TEST(store.list("released").empty());
  BOOST_TEST(store.add(sample(), kRaw, "m") != id);  // ids are unique
}

BOOST_AUTO_TEST_CASE(wal_mode_is_on) {
  TempDir t;
  { core::QuarantineStore store(t.path.string()); store.add(sample(), kRaw, "m"); }
  std::ifstream db(t.path / "quarantine.db", std::ios::binary);
  char header[20] = {0};
  db.read(header, sizeof header);
  BOOST_TEST(static_cast<int>(header[18]) == 2);  // file format write version 2 = WAL
}

BOOST_AUTO_TEST_CASE(release_is_idempotent_and_keeps_the_envelope) {
  TempDir t;
  core::QuarantineStore store(t.path.string());
  const auto id = store.add(sample(), kRaw, "m");
  CountingRelay relay;
  BOOST_TEST((store.release(id, "alice", relay.fn()) == core::QuarantineStore::Release::sent));
  BOOST_TEST((store.release(id, "bob", relay.fn()) ==
              core::QuarantineStore::Release::already_released));
  BOOST_TEST(relay.calls == 1);
  BOOST_TEST(relay.last_from == "award@example.net");
  BOOST_TEST(relay.last_rcpts == (std::vector<std::string>{"you@example.jp", "boss@example.jp"}));
  // Original body; forged X-Impostor-* replaced by ours.
  BOOST_TEST(relay.last_raw.find("Claim your prize.\r\n.leading dot line\r\n") != std::string::npos);
  BOOST_TEST(relay.last_raw.find("X-Impostor-Verdict: accept") == std::string::npos);
  BOOST_TEST(relay.last_raw.rfind("X-Impostor-Verdict: quarantine\r\n", 0) == 0u);
  BOOST_TEST(relay.last_raw.find("X-Impostor-Released: " + id + " by alice") != std::string::npos);
  BOOST_TEST(store.get(id)->state == "released");
  BOOST_TEST(actions(store, id) == (std::vector<std::string>{"quarantine", "release-start", "release"}));
  BOOST_TEST(store.audit(id).back().who == "alice");
}

BOOST_AUTO_TEST_CASE(failed_release_stays_releasable) {
  TempDir t;
  core::QuarantineStore store(t.path.string());
  const auto id = store.add(sample(), kRaw, "m");
  CountingRelay relay;
  relay.fail = true;
  BOOST_CHECK_THROW(store.release(id, "alice", relay.fn()), core::RelayError);
  BOOST_TEST(store.get(id)->state == "quarantined");
  BOOST_TEST(actions(store, id).back() == "release-failed");
  relay.fail = false;
  BOOST_TEST((store.release(id, "alice", relay.fn()) == core::QuarantineStore::Release::sent));
  BOOST_TEST(relay.calls == 1);
}

BOOST_AUTO_TEST_CASE(state_transitions) {
  TempDir t;
  core::QuarantineStore store(t.path.string());
  CountingRelay relay;
  const auto rejected = store.add(sample("rejected"), kRaw, "m");
  BOOST_TEST(store.get(rejected)->state == "rejected");
  BOOST_TEST(actions(store, rejected) == std::vector<std::string>{"reject"});
  // A rejected message was refused to its sender: it cannot be released.
  BOOST_CHECK_THROW(store.release(rejected, "alice", relay.fn()), core::StoreError);

  const auto id = store.add(sample(), kRaw, "m");
  BOOST_TEST(store.remove(id, "carol"));
  BOOST_TEST(!store.remove(id, "carol"));
  BOOST_TEST(store.get(id)->state == "deleted");
  BOOST_TEST(!fs::exists(store.message_path(id)));
  BOOST_CHECK_THROW(store.release(id, "alice", relay.fn()), core::StoreError);
  BOOST_CHECK_THROW(store.release("q-0-00000000", "alice", relay.fn()), core::StoreError);
  BOOST_CHECK_THROW(store.add(sample("released"), kRaw, "m"), core::StoreError);
  BOOST_TEST(relay.calls == 0);
  BOOST_TEST(actions(store, id) == (std::vector<std::string>{"quarantine", "delete"}));
}

// A crash at each step of add(): afterwards there is either a complete entry
// (row + file) or no entry at all — never a row without its bytes.
BOOST_DATA_TEST_CASE(crash_during_add,
                     boost::unit_test::data::make({"durable.after_temp_write", "durable.after_rename",
                                                   "store.after_file", "store.before_commit",
                                                   "store.after_commit"}) ^
                         boost::unit_test::data::make({false, false, false, false, true}),
                     point, entry_expected) {
  TempDir t;
  { core::QuarantineStore init(t.path.string()); }
  BOOST_TEST(crashes_at(point, [&] {
    core::QuarantineStore store(t.path.string());
    store.add(sample(), kRaw, "m");
  }));
  core::QuarantineStore store(t.path.string());
  const auto entries = store.list();
  BOOST_TEST(entries.size() == (entry_expected ? 1u : 0u));
  for (const auto& e : entries) {
    BOOST_TEST(store.read_message(e.id) == kRaw);
    BOOST_TEST(actions(store, e.id) == std::vector<std::string>{"quarantine"});
  }
}

// A crash during release never loses the mail: the entry stays releasable
// (quarantined or releasing) until the release was recorded.
BOOST_DATA_TEST_CASE(crash_during_release,
                     boost::unit_test::data::make({"release.after_mark", "release.after_send"}) ^
                         boost::unit_test::data::make({0, 1}),
                     point, sends_before_crash) {
  TempDir t;
  std::string id;
  { core::QuarantineStore init(t.path.string()); id = init.add(sample(), kRaw, "m"); }
  const fs::path marker = t.path / "sent";
  BOOST_TEST(crashes_at(point, [&] {
    core::QuarantineStore store(t.path.string());
    store.release(id, "alice", [&](const std::string&, const std::vector<std::string>&,
                                   std::string_view) { std::ofstream(marker) << "x"; });
  }));
  BOOST_TEST(fs::exists(marker) == (sends_before_crash == 1));
  core::QuarantineStore store(t.path.string());
  BOOST_TEST(store.get(id)->state == "releasing");
  BOOST_TEST(fs::exists(store.message_path(id)));
  CountingRelay relay;  // retrying completes it
  BOOST_TEST((store.release(id, "alice", relay.fn()) == core::QuarantineStore::Release::sent));
  BOOST_TEST(store.get(id)->state == "released");
}

// Against Postfix's smtp-sink: the relay really speaks SMTP, the envelope
// arrives unchanged, a second release sends nothing.
BOOST_AUTO_TEST_CASE(release_against_smtp_sink) {
  const char* sink_bin = "/usr/sbin/smtp-sink";
  if (!fs::exists(sink_bin)) {
    BOOST_TEST_MESSAGE("smtp-sink not installed; skipped");
    return;
  }
  TempDir t;
  const fs::path sink_dir = t.path / "sink";
  fs::create_directories(sink_dir);
  const bool root = ::geteuid() == 0;
  if (root) {
    if (std::system(("chown postfix " + sink_dir.string() + " 2>/dev/null").c_str()) != 0) {
      BOOST_TEST_MESSAGE("no postfix user; skipped");
      return;
    }
  }
  const int port = 20000 + static_cast<int>(::getpid() % 20000);
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  const std::string pattern = (sink_dir / "%M.").string();
  const pid_t pid = fork();
  if (pid == 0) {
    if (root)
      ::execl(sink_bin, "smtp-sink", "-u", "postfix", "-d", pattern.c_str(), listen.c_str(), "5",
              nullptr);
    else
      ::execl(sink_bin, "smtp-sink", "-d", pattern.c_str(), listen.c_str(), "5", nullptr);
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  core::QuarantineStore store((t.path / "state").string());
  const auto id = store.add(sample(), kRaw, "m");
  int sends = 0;
  const core::RelayFn relay = [&](const std::string& f, const std::vector<std::string>& r,
                                  std::string_view raw) {
    ++sends;
    core::relay_smtp(listen, f, r, raw, 20);
  };
  BOOST_CHECK_NO_THROW(store.release(id, "alice", relay));
  BOOST_TEST((store.release(id, "alice", relay) == core::QuarantineStore::Release::already_released));
  BOOST_TEST(sends == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);

  BOOST_TEST_REQUIRE(files_in(sink_dir) == 1u);
  std::string delivered;
  for (const auto& e : fs::directory_iterator(sink_dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    delivered.assign(std::istreambuf_iterator<char>(in), {});
  }
  BOOST_TEST(delivered.find("award@example.net") != std::string::npos);  // X-Mail-Args
  BOOST_TEST(delivered.find("boss@example.jp") != std::string::npos);    // X-Rcpt-Args
  BOOST_TEST(delivered.find("Claim your prize.") != std::string::npos);
  BOOST_TEST(delivered.find(".leading dot line") != std::string::npos);  // dot-stuffing undone
}

BOOST_AUTO_TEST_CASE(relay_failure_is_reported) {
  // Nothing listens on port 1.
  BOOST_CHECK_THROW(core::relay_smtp("127.0.0.1:1", "a@b", {"c@d"}, "Subject: x\r\n\r\nx\r\n", 5),
                    core::RelayError);
}

BOOST_AUTO_TEST_SUITE_END()

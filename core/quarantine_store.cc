// quarantine_store.cc — see quarantine_store.h for the invariants.
#include "core/quarantine_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/durable_file.h"
#include "core/quarantine_row.h"
#include "core/sqlite_statement.h"

namespace impostor::core {

using json = nlohmann::json;

struct QuarantineStore::Db : SqliteDb {};

namespace {

using Stmt = SqliteStatement<StoreError>;
using Transaction = SqliteTransaction<StoreError>;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS entries (
  id          TEXT PRIMARY KEY,
  created     TEXT NOT NULL,
  queue_id    TEXT NOT NULL DEFAULT '',
  mail_from   TEXT NOT NULL DEFAULT '',
  rcpts       TEXT NOT NULL DEFAULT '[]',
  client_addr TEXT NOT NULL DEFAULT '',
  subject     TEXT NOT NULL DEFAULT '',
  from_addr   TEXT NOT NULL DEFAULT '',
  score       REAL NOT NULL DEFAULT 0,
  verdict     TEXT NOT NULL DEFAULT '',
  families    TEXT NOT NULL DEFAULT '[]',
  hits        TEXT NOT NULL DEFAULT '[]',
  state       TEXT NOT NULL CHECK (state IN
                ('quarantined','releasing','released','rejected','deleted')),
  size        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entries_state ON entries (state, created);
-- The console's newest-first pages: everything the unfiltered and the
-- family/verdict/state/date-filtered lists read, without the rows.
CREATE INDEX IF NOT EXISTS entries_listing ON entries (created, id, state, verdict, families);
-- Its per-family counts: GROUP BY families in index order.
CREATE INDEX IF NOT EXISTS entries_families ON entries (families, state);
CREATE TABLE IF NOT EXISTS audit (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id TEXT NOT NULL REFERENCES entries (id),
  at       TEXT NOT NULL,
  who      TEXT NOT NULL,
  action   TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_entry ON audit (entry_id, seq);
PRAGMA user_version = 1;
)sql";

const std::string kColumns = quarantine_columns();

void insert_audit(sqlite3* db, const std::string& id, const std::string& who,
                  const std::string& action, const std::string& detail) {
  Stmt s(db, "INSERT INTO audit (entry_id, at, who, action, detail) VALUES (?,?,?,?,?)");
  s.bind(1, id).bind(2, iso8601_utc_now()).bind(3, who).bind(4, action).bind(5, detail);
  s.step();
}

bool ieq_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::string one_decimal(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

// The bytes a release sends: the original message with any X-Impostor-*
// header fields removed (they were either forged by the sender or describe a
// scan that is now overridden) and fresh ones in front saying what happened.
std::string release_bytes(const QuarantineRecord& rec, const std::string& raw,
                          const std::string& who) {
  std::string families;
  for (const auto& f : rec.families) families += (families.empty() ? "" : ", ") + f;
  std::string out = "X-Impostor-Verdict: " + rec.verdict + "\r\n" +
                    "X-Impostor-Score: " + one_decimal(rec.score) + "\r\n" +
                    "X-Impostor-Categories: " + families + "\r\n" +
                    "X-Impostor-Released: " + rec.id + " by " + who + " at " +
                    iso8601_utc_now() + "\r\n";
  out.reserve(out.size() + raw.size());
  size_t pos = 0;
  bool skipping = false;
  while (pos < raw.size()) {
    size_t eol = raw.find('\n', pos);
    const size_t next = eol == std::string::npos ? raw.size() : eol + 1;
    std::string_view line(raw.data() + pos, next - pos);
    const bool blank = line == "\n" || line == "\r\n";
    if (blank) {  // end of the header section: copy the rest untouched
      out.append(raw, pos, std::string::npos);
      return out;
    }
    const bool continuation = line[0] == ' ' || line[0] == '\t';
    if (!continuation) skipping = ieq_prefix(line, "x-impostor-");
    if (!skipping) out.append(line);
    pos = next;
  }
  return out;
}

}  // namespace

// ---- free helpers ---------------------------------------------------------

std::string iso8601_utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string new_quarantine_id() {
  unsigned char rnd[4];
  if (::getrandom(rnd, sizeof rnd, 0) != sizeof rnd) throw StoreError("getrandom failed");
  char buf[64];
  std::snprintf(buf, sizeof buf, "q-%lld-%02x%02x%02x%02x", static_cast<long long>(std::time(nullptr)),
                rnd[0], rnd[1], rnd[2], rnd[3]);
  return buf;
}

QuarantineRecord record_from_scan(const Envelope& envelope, const ScanResult& result) {
  QuarantineRecord r;
  r.queue_id = envelope.queue_id;
  r.mail_from = envelope.mail_from;
  r.rcpts = envelope.rcpt_to;
  r.client_addr = envelope.client_addr;
  r.subject = result.subject;
  r.from = result.from;
  r.score = result.score;
  r.verdict = to_string(result.verdict);
  r.families = result.categories;
  json hits = json::array();
  for (const auto& f : result.findings)
    hits.push_back({{"id", f.rule_id},
                    {"family", f.family},
                    {"score", f.score},
                    {"evidence", f.evidence},
                    {"source", f.source}});
  // Evidence is excerpted from hostile mail: never let bad UTF-8 throw.
  r.hits_json = hits.dump(-1, ' ', false, json::error_handler_t::replace);
  r.state = result.verdict == Verdict::reject ? "rejected" : "quarantined";
  return r;
}

// ---- the store --------------------------------------------------------------

QuarantineStore::QuarantineStore(const std::string& state_dir)
    : state_dir_(state_dir), messages_dir_(state_dir + "/messages"), db_(std::make_unique<Db>()) {
  make_dirs(messages_dir_);
  const std::string path = state_dir_ + "/quarantine.db";
  db_->open<StoreError>(path, true);  // the CLI and the milter share the file
  sqlite_exec<StoreError>(db_->handle, "PRAGMA journal_mode = WAL");
  // FULL: a committed quarantine row survives a power cut, like its file.
  sqlite_exec<StoreError>(db_->handle, "PRAGMA synchronous = FULL");
  sqlite_exec<StoreError>(db_->handle, "PRAGMA foreign_keys = ON");
  sqlite_exec<StoreError>(db_->handle, kSchema);
  sweep_orphans();
}

QuarantineStore::~QuarantineStore() = default;

std::string QuarantineStore::message_path(const std::string& id) const {
  return messages_dir_ + "/" + id + ".eml";
}

void QuarantineStore::sweep_orphans() {
  // Files left by a crash between the file write and the row commit. Only
  // old ones: a writer in another process may be between the two right now.
  const time_t cutoff = std::time(nullptr) - 3600;
  std::set<std::string> known;
  {
    std::lock_guard lock(mu_);
    Stmt s(db_->handle, "SELECT id FROM entries WHERE state <> 'deleted'");
    while (s.step()) known.insert(s.text(0) + ".eml");
  }
  DIR* d = ::opendir(messages_dir_.c_str());
  if (!d) return;
  std::vector<std::string> stale;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const bool tmp = name.rfind(".tmp.", 0) == 0;
    if (!tmp && known.count(name)) continue;
    struct stat st;
    const std::string p = messages_dir_ + "/" + name;
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < cutoff)
      stale.push_back(p);
  }
  ::closedir(d);
  for (const auto& p : stale) ::unlink(p.c_str());
}

std::string QuarantineStore::add(QuarantineRecord rec, std::string_view raw,
                                 const std::string& who) {
  if (rec.state != "quarantined" && rec.state != "rejected")
    throw StoreError("a new entry must be quarantined or rejected, not " + rec.state);
  rec.id = new_quarantine_id();
  rec.created = iso8601_utc_now();
  rec.size = raw.size();

  // 1. The bytes, durably, under their final name.
  {
    DurableFile file(messages_dir_, rec.id + ".eml");
    file.write(raw);
    file.commit();
  }
  crash_point("store.after_file");

  // 2. The row and its first audit event, in one durable transaction.
  std::lock_guard lock(mu_);
  Transaction tx(db_->handle);
  {
    Stmt s(db_->handle,
           "INSERT INTO entries (id, created, queue_id, mail_from, rcpts, client_addr, subject, "
           "from_addr, score, verdict, families, hits, state, size) "
           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const auto dump = [](const auto& v) {
      return json(v).dump(-1, ' ', false, json::error_handler_t::replace);
    };
    s.bind(1, rec.id).bind(2, rec.created).bind(3, rec.queue_id).bind(4, rec.mail_from);
    s.bind(5, dump(rec.rcpts)).bind(6, rec.client_addr).bind(7, rec.subject).bind(8, rec.from);
    s.bind(9, rec.score).bind(10, rec.verdict).bind(11, dump(rec.families));
    s.bind(12, rec.hits_json.empty() ? std::string("[]") : rec.hits_json);
    s.bind(13, rec.state).bind(14, static_cast<int64_t>(rec.size));
    s.step();
  }
  insert_audit(db_->handle, rec.id, who, rec.state == "rejected" ? "reject" : "quarantine",
               "queue_id=" + rec.queue_id + " score=" + one_decimal(rec.score));
  crash_point("store.before_commit");
  tx.commit();
  crash_point("store.after_commit");
  return rec.id;
}

std::vector<QuarantineRecord> QuarantineStore::list(const std::string& state) const {
  std::lock_guard lock(mu_);
  std::string sql = std::string("SELECT ") + kColumns + " FROM entries";
  sql += state.empty() ? " ORDER BY created, id" : " WHERE state = ? ORDER BY created, id";
  Stmt s(db_->handle, sql.c_str());
  if (!state.empty()) s.bind(1, state);
  std::vector<QuarantineRecord> out;
  while (s.step()) out.push_back(record_from_row(s));
  return out;
}

std::optional<QuarantineRecord> QuarantineStore::get(const std::string& id) const {
  std::lock_guard lock(mu_);
  const std::string sql = std::string("SELECT ") + kColumns + " FROM entries WHERE id = ?";
  Stmt s(db_->handle, sql.c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return record_from_row(s);
}

std::string QuarantineStore::read_message(const std::string& id) const {
  std::ifstream in(message_path(id), std::ios::binary);
  if (!in) throw StoreError(id + ": message file " + message_path(id) + " is missing");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<AuditEvent> QuarantineStore::audit(const std::string& id) const {
  std::lock_guard lock(mu_);
  Stmt s(db_->handle,
         "SELECT seq, entry_id, at, who, action, detail FROM audit WHERE entry_id = ? ORDER BY seq");
  s.bind(1, id);
  std::vector<AuditEvent> out;
  while (s.step())
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
  return out;
}

void QuarantineStore::set_state(const std::string& id, const std::string& state,
                                const std::string& who, const std::string& action,
                                const std::string& detail) {
  std::lock_guard lock(mu_);
  Transaction tx(db_->handle);
  Stmt s(db_->handle, "UPDATE entries SET state = ? WHERE id = ?");
  s.bind(1, state).bind(2, id);
  s.step();
  insert_audit(db_->handle, id, who, action, detail);
  tx.commit();
}

QuarantineStore::Release QuarantineStore::release(const std::string& id, const std::string& who,
                                                  const RelayFn& relay) {
  auto rec = get(id);
  if (!rec) throw StoreError(id + ": no such quarantine entry");
  if (rec->state == "released") return Release::already_released;
  if (rec->state != "quarantined" && rec->state != "releasing")
    throw StoreError(id + ": entry is " + rec->state + ", only quarantined mail can be released");

  // The lock on the message file makes a second, concurrent release (another
  // `impostor quarantine release`, the console) wait and then see "released".
  Fd fd(::open(message_path(id).c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw StoreError(id + ": cannot open " + message_path(id) + ": " + std::strerror(errno));
  while (::flock(fd.get(), LOCK_EX) != 0)
    if (errno != EINTR) throw StoreError(id + ": cannot lock: " + std::strerror(errno));

  rec = get(id);
  if (!rec) throw StoreError(id + ": entry vanished");
  if (rec->state == "released") return Release::already_released;
  if (rec->state != "quarantined" && rec->state != "releasing")
    throw StoreError(id + ": entry is " + rec->state + ", only quarantined mail can be released");

  const std::string raw = read_message(id);
  set_state(id, "releasing", who, "release-start", "");
  crash_point("release.after_mark");
  try {
    relay(rec->mail_from, rec->rcpts, release_bytes(*rec, raw, who));
  } catch (const std::exception& e) {
    // Nothing was accepted by the relay: back to quarantined, say why.
    set_state(id, "quarantined", who, "release-failed", e.what());
    throw;
  }
  crash_point("release.after_send");
  set_state(id, "released", who, "release", "");
  return Release::sent;
}

bool QuarantineStore::remove(const std::string& id, const std::string& who) {
  auto rec = get(id);
  if (!rec) throw StoreError(id + ": no such quarantine entry");
  if (rec->state == "deleted") return false;
  {
    // Wait for a release in progress to finish before the bytes go.
    Fd fd(::open(message_path(id).c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() >= 0)
      while (::flock(fd.get(), LOCK_EX) != 0 && errno == EINTR) {
      }
    rec = get(id);
    if (!rec || rec->state == "deleted") return false;
    // The row first: a crash after it leaves only a file the sweep removes.
    set_state(id, "deleted", who, "delete", "was " + rec->state);
  }
  unlink_durably(message_path(id));
  return true;
}

}  // namespace impostor::core

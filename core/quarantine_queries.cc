// quarantine_queries.cc — see quarantine_queries.h for the invariants.
#include "core/quarantine_queries.h"

#include "core/quarantine_row.h"
#include "core/sqlite_statement.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <map>
#include <regex>

namespace impostor::core {

using json = nlohmann::json;

struct QuarantineQueries::Db : SqliteDb {};

namespace {

using Query = SqliteStatement<StoreError>;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS false_positives (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id  TEXT NOT NULL REFERENCES entries (id),
  at        TEXT NOT NULL,
  who       TEXT NOT NULL,
  subject   TEXT NOT NULL DEFAULT '',
  from_addr TEXT NOT NULL DEFAULT '',
  score     REAL NOT NULL DEFAULT 0,
  families  TEXT NOT NULL DEFAULT '[]',
  rules     TEXT NOT NULL DEFAULT '[]',
  hits      TEXT NOT NULL DEFAULT '[]',
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS false_positives_entry ON false_positives (entry_id);
)sql";

const std::string kColumns = quarantine_columns("e.");

// "%needle%" for LIKE ... ESCAPE '\': the user's own % and _ match literally.
std::string like_pattern(const std::string& needle) {
  std::string out = "%";
  for (const char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "%";
}

// WHERE clause text (fixed SQL only) and its parameters.
struct Where {
  std::string sql;
  std::vector<std::string> params;
  void add(const std::string& clause, std::vector<std::string> values) {
    sql += (sql.empty() ? " WHERE " : " AND ") + clause;
    for (auto& v : values) params.push_back(std::move(v));
  }
};

Where where_of(const QuarantineFilter& f, bool with_family) {
  Where w;
  if (f.state.empty()) w.add("e.state <> 'deleted'", {});
  else w.add("e.state = ?", {f.state});
  // families is a JSON array of the fixed family words: looking for the
  // quoted word is exact, and far cheaper than json_each on every row.
  if (with_family && !f.family.empty()) w.add("instr(e.families, ?) > 0", {json(f.family).dump()});
  if (!f.verdict.empty()) w.add("e.verdict = ?", {f.verdict});
  if (!f.sender.empty())
    w.add("(e.mail_from LIKE ? ESCAPE '\\' OR e.from_addr LIKE ? ESCAPE '\\')",
          {like_pattern(f.sender), like_pattern(f.sender)});
  if (!f.recipient.empty()) w.add("e.rcpts LIKE ? ESCAPE '\\'", {like_pattern(f.recipient)});
  // created is "YYYY-MM-DDTHH:MM:SSZ": plain comparisons keep the range on
  // the index ("U" sorts after the "T" of any time that day).
  if (!f.date_from.empty()) w.add("e.created >= ?", {f.date_from});
  if (!f.date_to.empty()) w.add("e.created < ?", {f.date_to + "U"});
  if (f.ids) w.add("e.id IN (SELECT value FROM json_each(?))", {json(*f.ids).dump()});
  return w;
}

}  // namespace

bool valid_quarantine_id(const std::string& id) {
  static const std::regex kId("q-[0-9]{1,20}-[0-9a-f]{8}");
  return id.size() < 40 && std::regex_match(id, kId);
}

QuarantineQueries::QuarantineQueries(const std::string& state_dir) : db_(std::make_unique<Db>()) {
  const std::string path = state_dir + "/quarantine.db";
  db_->open<StoreError>(path, false);
  sqlite_exec<StoreError>(db_->handle, "PRAGMA synchronous = FULL");
  sqlite_exec<StoreError>(db_->handle, "PRAGMA foreign_keys = ON");
  sqlite_exec<StoreError>(db_->handle, kSchema);
}

QuarantineQueries::~QuarantineQueries() = default;

QuarantinePage QuarantineQueries::find(const QuarantineFilter& filter, int64_t offset,
                                       int64_t limit) const {
  std::lock_guard lock(mu_);
  QuarantinePage page;
  const Where w = where_of(filter, true);
  {
    Query q(db_->handle, "SELECT COUNT(*) FROM entries e" + w.sql);
    for (const auto& p : w.params) q.bind(p);
    if (q.step()) page.total = q.integer(0);
  }
  {
    // The page's ids come from the entries_listing index alone; only
    // the rows shown are read whole, however deep the page.
    Query q(db_->handle, std::string("SELECT ") + kColumns + " FROM entries e WHERE e.id IN (" +
                             "SELECT e.id FROM entries e" + w.sql +
                             " ORDER BY e.created DESC, e.id DESC LIMIT ? OFFSET ?)" +
                             " ORDER BY e.created DESC, e.id DESC");
    for (const auto& p : w.params) q.bind(p);
    q.bind(limit).bind(offset);
    while (q.step()) page.entries.push_back(record_from_row(q));
  }
  {
    // Counted per distinct families array (a dozen or so, read in order from
    // the entries_families index), then split into families here.
    const Where wf = where_of(filter, false);
    Query q(db_->handle, "SELECT e.families, COUNT(*) FROM entries e" + wf.sql + " GROUP BY e.families");
    for (const auto& p : wf.params) q.bind(p);
    std::map<std::string, int64_t> counts;
    while (q.step()) {
      const json families = json::parse(q.text(0), nullptr, false);
      if (families.is_array())
        for (const auto& f : families)
          if (f.is_string()) counts[f.get<std::string>()] += q.integer(1);
    }
    page.family_counts.assign(counts.begin(), counts.end());
    std::stable_sort(page.family_counts.begin(), page.family_counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return page;
}

namespace {

void insert_audit(sqlite3* db, const std::string& id, const std::string& who,
                  const std::string& action, const std::string& detail) {
  Query q(db, "INSERT INTO audit (entry_id, at, who, action, detail) VALUES (?,?,?,?,?)");
  q.bind(id).bind(iso8601_utc_now()).bind(who).bind(action).bind(detail);
  q.step();
}

using Transaction = SqliteTransaction<StoreError>;

}  // namespace

void QuarantineQueries::add_audit(const std::string& entry_id, const std::string& who,
                                  const std::string& action, const std::string& detail) {
  std::lock_guard lock(mu_);
  insert_audit(db_->handle, entry_id, who, action, detail);
}

void QuarantineQueries::record_false_positive(const QuarantineRecord& rec, const std::string& who,
                                              const std::string& note) {
  json rules = json::array();
  const json hits = json::parse(rec.hits_json.empty() ? "[]" : rec.hits_json, nullptr, false);
  if (hits.is_array())
    for (const auto& h : hits)
      if (h.is_object() && h.contains("id") && h["id"].is_string()) rules.push_back(h["id"]);
  const auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };

  std::lock_guard lock(mu_);
  Transaction tx(db_->handle);
  {
    Query q(db_->handle,
            "INSERT INTO false_positives (entry_id, at, who, subject, from_addr, score, families, "
            "rules, hits, note) VALUES (?,?,?,?,?,?,?,?,?,?)");
    q.bind(rec.id).bind(iso8601_utc_now()).bind(who).bind(rec.subject).bind(rec.from);
    q.bind(rec.score).bind(dump(json(rec.families))).bind(dump(rules));
    q.bind(rec.hits_json.empty() ? std::string("[]") : rec.hits_json).bind(note);
    q.step();
  }
  insert_audit(db_->handle, rec.id, who, "false-positive", "rules=" + dump(rules));
  tx.commit();
}

std::vector<FalsePositive> QuarantineQueries::false_positives(int64_t limit) const {
  std::lock_guard lock(mu_);
  Query q(db_->handle,
          "SELECT seq, entry_id, at, who, subject, from_addr, score, families, rules, note "
          "FROM false_positives ORDER BY seq DESC LIMIT ?");
  q.bind(limit);
  std::vector<FalsePositive> out;
  while (q.step()) {
    FalsePositive fp;
    fp.seq = q.integer(0);
    fp.entry_id = q.text(1);
    fp.at = q.text(2);
    fp.who = q.text(3);
    fp.subject = q.text(4);
    fp.from = q.text(5);
    fp.score = q.real(6);
    fp.families_json = q.text(7);
    fp.rules_json = q.text(8);
    fp.note = q.text(9);
    out.push_back(std::move(fp));
  }
  return out;
}

}  // namespace impostor::core

// quarantine_queries.h — the reads and extra records the review console needs
// on top of QuarantineStore, over the same state_dir/quarantine.db:
// filtered, paginated listing with per-family counts; audit events for
// actions that do not change an entry's state (a refused release, "not a
// scam"); and the false_positives table that rule authors read.
//
// Invariants:
//  * every value reaches SQLite as a bound parameter, never as SQL text;
//  * state changes stay with QuarantineStore (release, remove): this class
//    only inserts audit and false-positive rows, never updates `entries`;
//  * false_positives is created here (CREATE TABLE IF NOT EXISTS) so the
//    store's schema and its crash-safety reasoning stay untouched. Its rows
//    are written in the same transaction as their audit row.
// Open the QuarantineStore first: it creates the database and its schema.
// Thread-safe (one connection, calls serialised inside).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/quarantine_store.h"

struct sqlite3;

namespace impostor::core {

struct QuarantineFilter {
  std::string family;     // one scam family, "" = any
  std::string verdict;    // "" = any
  std::string state;      // "" = any state except deleted
  std::string sender;     // substring of the envelope sender or From address
  std::string recipient;  // substring of any envelope recipient
  std::string date_from;  // YYYY-MM-DD (UTC), inclusive; "" = open
  std::string date_to;    // YYYY-MM-DD (UTC), inclusive; "" = open
  // When set, only these ids (e.g. from a full-text search).
  std::optional<std::vector<std::string>> ids;
};

struct QuarantinePage {
  std::vector<QuarantineRecord> entries;  // newest first
  int64_t total = 0;                      // matching entries over all pages
  // Entries per family under the same filter minus its family, most first.
  std::vector<std::pair<std::string, int64_t>> family_counts;
};

struct FalsePositive {
  int64_t seq = 0;
  std::string entry_id, at, who, subject, from, families_json, rules_json, note;
  double score = 0;
};

class QuarantineQueries {
 public:
  explicit QuarantineQueries(const std::string& state_dir);
  ~QuarantineQueries();
  QuarantineQueries(const QuarantineQueries&) = delete;
  QuarantineQueries& operator=(const QuarantineQueries&) = delete;

  QuarantinePage find(const QuarantineFilter& filter, int64_t offset, int64_t limit) const;

  void add_audit(const std::string& entry_id, const std::string& who, const std::string& action,
                 const std::string& detail);

  // Records that `rec` was judged not a scam, with its rule hits.
  void record_false_positive(const QuarantineRecord& rec, const std::string& who,
                             const std::string& note);
  std::vector<FalsePositive> false_positives(int64_t limit) const;

 private:
  struct Db;
  std::unique_ptr<Db> db_;
  mutable std::mutex mu_;
};

// True for a well-formed quarantine id (q-<digits>-<8 hex>): the only ids
// that may reach a path or a query.
bool valid_quarantine_id(const std::string& id);

}  // namespace impostor::core

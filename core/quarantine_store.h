// quarantine_store.h — held mail: SQLite (WAL) at state_dir/quarantine.db for
// the metadata and audit trail, the raw message bytes as one file per entry
// under state_dir/messages/.
//
// Invariants (the milter relies on them to never lose mail):
//  - add() writes the message file durably (temp, fsync, rename, fsync dir)
//    BEFORE it commits the row (synchronous=FULL), and returns only after
//    both. A crash before the commit leaves no entry, only an orphan file the
//    next open() sweeps; the MTA still holds the mail because the milter has
//    not answered yet. Every row's file therefore exists while its state is
//    quarantined, releasing or rejected.
//  - Every state change writes its audit row in the same transaction.
//  - release() is idempotent: an flock on the entry's file serialises
//    concurrent releases and a released entry is never sent again. A crash
//    after sending but before marking leaves state "releasing"; retrying it
//    sends again (at-least-once, never zero times).
// One QuarantineStore may be shared by threads (calls are serialised inside).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/envelope.h"
#include "core/scan_result.h"

struct sqlite3;

namespace impostor::core {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// States: quarantined, releasing, released, rejected, deleted.
struct QuarantineRecord {
  std::string id;           // q-<unix time>-<8 hex>
  std::string created;      // ISO 8601 UTC
  std::string queue_id;
  std::string mail_from;    // envelope sender, "" = <>
  std::vector<std::string> rcpts;
  std::string client_addr;
  std::string subject;
  std::string from;         // header From address
  double score = 0;
  std::string verdict;
  std::vector<std::string> families;
  std::string hits_json;    // [{"id","family","score","evidence","source"}]
  std::string state = "quarantined";
  uint64_t size = 0;
};

struct AuditEvent {
  int64_t seq = 0;
  std::string entry_id;
  std::string at;           // ISO 8601 UTC
  std::string who;
  std::string action;       // quarantine, reject, release, release-start, delete ...
  std::string detail;
};

// Builds the record for a scanned message (id/created/state are set by add()).
QuarantineRecord record_from_scan(const Envelope& envelope, const ScanResult& result);

// Sends raw bytes with an envelope; relay_smtp in production, a fake in tests.
using RelayFn = std::function<void(const std::string& mail_from,
                                   const std::vector<std::string>& rcpts, std::string_view raw)>;

class QuarantineStore {
 public:
  // Creates state_dir/messages and the database when missing.
  explicit QuarantineStore(const std::string& state_dir);
  ~QuarantineStore();
  QuarantineStore(const QuarantineStore&) = delete;
  QuarantineStore& operator=(const QuarantineStore&) = delete;

  // Stores `raw` durably, then the entry (state "quarantined" or "rejected"
  // from rec.state). Returns the new id. Throws StoreError/DurableFileError.
  std::string add(QuarantineRecord rec, std::string_view raw, const std::string& who);

  std::vector<QuarantineRecord> list(const std::string& state = "") const;
  std::optional<QuarantineRecord> get(const std::string& id) const;
  std::string read_message(const std::string& id) const;  // throws when gone
  std::vector<AuditEvent> audit(const std::string& id) const;

  enum class Release { sent, already_released };
  // Re-injects the original bytes with the original envelope, then marks the
  // entry released. Throws StoreError for unknown ids or wrong states, and
  // passes relay failures through (the entry stays releasable).
  Release release(const std::string& id, const std::string& who, const RelayFn& relay);

  // Marks deleted and removes the bytes. false when it was already deleted.
  bool remove(const std::string& id, const std::string& who);

  const std::string& state_dir() const { return state_dir_; }
  std::string message_path(const std::string& id) const;

 private:
  struct Db;
  void set_state(const std::string& id, const std::string& state, const std::string& who,
                 const std::string& action, const std::string& detail);
  void sweep_orphans();

  std::string state_dir_;
  std::string messages_dir_;
  std::unique_ptr<Db> db_;
  mutable std::mutex mu_;
};

std::string iso8601_utc_now();
std::string new_quarantine_id();

}  // namespace impostor::core

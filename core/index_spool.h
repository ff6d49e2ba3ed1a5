// index_spool.h — the durable queue between the milter (producer) and the
// single campaign indexer (consumer): state_dir/spool/index/.
//
// An entry is two files named by one id "<unix time>-<8 hex>":
//   <id>.eml   the raw message bytes,
//   <id>.json  the sidecar: scan result (core/json_output.h), envelope,
//              quarantine id ("" when the message was delivered), received time.
// Invariants:
//  - both files are written the durable way (core/durable_file.h), the .eml
//    first; the .json is the commit record, so an entry exists (is listed)
//    only when both are complete on disk;
//  - remove() unlinks the .json first, so a crash mid-remove leaves an orphan
//    .eml that is never listed and is swept by sweep_orphans();
//  - the consumer removes an entry only after its Xapian commit (the index is
//    derived data: an entry indexed twice is recognised as a duplicate).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/envelope.h"
#include "core/scan_result.h"

namespace impostor::core {

struct SpoolEntry {
  std::string id;
  std::string raw;       // message bytes
  std::string sidecar;   // JSON text
};

class IndexSpool {
 public:
  // Creates state_dir/spool/index when missing.
  explicit IndexSpool(const std::string& state_dir);

  // Writes one entry durably; returns its id. Throws DurableFileError.
  std::string add(std::string_view raw, const std::string& sidecar_json);
  // Complete entries, oldest first (ids sort by time).
  std::vector<std::string> list() const;
  // Reads an entry; throws DurableFileError when it is gone or unreadable.
  SpoolEntry read(const std::string& id) const;
  void remove(const std::string& id);
  // Removes .eml files without a .json that are older than `min_age_s` (a
  // writer may be between its two commits). Returns how many went.
  int sweep_orphans(int64_t min_age_s = 600);

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

// The sidecar JSON for one scanned message.
std::string spool_sidecar_json(const Envelope& envelope, const ScanResult& result,
                               const std::string& quarantine_id, int64_t received_unix);

// The milter's hand-off: spools a flagged message under `state_dir`; does
// nothing when state_dir does not exist (the milter creates it at start, so
// only tests and dry runs get here without one). Never throws: the
// mail itself is already delivered or stored, and the index is derived data,
// so a failure here costs only an index entry. Returns "" or why it failed.
std::string spool_for_index(const std::string& state_dir, const Envelope& envelope,
                            const ScanResult& result, std::string_view raw,
                            const std::string& quarantine_id) noexcept;

}  // namespace impostor::core

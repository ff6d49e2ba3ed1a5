// limits.h — the bounds that keep one hostile message from costing unbounded
// time or memory. Every parser stage checks these; hitting one is an anomaly
// (a finding), never an error.
#pragma once

#include <cstdint>

namespace impostor::core {

struct Limits {
  uint64_t max_message_bytes = 50ull << 20;     // larger input is scanned truncated
  int max_mime_depth = 32;                      // deeper parts are not descended into
  int max_mime_parts = 1000;                    // further parts are skipped
  uint64_t max_text_bytes = 4ull << 20;         // decoded text kept per message
  int max_archive_depth = 3;                    // archives inside archives
  int max_archive_members = 1000;               // names listed per archive
  uint64_t max_archive_bytes = 64ull << 20;     // decompressed bytes read per archive
  int max_links = 2000;
  int scan_timeout_ms = 10000;                  // whole-pipeline deadline
};

}  // namespace impostor::core

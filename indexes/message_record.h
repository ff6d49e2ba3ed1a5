// message_record.h — what the index keeps about one message: the fields the
// campaign report and `impostor campaigns` show, built once from the engine's
// parse (MessageView + NormalizedView) and verdict (ScanResult).
//
// Invariants: `family` is never empty (categories[0], the strongest, or
// "unknown"); `time` is the Date header when it parses, else the time the
// message was received/indexed; `key` identifies the message bytes, so the
// same message spooled twice is indexed once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/envelope.h"
#include "core/message_view.h"
#include "core/normalized_view.h"
#include "core/scan_result.h"
#include "indexes/signature.h"

namespace impostor::index {

struct AttachmentRef {
  std::string name;
  std::string sha256;
  // A real attachment (not an inline image such as a logo, which many
  // unrelated templates share): only these are campaign indicators.
  bool payload = true;
};

struct MessageRecord {
  std::string key;         // hex XXH3 of Message-ID + bytes
  std::string message_id;
  std::string file;        // path it was indexed from, "" when none (spool)
  std::string subject;
  std::string from;        // header From address
  std::string sender_domain;
  std::vector<std::string> recipients;       // envelope RCPT TO, else header To
  std::vector<std::string> recipient_domains;
  std::vector<std::string> hosts;            // URL hosts, distinct
  std::vector<std::string> phones;           // canonical digits, distinct
  std::vector<AttachmentRef> attachments;
  std::string family = "unknown";
  std::vector<std::string> categories;
  std::string verdict = "accept";
  double score = 0;
  int64_t time = 0;        // unix seconds
  std::string quarantine_id;
  std::string state;       // quarantined, rejected, delivered ... ("" unknown)
  std::string excerpt;     // the start of the body, original characters

  // Not stored in the document data:
  std::string text;        // normalised subject + body, for full-text terms
  Signature signature;
  std::string campaign;    // set by the writer
};

// `received` is used when the Date header is missing or does not parse.
MessageRecord make_record(const core::MessageView& view, const core::NormalizedView& normalized,
                          const core::ScanResult& result, const core::Envelope& envelope,
                          std::string_view raw, int64_t received);

// Document data (JSON) and back. from_json throws std::exception on bad data.
std::string to_json(const MessageRecord& rec);
MessageRecord record_from_json(const std::string& data);

// RFC 5322 date -> unix seconds; false when it does not parse.
bool parse_mail_date(const std::string& date, int64_t& out);
std::string iso8601(int64_t unix_seconds);  // "2026-11-20T08:15:00Z"
std::string day_key(int64_t unix_seconds);  // "20261120"
std::string utc_day(int64_t unix_seconds);  // "2026-11-20"

}  // namespace impostor::index

// quarantine_row.h — one `entries` row of quarantine.db as a
// QuarantineRecord: the column list and its reading, shared by the store
// and its queries so the two can never disagree on the order.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/quarantine_store.h"

namespace impostor::core {

// The columns record_from_row() reads, in order; `prefix` qualifies them
// ("e." when the query joins tables).
inline std::string quarantine_columns(const std::string& prefix = "") {
  std::string out;
  for (const char* c : {"id", "created", "queue_id", "mail_from", "rcpts", "client_addr",
                        "subject", "from_addr", "score", "verdict", "families", "hits", "state",
                        "size"})
    out += (out.empty() ? "" : ", ") + prefix + c;
  return out;
}

// A JSON array of strings stored in a column ("[]" or garbage gives {}).
inline std::vector<std::string> json_string_list(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// `row` is a statement positioned on a row selected with quarantine_columns().
template <class Row>
QuarantineRecord record_from_row(const Row& row) {
  QuarantineRecord r;
  r.id = row.text(0);
  r.created = row.text(1);
  r.queue_id = row.text(2);
  r.mail_from = row.text(3);
  r.rcpts = json_string_list(row.text(4));
  r.client_addr = row.text(5);
  r.subject = row.text(6);
  r.from = row.text(7);
  r.score = row.real(8);
  r.verdict = row.text(9);
  r.families = json_string_list(row.text(10));
  r.hits_json = row.text(11);
  r.state = row.text(12);
  r.size = static_cast<uint64_t>(row.integer(13));
  return r;
}

}  // namespace impostor::core

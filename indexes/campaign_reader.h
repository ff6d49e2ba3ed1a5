// campaign_reader.h — read-only views of the campaign index: the campaign
// list with members (`impostor campaigns`, the report, the console) and
// free-text + field search (`impostor search`). Works on any
// Xapian::Database, including the writer's own and Xapian::InMemory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexes/campaign_index.h"
#include "indexes/message_record.h"

namespace impostor::index {

struct Campaign {
  CampaignRecord record;
  std::vector<MessageRecord> members;  // by time, then message id
};

// Every campaign, biggest first (then oldest). Members only when asked.
std::vector<Campaign> list_campaigns(const Xapian::Database& db, bool with_members);
std::vector<MessageRecord> campaign_members(const Xapian::Database& db, const std::string& id);
// One live campaign's record; nullopt when unknown or merged away.
std::optional<CampaignRecord> campaign_record(const Xapian::Database& db, const std::string& id);
// Resolves an id merged away to the campaign that absorbed it ("" unknown).
std::string resolve_campaign(const Xapian::Database& db, const std::string& id);

// The `impostor campaigns --format json` object (CONTRACT.md).
std::string campaigns_json(const std::vector<Campaign>& campaigns);

struct SearchHits {
  size_t estimated = 0;
  std::vector<MessageRecord> hits;  // campaign filled in
};
// Free text plus the fields of schema.h (family:, from:, host:, phone:,
// campaign: ...); Japanese works through CJK n-grams. Newest first.
// Throws Xapian::QueryParserError for a malformed query.
SearchHits search(const Xapian::Database& db, const std::string& query, size_t limit);
Xapian::Query parse_query(const Xapian::Database& db, const std::string& query);

// Documents whose time is in [since, until] (unix seconds), by term/value
// range, never by reading every document.
std::vector<MessageRecord> messages_between(const Xapian::Database& db, int64_t since, int64_t until);

}  // namespace impostor::index

// campaigns.h — the console's campaign view: reads the campaign index
// (state_dir/index, built by `impostor index`) and turns one campaign's
// members into what its page shows — a daily trend and its indicators.
// The aggregation is pure, so it can be unit-tested without an index.
//
// Invariants: the index is opened read-only and per request (a rebuild by
// `impostor index` is seen at once); a missing or unreadable index is
// "not available", never an error page; the SVG carries only numbers and
// escaped day labels, never a string from mail.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "indexes/campaign_reader.h"

namespace impostor::console {

// Every campaign, biggest first, without members; nullopt when there is no
// readable index.
std::optional<std::vector<index::CampaignRecord>> load_campaigns(const core::Config& config);

struct LoadedCampaign {
  std::string resolved_id;  // differs from the asked id when it was merged away
  index::Campaign campaign;
};
// One campaign with its members; nullopt when unknown or there is no index.
std::optional<LoadedCampaign> load_campaign(const core::Config& config, const std::string& id);

// Quarantine ids of the members that have one (the rest were never held).
std::vector<std::string> member_quarantine_ids(const std::vector<index::MessageRecord>& members);

using Counts = std::vector<std::pair<std::string, int64_t>>;  // biggest first

struct Indicators {
  Counts sender_domains, hosts, phones;
  Counts attachments;  // "sha256  name" -> messages; payload attachments only
};
Indicators indicators_of(const std::vector<index::MessageRecord>& members, size_t top = 10);

// "YYYY-MM-DD" -> members, every day from the first to the last member's
// (zeros included, at most the last `max_days`).
std::vector<std::pair<std::string, int64_t>> daily_counts(
    const std::vector<index::MessageRecord>& members, size_t max_days = 90);

// A small inline SVG bar chart of daily_counts().
std::string trend_svg(const std::vector<std::pair<std::string, int64_t>>& daily);

}  // namespace impostor::console

// campaigns.cc — see campaigns.h.
#include "console/campaigns.h"

#include "indexes/trend_chart.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <xapian.h>

#include "console/html_escape.h"
#include "indexes/message_record.h"

namespace impostor::console {
namespace {

constexpr int64_t kDay = 86400;

std::string index_dir(const core::Config& config) { return config.state_dir + "/index"; }


Counts top_of(const std::map<std::string, int64_t>& m, size_t top) {
  Counts v(m.begin(), m.end());
  // Ties in key order, so the page does not reshuffle between reloads.
  std::stable_sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (v.size() > top) v.resize(top);
  return v;
}


}  // namespace

std::optional<std::vector<index::CampaignRecord>> load_campaigns(const core::Config& config) {
  try {
    Xapian::Database db(index_dir(config));
    std::vector<index::CampaignRecord> out;
    for (auto& c : index::list_campaigns(db, false)) out.push_back(std::move(c.record));
    return out;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

std::optional<LoadedCampaign> load_campaign(const core::Config& config, const std::string& id) {
  try {
    Xapian::Database db(index_dir(config));
    LoadedCampaign out;
    out.resolved_id = index::resolve_campaign(db, id);
    if (out.resolved_id.empty()) return std::nullopt;
    // The same record `impostor campaigns` and the report read, looked up
    // by key rather than by walking every campaign.
    auto record = index::campaign_record(db, out.resolved_id);
    if (!record) return std::nullopt;
    out.campaign.record = std::move(*record);
    out.campaign.members = index::campaign_members(db, out.resolved_id);
    return out;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

std::vector<std::string> member_quarantine_ids(const std::vector<index::MessageRecord>& members) {
  std::vector<std::string> ids;
  for (const auto& m : members)
    if (!m.quarantine_id.empty()) ids.push_back(m.quarantine_id);
  return ids;
}

Indicators indicators_of(const std::vector<index::MessageRecord>& members, size_t top) {
  std::map<std::string, int64_t> senders, hosts, phones, atts;
  for (const auto& m : members) {
    if (!m.sender_domain.empty()) ++senders[m.sender_domain];
    for (const auto& h : m.hosts) ++hosts[h];
    for (const auto& p : m.phones) ++phones[p];
    // Inline images (logos) are shared by unrelated mail: not an indicator.
    for (const auto& a : m.attachments)
      if (a.payload) ++atts[a.sha256 + "  " + a.name];
  }
  return {top_of(senders, top), top_of(hosts, top), top_of(phones, top), top_of(atts, top)};
}

std::vector<std::pair<std::string, int64_t>> daily_counts(
    const std::vector<index::MessageRecord>& members, size_t max_days) {
  if (members.empty() || max_days == 0) return {};
  int64_t first = members.front().time, last = first;
  std::map<std::string, int64_t> per_day;
  for (const auto& m : members) {
    first = std::min(first, m.time);
    last = std::max(last, m.time);
    ++per_day[index::utc_day(m.time)];
  }
  // Only the most recent days: a long-lived campaign's chart stays legible.
  const int64_t last_day = last - last % kDay;
  first = std::max(first - first % kDay, last_day - static_cast<int64_t>(max_days - 1) * kDay);
  std::vector<std::pair<std::string, int64_t>> out;
  for (int64_t t = first; t <= last_day; t += kDay) {
    const std::string d = index::utc_day(t);
    const auto it = per_day.find(d);
    out.emplace_back(d, it == per_day.end() ? 0 : it->second);
  }
  return out;
}

std::string trend_svg(const std::vector<std::pair<std::string, int64_t>>& daily) {
  return index::daily_trend_svg(daily, {640, 120, "#0b57d0", 11, "trend"});
}

}  // namespace impostor::console

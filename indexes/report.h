// report.h — the periodic campaign report: what each campaign active in a
// time window looked like, built from the index alone (the quarantine store
// may add live states). One Report, three renderings that carry the same
// data: self-contained HTML (inline CSS and SVG, no external loads, fit to be
// mailed), JSON and CSV.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace impostor::index {

using Counts = std::vector<std::pair<std::string, int64_t>>;  // biggest first

struct CampaignSummary {
  std::string id;
  std::string family;
  int64_t size = 0;          // members in the window
  int64_t total_size = 0;    // members ever
  int64_t first_seen = 0;    // over all members
  int64_t last_seen = 0;
  std::map<std::string, int64_t> daily;  // "YYYY-MM-DD" -> members, in the window
  Counts sender_domains;
  Counts recipient_domains;
  int64_t recipients = 0;    // distinct recipient addresses
  Counts phones;
  Counts hosts;
  struct Attachment {
    std::string name, sha256;
    int64_t count = 0;
  };
  std::vector<Attachment> attachments;
  std::string subject;       // representative: the most common
  std::string excerpt;
  Counts states;             // actions taken: quarantined, rejected, delivered ...
};

struct Report {
  int64_t since = 0, until = 0, generated = 0;
  int64_t messages = 0;
  std::vector<std::string> days;  // every day of the window, "YYYY-MM-DD"
  std::map<std::string, std::map<std::string, int64_t>> family_daily;  // family -> day -> n
  std::vector<CampaignSummary> campaigns;  // biggest first
};

// Live quarantine state for a quarantine id ("" = unknown: keep the indexed one).
using StateLookup = std::function<std::string(const std::string& quarantine_id)>;

Report build_report(const Xapian::Database& db, int64_t since, int64_t until,
                    const StateLookup& live_state = {}, size_t top = 5);

std::string render_json(const Report& r);
std::string render_csv(const Report& r);
std::string render_html(const Report& r);

// "7d", "12h", "30m", "2026-11-01" (UTC) -> unix seconds before `now`/absolute.
bool parse_since(const std::string& s, int64_t now, int64_t& out);

}  // namespace impostor::index

// report.cc — building the report and its JSON/CSV forms; HTML is in
// report_html.cc. See report.h.
#include "indexes/report.h"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "indexes/campaign_index.h"
#include "indexes/campaign_reader.h"
#include "indexes/schema.h"
#include "indexes/message_record.h"

namespace impostor::index {

namespace {

using nlohmann::json;


Counts top_of(const std::map<std::string, int64_t>& m, size_t top) {
  Counts v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > top) v.resize(top);
  return v;
}

json counts_json(const Counts& c) {
  json a = json::array();
  for (const auto& [k, n] : c) a.push_back({{"value", k}, {"count", n}});
  return a;
}

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c == '\r' || c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

std::string joined(const Counts& c) {
  std::string out;
  for (const auto& [k, n] : c) out += (out.empty() ? "" : "; ") + k + "=" + std::to_string(n);
  return out;
}

}  // namespace

Report build_report(const Xapian::Database& db, int64_t since, int64_t until,
                    const StateLookup& live_state, size_t top) {
  Report r;
  r.since = since;
  r.until = until;
  r.generated = static_cast<int64_t>(std::time(nullptr));
  for (int64_t t = since - since % 86400; t <= until; t += 86400) r.days.push_back(utc_day(t));
  if (r.days.size() > 366) r.days.erase(r.days.begin(), r.days.end() - 366);

  struct Acc {
    std::map<std::string, int64_t> senders, rdomains, phones, hosts, states, subjects;
    std::set<std::string> recipients;
    std::map<std::string, CampaignSummary::Attachment> atts;  // by sha256
    std::string excerpt;
  };
  std::unordered_map<std::string, Acc> acc;
  std::unordered_map<std::string, CampaignSummary> sums;

  for (const MessageRecord& m : messages_between(db, since, until)) {
    ++r.messages;
    const std::string day = utc_day(m.time);
    ++r.family_daily[m.family][day];
    auto [it, fresh] = sums.try_emplace(m.campaign);
    CampaignSummary& s = it->second;
    if (fresh) {
      s.id = m.campaign;
      s.family = m.family;
    }
    ++s.size;
    ++s.daily[day];
    Acc& a = acc[m.campaign];
    if (!m.sender_domain.empty()) ++a.senders[m.sender_domain];
    for (const auto& d : m.recipient_domains) ++a.rdomains[d];
    for (const auto& x : m.recipients) a.recipients.insert(x);
    for (const auto& p : m.phones) ++a.phones[p];
    for (const auto& h : m.hosts) ++a.hosts[h];
    for (const auto& at : m.attachments) {
      auto& e = a.atts[at.sha256];
      e.name = at.name;
      e.sha256 = at.sha256;
      ++e.count;
    }
    std::string state = m.state;
    if (live_state && !m.quarantine_id.empty()) {
      const std::string live = live_state(m.quarantine_id);
      if (!live.empty()) state = live;
    }
    ++a.states[state.empty() ? "unknown" : state];
    ++a.subjects[m.subject];
    if (a.excerpt.empty()) a.excerpt = m.excerpt;
  }

  for (auto& [id, s] : sums) {
    Acc& a = acc[id];
    if (auto rec = CampaignRecord::parse(id, db.get_metadata(std::string(kCampaignMetaPrefix) + id))) {
      s.total_size = rec->size;
      s.first_seen = rec->first_seen;
      s.last_seen = rec->last_seen;
    }
    s.sender_domains = top_of(a.senders, top);
    s.recipient_domains = top_of(a.rdomains, top);
    s.recipients = static_cast<int64_t>(a.recipients.size());
    s.phones = top_of(a.phones, top);
    s.hosts = top_of(a.hosts, top);
    for (auto& [sha, at] : a.atts) s.attachments.push_back(at);
    std::stable_sort(s.attachments.begin(), s.attachments.end(),
                     [](const auto& x, const auto& y) { return x.count > y.count; });
    if (s.attachments.size() > top) s.attachments.resize(top);
    s.subject = top_of(a.subjects, 1).empty() ? "" : top_of(a.subjects, 1).front().first;
    s.excerpt = a.excerpt;
    s.states = top_of(a.states, 16);
    r.campaigns.push_back(std::move(s));
  }
  std::sort(r.campaigns.begin(), r.campaigns.end(), [](const auto& x, const auto& y) {
    return x.size != y.size ? x.size > y.size : x.id < y.id;
  });
  return r;
}

std::string render_json(const Report& r) {
  json fams = json::object();
  for (const auto& [f, days] : r.family_daily) fams[f] = days;
  json camps = json::array();
  for (const auto& c : r.campaigns) {
    json atts = json::array();
    for (const auto& a : c.attachments)
      atts.push_back({{"name", a.name}, {"sha256", a.sha256}, {"count", a.count}});
    camps.push_back({{"id", c.id},
                     {"family", c.family},
                     {"size", c.size},
                     {"total_size", c.total_size},
                     {"first_seen", iso8601(c.first_seen)},
                     {"last_seen", iso8601(c.last_seen)},
                     {"daily", c.daily},
                     {"sender_domains", counts_json(c.sender_domains)},
                     {"recipient_domains", counts_json(c.recipient_domains)},
                     {"recipients", c.recipients},
                     {"phones", counts_json(c.phones)},
                     {"hosts", counts_json(c.hosts)},
                     {"attachments", atts},
                     {"subject", c.subject},
                     {"excerpt", c.excerpt},
                     {"actions", counts_json(c.states)}});
  }
  return json{{"since", iso8601(r.since)},
              {"until", iso8601(r.until)},
              {"generated", iso8601(r.generated)},
              {"messages", r.messages},
              {"families", fams},
              {"campaigns", camps}}
      .dump(2, ' ', false, json::error_handler_t::replace);
}

std::string render_csv(const Report& r) {
  std::ostringstream out;
  out << "id,family,size,total_size,first_seen,last_seen,daily,sender_domains,recipient_domains,"
         "recipients,phones,hosts,attachments,subject,excerpt,actions\r\n";
  for (const auto& c : r.campaigns) {
    std::string daily, atts;
    for (const auto& [d, n] : c.daily) daily += (daily.empty() ? "" : "; ") + d + "=" + std::to_string(n);
    for (const auto& a : c.attachments)
      atts += (atts.empty() ? "" : "; ") + a.name + " sha256:" + a.sha256 + "=" + std::to_string(a.count);
    out << c.id << ',' << c.family << ',' << c.size << ',' << c.total_size << ','
        << iso8601(c.first_seen) << ',' << iso8601(c.last_seen) << ',' << csv_field(daily) << ','
        << csv_field(joined(c.sender_domains)) << ',' << csv_field(joined(c.recipient_domains)) << ','
        << c.recipients << ',' << csv_field(joined(c.phones)) << ',' << csv_field(joined(c.hosts)) << ','
        << csv_field(atts) << ',' << csv_field(c.subject) << ',' << csv_field(c.excerpt) << ','
        << csv_field(joined(c.states)) << "\r\n";
  }
  return out.str();
}

bool parse_since(const std::string& s, int64_t now, int64_t& out) {
  if (s.empty()) return false;
  const char unit = s.back();
  if (unit == 'd' || unit == 'h' || unit == 'm') {
    const std::string num = s.substr(0, s.size() - 1);
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos) return false;
    const int64_t n = std::stoll(num);
    out = now - n * (unit == 'd' ? 86400 : unit == 'h' ? 3600 : 60);
    return true;
  }
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%Y-%m-%d", &tm);
  if (!end || *end) return false;
  out = static_cast<int64_t>(timegm(&tm));
  return true;
}

}  // namespace impostor::index

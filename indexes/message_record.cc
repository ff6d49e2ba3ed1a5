// message_record.cc — see message_record.h.
#include "indexes/message_record.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <set>

namespace impostor::index {

namespace {

using nlohmann::json;

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string domain_of(const std::string& address) {
  const size_t at = address.rfind('@');
  return at == std::string::npos ? "" : lower(address.substr(at + 1));
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// The first `max_chars` code points of the body, white space collapsed.
std::string body_excerpt(const core::MessageView& view, size_t max_chars) {
  std::string out;
  for (const auto& t : view.texts) {
    if (t.source != core::TextSource::body) continue;
    size_t chars = 0;
    bool space = !out.empty();
    for (size_t i = 0; i < t.text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(t.text[i]);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        space = true;
        continue;
      }
      if ((c & 0xC0) != 0x80) {
        if (chars >= max_chars) return out + "…";
        ++chars;
        if (space && !out.empty()) out += ' ';
        space = false;
      }
      out += static_cast<char>(c);
    }
    if (!out.empty()) break;  // the first body part is the message
  }
  return out;
}

}  // namespace

MessageRecord make_record(const core::MessageView& view, const core::NormalizedView& normalized,
                          const core::ScanResult& result, const core::Envelope& envelope,
                          std::string_view raw, int64_t received) {
  MessageRecord r;
  r.message_id = view.message_id;
  r.key = hex(hash64(raw, hash64(view.message_id)));
  r.subject = view.subject;
  r.from = view.from.address;
  r.sender_domain = view.from.domain.empty() ? domain_of(view.from.address) : lower(view.from.domain);
  if (!envelope.rcpt_to.empty()) {
    for (const auto& a : envelope.rcpt_to) add_unique(r.recipients, lower(a));
  } else {
    for (const auto& m : view.to) add_unique(r.recipients, lower(m.address));
  }
  for (const auto& a : r.recipients) add_unique(r.recipient_domains, domain_of(a));
  for (const auto& l : view.links) add_unique(r.hosts, lower(l.host));
  for (const auto& p : view.phones) add_unique(r.phones, p.digits);
  for (const auto& a : view.attachments)
    if (!a.sha256.empty())
      r.attachments.push_back({a.filename, a.sha256,
                               !a.is_inline && a.sniffed_type.rfind("image/", 0) != 0});
  r.categories = result.categories;
  r.family = result.categories.empty() ? "unknown" : result.categories.front();
  r.verdict = core::to_string(result.verdict);
  r.score = result.score;
  if (!parse_mail_date(view.date, r.time)) r.time = received;
  r.excerpt = body_excerpt(view, 280);
  for (size_t i = 0; i < view.texts.size() && i < normalized.segments.size(); ++i) {
    const auto src = view.texts[i].source;
    if (src != core::TextSource::subject && src != core::TextSource::body) continue;
    r.text += normalized.segments[i].text;
    r.text += '\n';
  }
  r.signature = signature_of(view, normalized);
  return r;
}

std::string to_json(const MessageRecord& r) {
  json atts = json::array();
  for (const auto& a : r.attachments)
    atts.push_back({{"name", a.name}, {"sha256", a.sha256}, {"payload", a.payload}});
  json j = {{"key", r.key},
            {"message_id", r.message_id},
            {"file", r.file},
            {"subject", r.subject},
            {"from", r.from},
            {"sender_domain", r.sender_domain},
            {"recipients", r.recipients},
            {"recipient_domains", r.recipient_domains},
            {"hosts", r.hosts},
            {"phones", r.phones},
            {"attachments", atts},
            {"family", r.family},
            {"categories", r.categories},
            {"verdict", r.verdict},
            {"score", r.score},
            {"time", r.time},
            {"quarantine_id", r.quarantine_id},
            {"state", r.state},
            {"excerpt", r.excerpt}};
  // Replace invalid UTF-8 rather than throw: the data is for display.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

MessageRecord record_from_json(const std::string& data) {
  const json j = json::parse(data);
  MessageRecord r;
  r.key = j.value("key", "");
  r.message_id = j.value("message_id", "");
  r.file = j.value("file", "");
  r.subject = j.value("subject", "");
  r.from = j.value("from", "");
  r.sender_domain = j.value("sender_domain", "");
  r.recipients = j.value("recipients", std::vector<std::string>{});
  r.recipient_domains = j.value("recipient_domains", std::vector<std::string>{});
  r.hosts = j.value("hosts", std::vector<std::string>{});
  r.phones = j.value("phones", std::vector<std::string>{});
  for (const auto& a : j.value("attachments", json::array()))
    r.attachments.push_back({a.value("name", ""), a.value("sha256", ""), a.value("payload", true)});
  r.family = j.value("family", "unknown");
  r.categories = j.value("categories", std::vector<std::string>{});
  r.verdict = j.value("verdict", "accept");
  r.score = j.value("score", 0.0);
  r.time = j.value("time", int64_t{0});
  r.quarantine_id = j.value("quarantine_id", "");
  r.state = j.value("state", "");
  r.excerpt = j.value("excerpt", "");
  return r;
}

bool parse_mail_date(const std::string& date, int64_t& out) {
  if (date.empty()) return false;
  GDateTime* dt = g_mime_utils_header_decode_date(date.c_str());
  if (!dt) return false;
  out = g_date_time_to_unix(dt);
  g_date_time_unref(dt);
  return out > 0;
}

namespace {

std::string format_utc(int64_t t, const char* format) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace

std::string iso8601(int64_t t) { return format_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }
std::string day_key(int64_t t) { return format_utc(t, "%Y%m%d"); }
std::string utc_day(int64_t t) { return format_utc(t, "%Y-%m-%d"); }

}  // namespace impostor::index

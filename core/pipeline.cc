// pipeline.cc — parse, normalise, analyse, score. See pipeline.h.
#include "core/pipeline.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "core/mime_parser.h"
#include "core/normalized_view.h"
#include "core/phone_extractor.h"
#include "core/scorer.h"
#include "core/text_normalizer.h"

namespace impostor::core {
namespace {

using Clock = std::chrono::steady_clock;
constexpr long kMinPhoneDigits = 7;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "" : lower(address.substr(at + 1));
}

// "example.com" matches example.com and any subdomain of it.
bool domain_in(const std::string& domain, const std::vector<std::string>& list) {
  for (const auto& entry : list) {
    const std::string d = lower(entry);
    if (domain == d) return true;
    if (domain.size() > d.size() && domain.compare(domain.size() - d.size(), d.size(), d) == 0 &&
        domain[domain.size() - d.size() - 1] == '.')
      return true;
  }
  return false;
}

// CIDR match for IPv4 and IPv6 ("192.0.2.0/24", "2001:db8::/32", or a bare address).
bool address_in_network(const std::string& address, const std::string& cidr) {
  const auto slash = cidr.find('/');
  const std::string net = cidr.substr(0, slash);
  unsigned char a[16], n[16];
  int len = 0;
  if (inet_pton(AF_INET, address.c_str(), a) == 1 && inet_pton(AF_INET, net.c_str(), n) == 1)
    len = 4;
  else if (inet_pton(AF_INET6, address.c_str(), a) == 1 && inet_pton(AF_INET6, net.c_str(), n) == 1)
    len = 16;
  else
    return false;
  int bits = slash == std::string::npos ? len * 8 : std::atoi(cidr.c_str() + slash + 1);
  bits = std::clamp(bits, 0, len * 8);
  for (int i = 0; i < len && bits > 0; ++i, bits -= 8) {
    const unsigned char mask = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
    if ((a[i] & mask) != (n[i] & mask)) return false;
  }
  return true;
}

// Phones come from the normalised text (full-width digits already ASCII) of
// what a reader sees, quoted back in the original characters, once each.
void extract_phones(MessageView& view, const NormalizedView& normalized) {
  for (size_t i = 0; i < view.texts.size(); ++i) {
    const auto source = view.texts[i].source;
    if (source != TextSource::body && source != TextSource::subject &&
        source != TextSource::alt_text && source != TextSource::display_name)
      continue;
    const auto& norm = normalized.segments[i];
    // No phone number has fewer than seven digits: most texts are skipped
    // by one cheap count.
    if (std::count_if(norm.text.begin(), norm.text.end(), [](char c) { return c >= '0' && c <= '9'; }) <
        kMinPhoneDigits)
      continue;
    for (const auto& m : find_phones(norm.text)) {
      if (m.begin >= m.end || m.end > norm.text.size()) continue;
      const bool seen = std::any_of(view.phones.begin(), view.phones.end(),
                                    [&](const Phone& p) { return p.digits == m.digits; });
      if (seen) continue;
      const size_t b = norm.origin[m.begin], e = norm.origin[m.end];
      view.phones.push_back({view.texts[i].text.substr(b, e - b), m.digits, source});
    }
  }
}

// Limits hit while parsing become visible, zero-weight evidence.
void record_limit_anomalies(const MessageView& view, Findings& out) {
  for (const auto& a : view.anomalies) {
    if (a.find("limit") == std::string::npos && a != "truncated-input") continue;
    out.push_back({"LIMIT_" + a, "", 0, a, "structure"});
  }
}

}  // namespace

Pipeline::Pipeline(std::shared_ptr<const Config> config, std::shared_ptr<const RuleSet> rules,
                   std::vector<std::unique_ptr<Analyzer>> analyzers)
    : config_(std::move(config)), rules_(std::move(rules)), analyzers_(std::move(analyzers)) {}

ScanResult Pipeline::scan(const Envelope& envelope, std::string_view raw) const {
  MessageView view;
  return scan(envelope, raw, view);
}

ScanResult Pipeline::scan(const Envelope& envelope, std::string_view raw,
                          MessageView& view) const {
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(config_->limits.scan_timeout_ms);
  ScanResult result;

  view = parse_message(raw, config_->limits);
  result.message_id = view.message_id;
  result.subject = view.subject;
  result.from = view.from.address;

  result.allowlisted = allowlist_match(*config_, envelope, view);
  if (result.allowlisted.empty()) {
    const NormalizedView normalized = NormalizedView::of(view, shared_normalizer());
    extract_phones(view, normalized);
    record_limit_anomalies(view, result.findings);
    for (const auto& analyzer : analyzers_) {
      if (Clock::now() > deadline) {
        result.findings.push_back({"LIMIT_SCAN_TIMEOUT", "", 0,
                                   "scan deadline reached before " + std::string(analyzer->name()),
                                   "structure"});
        break;
      }
      const AnalysisContext ctx{view, normalized, envelope, *config_, *rules_, result.findings};
      Findings found;
      try {
        analyzer->analyze(ctx, found);
      } catch (const std::bad_alloc&) {
        throw;  // environment, not content: the caller's transient path
      } catch (const std::exception& e) {
        found = {{"ANALYZER_FAILED:" + std::string(analyzer->name()), "", 0, e.what(), "engine"}};
      }
      result.findings.insert(result.findings.end(), found.begin(), found.end());
    }
    score_findings(*config_, view, result);
  }
  result.elapsed_us = static_cast<long>(
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
  return result;
}

std::string allowlist_match(const Config& config, const Envelope& envelope,
                            const MessageView& view) {
  const std::string sender = lower(envelope.mail_from.empty() ? view.from.address
                                                              : envelope.mail_from);
  for (const auto& s : config.allow_senders)
    if (!sender.empty() && sender == lower(s)) return "sender " + sender;
  if (domain_in(domain_of(sender), config.allow_sender_domains))
    return "sender domain " + domain_of(sender);
  for (const auto& net : config.allow_client_networks)
    if (!envelope.client_addr.empty() && address_in_network(envelope.client_addr, net))
      return "client network " + net;
  // Every recipient must be allowlisted: adding abuse@ to a scam's recipient
  // list must not carry it past the filter for everyone else.
  if (!envelope.rcpt_to.empty() && !config.allow_recipients.empty()) {
    const bool all = std::all_of(envelope.rcpt_to.begin(), envelope.rcpt_to.end(),
                                 [&](const std::string& r) {
                                   return std::any_of(config.allow_recipients.begin(),
                                                      config.allow_recipients.end(),
                                                      [&](const std::string& a) {
                                                        return lower(r) == lower(a);
                                                      });
                                 });
    if (all) return "recipients";
  }
  return "";
}

}  // namespace impostor::core

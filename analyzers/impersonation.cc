// impersonation.cc — see impersonation.h.
#include "analyzers/impersonation.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "analyzers/findings_query.h"
#include "core/text_normalizer.h"
#include "core/url_extractor.h"

namespace impostor::analyzers {
namespace {

using core::Config;
using core::Finding;
using core::MessageView;

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

using core::domain_in_list;

// Brand tokens looked for inside domain names, after look-alike folding.
// "outlook"/"windows"/"office" are only strong in sender domains: link hosts
// such as a Windows-tips blog carry them innocently.
// "m365" and "msaccount" are how lookalike hosts spell the product and the
// account ("notice-m365renewal.com", "annual-review-msaccount.com").
constexpr std::array<const char*, 6> kStrongTokens = {"microsoft", "msft", "microsoft365",
                                                      "office365", "m365", "msaccount"};
constexpr std::array<const char*, 4> kSenderTokens = {"windows", "outlook", "hotmail",
                                                      "windowsdefender"};

// Folds the usual digit and letter-pair tricks so "micros0ft", "rnicrosoft"
// and "m1crosoft" read as "microsoft". Input: canonical (normalised) host.
std::string fold_lookalikes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '-' || c == '_' || c == '.') continue;
    if (c == 'r' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += 'm';
      ++i;
      continue;
    }
    if (c == 'v' && i + 1 < s.size() && s[i + 1] == 'v') {
      out += 'w';
      ++i;
      continue;
    }
    switch (c) {
      case '0': out += 'o'; break;
      case '1': case '|': out += 'i'; break;  // m1crosoft; "l" is folded below
      case '3': out += 'e'; break;
      case '5': out += 's'; break;
      case '4': case '@': out += 'a'; break;
      case 'l': out += 'i'; break;  // rnicrosoft/mlcrosoft: l and i look alike
      default: out += c;
    }
  }
  return out;
}

// True when the optimal-string-alignment distance of a and b is at most 1:
// equal, or one substitution, insertion, deletion or swap of neighbours
// apart. Linear: this runs for every window of every host.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b is a plus one trailing character
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);  // one insertion
  if (a.substr(i + 1) == b.substr(i + 1)) return true;             // one substitution
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);                        // one swap
}

// The brand tokens, folded once (folding is a pure function of the token).
std::vector<std::string> folded(const char* const* begin, const char* const* end) {
  std::vector<std::string> out;
  for (auto t = begin; t != end; ++t) out.push_back(fold_lookalikes(*t));
  return out;
}

bool has_token_or_typo(const std::string& folded_label, bool sender) {
  static const std::string target = fold_lookalikes("microsoft");
  static const std::vector<std::string> strong = folded(kStrongTokens.begin(), kStrongTokens.end());
  static const std::vector<std::string> sender_only =
      folded(kSenderTokens.begin(), kSenderTokens.end());
  auto contains = [&](const std::string& t) { return folded_label.find(t) != std::string::npos; };
  if (std::any_of(strong.begin(), strong.end(), contains)) return true;
  if (sender && std::any_of(sender_only.begin(), sender_only.end(), contains)) return true;
  // Typos of the brand name itself: any window of its length, one edit away.
  const std::string_view label = folded_label;
  for (size_t len = target.size() - 1; len <= target.size() + 1; ++len)
    for (size_t i = 0; i + len <= label.size(); ++i)
      if (within_one_edit(label.substr(i, len), target)) return true;
  return false;
}

bool is_lookalike(const std::string& host, const Config& config, bool sender) {
  if (host.empty() || domain_in_list(host, config.brand_domains) ||
      domain_in_list(host, config.freemail_domains))
    return false;
  // Drop the top-level label: "microsoft.xyz" is judged on "microsoft".
  std::string name = host;
  if (auto dot = name.rfind('.'); dot != std::string::npos) name.resize(dot);
  return has_token_or_typo(fold_lookalikes(core::shared_normalizer().canonical(name)), sender);
}

bool display_name_claims_brand(const MessageView& view, const Config& config) {
  const std::string name = fold_lookalikes(core::shared_normalizer().canonical(view.from.display_name));
  return std::any_of(config.brand_names.begin(), config.brand_names.end(),
                     [&](const std::string& b) {
                       const std::string folded =
                           fold_lookalikes(core::shared_normalizer().canonical(b));
                       return !folded.empty() && name.find(folded) != std::string::npos;
                     });
}

bool mentions_brand_domain(const std::string& text, const Config& config) {
  const std::string lowered = core::shared_normalizer().canonical(text);
  for (const auto& m : core::find_urls(lowered))
    if (domain_in_list(core::host_of(m.url), config.brand_domains)) return true;
  return std::any_of(config.brand_domains.begin(), config.brand_domains.end(),
                     [&](const std::string& d) { return lowered.find(d) != std::string::npos; });
}

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  std::string d = at == std::string::npos ? "" : address.substr(at + 1);
  std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return std::tolower(c); });
  return d;
}

}  // namespace

bool is_lookalike_domain(const std::string& host, const Config& config) {
  return is_lookalike(host, config, true);
}

bool is_authenticated(const MessageView& view, const Config& config, const std::string& domain) {
  if (domain.empty()) return false;
  // Only the topmost header from a trusted authserv-id counts: a sender can
  // forge older-looking Authentication-Results lines below it. With no
  // trusted ids configured, the topmost header of any id is taken (fine
  // for offline scans; a gateway should name its own MTA).
  const auto& ids = config.trusted_authserv_ids;
  std::string trusted_id;
  for (const auto& ar : view.auth_results) {
    const bool trusted = ids.empty() || std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
                           return iequals(id, ar.authserv_id);
                         });
    if (!trusted) continue;
    if (trusted_id.empty()) trusted_id = ar.authserv_id;
    if (!iequals(trusted_id, ar.authserv_id)) break;
    if (ar.result != "pass" || (ar.method != "dkim" && ar.method != "dmarc")) continue;
    // Aligned: same organisational domain, or both owned by the brand
    // (microsoft.co.jp mail signed d=microsoft.com).
    if (core::base_domain(ar.domain) == core::base_domain(domain) ||
        (domain_in_list(ar.domain, config.brand_domains) && domain_in_list(domain, config.brand_domains)))
      return true;
  }
  return false;
}

void ImpersonationAnalyzer::analyze(const AnalysisContext& ctx, Findings& out) const {
  const MessageView& view = ctx.view;
  const Config& config = ctx.config;
  const std::string& from_domain = view.from.domain;
  auto emit = [&](const char* id, const char* family, std::string evidence, const char* source) {
    out.push_back({id, family, config.score_of(id), std::move(evidence), source});
  };

  if (domain_in_list(from_domain, config.brand_domains) && is_authenticated(view, config, from_domain)) {
    emit("BRAND_AUTHENTICATED", "brand", "authenticated sender " + view.from.address, "header");
    return;
  }
  if (domain_in_list(from_domain, config.internal_domains) && is_authenticated(view, config, from_domain))
    emit("INTERNAL_AUTHENTICATED", "context", "authenticated internal sender " + view.from.address,
         "header");

  // Where the brand is claimed matters: in the subject, the sender's name or
  // the images the message presents itself as the brand; a body that merely
  // names Microsoft (an advisory, a receipt) claims much less.
  // The sender's own name is reported first when it claims the brand: it
  // says who writes, which the scorer weighs more than the subject.
  const Finding* headline_claim = nullptr;
  const Finding* name_hit = nullptr;
  const Finding* body_claim = nullptr;
  for (const auto& f : ctx.earlier) {
    if (f.family != "brand") continue;
    if (f.source == "body") {
      if (!body_claim) body_claim = &f;
    } else if (f.source == "display_name") {
      if (!name_hit) name_hit = &f;
    } else if (!headline_claim) {
      headline_claim = &f;
    }
  }
  if (name_hit) headline_claim = name_hit;
  const bool name_claim = display_name_claims_brand(view, config);
  const std::string sent_from = " — sent from " + (from_domain.empty() ? "no domain" : from_domain);
  if (headline_claim || name_claim) {
    emit("BRAND_IMPERSONATION", "brand",
         (headline_claim ? headline_claim->evidence : view.from.display_name) + sent_from,
         headline_claim ? headline_claim->source.c_str() : "display_name");
  } else if (body_claim) {
    emit("BRAND_IMPERSONATION_BODY", "brand", body_claim->evidence + sent_from, "body");
  }
  if (headline_claim || name_claim || body_claim) {
    if (name_claim && !domain_in_list(from_domain, config.brand_domains))
      emit("BRAND_DISPLAY_NAME_SPOOF", "brand",
           "\"" + view.from.display_name + "\" <" + view.from.address + ">", "display_name");
    for (const auto& r : view.reply_to)
      if (domain_in_list(r.domain, config.freemail_domains) && r.domain != from_domain) {
        emit("BRAND_FREEMAIL_REPLY_TO", "brand", "Reply-To: " + r.address, "header");
        break;
      }
    const auto disguised = std::find_if(ctx.earlier.begin(), ctx.earlier.end(), [](const Finding& f) {
      return f.disguised && (f.family == "brand" || core::is_scam_family(f.family));
    });
    if (disguised != ctx.earlier.end())
      emit("BRAND_DISGUISED", "brand", disguised->evidence, disguised->source.c_str());
  }

  // Look-alike domains: the sender's first, then links.
  std::vector<std::pair<std::string, const char*>> sender_domains = {
      {from_domain, "From"}, {domain_of(ctx.envelope.mail_from), "envelope sender"}};
  for (const auto& r : view.reply_to) sender_domains.push_back({r.domain, "Reply-To"});
  bool lookalike_found = false;
  for (const auto& [domain, where] : sender_domains)
    if (is_lookalike(domain, config, true)) {
      emit("BRAND_LOOKALIKE_DOMAIN", "brand", std::string(where) + " domain " + domain, "header");
      lookalike_found = true;
      break;
    }
  for (const auto& link : view.links) {
    if (!lookalike_found && is_lookalike(link.host, config, false)) {
      emit("BRAND_LOOKALIKE_LINK", "brand", "link to " + link.host, "url");
      lookalike_found = true;
    }
    if (!link.anchor_text.empty() && !link.host.empty() &&
        !domain_in_list(link.host, config.brand_domains) &&
        mentions_brand_domain(link.anchor_text, config)) {
      emit("BRAND_LINK_MISMATCH", "brand", "\"" + link.anchor_text + "\" → " + link.host, "url");
      break;
    }
  }
}

}  // namespace impostor::analyzers

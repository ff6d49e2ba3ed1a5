// impersonation.h — is the sender really the brand it claims to be?
//
// Family: none of its own; its findings are "brand" evidence, which the scorer
// adds only when some scam family is present (claiming to be Microsoft is
// not a scam by itself), and "context" evidence that lowers scores.
// Signals:
//  * a `brand` rule hit (brand named in subject, display name, body, alt text)
//    while the From domain is not a brand domain authenticated by a trusted
//    Authentication-Results header (DKIM or DMARC pass, aligned with From);
//  * the brand in the From display name with a non-brand address;
//  * look-alike or brand-bearing domains in From, Reply-To, envelope sender
//    or links (micros0ft-support.com, microsoft-jp-security.xyz, IDN
//    homoglyphs, one-edit typos such as mircosoft);
//  * Reply-To on a freemail domain while claiming the brand;
//  * link text showing a brand domain while the link goes elsewhere;
//  * the brand or the scam's own words written to slip past filters
//    (Cyrillic look-alikes inside Latin words, zero-width characters
//    between letters) while claiming the brand.
// Emits: BRAND_IMPERSONATION (claim in subject, display name or image text),
//   BRAND_IMPERSONATION_BODY (only the body names the brand), BRAND_DISPLAY_NAME_SPOOF, BRAND_LOOKALIKE_DOMAIN (sender),
//   BRAND_LOOKALIKE_LINK,
//   BRAND_FREEMAIL_REPLY_TO, BRAND_LINK_MISMATCH, BRAND_DISGUISED, BRAND_AUTHENTICATED (negative),
//   INTERNAL_AUTHENTICATED (negative). Weights: `score.ID` in impostor.conf.
// Known false positives: third-party sites with "microsoft" in their name;
// they only matter together with a scam family.
#pragma once

#include <string>

#include "analyzers/analyzer.h"

namespace impostor::analyzers {

class ImpersonationAnalyzer : public Analyzer {
 public:
  std::string_view name() const override { return "impersonation"; }
  void analyze(const AnalysisContext& ctx, Findings& out) const override;
};

// True when `host` imitates the brand without being one of `brand_domains`
// (exposed for tests).
bool is_lookalike_domain(const std::string& host, const core::Config& config);

// True when the topmost trusted Authentication-Results passes DKIM or DMARC
// for a domain aligned with `domain`.
bool is_authenticated(const core::MessageView& view, const core::Config& config,
                      const std::string& domain);

}  // namespace impostor::analyzers

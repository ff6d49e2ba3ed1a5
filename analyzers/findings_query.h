// findings_query.h — small questions analyzers ask about earlier findings.
#pragma once

#include <algorithm>
#include <string_view>

#include "core/finding.h"

namespace impostor::analyzers {

// The first finding of `family`, or nullptr.
inline const core::Finding* first_of_family(const core::Findings& findings,
                                            std::string_view family) {
  auto it = std::find_if(findings.begin(), findings.end(),
                         [&](const core::Finding& f) { return f.family == family; });
  return it == findings.end() ? nullptr : &*it;
}

inline bool has_family(const core::Findings& findings, std::string_view family) {
  return first_of_family(findings, family) != nullptr;
}

// Whether the mail itself claims to be the brand: a positive brand finding
// (an authenticated brand sender is a negative one) other than the brand
// merely named in the body, as any newsletter names it.
inline bool claims_brand(const core::Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const core::Finding& f) {
    return f.family == "brand" && f.score > 0 && f.rule_id != "BRAND_IMPERSONATION_BODY";
  });
}

inline bool has_rule(const core::Findings& findings, std::string_view rule_id) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const core::Finding& f) { return f.rule_id == rule_id; });
}

}  // namespace impostor::analyzers

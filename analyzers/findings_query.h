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

inline bool has_rule(const core::Findings& findings, std::string_view rule_id) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const core::Finding& f) { return f.rule_id == rule_id; });
}

}  // namespace impostor::analyzers

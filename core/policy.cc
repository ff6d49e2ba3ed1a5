// policy.cc — verdict and family to action (see policy.h).
#include "core/policy.h"

#include <algorithm>
#include <optional>

namespace impostor::core {

namespace {

Action default_action(Verdict verdict) {
  switch (verdict) {
    case Verdict::quarantine: return Action::quarantine;
    case Verdict::reject: return Action::reject;
    default: return Action::deliver;
  }
}

std::optional<Action> configured(const Config& config, const std::string& name) {
  const auto it = config.actions.find(name);
  if (it == config.actions.end()) return std::nullopt;
  return it->second;
}

}  // namespace

Action action_for(const Config& config, Verdict verdict, const std::vector<std::string>& categories) {
  if (verdict == Verdict::accept) return Action::deliver;
  Action action = configured(config, to_string(verdict)).value_or(default_action(verdict));
  if (verdict < Verdict::quarantine) return action;
  std::optional<Action> strictest_family;
  for (const auto& family : categories)
    if (const auto a = configured(config, family))
      strictest_family = std::max(strictest_family.value_or(*a), *a);
  return strictest_family.value_or(action);
}

}  // namespace impostor::core

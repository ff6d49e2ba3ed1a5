// engine.cc — wiring config + rules + analyzers into a Pipeline.
#include "analyzers/engine.h"

#include "analyzers/analyzer.h"
#include "core/rule_set.h"

namespace impostor::analyzers {

std::shared_ptr<const core::Config> load_config(const std::string& config_path) {
  if (config_path.empty()) return std::make_shared<const core::Config>(core::Config::defaults());
  return std::make_shared<const core::Config>(core::Config::load_file(config_path));
}

std::shared_ptr<const core::Pipeline> make_pipeline(std::shared_ptr<const core::Config> config) {
  auto rules = config->rules_dir.empty() ? core::RuleSet::builtin()
                                         : core::RuleSet::load_dir(config->rules_dir);
  return std::make_shared<const core::Pipeline>(std::move(config), std::move(rules),
                                                make_all_analyzers());
}

}  // namespace impostor::analyzers

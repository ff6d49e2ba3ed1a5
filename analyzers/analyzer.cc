// analyzer.cc — the list of analyzers, in the order they run.
#include "analyzers/analyzer.h"

#include "analyzers/fake_bulletin.h"
#include "analyzers/impersonation.h"
#include "analyzers/rule_analyzer.h"
#include "analyzers/tech_support.h"

namespace impostor::analyzers {

std::vector<std::unique_ptr<Analyzer>> make_all_analyzers() {
  std::vector<std::unique_ptr<Analyzer>> all;
  // Rules first: the others combine the rule hits with structure.
  all.push_back(std::make_unique<RuleAnalyzer>());
  all.push_back(std::make_unique<ImpersonationAnalyzer>());
  all.push_back(std::make_unique<FakeBulletinAnalyzer>());
  all.push_back(std::make_unique<TechSupportAnalyzer>());
  return all;
}

}  // namespace impostor::analyzers

// command_rules.cc — `impostor rules check [--config FILE] [DIR|FILE...]`:
// loads and compiles rule files the way the filter will, and reports the
// first problem as file:line. With no argument it checks the rules the
// config names (rules_dir, or the built-in set).
// `impostor rules list` prints id, family, score, languages and sources.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyzers/engine.h"
#include "cli/command.h"
#include "cli/options.h"
#include "core/rule_set.h"

namespace impostor::cli {
namespace {

std::shared_ptr<const core::RuleSet> load(const Options& opts) {
  if (opts.positional.size() <= 1) {
    auto config = analyzers::load_config(opts.get("config"));
    return config->rules_dir.empty() ? core::RuleSet::builtin()
                                     : core::RuleSet::load_dir(config->rules_dir);
  }
  std::vector<std::pair<std::string, std::string>> texts;
  for (size_t i = 1; i < opts.positional.size(); ++i) {
    const std::string& p = opts.positional[i];
    if (std::filesystem::is_directory(p)) return core::RuleSet::load_dir(p);
    std::ifstream in(p, std::ios::binary);
    if (!in) throw core::RuleError(p + ": cannot open");
    std::ostringstream buf;
    buf << in.rdbuf();
    texts.emplace_back(p, buf.str());
  }
  return core::RuleSet::from_texts(texts);
}

}  // namespace

int run_rules(int argc, char** argv) {
  Options opts;
  try {
    opts = parse_options(argc, argv, 2, {"config"}, {"help"});
    if (opts.positional.empty() ||
        (opts.positional[0] != "check" && opts.positional[0] != "list"))
      throw UsageError("expected 'check' or 'list'");
  } catch (const UsageError& e) {
    std::cerr << "impostor rules: " << e.what()
              << "\nusage: impostor rules check|list [--config FILE] [DIR|FILE...]\n";
    return kExitUsage;
  }
  try {
    const auto rules = load(opts);
    if (opts.positional[0] == "list") {
      for (const auto& r : rules->rules()) {
        std::cout << r.id << "\t" << r.family << "\t" << r.score << "\t" << r.lang << "\t";
        for (size_t i = 0; i < r.where.size(); ++i)
          std::cout << (i ? "," : "") << core::to_string(r.where[i]);
        std::cout << "\t" << r.origin << "\n";
      }
      return kExitOk;
    }
    std::cout << "ok: " << rules->rules().size() << " rules\n";
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return kExitConfig;
  }
}

}  // namespace impostor::cli

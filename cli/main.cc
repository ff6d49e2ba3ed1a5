// main.cc — `impostor`: the offline front end of the engine. Dispatches to one
// function per subcommand (cli/command.h); the table below is the whole list.
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/command.h"
#include "cli/options.h"
#include "config.h"

namespace {

struct Command {
  const char* name;
  impostor::cli::CommandFn run;
  const char* summary;
};

const Command kCommands[] = {
    {"scan", impostor::cli::run_scan, "scan message files, print verdicts (JSON Lines)"},
    {"rules", impostor::cli::run_rules, "rules check: validate the rule files"},
    {"quarantine", impostor::cli::run_quarantine, "list, show, release or delete held mail"},
    {"index", impostor::cli::run_index, "add messages or the milter's spool to the campaign index"},
    {"campaigns", impostor::cli::run_campaigns, "list campaigns and their members"},
    {"search", impostor::cli::run_search, "search the campaign index (free text and fields)"},
    {"report", impostor::cli::run_report, "campaign report: HTML, JSON or CSV"},
};

void usage(std::ostream& out) {
  out << "usage: impostor COMMAND [options] ...\n\ncommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << "\t" << c.summary << "\n";
  out << "\nSee impostor(1).\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return impostor::cli::kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(std::cout);
    return impostor::cli::kExitOk;
  }
  if (name == "--version") {
    std::cout << "impostor " << PACKAGE_VERSION << "\n";
    return impostor::cli::kExitOk;
  }
  for (const auto& c : kCommands)
    if (name == c.name) return c.run(argc, argv);
  std::cerr << "impostor: unknown command '" << name << "'\n";
  usage(std::cerr);
  return impostor::cli::kExitUsage;
}

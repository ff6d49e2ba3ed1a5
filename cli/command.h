// command.h — every `impostor` subcommand is a function of this shape,
// registered in cli/main.cc. argv[0] is "impostor", argv[1] the subcommand.
#pragma once

namespace impostor::cli {

using CommandFn = int (*)(int argc, char** argv);

int run_scan(int argc, char** argv);         // cli/command_scan.cc
int run_rules(int argc, char** argv);        // cli/command_rules.cc
int run_quarantine(int argc, char** argv);   // cli/command_quarantine.cc
int run_index(int argc, char** argv);        // cli/command_index.cc
int run_campaigns(int argc, char** argv);    // cli/command_index.cc
int run_search(int argc, char** argv);       // cli/command_index.cc
int run_report(int argc, char** argv);       // cli/command_report.cc

}  // namespace impostor::cli

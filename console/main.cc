// main.cc — impostor-console: the quarantine review console.
//
//   impostor-console --config FILE [--listen 127.0.0.1:8025]
//   impostor-console useradd --config FILE NAME --role viewer|operator|admin
//                            (the password is read from the first line of stdin)
//
// Serves over the config's state_dir: the quarantine store
// (state_dir/quarantine.db + messages/) and the console's own accounts
// (state_dir/console.db). SIGTERM/SIGINT stop it cleanly.
// Exit: 0 ok, 1 runtime failure, 2 usage, 78 bad config.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <string>
#include <thread>

#include "analyzers/engine.h"
#include "console/accounts.h"
#include "console/server.h"
#include "core/config.h"
#include "core/durable_file.h"
#include "core/quarantine_queries.h"
#include "core/quarantine_store.h"

namespace {

using namespace impostor;

constexpr int kExitOk = 0, kExitFail = 1, kExitUsage = 2, kExitConfig = 78;

const char* kUsage =
    "usage: impostor-console --config FILE [--listen 127.0.0.1:8025]\n"
    "       impostor-console useradd --config FILE NAME --role viewer|operator|admin  "
    "(password on stdin)\n";

struct Args {
  std::string command;  // "" = serve
  std::string config, listen = "127.0.0.1:8025", name, role;
};

bool parse_args(int argc, char** argv, Args& a) {
  int i = 1;
  if (i < argc && std::string(argv[i]) == "useradd") a.command = argv[i++];
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    if (arg == "--config") {
      if (!value(a.config)) return false;
    } else if (arg == "--listen" && a.command.empty()) {
      if (!value(a.listen)) return false;
    } else if (arg == "--role" && a.command == "useradd") {
      if (!value(a.role)) return false;
    } else if (a.command == "useradd" && a.name.empty() && !arg.empty() && arg[0] != '-') {
      a.name = arg;
    } else {
      return false;
    }
  }
  if (a.config.empty()) return false;
  return a.command.empty() || (!a.name.empty() && !a.role.empty());
}

int useradd(const core::Config& config, const Args& a) {
  console::Role role;
  if (!console::parse_role(a.role, role)) {
    std::cerr << "impostor-console: --role must be viewer, operator or admin\n";
    return kExitUsage;
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  core::make_dirs(config.state_dir);
  console::Accounts accounts(config.state_dir);
  const bool added = accounts.set_user(a.name, password, role);
  std::cout << a.name << ": " << (added ? "added" : "updated") << " as " << a.role << "\n";
  return kExitOk;
}

int serve(std::shared_ptr<const core::Config> config, const Args& a) {
  std::string host;
  int port = 0;
  if (!console::parse_listen(a.listen, host, port)) {
    std::cerr << "impostor-console: --listen wants HOST:PORT, not '" << a.listen << "'\n";
    return kExitUsage;
  }
  if (host != "127.0.0.1" && host != "::1" && host != "localhost")
    std::cerr << "impostor-console: warning: listening on " << host
              << "; put it behind a TLS proxy (see conf/nginx-impostor-console.conf)\n";

  core::QuarantineStore store(config->state_dir);
  core::QuarantineQueries queries(config->state_dir);
  console::Accounts accounts(config->state_dir);
  if (accounts.users().empty())
    std::cerr << "impostor-console: no accounts yet; add one with "
                 "`impostor-console useradd --config FILE NAME --role admin`\n";

  // Signals go to this thread only (sigwait below), never to server threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  console::ConsoleServer server(config, store, queries, accounts);
  if (!server.bind(host, port)) {
    std::cerr << "impostor-console: cannot listen on " << a.listen << "\n";
    return kExitFail;
  }
  std::cerr << "impostor-console: listening on http://" << a.listen << "/ (state_dir "
            << config->state_dir << ")\n";
  std::thread worker([&server] { server.serve(); });
  int sig = 0;
  sigwait(&signals, &sig);
  std::cerr << "impostor-console: stopping (signal " << sig << ")\n";
  server.stop();
  worker.join();
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!parse_args(argc, argv, args)) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::shared_ptr<const core::Config> config;
  try {
    config = analyzers::load_config(args.config);
  } catch (const core::ConfigError& e) {
    std::cerr << "impostor-console: " << e.what() << "\n";
    return kExitConfig;
  }
  try {
    return args.command == "useradd" ? useradd(*config, args) : serve(config, args);
  } catch (const console::AccountError& e) {
    std::cerr << "impostor-console: " << e.what() << "\n";
    return kExitFail;
  } catch (const std::exception& e) {
    std::cerr << "impostor-console: " << e.what() << "\n";
    return kExitFail;
  }
}

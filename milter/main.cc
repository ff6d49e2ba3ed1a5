// main.cc — impostor-milter: the libmilter front end of the engine.
//
//   impostor-milter --config FILE [--socket SPEC] [--foreground]
//
// Start-up order matters: load and validate the config and rules (exit 78
// with file:line when bad; compiled rules are cached in state_dir/cache),
// open the listening socket while still privileged (a unix: socket gets
// socket_mode and user's group),
// detach (the parent exits only when the child is ready, with its status),
// write the pid file, drop to `user`, open the quarantine store, serve.
//
// Signals: libmilter's own signal thread treats SIGHUP as "stop", so we keep
// the signals away from it. smfi_main runs in a thread that blocks SIGHUP,
// SIGTERM and SIGINT (every libmilter thread inherits that mask); only the
// main thread leaves them unblocked, with handlers that write to a self-pipe.
// Linux hands a process-directed signal to the main thread first when it does
// not block it, so libmilter's sigwait never sees them. SIGHUP rebuilds the
// engine (a bad one is refused and logged, the old one keeps serving);
// SIGTERM/SIGINT stop accepting, let sessions in flight finish (up to
// milter_timeout), remove the pid file and exit 0.
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <libmilter/mfapi.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "config.h"
#include "core/config.h"
#include "core/durable_file.h"
#include "core/quarantine_store.h"
#include "core/rule_set.h"
#include "milter/callbacks.h"
#include "milter/engine_holder.h"
#include "milter/listen_socket.h"
#include "milter/logging.h"

namespace {

using impostor::milter::LogLevel;
using impostor::milter::log;

constexpr int kExitOk = 0;
constexpr int kExitUsage = 64;      // EX_USAGE
constexpr int kExitUnavailable = 69;  // EX_UNAVAILABLE
constexpr int kExitSoftware = 70;   // EX_SOFTWARE
constexpr int kExitOsErr = 71;      // EX_OSERR
constexpr int kExitConfig = 78;     // EX_CONFIG

int g_signal_pipe[2] = {-1, -1};

extern "C" void on_signal(int sig) {
  const int saved = errno;
  const unsigned char b = static_cast<unsigned char>(sig);
  [[maybe_unused]] ssize_t n = ::write(g_signal_pipe[1], &b, 1);
  errno = saved;
}

struct Args {
  std::string config = std::string(SYSCONFDIR) + "/impostor/impostor.conf";
  std::string socket;
  bool foreground = false;
};

void usage(std::ostream& out) {
  out << "usage: impostor-milter --config FILE [--socket SPEC] [--foreground]\n"
         "  SPEC: unix:/path | inet:PORT@HOST | inet6:PORT@HOST (overrides `socket`)\n"
         "See impostor-milter(8) and impostor.conf(5).\n";
}

bool parse_args(int argc, char** argv, Args& a, int& exit_code) {
  static const option longopts[] = {{"config", required_argument, nullptr, 'c'},
                                    {"socket", required_argument, nullptr, 's'},
                                    {"foreground", no_argument, nullptr, 'f'},
                                    {"help", no_argument, nullptr, 'h'},
                                    {"version", no_argument, nullptr, 'V'},
                                    {nullptr, 0, nullptr, 0}};
  int c;
  while ((c = getopt_long(argc, argv, "c:s:fhV", longopts, nullptr)) != -1) {
    switch (c) {
      case 'c': a.config = optarg; break;
      case 's': a.socket = optarg; break;
      case 'f': a.foreground = true; break;
      case 'h': usage(std::cout); exit_code = kExitOk; return false;
      case 'V': std::cout << "impostor-milter " << PACKAGE_VERSION << "\n"; exit_code = kExitOk; return false;
      default: usage(std::cerr); exit_code = kExitUsage; return false;
    }
  }
  if (optind != argc) {
    usage(std::cerr);
    exit_code = kExitUsage;
    return false;
  }
  return true;
}

// Detaches; the parent waits for the child's start-up status on a pipe and
// exits with it, so an init script sees a failure that happens after fork.
int daemonize(int& status_fd) {
  int p[2];
  if (::pipe(p) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid > 0) {
    ::close(p[1]);
    unsigned char status = kExitSoftware;
    const ssize_t n = ::read(p[0], &status, 1);
    ::_exit(n == 1 ? status : kExitSoftware);
  }
  ::close(p[0]);
  status_fd = p[1];
  ::setsid();
  if (::chdir("/") != 0) return -1;
  const int null = ::open("/dev/null", O_RDWR);
  if (null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (null > 2) ::close(null);
  }
  return 0;
}

void report_status(int& status_fd, int code) {
  if (status_fd < 0) return;
  const unsigned char b = static_cast<unsigned char>(code);
  [[maybe_unused]] ssize_t n = ::write(status_fd, &b, 1);
  ::close(status_fd);
  status_fd = -1;
}

bool write_pid_file(const std::string& path) {
  if (path.empty()) return true;
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    try {
      impostor::core::make_dirs(path.substr(0, slash), 0755);
    } catch (const std::exception&) {
    }
  }
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return false;
  std::fprintf(f, "%ld\n", static_cast<long>(::getpid()));
  return std::fclose(f) == 0;
}

// chown state_dir to the user, then become that user.
bool drop_privileges(const std::string& user, const std::string& state_dir, std::string& why) {
  if (user.empty()) return true;
  const passwd* pw = ::getpwnam(user.c_str());
  if (!pw) {
    why = "unknown user '" + user + "'";
    return false;
  }
  if (::geteuid() != 0) {
    if (::geteuid() == pw->pw_uid) return true;
    why = "must start as root to switch to user '" + user + "'";
    return false;
  }
  for (const std::string& d :
       {state_dir, state_dir + "/messages", state_dir + "/tmp", state_dir + "/cache"})
    if (::chown(d.c_str(), pw->pw_uid, pw->pw_gid) != 0 && errno != ENOENT) {
      why = "cannot chown " + d + ": " + std::strerror(errno);
      return false;
    }
  if (::initgroups(pw->pw_name, pw->pw_gid) != 0 || ::setgid(pw->pw_gid) != 0 ||
      ::setuid(pw->pw_uid) != 0) {
    why = std::string("cannot switch to user '") + user + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

void* milter_thread(void*) {
  const int rc = smfi_main();
  // Tell the main thread libmilter is done (stopped by us or failed).
  const unsigned char b = rc == MI_SUCCESS ? 0 : 255;
  [[maybe_unused]] ssize_t n = ::write(g_signal_pipe[1], &b, 1);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  int exit_code = kExitOk;
  if (!parse_args(argc, argv, args, exit_code)) return exit_code;
  impostor::milter::init_logging(true);

  // 1. Config and rules, validated before anything is served.
  impostor::milter::EngineHolder engine(args.config);
  try {
    engine.load();
  } catch (const impostor::core::ConfigError& e) {
    std::cerr << "impostor-milter: " << e.what() << "\n";
    return kExitConfig;
  } catch (const impostor::core::RuleError& e) {
    std::cerr << "impostor-milter: " << e.what() << "\n";
    return kExitConfig;
  } catch (const std::exception& e) {
    std::cerr << "impostor-milter: cannot load the engine: " << e.what() << "\n";
    return kExitConfig;
  }
  const auto first = engine.current();
  const impostor::core::Config& conf = *first->config;
  const std::string socket = args.socket.empty() ? conf.socket : args.socket;
  const std::string state_dir = conf.state_dir;

  try {
    impostor::core::make_dirs(state_dir);
    impostor::core::make_dirs(state_dir + "/messages");
    impostor::core::make_dirs(state_dir + "/tmp", 0700);
    impostor::core::make_dirs(state_dir + "/cache");
  } catch (const std::exception& e) {
    std::cerr << "impostor-milter: " << e.what() << "\n";
    return kExitOsErr;
  }

  // 2. libmilter: register and bind now, while still privileged.
  smfiDesc desc = impostor::milter::filter_description();
  if (smfi_register(desc) != MI_SUCCESS) {
    std::cerr << "impostor-milter: smfi_register failed\n";
    return kExitSoftware;
  }
  smfi_settimeout(conf.milter_timeout_s);
  try {
    impostor::milter::open_listen_socket(socket, conf.socket_mode, conf.user);
  } catch (const impostor::milter::ListenError& e) {
    std::cerr << "impostor-milter: " << e.what() << "\n";
    return e.exit_code;
  }

  // 3. Detach, pid file, privileges.
  int status_fd = -1;
  if (!args.foreground) {
    if (daemonize(status_fd) != 0) {
      std::cerr << "impostor-milter: cannot detach: " << std::strerror(errno) << "\n";
      return kExitOsErr;
    }
    impostor::milter::init_logging(false);
  }
  if (!write_pid_file(conf.pid_file)) {
    log(LogLevel::error, "cannot write pid file " + conf.pid_file + ": " + std::strerror(errno));
    report_status(status_fd, kExitOsErr);
    return kExitOsErr;
  }
  std::string why;
  if (!drop_privileges(conf.user, state_dir, why)) {
    log(LogLevel::error, why);
    report_status(status_fd, kExitOsErr);
    return kExitOsErr;
  }

  // 4. The quarantine store, shared by every session.
  std::unique_ptr<impostor::core::QuarantineStore> store;
  try {
    store = std::make_unique<impostor::core::QuarantineStore>(state_dir);
  } catch (const std::exception& e) {
    log(LogLevel::error, std::string("cannot open the quarantine store: ") + e.what());
    report_status(status_fd, kExitUnavailable);
    return kExitUnavailable;
  }
  impostor::milter::SessionServices services;
  services.current = [&engine] { return engine.current(); };
  services.store = [&store](impostor::core::QuarantineRecord rec, std::string_view raw) {
    return store->add(std::move(rec), raw, "impostor-milter");
  };
  services.spill_dir = state_dir + "/tmp";
  impostor::milter::install_services(&services);

  // 5. Signals (see the file header), then serve.
  if (::pipe2(g_signal_pipe, O_CLOEXEC) != 0) {
    report_status(status_fd, kExitOsErr);
    return kExitOsErr;
  }
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t milter_set, old_set;
  sigemptyset(&milter_set);
  sigaddset(&milter_set, SIGHUP);
  sigaddset(&milter_set, SIGTERM);
  sigaddset(&milter_set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &milter_set, &old_set);
  pthread_t milter_tid;
  if (pthread_create(&milter_tid, nullptr, milter_thread, nullptr) != 0) {
    report_status(status_fd, kExitOsErr);
    return kExitOsErr;
  }
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGHUP, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  pthread_sigmask(SIG_SETMASK, &old_set, nullptr);
  pthread_sigmask(SIG_UNBLOCK, &milter_set, nullptr);

  log(LogLevel::info, "started: pid " + std::to_string(::getpid()) + ", socket " + socket +
                          ", config " + args.config + ", state_dir " + state_dir);
  report_status(status_fd, kExitOk);

  int rc = kExitOk;
  bool stopping = false;
  while (!stopping) {
    unsigned char b = 0;
    const ssize_t n = ::read(g_signal_pipe[0], &b, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n != 1) break;
    switch (b) {
      case SIGHUP: {
        std::string err;
        if (engine.reload(&err)) {
          const auto g = engine.current();
          log(LogLevel::info, "reloaded " + args.config + ": generation " +
                                  std::to_string(g->number));
          if (g->config->socket != conf.socket || g->config->state_dir != state_dir ||
              g->config->user != conf.user || g->config->pid_file != conf.pid_file)
            log(LogLevel::warning,
                "socket, state_dir, user and pid_file changes take effect at the next restart");
        } else {
          log(LogLevel::error, "reload refused, keeping generation " +
                                   std::to_string(engine.current()->number) + ": " + err);
        }
        break;
      }
      case SIGTERM:
      case SIGINT:
        log(LogLevel::info, "stopping on signal " + std::to_string(b));
        smfi_stop();
        stopping = true;
        break;
      case 0:  // libmilter returned by itself
        stopping = true;
        break;
      default:
        log(LogLevel::error, "libmilter main loop failed");
        rc = kExitSoftware;
        stopping = true;
        break;
    }
  }

  // Let sessions in flight finish; the MTA tempfails what is left after that.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(engine.current()->config->milter_timeout_s);
  while (impostor::milter::active_sessions() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (impostor::milter::active_sessions() > 0)
    log(LogLevel::warning, std::to_string(impostor::milter::active_sessions()) +
                               " sessions still open at shutdown");
  if (!conf.pid_file.empty()) ::unlink(conf.pid_file.c_str());
  log(LogLevel::info, "stopped");
  // libmilter's threads are detached and may still sit in sigwait; leave
  // without running destructors under them.
  std::_Exit(rc);
}

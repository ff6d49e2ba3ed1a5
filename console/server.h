// server.h — impostor-console's HTTP side: cpp-httplib routes over the
// quarantine store, the console accounts and the page renderers.
//
// Invariants (each enforced in one place in server.cc):
//  * anonymous requests to anything but GET/POST /login and the static
//    script are redirected to /login (pre-routing handler);
//  * every state-changing request is a POST carrying the session's CSRF
//    token (and, when the browser sends Origin, a same-origin one);
//  * every response carries nosniff, a frame policy, Referrer-Policy,
//    Cache-Control: no-store and a Content-Security-Policy (post-routing
//    handler); the sanitised-HTML frame gets its own, stricter CSP with
//    `sandbox` and no script source at all;
//  * ids in paths are matched by the route regex and re-validated;
//  * a handler's exception becomes a 500 page, never a crash.
#pragma once

#include <memory>
#include <string>

#include "console/accounts.h"
#include "core/config.h"
#include "core/quarantine_queries.h"
#include "core/quarantine_store.h"

namespace impostor::console {

class ConsoleServer {
 public:
  ConsoleServer(std::shared_ptr<const core::Config> config, core::QuarantineStore& store,
                core::QuarantineQueries& queries, Accounts& accounts);
  ~ConsoleServer();
  ConsoleServer(const ConsoleServer&) = delete;
  ConsoleServer& operator=(const ConsoleServer&) = delete;

  // Binds host:port; false when it cannot.
  bool bind(const std::string& host, int port);
  // Serves until stop() (from another thread).
  bool serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "127.0.0.1:8025", "[::1]:8025", "localhost:80" → host, port; false when malformed.
bool parse_listen(const std::string& spec, std::string& host, int& port);

}  // namespace impostor::console

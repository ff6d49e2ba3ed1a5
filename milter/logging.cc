// logging.cc — see logging.h.
#include "milter/logging.h"

#include <syslog.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <set>

namespace impostor::milter {

namespace {

std::mutex g_mu;
bool g_stderr = true;
std::function<void(LogLevel, const std::string&)> g_sink;

int syslog_priority(LogLevel l) {
  switch (l) {
    case LogLevel::error: return LOG_ERR;
    case LogLevel::warning: return LOG_WARNING;
    case LogLevel::info: return LOG_INFO;
    case LogLevel::debug: return LOG_DEBUG;
  }
  return LOG_INFO;
}

const char* level_name(LogLevel l) {
  switch (l) {
    case LogLevel::error: return "error";
    case LogLevel::warning: return "warning";
    case LogLevel::info: return "info";
    case LogLevel::debug: return "debug";
  }
  return "info";
}

// Log lines must stay one line whatever a sender puts in an address.
std::string one_line(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  return out;
}

}  // namespace

void init_logging(bool to_stderr, const char* ident) {
  std::lock_guard lock(g_mu);
  g_stderr = to_stderr;
  if (!to_stderr) openlog(ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
}

void set_log_sink(std::function<void(LogLevel, const std::string&)> sink) {
  std::lock_guard lock(g_mu);
  g_sink = std::move(sink);
}

void log(LogLevel level, const std::string& raw) {
  const std::string line = one_line(raw);
  std::lock_guard lock(g_mu);
  if (g_sink) {
    g_sink(level, line);
  } else if (g_stderr) {
    char ts[32];
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::cerr << ts << " impostor-milter " << level_name(level) << ": " << line << std::endl;
  } else {
    syslog(syslog_priority(level), "%s", line.c_str());
  }
}

std::string message_log_line(const core::Envelope& env, const core::ScanResult& result,
                              const std::string& verdict, const std::string& action,
                              const std::string& ref, long elapsed_ms) {
  // Postfix's own form, name[addr]; the MTA passes "[addr]" when it has no name.
  const std::string name =
      env.client_name.empty() || env.client_name[0] == '[' ? "unknown" : env.client_name;
  std::string line = (env.queue_id.empty() ? std::string("NOQUEUE") : env.queue_id) + ": client=" +
                     name + "[" + env.client_addr + "] from=<" + env.mail_from + "> to=";
  for (size_t i = 0; i < env.rcpt_to.size(); ++i)
    line += (i ? ",<" : "<") + env.rcpt_to[i] + ">";
  char score[32];
  std::snprintf(score, sizeof score, "%.1f", result.score);
  line += " verdict=" + verdict + " score=" + score + " rules=";
  std::set<std::string> seen;  // one rule may hit many times
  bool first = true;
  for (const auto& f : result.findings)
    if (seen.insert(f.rule_id).second) {
      line += (first ? "" : ",") + f.rule_id;
      first = false;
    }
  if (first) line += "-";
  line += " action=" + action;
  if (!ref.empty()) line += " ref=" + ref;
  if (!result.allowlisted.empty()) line += " allowlisted=\"" + result.allowlisted + "\"";
  line += " elapsed_ms=" + std::to_string(elapsed_ms);
  return line;
}

}  // namespace impostor::milter

// logging.h — the milter's log: syslog (LOG_MAIL) by default, stderr with
// --foreground. One line per message, starting with the queue ID (Postfix and
// OpenDKIM do the same, so one grep follows a message through both logs).
//
// Thread-safe. Tests may redirect lines with set_log_sink().
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/envelope.h"
#include "core/scan_result.h"

namespace impostor::milter {

enum class LogLevel { error, warning, info, debug };

void init_logging(bool to_stderr, const char* ident = "impostor-milter");
void log(LogLevel level, const std::string& line);
// Replaces the destination (nullptr restores syslog/stderr). For tests.
void set_log_sink(std::function<void(LogLevel, const std::string&)> sink);

// "QUEUEID: client=NAME[ADDR] from=<S> to=<R1>,<R2> verdict=V score=S
//  rules=A,B action=ACTION [ref=ID] elapsed_ms=N"
std::string message_log_line(const core::Envelope& envelope, const core::ScanResult& result,
                             const std::string& verdict, const std::string& action,
                             const std::string& ref, long elapsed_ms);

}  // namespace impostor::milter

// smtp_relay.h — hands a stored message back to an MTA over SMTP with its
// original envelope, using libcurl's SMTP support (no SMTP client of our own).
//
// Invariants: returns only after the relay accepted the message for every
// recipient (250 after DATA); anything else throws RelayError, and the
// caller keeps the message. Line endings are sent as CRLF; libcurl does the
// dot-stuffing.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace impostor::core {

class RelayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `relay` is "host:port", "[v6addr]:port" or a full smtp:// URL.
// `mail_from` "" is the null sender <>.
void relay_smtp(const std::string& relay, const std::string& mail_from,
                const std::vector<std::string>& rcpts, std::string_view raw,
                long timeout_s = 120);

// The smtp:// URL relay_smtp talks to for `relay` (exposed for messages).
std::string relay_url(const std::string& relay);

}  // namespace impostor::core

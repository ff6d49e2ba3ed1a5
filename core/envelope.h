// envelope.h — what the MTA knows about a message besides its bytes.
// The CLI fills only what it can (nothing, usually); the milter fills all.
#pragma once

#include <string>
#include <vector>

namespace impostor::core {

struct Envelope {
  std::string queue_id;       // Postfix/Sendmail queue ID (macro `i`)
  std::string client_addr;    // connecting client IP
  std::string client_name;
  std::string helo;
  std::string mail_from;      // envelope sender, without angle brackets
  std::vector<std::string> rcpt_to;
};

}  // namespace impostor::core

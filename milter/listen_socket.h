// listen_socket.h — opens the milter's listening socket (libmilter's
// smfi_setconn + smfi_opensocket) while the process is still privileged.
//
// A unix: socket is what Postfix and Sendmail usually connect to, and it
// fails quietly when the MTA's user may not open it: so it is created with
// the configured mode (umask cannot widen it afterwards, chmod makes it
// exact) and handed to `user` and that user's group, the group the MTA's
// user joins. inet: sockets are opened as they are.
#pragma once

#include <stdexcept>
#include <string>

namespace impostor::milter {

class ListenError : public std::runtime_error {
 public:
  ListenError(const std::string& what, int exit_code)
      : std::runtime_error(what), exit_code(exit_code) {}
  int exit_code;  // sysexits: 78 bad spec, 69 cannot listen, 71 cannot chmod/chown
};

// The path of a "unix:/path" or "local:/path" spec; "" for other specs.
std::string unix_socket_path(const std::string& spec);

// Registers `spec` with libmilter and opens it; throws ListenError. `user`
// may be empty (keep the owner); ownership changes only when running as root.
void open_listen_socket(const std::string& spec, int mode, const std::string& user);

}  // namespace impostor::milter

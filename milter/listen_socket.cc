// listen_socket.cc — see listen_socket.h.
#include "milter/listen_socket.h"

#include <libmilter/mfapi.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace impostor::milter {

namespace {

// Restores the process umask when the socket has been created.
class UmaskScope {
 public:
  explicit UmaskScope(mode_t mask) : old_(::umask(mask)) {}
  ~UmaskScope() { ::umask(old_); }
  UmaskScope(const UmaskScope&) = delete;
  UmaskScope& operator=(const UmaskScope&) = delete;

 private:
  mode_t old_;
};

void set_owner(const std::string& path, const std::string& user) {
  if (user.empty() || ::geteuid() != 0) return;
  const passwd* pw = ::getpwnam(user.c_str());
  if (!pw) throw ListenError("unknown user '" + user + "'", EX_CONFIG);
  if (::chown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0)
    throw ListenError("cannot chown " + path + ": " + std::strerror(errno), EX_OSERR);
}

}  // namespace

std::string unix_socket_path(const std::string& spec) {
  for (const char* prefix : {"unix:", "local:"})
    if (spec.rfind(prefix, 0) == 0) return spec.substr(std::strlen(prefix));
  return "";
}

void open_listen_socket(const std::string& spec, int mode, const std::string& user) {
  if (smfi_setconn(const_cast<char*>(spec.c_str())) != MI_SUCCESS)
    throw ListenError("bad socket '" + spec + "'", EX_CONFIG);
  const auto open = [&spec] {
    if (smfi_opensocket(true) != MI_SUCCESS)
      throw ListenError("cannot open socket '" + spec + "'", EX_UNAVAILABLE);
  };
  const std::string path = unix_socket_path(spec);
  if (path.empty()) return open();
  {
    // Created with no more permission than `mode` from its first instant.
    UmaskScope umask_scope(static_cast<mode_t>(~mode & 0777));
    open();
  }
  if (::chmod(path.c_str(), static_cast<mode_t>(mode)) != 0)
    throw ListenError("cannot chmod " + path + ": " + std::strerror(errno), EX_OSERR);
  set_owner(path, user);
}

}  // namespace impostor::milter

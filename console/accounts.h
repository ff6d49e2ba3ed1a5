// accounts.h — console users and their sessions, in state_dir/console.db
// (SQLite), apart from the quarantine database so the milter's store never
// holds credentials.
//
// Tables:
//   users    (name PK, password_hash, role, created)
//   sessions (token_hash PK, user → users ON DELETE CASCADE, csrf, expires)
// Invariants:
//  * passwords are stored only as libsodium crypto_pwhash_str strings
//    (Argon2id, OPSLIMIT/MEMLIMIT_INTERACTIVE); verification runs the same
//    work for unknown users so timing does not reveal which names exist;
//  * session tokens are 32 random bytes (randombytes_buf) handed to the
//    browser once; the database keeps only their BLAKE2b hash, so a copy of
//    console.db does not let anyone in; each session has its own CSRF token;
//  * sessions expire (kSessionSeconds) and die with their user;
//  * every value is a bound parameter.
// Thread-safe (one connection, calls serialised inside).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace impostor::console {

class AccountError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// viewer: read; operator: also release/delete; admin: also accounts and
// releasing mail that carries an executable "update".
enum class Role { viewer = 0, operator_ = 1, admin = 2 };
const char* to_string(Role role);
bool parse_role(const std::string& name, Role& out);
inline std::ostream& operator<<(std::ostream& out, Role role) { return out << to_string(role); }
inline bool at_least(Role have, Role need) {
  return static_cast<int>(have) >= static_cast<int>(need);
}

struct User {
  std::string name;
  Role role = Role::viewer;
  std::string created;
};

struct Session {
  User user;
  std::string csrf;
  int64_t expires = 0;  // unix time
};

// 1..64 of [A-Za-z0-9._@-].
bool valid_user_name(const std::string& name);

// `bytes` random bytes, base64url without padding (libsodium).
std::string random_token(size_t bytes = 32);
// Constant-time equality for secrets of possibly different lengths.
bool tokens_equal(const std::string& a, const std::string& b);
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

class Accounts {
 public:
  static constexpr int64_t kSessionSeconds = 8 * 3600;
  static constexpr size_t kMinPassword = 8;

  explicit Accounts(const std::string& state_dir);
  ~Accounts();
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;

  // Adds `name`, or replaces its password and role; true when it was new.
  // Throws AccountError for a bad name or a short password.
  bool set_user(const std::string& name, const std::string& password, Role role);
  bool remove_user(const std::string& name);
  std::vector<User> users() const;
  size_t admin_count() const;

  // The user when name and password match.
  std::optional<User> authenticate(const std::string& name, const std::string& password) const;

  // A new session for `user`; returns the token for the cookie.
  std::string start_session(const User& user);
  std::optional<Session> session(const std::string& token) const;
  void end_session(const std::string& token);

 private:
  struct Db;
  std::unique_ptr<Db> db_;
  mutable std::mutex mu_;
};

}  // namespace impostor::console

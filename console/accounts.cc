// accounts.cc — see accounts.h for the invariants.
#include "console/accounts.h"

#include "core/sqlite_statement.h"

#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <ctime>

#include "core/quarantine_store.h"

namespace impostor::console {

struct Accounts::Db : core::SqliteDb {};

namespace {

using Query = core::SqliteStatement<AccountError>;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
  name          TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('viewer','operator','admin')),
  created       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user       TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
  csrf       TEXT NOT NULL,
  expires    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user);
)sql";

void init_sodium() {
  if (sodium_init() < 0) throw AccountError("libsodium failed to initialise");
}

std::string token_hash(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// A real hash of a random password: verifying against it costs what a real
// verification costs, for names that do not exist.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_token(16));
  return hash;
}

User to_user(const Query& q, int first) {
  User u;
  u.name = q.text(first);
  parse_role(q.text(first + 1), u.role);
  u.created = q.text(first + 2);
  return u;
}

}  // namespace

const char* to_string(Role role) {
  switch (role) {
    case Role::viewer: return "viewer";
    case Role::operator_: return "operator";
    case Role::admin: return "admin";
  }
  return "viewer";
}

bool parse_role(const std::string& name, Role& out) {
  if (name == "viewer") out = Role::viewer;
  else if (name == "operator") out = Role::operator_;
  else if (name == "admin") out = Role::admin;
  else return false;
  return true;
}

bool valid_user_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string random_token(size_t bytes) {
  init_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

bool tokens_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(const std::string& password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw AccountError("out of memory while hashing a password");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  init_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Accounts::Accounts(const std::string& state_dir) : db_(std::make_unique<Db>()) {
  init_sodium();
  const std::string path = state_dir + "/console.db";
  // Credentials: readable by the console's user only.
  const mode_t old_mask = ::umask(077);
  struct RestoreUmask {
    mode_t mask;
    ~RestoreUmask() { ::umask(mask); }
  } restore{old_mask};
  db_->open<AccountError>(path, true);
  for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", kSchema})
    core::sqlite_exec<AccountError>(db_->handle, sql);
}

Accounts::~Accounts() = default;

bool Accounts::set_user(const std::string& name, const std::string& password, Role role) {
  if (!valid_user_name(name))
    throw AccountError("user names are 1-64 of A-Z a-z 0-9 . _ @ -");
  if (password.size() < kMinPassword)
    throw AccountError("the password must have at least " + std::to_string(kMinPassword) +
                       " characters");
  if (password.size() > 1024) throw AccountError("the password is too long");
  const std::string hash = hash_password(password);
  std::lock_guard lock(mu_);
  bool existed = false;
  {
    Query q(db_->handle, "SELECT 1 FROM users WHERE name = ?");
    q.bind(name);
    existed = q.step();
  }
  if (existed) {
    Query q(db_->handle, "UPDATE users SET password_hash = ?, role = ? WHERE name = ?");
    q.bind(hash).bind(std::string(to_string(role))).bind(name);
    q.step();
    // A new password ends the sessions opened with the old one.
    Query end(db_->handle, "DELETE FROM sessions WHERE user = ?");
    end.bind(name);
    end.step();
  } else {
    Query q(db_->handle,
            "INSERT INTO users (name, password_hash, role, created) VALUES (?,?,?,?)");
    q.bind(name).bind(hash).bind(std::string(to_string(role))).bind(core::iso8601_utc_now());
    q.step();
  }
  return !existed;
}

bool Accounts::remove_user(const std::string& name) {
  std::lock_guard lock(mu_);
  Query q(db_->handle, "DELETE FROM users WHERE name = ?");
  q.bind(name);
  q.step();
  return q.changes() > 0;
}

std::vector<User> Accounts::users() const {
  std::lock_guard lock(mu_);
  Query q(db_->handle, "SELECT name, role, created FROM users ORDER BY name");
  std::vector<User> out;
  while (q.step()) out.push_back(to_user(q, 0));
  return out;
}

size_t Accounts::admin_count() const {
  std::lock_guard lock(mu_);
  Query q(db_->handle, "SELECT COUNT(*) FROM users WHERE role = 'admin'");
  return q.step() ? static_cast<size_t>(q.integer(0)) : 0;
}

std::optional<User> Accounts::authenticate(const std::string& name,
                                           const std::string& password) const {
  std::optional<User> user;
  std::string hash;
  if (valid_user_name(name) && password.size() <= 1024) {
    std::lock_guard lock(mu_);
    Query q(db_->handle, "SELECT name, role, created, password_hash FROM users WHERE name = ?");
    q.bind(name);
    if (q.step()) {
      user = to_user(q, 0);
      hash = q.text(3);
    }
  }
  // Same work whether or not the name exists.
  const bool ok = verify_password(user ? hash : decoy_hash(), password);
  if (!user || !ok) return std::nullopt;
  return user;
}

std::string Accounts::start_session(const User& user) {
  const std::string token = random_token(32);
  const std::string csrf = random_token(32);
  const int64_t now = std::time(nullptr);
  std::lock_guard lock(mu_);
  {
    Query purge(db_->handle, "DELETE FROM sessions WHERE expires < ?");
    purge.bind(now);
    purge.step();
  }
  Query q(db_->handle, "INSERT INTO sessions (token_hash, user, csrf, expires) VALUES (?,?,?,?)");
  q.bind(token_hash(token)).bind(user.name).bind(csrf).bind(now + kSessionSeconds);
  q.step();
  return token;
}

std::optional<Session> Accounts::session(const std::string& token) const {
  if (token.empty() || token.size() > 128) return std::nullopt;
  std::lock_guard lock(mu_);
  Query q(db_->handle,
          "SELECT u.name, u.role, u.created, s.csrf, s.expires FROM sessions s "
          "JOIN users u ON u.name = s.user WHERE s.token_hash = ? AND s.expires >= ?");
  q.bind(token_hash(token)).bind(static_cast<int64_t>(std::time(nullptr)));
  if (!q.step()) return std::nullopt;
  Session s;
  s.user = to_user(q, 0);
  s.csrf = q.text(3);
  s.expires = q.integer(4);
  return s;
}

void Accounts::end_session(const std::string& token) {
  std::lock_guard lock(mu_);
  Query q(db_->handle, "DELETE FROM sessions WHERE token_hash = ?");
  q.bind(token_hash(token));
  q.step();
}

}  // namespace impostor::console

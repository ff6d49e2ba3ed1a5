// sqlite_statement.h — RAII over SQLite's C API, shared by every store that
// keeps state in SQLite (quarantine, its queries, console accounts).
//
// A SqliteStatement<Error> is one prepared statement: parameters bound in
// order (bind(v)) or by position (bind(i, v)), rows read with step(), and
// every failure thrown as Error with SQLite's own message. Finalised on
// scope exit; never copied.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace impostor::core {

template <class Error>
[[noreturn]] void throw_sqlite_error(sqlite3* db, const std::string& what) {
  throw Error(what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

// Runs SQL without results (PRAGMAs, schema, BEGIN/COMMIT).
template <class Error>
void sqlite_exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw_sqlite_error<Error>(db, sql);
}

// One connection, closed with its owner. Opened for use from any thread
// (FULLMUTEX), waiting up to 10 s on a lock held by another process (the
// milter, the CLI and the console share the files).
struct SqliteDb {
  sqlite3* handle = nullptr;
  SqliteDb() = default;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb() {
    if (handle) sqlite3_close_v2(handle);
  }
  template <class Error>
  void open(const std::string& path, bool create) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &handle, flags, nullptr) != SQLITE_OK)
      throw_sqlite_error<Error>(handle, "cannot open " + path);
    sqlite3_busy_timeout(handle, 10000);
  }
};

// BEGIN IMMEDIATE ... COMMIT; rolled back unless committed.
template <class Error>
class SqliteTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db) : db_(db) { sqlite_exec<Error>(db_, "BEGIN IMMEDIATE"); }
  ~SqliteTransaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit() {
    sqlite_exec<Error>(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

template <class Error>
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
      throw_sqlite_error<Error>(db, "prepare " + sql);
  }
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Bind the next parameter (1, 2, ... in call order).
  template <class T>
  SqliteStatement& bind(const T& value) {
    return bind(++bound_, value);
  }
  SqliteStatement& bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  SqliteStatement& bind(int i, const char* s) { return bind(i, std::string(s)); }
  SqliteStatement& bind(int i, double d) {
    sqlite3_bind_double(stmt_, i, d);
    return *this;
  }
  SqliteStatement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }

  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite_error<Error>(db_, "step");
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  int changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int bound_ = 0;
};

}  // namespace impostor::core

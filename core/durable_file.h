// durable_file.h — writing a file so that after a crash it either exists
// complete under its final name or not at all (Postfix global/mail_stream.c):
// write to a temp file in the same directory, fsync it, rename it into place,
// fsync the directory so the rename itself survives a power cut.
//
// Invariants: a DurableFile that is destroyed without commit() removes its
// temp file; after commit() returns, the data and the name are on disk.
// Every failure throws DurableFileError (an environment failure: callers
// treat it as transient).
#pragma once

#include <unistd.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace impostor::core {

class DurableFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class DurableFile {
 public:
  // Creates a temp file ".tmp.<final_name>.XXXXXX" in `dir`, mode 0640.
  DurableFile(const std::string& dir, const std::string& final_name);
  ~DurableFile();
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;

  void write(std::string_view data);
  // fsync, close, rename to dir/final_name, fsync dir. Returns the final path.
  std::string commit();

  const std::string& temp_path() const { return temp_path_; }

 private:
  std::string dir_;
  std::string final_path_;
  std::string temp_path_;
  int fd_ = -1;
  bool committed_ = false;
};

// Makes a directory entry change (create, rename, unlink) in `dir` durable.
void fsync_dir(const std::string& dir);
// Removes `path` and makes the removal durable; a missing file is not an error.
void unlink_durably(const std::string& path);
// Creates `dir` (and parents) with `mode` when missing.
void make_dirs(const std::string& dir, unsigned mode = 0750);

// Crash-test hook: when the environment variable IMPOSTOR_CRASH_AT equals
// `point`, the process aborts right here. Lets tests kill the store at every
// step and check what a real crash would leave behind. No effect otherwise.
void crash_point(const char* point);

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace impostor::core

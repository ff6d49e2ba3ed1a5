// durable_file.cc — see durable_file.h.
#include "core/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace impostor::core {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw DurableFileError(what + " " + path + ": " + std::strerror(errno));
}


}  // namespace

DurableFile::DurableFile(const std::string& dir, const std::string& final_name)
    : dir_(dir), final_path_(dir + "/" + final_name) {
  std::string tmpl = dir + "/.tmp." + final_name + ".XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  fd_ = ::mkostemp(buf.data(), O_CLOEXEC);
  if (fd_ < 0) fail("cannot create temp file in", dir);
  temp_path_ = buf.data();
  ::fchmod(fd_, 0640);
}

DurableFile::~DurableFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void DurableFile::write(std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", temp_path_);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string DurableFile::commit() {
  if (::fsync(fd_) != 0) fail("cannot fsync", temp_path_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot close", temp_path_);
  crash_point("durable.after_temp_write");
  if (::rename(temp_path_.c_str(), final_path_.c_str()) != 0) fail("cannot rename to", final_path_);
  committed_ = true;
  crash_point("durable.after_rename");
  fsync_dir(dir_);
  return final_path_;
}

void fsync_dir(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) fail("cannot open directory", dir);
  if (::fsync(fd.get()) != 0) fail("cannot fsync directory", dir);
}

void unlink_durably(const std::string& path) {
  if (::unlink(path.c_str()) != 0) {
    if (errno == ENOENT) return;
    fail("cannot remove", path);
  }
  const auto slash = path.rfind('/');
  fsync_dir(slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash)));
}

void make_dirs(const std::string& dir, unsigned mode) {
  if (dir.empty()) return;
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = dir.find('/', pos + 1);
    partial = dir.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), mode) != 0 && errno != EEXIST) fail("cannot create", partial);
  }
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) fail("not a directory:", dir);
}

void crash_point(const char* point) {
  const char* want = std::getenv("IMPOSTOR_CRASH_AT");
  if (want && std::strcmp(want, point) == 0) std::abort();
}

}  // namespace impostor::core

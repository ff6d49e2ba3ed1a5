// message_buffer.cc — see message_buffer.h.
#include "milter/message_buffer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <vector>

namespace impostor::milter {

namespace {
[[noreturn]] void sys_fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}
}  // namespace

MessageBuffer::MessageBuffer(uint64_t spill_bytes, uint64_t max_bytes, std::string spill_dir)
    : spill_bytes_(spill_bytes), max_bytes_(max_bytes), spill_dir_(std::move(spill_dir)) {}

MessageBuffer::~MessageBuffer() { reset(); }

void MessageBuffer::unmap() {
  if (map_) ::munmap(map_, map_len_);
  map_ = nullptr;
  map_len_ = 0;
}

void MessageBuffer::reset() {
  unmap();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::string().swap(memory_);  // give the capacity back, not just the size
  kept_ = seen_ = 0;
}

void MessageBuffer::spill() {
  // O_TMPFILE: a file without a name from the start. Fall back to
  // mkstemp + unlink on filesystems that lack it.
  fd_ = ::open(spill_dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    std::string tmpl = spill_dir_ + "/spill.XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    fd_ = ::mkostemp(buf.data(), O_CLOEXEC);
    if (fd_ < 0) sys_fail("cannot create spill file in " + spill_dir_);
    ::unlink(buf.data());
  }
  const std::string pending = std::move(memory_);
  std::string().swap(memory_);
  size_t off = 0;
  while (off < pending.size()) {
    const ssize_t n = ::write(fd_, pending.data() + off, pending.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) sys_fail("cannot write spill file");
    off += static_cast<size_t>(n);
  }
}

void MessageBuffer::append(std::string_view data) {
  seen_ += data.size();
  if (kept_ >= max_bytes_) return;
  if (data.size() > max_bytes_ - kept_) data = data.substr(0, max_bytes_ - kept_);
  unmap();
  if (fd_ < 0 && kept_ + data.size() > spill_bytes_) spill();
  if (fd_ < 0) {
    memory_.append(data);
  } else {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) sys_fail("cannot write spill file");
      data.remove_prefix(static_cast<size_t>(n));
      kept_ += static_cast<uint64_t>(n);
    }
    return;
  }
  kept_ += data.size();
}

std::string_view MessageBuffer::view() {
  if (fd_ < 0) return memory_;
  if (kept_ == 0) return {};
  if (!map_) {
    void* p = ::mmap(nullptr, kept_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) sys_fail("cannot map spill file");
    map_ = p;
    map_len_ = kept_;
  }
  return {static_cast<const char*>(map_), map_len_};
}

}  // namespace impostor::milter

// message_buffer.h — the bytes of one message as the milter receives them:
// in memory up to `spill_bytes`, then in an unlinked temp file, so many
// concurrent big messages cost disk, not RAM. Bytes past `max_bytes` are
// counted but not kept (truncated() says so); the scan sees what was kept.
//
// Invariants: view() is contiguous (the spill file is mmap'ed read-only) and
// stays valid until the next append() or reset(); the temp file has no name
// after creation, so a crash leaves nothing behind.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace impostor::milter {

class MessageBuffer {
 public:
  MessageBuffer(uint64_t spill_bytes, uint64_t max_bytes, std::string spill_dir);
  ~MessageBuffer();
  MessageBuffer(const MessageBuffer&) = delete;
  MessageBuffer& operator=(const MessageBuffer&) = delete;

  void append(std::string_view data);  // throws std::system_error on disk failure
  std::string_view view();
  void reset();

  uint64_t kept() const { return kept_; }
  uint64_t seen() const { return seen_; }
  bool truncated() const { return seen_ > kept_; }
  bool spilled() const { return fd_ >= 0; }

 private:
  void spill();
  void unmap();

  uint64_t spill_bytes_;
  uint64_t max_bytes_;
  std::string spill_dir_;
  std::string memory_;
  int fd_ = -1;
  uint64_t kept_ = 0;
  uint64_t seen_ = 0;
  void* map_ = nullptr;
  size_t map_len_ = 0;
};

}  // namespace impostor::milter

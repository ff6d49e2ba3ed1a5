// rate_limiter.h — login throttling: at most N failed attempts per key (a
// client address, a user name) in a sliding window; then the key is refused
// until old failures age out. In memory: a restart forgets, which is fine
// for throttling guesses against Argon2id hashes.
// Invariants: bounded memory (kMaxKeys, oldest keys dropped first); thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace impostor::console {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr size_t kMaxKeys = 10000;

  RateLimiter(size_t max_failures, std::chrono::seconds window)
      : max_failures_(max_failures), window_(window) {}

  // False while `key` has max_failures failures inside the window.
  bool allowed(const std::string& key, Clock::time_point now = Clock::now());
  void failure(const std::string& key, Clock::time_point now = Clock::now());
  void success(const std::string& key);

 private:
  void expire(std::deque<Clock::time_point>& times, Clock::time_point now) const;

  size_t max_failures_;
  std::chrono::seconds window_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
  std::mutex mu_;
};

}  // namespace impostor::console

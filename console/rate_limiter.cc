// rate_limiter.cc — see rate_limiter.h.
#include "console/rate_limiter.h"

namespace impostor::console {

void RateLimiter::expire(std::deque<Clock::time_point>& times, Clock::time_point now) const {
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
}

bool RateLimiter::allowed(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return true;
  expire(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return it->second.size() < max_failures_;
}

void RateLimiter::failure(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (failures_.size() >= kMaxKeys && !failures_.count(key)) {
    // Drop keys whose failures have all aged out; failing that, the oldest.
    for (auto it = failures_.begin(); it != failures_.end();) {
      expire(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    if (failures_.size() >= kMaxKeys) {
      auto oldest = failures_.begin();
      for (auto it = failures_.begin(); it != failures_.end(); ++it)
        if (it->second.back() < oldest->second.back()) oldest = it;
      failures_.erase(oldest);
    }
  }
  auto& times = failures_[key];
  expire(times, now);
  times.push_back(now);
  if (times.size() > max_failures_) times.pop_front();
}

void RateLimiter::success(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

}  // namespace impostor::console

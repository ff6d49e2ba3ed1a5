// blob_cache.cc — see blob_cache.h.
#include "core/blob_cache.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace impostor::core::blob_cache {
namespace {

std::mutex g_mutex;
std::optional<std::string> g_directory;

std::string default_directory() {
  if (const char* d = std::getenv("IMPOSTOR_CACHE_DIR")) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/impostor";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/impostor";
  return "";
}

std::string path_for(const std::string& dir, const std::string& key) {
  return dir + "/" + key + ".bin";
}

}  // namespace

std::string directory() {
  std::lock_guard lock(g_mutex);
  if (!g_directory) g_directory = default_directory();
  return *g_directory;
}

void set_directory(std::string dir) {
  std::lock_guard lock(g_mutex);
  g_directory = std::move(dir);
}

std::optional<std::string> load(const std::string& key) {
  const std::string dir = directory();
  if (dir.empty()) return std::nullopt;
  std::ifstream in(path_for(dir, key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in.good() && !in.eof()) return std::nullopt;
  return std::move(buf).str();
}

void store(const std::string& key, std::string_view bytes) {
  const std::string dir = directory();
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string final_path = path_for(dir, key);
  const std::string tmp = final_path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return;
    }
  }
  std::filesystem::rename(tmp, final_path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
}

}  // namespace impostor::core::blob_cache

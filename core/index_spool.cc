// index_spool.cc — see index_spool.h.
#include "core/index_spool.h"

#include <sys/random.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/durable_file.h"
#include "core/json_output.h"

namespace impostor::core {

namespace {

namespace fs = std::filesystem;

std::string new_spool_id() {
  unsigned char rnd[4];
  if (::getrandom(rnd, sizeof rnd, 0) != sizeof rnd) throw DurableFileError("getrandom failed");
  char buf[48];
  std::snprintf(buf, sizeof buf, "%010lld-%02x%02x%02x%02x",
                static_cast<long long>(std::time(nullptr)), rnd[0], rnd[1], rnd[2], rnd[3]);
  return buf;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DurableFileError("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw DurableFileError("cannot read " + path);
  return std::move(buf).str();
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

IndexSpool::IndexSpool(const std::string& state_dir) : dir_(state_dir + "/spool/index") {
  make_dirs(dir_);
}

std::string IndexSpool::add(std::string_view raw, const std::string& sidecar_json) {
  const std::string id = new_spool_id();
  {
    DurableFile eml(dir_, id + ".eml");
    eml.write(raw);
    eml.commit();
  }
  crash_point("spool-between");
  DurableFile side(dir_, id + ".json");
  side.write(sidecar_json);
  side.commit();
  return id;
}

std::vector<std::string> IndexSpool::list() const {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.' || !ends_with(name, ".json")) continue;
    ids.push_back(name.substr(0, name.size() - 5));
  }
  if (ec) throw DurableFileError("cannot list " + dir_ + ": " + ec.message());
  std::sort(ids.begin(), ids.end());
  return ids;
}

SpoolEntry IndexSpool::read(const std::string& id) const {
  SpoolEntry e;
  e.id = id;
  e.sidecar = slurp(dir_ + "/" + id + ".json");
  e.raw = slurp(dir_ + "/" + id + ".eml");
  return e;
}

void IndexSpool::remove(const std::string& id) {
  unlink_durably(dir_ + "/" + id + ".json");  // the entry is gone from here on
  unlink_durably(dir_ + "/" + id + ".eml");
}

int IndexSpool::sweep_orphans(int64_t min_age_s) {
  int removed = 0;
  const std::time_t now = std::time(nullptr);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (!ends_with(name, ".eml") || name[0] == '.') continue;
    const std::string id = name.substr(0, name.size() - 4);
    if (fs::exists(dir_ + "/" + id + ".json")) continue;
    struct stat st {};
    if (::stat(e.path().c_str(), &st) != 0 || now - st.st_mtime < min_age_s) continue;
    unlink_durably(e.path().string());
    ++removed;
  }
  return removed;
}

std::string spool_sidecar_json(const Envelope& envelope, const ScanResult& result,
                               const std::string& quarantine_id, int64_t received_unix) {
  nlohmann::json j;
  j["scan"] = nlohmann::json::parse(scan_result_json(result, ""));
  j["envelope"] = {{"queue_id", envelope.queue_id},   {"client_addr", envelope.client_addr},
                   {"client_name", envelope.client_name}, {"helo", envelope.helo},
                   {"mail_from", envelope.mail_from}, {"rcpt_to", envelope.rcpt_to}};
  j["quarantine_id"] = quarantine_id;
  j["received"] = received_unix;
  return j.dump();
}

std::string spool_for_index(const std::string& state_dir, const Envelope& envelope,
                            const ScanResult& result, std::string_view raw,
                            const std::string& quarantine_id) noexcept {
  try {
    // Never create the state directory itself: impostor-milter makes it at
    // start, so a missing one means a unit test or a dry run — nothing to do.
    if (!fs::is_directory(state_dir)) return "";
    IndexSpool spool(state_dir);
    spool.add(raw, spool_sidecar_json(envelope, result, quarantine_id, std::time(nullptr)));
    return "";
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace impostor::core

// console_seed.cc — fills a quarantine store with really scanned messages:
// each message file is scanned with the real engine and added to the store
// under the config's state_dir exactly as the milter would (record_from_scan
// + QuarantineStore::add). check-console.sh uses it where no private Postfix
// can run; bench/bench-console.sh uses --count to build a 100,000-message store.
//
//   console_seed --config FILE [--from ADDR] [--to ADDR[,ADDR...]]
//                [--count N] PATH...              (files or directories)
//
// Every message is stored as "quarantined" whatever its verdict (the tests
// need releasable entries). Without --count each file is added once, with
// every --to address as recipient, and "ID<TAB>FILE" is printed per message.
// With --count the files are added round-robin until N entries exist (each
// scanned once), each with a Message-ID of its own and one address of --to
// in turn as recipient, and progress goes to standard error. Exit 0 ok, 1 on any failure, 2 usage.
#include <algorithm>
#include <strings.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "core/quarantine_store.h"

using namespace impostor;

namespace {

int usage() {
  std::cerr << "usage: console_seed --config FILE [--from ADDR] [--to ADDR,...] [--count N] PATH...\n";
  return 2;
}

std::vector<std::string> message_files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    if (!fs::is_directory(p)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> in_dir;
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file()) in_dir.push_back(e.path().string());
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  return files;
}

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

// The copy's own Message-ID first; the template's one, if any, renamed so
// every copy is a distinct message to the index.
std::string with_message_id(const std::string& raw, long n) {
  const size_t header_end = std::min(raw.find("\n\n"), raw.find("\r\n\r\n"));
  std::string copy = raw;
  for (size_t at = 0; at < std::min(header_end, copy.size());) {
    if (strncasecmp(copy.c_str() + at, "Message-ID:", 11) == 0) {
      copy.insert(at, "X-Template-");
      break;
    }
    at = copy.find('\n', at);
    if (at == std::string::npos) break;
    ++at;
  }
  return "Message-ID: <seed-" + std::to_string(n) + "@console-seed.invalid>\r\n" + copy;
}

struct Scanned {
  std::string file, raw;
  core::QuarantineRecord record;
};

}  // namespace

int main(int argc, char** argv) {
  std::string config_path, from = "sender@partner.example", to = "you@example.jp";
  long count = 0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--config" || arg == "--from" || arg == "--to") && i + 1 < argc) {
      (arg == "--config" ? config_path : arg == "--from" ? from : to) = argv[++i];
    } else if (arg == "--count" && i + 1 < argc) {
      count = std::atol(argv[++i]);
      if (count <= 0) return usage();
    } else if (!arg.empty() && arg[0] != '-') {
      paths.push_back(arg);
    } else {
      return usage();
    }
  }
  if (config_path.empty() || paths.empty()) return usage();
  try {
    const auto config = analyzers::load_config(config_path);
    const auto pipeline = analyzers::make_pipeline(config);
    core::QuarantineStore store(config->state_dir);
    core::Envelope envelope;
    envelope.client_addr = "127.0.0.1";
    envelope.mail_from = from;
    std::stringstream rcpts(to);
    for (std::string r; std::getline(rcpts, r, ',');) envelope.rcpt_to.push_back(r);

    std::vector<Scanned> scanned;
    for (const auto& file : message_files(paths)) {
      Scanned s{file, read_file(file), {}};
      envelope.queue_id = "SEED" + std::to_string(scanned.size() + 1);
      s.record = core::record_from_scan(envelope, pipeline->scan(envelope, s.raw));
      s.record.state = "quarantined";
      scanned.push_back(std::move(s));
    }
    if (scanned.empty()) throw std::runtime_error("no message files");
    if (count == 0) {
      for (const auto& s : scanned) std::cout << store.add(s.record, s.raw, "console-seed") << "\t" << s.file << "\n";
      return 0;
    }
    const auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < count; ++i) {
      const Scanned& s = scanned[i % scanned.size()];
      auto rec = s.record;
      rec.queue_id = "SEED" + std::to_string(i + 1);
      rec.rcpts = {envelope.rcpt_to[i % envelope.rcpt_to.size()]};
      store.add(std::move(rec), with_message_id(s.raw, i + 1), "console-seed");
      if ((i + 1) % 10000 == 0 || i + 1 == count) {
        const double s_elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "console_seed: " << (i + 1) << " entries, " << static_cast<long>((i + 1) / s_elapsed)
                  << "/s\n";
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "console_seed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

// console_seed.cc — test helper for check-console.sh: scans message files
// with the real engine and adds each to the quarantine store under the
// config's state_dir, exactly as the milter would (record_from_scan +
// QuarantineStore::add), so the console is tested on real records.
//
//   console_seed --config FILE [--from ADDR] [--to ADDR[,ADDR...]] FILE...
//
// Every message is stored as "quarantined" whatever its verdict (the test
// needs releasable entries). Prints "ID<TAB>FILE" per message. Exit 0 ok,
// 1 on any failure, 2 usage.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "core/quarantine_store.h"

using namespace impostor;

int main(int argc, char** argv) {
  std::string config_path, from = "sender@partner.example", to = "you@example.jp";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--config" || arg == "--from" || arg == "--to") && i + 1 < argc) {
      (arg == "--config" ? config_path : arg == "--from" ? from : to) = argv[++i];
    } else if (!arg.empty() && arg[0] != '-') {
      files.push_back(arg);
    } else {
      std::cerr << "usage: console_seed --config FILE [--from ADDR] [--to ADDR,...] FILE...\n";
      return 2;
    }
  }
  if (config_path.empty() || files.empty()) {
    std::cerr << "usage: console_seed --config FILE [--from ADDR] [--to ADDR,...] FILE...\n";
    return 2;
  }
  try {
    const auto config = analyzers::load_config(config_path);
    const auto pipeline = analyzers::make_pipeline(config);
    core::QuarantineStore store(config->state_dir);
    core::Envelope envelope;
    envelope.client_addr = "127.0.0.1";
    envelope.mail_from = from;
    std::stringstream rcpts(to);
    for (std::string r; std::getline(rcpts, r, ',');) envelope.rcpt_to.push_back(r);
    int n = 0;
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) throw std::runtime_error("cannot read " + file);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      envelope.queue_id = "SEED" + std::to_string(++n);
      const auto result = pipeline->scan(envelope, bytes.str());
      auto rec = core::record_from_scan(envelope, result);
      rec.state = "quarantined";
      std::cout << store.add(rec, bytes.str(), "console-seed") << "\t" << file << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "console_seed: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

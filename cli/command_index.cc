// command_index.cc — the campaign index from the command line (CONTRACT.md):
//
//   impostor index --db DIR PATH...          scan + index + assign each message
//   impostor index --spool   [--config FILE | --state-dir DIR] [--db DIR]
//   impostor index --watch   [--interval SECONDS] ...   (loop over the spool)
//   impostor index --rebuild [--config FILE | --state-dir DIR] [--db DIR]
//   impostor campaigns --db DIR [--format json|text]
//   impostor search QUERY... [--db DIR] [--limit N] [--format json|text]
//
// `index PATH...` prints one JSON line per message: file, message_id,
// family, campaign (or file + error). This process is the only writer while
// it runs (Xapian's lock); a second one exits 75 and may retry.
// Exit: 0 ok, 1 some message failed, 2 usage, 75 transient (lock, disk),
// 78 bad config.
#include <csignal>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/command.h"
#include "cli/message_paths.h"
#include "cli/index_db.h"
#include "core/index_spool.h"
#include "core/json_output.h"
#include "core/quarantine_store.h"
#include "indexes/campaign_reader.h"
#include "indexes/indexer.h"

namespace impostor::cli {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const char* kIndexUsage =
    "usage: impostor index --db DIR PATH...\n"
    "       impostor index --spool|--watch|--rebuild [--config FILE | --state-dir DIR] [--db DIR]\n"
    "                      [--interval SECONDS]\n";

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }


bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return !in.bad();
}

int64_t parse_iso(const std::string& s) {
  std::tm tm{};
  if (!strptime(s.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
  return static_cast<int64_t>(timegm(&tm));
}

int index_paths(index::Indexer& indexer, index::CampaignIndex& idx,
                const std::vector<std::string>& paths) {
  int status = kExitOk;
  std::string raw;
  int pending = 0;
  for (const auto& file : expand_message_paths(paths)) {
    if (!slurp(file, raw)) {
      std::cout << core::scan_error_json(file, "cannot read") << "\n";
      status = kExitSomeFailed;
      continue;
    }
    index::IndexInput in;
    in.raw = raw;
    in.file = file;
    index::MessageRecord rec;
    const auto res = indexer.index(in, &rec);
    std::cout << json{{"file", file},
                      {"message_id", rec.message_id},
                      {"family", rec.family},
                      {"campaign", res.campaign},
                      {"duplicate", res.duplicate}}
                     .dump(-1, ' ', false, json::error_handler_t::replace)
              << "\n";
    if (++pending >= 1000) {
      idx.commit();
      pending = 0;
    }
  }
  idx.commit();
  return status;
}

// Indexes the quarantine store and the spool into a fresh database next to
// `db`, then swaps it in: readers never see a half-built index.
int rebuild(const IndexLocation& loc, const std::shared_ptr<const core::Pipeline>& pipeline) {
  const std::string fresh = loc.db + ".rebuild";
  fs::remove_all(fresh);
  {
    index::CampaignIndex idx(index::CampaignIndex::open_dir(fresh), index::index_options(*loc.config));
    index::Indexer indexer(pipeline, idx);
    int n = 0, failed = 0;
    if (fs::exists(loc.state_dir + "/quarantine.db")) {
      core::QuarantineStore store(loc.state_dir);
      for (const auto& rec : store.list()) {
        std::string raw;
        try {
          raw = store.read_message(rec.id);
        } catch (const std::exception&) {
          continue;  // deleted: its bytes are gone, nothing to index
        }
        index::IndexInput in;
        in.raw = raw;
        in.envelope.mail_from = rec.mail_from;
        in.envelope.rcpt_to = rec.rcpts;
        in.envelope.queue_id = rec.queue_id;
        in.envelope.client_addr = rec.client_addr;
        in.quarantine_id = rec.id;
        in.state = rec.state;
        in.received = parse_iso(rec.created);
        core::ScanResult prior;
        if (core::parse_verdict(rec.verdict, prior.verdict)) {
          prior.score = rec.score;
          prior.categories = rec.families;
          in.prior = prior;
        }
        try {
          indexer.index(in);
          ++n;
        } catch (const Xapian::Error&) {
          throw;
        } catch (const std::exception& e) {
          ++failed;
          std::cerr << "impostor index: " << rec.id << ": " << e.what() << "\n";
        }
      }
    }
    core::IndexSpool spool(loc.state_dir);
    for (const auto& id : spool.list()) {
      try {
        const auto e = spool.read(id);
        auto in = index::input_from_sidecar(e.sidecar);
        in.raw = e.raw;
        indexer.index(in);  // the entry stays: the live indexer drains it
        ++n;
      } catch (const Xapian::Error&) {
        throw;
      } catch (const std::exception& e) {
        ++failed;
        std::cerr << "impostor index: spool " << id << ": " << e.what() << "\n";
      }
    }
    idx.commit();
    std::cerr << "impostor index: rebuilt " << loc.db << ": " << n << " messages, " << failed
              << " failed\n";
  }
  const std::string old = loc.db + ".old";
  fs::remove_all(old);
  if (fs::exists(loc.db)) fs::rename(loc.db, old);
  fs::rename(fresh, loc.db);
  fs::remove_all(old);
  return kExitOk;
}

}  // namespace

int run_index(int argc, char** argv) {
  Options o;
  IndexLocation loc;
  try {
    o = parse_options(argc, argv, 2, {"config", "db", "state-dir", "interval"},
                      {"spool", "watch", "rebuild", "help"});
    if (o.has("help")) {
      std::cout << kIndexUsage;
      return kExitOk;
    }
    const int modes = o.has("spool") + o.has("watch") + o.has("rebuild") + !o.positional.empty();
    if (modes != 1) throw UsageError("give PATH... or exactly one of --spool, --watch, --rebuild");
    loc = locate_index(o);
    if (o.positional.empty() && loc.state_dir.empty())
      throw UsageError("--spool, --watch and --rebuild need --config FILE or --state-dir DIR");
  } catch (const UsageError& e) {
    std::cerr << "impostor index: " << e.what() << "\n" << kIndexUsage;
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "impostor index: " << e.what() << "\n";
    return kExitConfig;
  }

  try {
    const auto pipeline = analyzers::make_pipeline(loc.config);
    if (o.has("rebuild")) return rebuild(loc, pipeline);
    index::CampaignIndex idx(index::CampaignIndex::open_dir(loc.db), index::index_options(*loc.config));
    index::Indexer indexer(pipeline, idx);
    if (!o.positional.empty()) return index_paths(indexer, idx, o.positional);

    core::IndexSpool spool(loc.state_dir);
    auto warn = [](const std::string& m) { std::cerr << "impostor index: " << m << " (kept for retry)\n"; };
    if (o.has("spool")) {
      const auto s = indexer.drain_spool(spool, index::kCommitBatch, warn);
      std::cerr << "impostor index: " << s.indexed << " indexed, " << s.failed << " failed\n";
      return s.failed ? kExitSomeFailed : kExitOk;
    }
    const int interval = std::max(1, std::stoi(o.get("interval", "10")));
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    while (!g_stop) {
      const auto s = indexer.drain_spool(spool, index::kCommitBatch, warn);
      if (s.indexed || s.failed)
        std::cerr << "impostor index: " << s.indexed << " indexed, " << s.failed << " failed\n";
      for (int i = 0; i < interval * 10 && !g_stop; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return kExitOk;
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "impostor index: " << loc.db << " is locked by another writer: " << e.get_msg() << "\n";
    return kExitTempfail;
  } catch (const Xapian::Error& e) {
    std::cerr << "impostor index: " << e.get_description() << "\n";
    return kExitTempfail;
  } catch (const std::bad_alloc&) {
    std::cerr << "impostor index: out of memory\n";
    return kExitTempfail;
  } catch (const core::ConfigError& e) {
    std::cerr << "impostor index: " << e.what() << "\n";
    return kExitConfig;
  } catch (const std::exception& e) {
    std::cerr << "impostor index: " << e.what() << "\n";
    return kExitTempfail;
  }
}

int run_campaigns(int argc, char** argv) {
  Options o;
  IndexLocation loc;
  try {
    o = parse_options(argc, argv, 2, {"config", "db", "state-dir", "format"}, {"help"});
    if (o.has("help")) {
      std::cout << "usage: impostor campaigns --db DIR [--format json|text]\n";
      return kExitOk;
    }
    const std::string f = o.get("format", "text");
    if (f != "json" && f != "text") throw UsageError("--format must be json or text");
    loc = locate_index(o);
  } catch (const UsageError& e) {
    std::cerr << "impostor campaigns: " << e.what()
              << "\nusage: impostor campaigns --db DIR [--format json|text]\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "impostor campaigns: " << e.what() << "\n";
    return kExitConfig;
  }
  try {
    std::vector<index::Campaign> list;
    if (fs::exists(loc.db)) list = index::list_campaigns(Xapian::Database(loc.db), true);
    if (o.get("format", "text") == "json") {
      std::cout << index::campaigns_json(list) << "\n";
      return kExitOk;
    }
    for (const auto& c : list) {
      std::cout << c.record.id << "  " << c.record.family << "  size " << c.record.size << "  "
                << index::iso8601(c.record.first_seen) << " .. " << index::iso8601(c.record.last_seen)
                << "\n";
      if (!c.members.empty()) std::cout << "    " << c.members.front().subject << "\n";
    }
    return kExitOk;
  } catch (const Xapian::Error& e) {
    std::cerr << "impostor campaigns: " << e.get_description() << "\n";
    return kExitTempfail;
  }
}

int run_search(int argc, char** argv) {
  Options o;
  IndexLocation loc;
  try {
    o = parse_options(argc, argv, 2, {"config", "db", "state-dir", "format", "limit"}, {"help"});
    if (o.has("help")) {
      std::cout << "usage: impostor search QUERY... [--db DIR] [--limit N] [--format json|text]\n"
                   "fields: family: from: to: host: phone: sha256: state: verdict: campaign: "
                   "date:YYYYMMDD subject:\n";
      return kExitOk;
    }
    if (o.positional.empty()) throw UsageError("no QUERY given");
    loc = locate_index(o);
  } catch (const UsageError& e) {
    std::cerr << "impostor search: " << e.what()
              << "\nusage: impostor search QUERY... [--db DIR] [--limit N] [--format json|text]\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "impostor search: " << e.what() << "\n";
    return kExitConfig;
  }
  std::string query;
  for (const auto& p : o.positional) query += (query.empty() ? "" : " ") + p;
  try {
    const Xapian::Database db(loc.db);
    const auto res = index::search(db, query, std::stoul(o.get("limit", "20")));
    const bool as_json = o.get("format", "text") == "json";
    for (const auto& m : res.hits) {
      if (as_json) {
        std::cout << json{{"message_id", m.message_id}, {"file", m.file},       {"subject", m.subject},
                          {"family", m.family},         {"campaign", m.campaign}, {"time", index::iso8601(m.time)},
                          {"from", m.from}}
                         .dump(-1, ' ', false, json::error_handler_t::replace)
                  << "\n";
      } else {
        std::cout << index::iso8601(m.time) << "  " << m.campaign << "  " << m.family << "  "
                  << m.subject << (m.file.empty() ? "" : "  (" + m.file + ")") << "\n";
      }
    }
    if (!as_json) std::cerr << "about " << res.estimated << " matches\n";
    return kExitOk;
  } catch (const Xapian::QueryParserError& e) {
    std::cerr << "impostor search: bad query: " << e.get_msg() << "\n";
    return kExitUsage;
  } catch (const Xapian::Error& e) {
    std::cerr << "impostor search: " << e.get_description() << "\n";
    return kExitTempfail;
  }
}

}  // namespace impostor::cli

// command_report.cc — `impostor report`: the periodic campaign report.
//
//   impostor report [--since 7d|DATE] [--until DATE] [--format html|json|csv]
//                   [--out FILE] [--config FILE | --state-dir DIR] [--db DIR]
//
// With a state_dir that holds a quarantine store, "actions taken" show the
// live state of each held message (released, deleted ...), else the state
// recorded at index time. --out writes durably (temp, fsync, rename).
// Exit: 0 ok, 2 usage, 75 index unreadable or write failed, 78 bad config.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/index_db.h"
#include "core/durable_file.h"
#include "core/quarantine_store.h"
#include "indexes/report.h"

namespace impostor::cli {

namespace {
const char* kUsage =
    "usage: impostor report [--since 7d|YYYY-MM-DD] [--until YYYY-MM-DD] [--format html|json|csv]\n"
    "                       [--out FILE] [--config FILE | --state-dir DIR] [--db DIR]\n";
}  // namespace

int run_report(int argc, char** argv) {
  Options o;
  IndexLocation loc;
  int64_t since = 0, until = 0;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  try {
    o = parse_options(argc, argv, 2, {"config", "db", "state-dir", "since", "until", "format", "out"},
                      {"help"});
    if (o.has("help")) {
      std::cout << kUsage;
      return kExitOk;
    }
    const std::string f = o.get("format", "html");
    if (f != "html" && f != "json" && f != "csv") throw UsageError("--format must be html, json or csv");
    if (!index::parse_since(o.get("since", "7d"), now, since)) throw UsageError("bad --since");
    until = now;
    if (o.values.count("until")) {
      if (!index::parse_since(o.get("until"), now, until)) throw UsageError("bad --until");
      if (o.get("until").find('-') != std::string::npos) until += 86399;  // a date means its whole day
    }
    if (!o.positional.empty()) throw UsageError("unexpected argument " + o.positional.front());
    loc = locate_index(o);
  } catch (const UsageError& e) {
    std::cerr << "impostor report: " << e.what() << "\n" << kUsage;
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "impostor report: " << e.what() << "\n";
    return kExitConfig;
  }

  try {
    std::unique_ptr<core::QuarantineStore> store;
    if (!loc.state_dir.empty() && std::filesystem::exists(loc.state_dir + "/quarantine.db"))
      store = std::make_unique<core::QuarantineStore>(loc.state_dir);
    index::StateLookup live;
    if (store)
      live = [&store](const std::string& id) {
        auto rec = store->get(id);
        return rec ? rec->state : std::string();
      };
    // No index yet is an empty report, not an error.
    const Xapian::Database db = std::filesystem::exists(loc.db)
                                    ? Xapian::Database(loc.db)
                                    : Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const index::Report rep = index::build_report(db, since, until, live);
    const std::string f = o.get("format", "html");
    const std::string text = f == "json" ? index::render_json(rep) + "\n"
                             : f == "csv" ? index::render_csv(rep)
                                          : index::render_html(rep);
    const std::string out = o.get("out");
    if (out.empty() || out == "-") {
      std::cout << text;
      return kExitOk;
    }
    const std::filesystem::path p = std::filesystem::absolute(out);
    core::DurableFile file(p.parent_path().string(), p.filename().string());
    file.write(text);
    file.commit();
    return kExitOk;
  } catch (const Xapian::Error& e) {
    std::cerr << "impostor report: " << e.get_description() << "\n";
    return kExitTempfail;
  } catch (const std::exception& e) {
    std::cerr << "impostor report: " << e.what() << "\n";
    return kExitTempfail;
  }
}

}  // namespace impostor::cli

// bench_scan.cc — throughput of the engine's hot path, one thread, against
// a baseline measured in the same run on the same bytes.
//
//   baseline: GMime parse-only — construct the message and decode every
//             leaf part's content (what any GMime-based filter must do);
//   engine:   Pipeline::scan — parse, normalise, match, analyse, score.
// Files are read into memory first so disk speed is not measured. Rounds
// alternate (baseline, engine, baseline, engine, ...) and the best round of
// each counts, which keeps a noisy machine from favouring either side.
//
// With --threads N it also scans the same messages from N threads at once
// (as the milter does, one thread per SMTP connection) and reports the CPU
// each message then costs against the one-thread figure: contention between
// threads shows up there, not in the one-thread ratio.
//
// With --churn K each thread scans only K messages and exits, the next K
// going to a new thread, as libmilter's worker pool retires and starts
// threads under load: what a thread's first scans cost (per-thread caches
// filled again) shows up against the one-thread figure.
//
// usage: bench_scan [--rounds N] [--threads N] [--churn K] [--config FILE] PATH...
//        (PATHs: files or directories)
#include <gmime/gmime.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <ctime>
#include <string>
#include <vector>

#include "analyzers/engine.h"
#include "core/mime_parser.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::vector<std::string> load(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path().string());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> data;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    data.push_back(std::move(buf).str());
  }
  return data;
}

void decode_leaves(GMimeObject*, GMimeObject* part, gpointer) {
  if (!GMIME_IS_PART(part)) return;
  GMimeDataWrapper* content = g_mime_part_get_content(GMIME_PART(part));
  if (!content) return;
  GMimeStream* sink = g_mime_stream_null_new();
  g_mime_data_wrapper_write_to_stream(content, sink);
  g_object_unref(sink);
}

void parse_only(const std::string& raw) {
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(raw.data(), raw.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  if (raw.rfind("From ", 0) == 0) g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
  GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
  if (message) {
    g_mime_message_foreach(message, decode_leaves, nullptr);
    g_object_unref(message);
  }
  g_object_unref(parser);
  g_object_unref(stream);
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

template <typename Fn>
double seconds(const std::vector<std::string>& data, Fn fn) {
  const auto start = Clock::now();
  for (const auto& raw : data) fn(raw);
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3, threads = 1, churn = 0;
  std::string config;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
    else if (a == "--churn" && i + 1 < argc) churn = std::max(1, std::atoi(argv[++i]));
    else if (a == "--config" && i + 1 < argc) config = argv[++i];
    else paths.push_back(a);
  }
  if (paths.empty()) {
    std::cerr << "usage: bench_scan [--rounds N] [--threads N] [--churn K] [--config FILE] PATH...\n";
    return 2;
  }
  impostor::core::ensure_gmime_initialized();
  const auto data = load(paths);
  double bytes = 0;
  for (const auto& d : data) bytes += d.size();
  const auto pipeline = impostor::analyzers::make_pipeline(impostor::analyzers::load_config(config));

  double best_base = 1e30, best_engine = 1e30;
  size_t flagged = 0;
  for (int r = 0; r < rounds; ++r) {
    best_base = std::min(best_base, seconds(data, parse_only));
    size_t f = 0;
    best_engine = std::min(best_engine, seconds(data, [&](const std::string& raw) {
      try {
        if (pipeline->scan({}, raw).verdict >= impostor::core::Verdict::tag) ++f;
      } catch (const std::exception&) {
      }
    }));
    flagged = f;
  }
  const double n = static_cast<double>(data.size()), mb = bytes / 1e6;
  std::printf("messages: %zu, %.1f MB, best of %d rounds, one thread\n", data.size(), mb, rounds);
  std::printf("baseline gmime parse-only: %8.0f msgs/s %7.1f MB/s\n", n / best_base, mb / best_base);
  std::printf("impostor scan engine:      %8.0f msgs/s %7.1f MB/s  (%zu tagged or worse)\n",
              n / best_engine, mb / best_engine, flagged);
  std::printf("ratio engine/baseline: %.2f (goal >= 0.50)\n", best_base / best_engine);
  auto scan_range = [&](size_t first, size_t end, size_t step) {
    for (size_t i = first; i < end; i += step) {
      try {
        pipeline->scan({}, data[i]);
      } catch (const std::exception&) {
      }
    }
  };
  auto scan_all = [&](size_t first, size_t step) { scan_range(first, data.size(), step); };
  double one_cpu = 0;
  if (threads > 1 || churn > 0) {
    const double cpu0 = process_cpu_seconds();
    scan_all(0, 1);
    one_cpu = process_cpu_seconds() - cpu0;
  }
  if (churn > 0) {
    const double cpu0 = process_cpu_seconds();
    for (size_t i = 0; i < data.size(); i += churn)
      std::thread(scan_range, i, std::min(data.size(), i + churn), 1).join();
    const double churn_cpu = process_cpu_seconds() - cpu0;
    std::printf("CPU per message: one thread %.3f ms, a new thread every %d messages %.3f ms "
                "(ratio %.2f)\n",
                1e3 * one_cpu / n, churn, 1e3 * churn_cpu / n, churn_cpu / one_cpu);
  }
  if (threads > 1) {
    double cpu0 = process_cpu_seconds();
    cpu0 = process_cpu_seconds();
    const auto wall0 = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(scan_all, t, threads);
    for (auto& t : pool) t.join();
    const double many_cpu = process_cpu_seconds() - cpu0;
    const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
    std::printf("CPU per message: one thread %.3f ms, %d threads %.3f ms (ratio %.2f); "
                "%d threads %.0f msgs/s\n",
                1e3 * one_cpu / n, threads, 1e3 * many_cpu / n, many_cpu / one_cpu, threads,
                n / wall);
  }
  return 0;
}

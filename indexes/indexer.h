// indexer.h — from message bytes to an indexed, clustered document: runs the
// engine's Pipeline::scan (the same one `impostor scan` and the milter use)
// for family and verdict, builds the MessageRecord, hands it to the writer.
// Also drains the milter's spool and rebuilds the index from the quarantine.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/envelope.h"
#include "core/index_spool.h"
#include "core/pipeline.h"
#include "indexes/campaign_index.h"

namespace impostor::index {

struct IndexInput {
  std::string_view raw;
  core::Envelope envelope;
  std::string file;           // "" for spool entries
  std::string quarantine_id;
  std::string state;          // "" = derive from the verdict
  int64_t received = 0;       // 0 = now
  // The verdict given when the mail passed (spool sidecar); when present it
  // wins over today's scan, whose rules may have changed since.
  std::optional<core::ScanResult> prior;
};

// Messages indexed per Xapian commit when draining the spool. Each commit
// rewrites (and fsyncs) every B-tree block the batch touched, and in a big
// index those blocks are many and scattered; larger batches touch each block
// once for more messages. But Xapian flushes a term's pending postings
// whenever it is looked up, so lookups slow down as a batch grows. Measured
// (bench_index, 10k -> 200k messages, index+assign per message): batch 500
// 0.40 -> 0.83 ms, 1000 0.35 -> 0.66 ms, 2000 0.43 -> 0.59 ms, 5000
// 0.69 -> 0.73 ms. Spool entries go only after their commit, so a crash
// costs at most one batch of re-indexing (idempotent by key); a drain that
// finds fewer entries commits when it has read them all.
inline constexpr int kCommitBatch = 2000;

class Indexer {
 public:
  Indexer(std::shared_ptr<const core::Pipeline> pipeline, CampaignIndex& index);

  // Throws for environment failures (Xapian, memory); content never throws.
  CampaignIndex::Result index(const IndexInput& in, MessageRecord* out = nullptr);

  struct SpoolStats {
    int indexed = 0;
    int failed = 0;
  };
  // Indexes every complete spool entry, commits, then removes those entries.
  // A failing entry stays for the next run. `batch` entries per commit.
  SpoolStats drain_spool(core::IndexSpool& spool, int batch = kCommitBatch,
                         const std::function<void(const std::string&)>& warn = {});

 private:
  std::shared_ptr<const core::Pipeline> pipeline_;
  CampaignIndex& index_;
};

// Parses a spool sidecar into an IndexInput (raw left empty). Throws on bad JSON.
IndexInput input_from_sidecar(const std::string& sidecar);

// The writer's options for a config: brand and freemail domains are common hosts.
CampaignIndex::Options index_options(const core::Config& config);

}  // namespace impostor::index

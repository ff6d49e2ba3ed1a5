// indexer.cc — see indexer.h.
#include "indexes/indexer.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "core/normalized_view.h"
#include "core/text_normalizer.h"

namespace impostor::index {

namespace {

std::string state_for(const std::string& verdict, const std::string& quarantine_id) {
  if (verdict == "reject") return "rejected";
  if (verdict == "quarantine" && !quarantine_id.empty()) return "quarantined";
  return "delivered";
}

}  // namespace

Indexer::Indexer(std::shared_ptr<const core::Pipeline> pipeline, CampaignIndex& index)
    : pipeline_(std::move(pipeline)), index_(index) {}

CampaignIndex::Result Indexer::index(const IndexInput& in, MessageRecord* out) {
  core::MessageView view;
  core::ScanResult result = pipeline_->scan(in.envelope, in.raw, view);
  if (in.prior) {
    result.verdict = in.prior->verdict;
    result.score = in.prior->score;
    result.categories = in.prior->categories;
  }
  const auto normalized = core::NormalizedView::of(view, core::shared_normalizer());
  const int64_t received = in.received ? in.received : static_cast<int64_t>(std::time(nullptr));
  MessageRecord rec = make_record(view, normalized, result, in.envelope, in.raw, received);
  rec.file = in.file;
  rec.quarantine_id = in.quarantine_id;
  rec.state = in.state.empty() ? state_for(rec.verdict, in.quarantine_id) : in.state;
  auto res = index_.add(rec);
  if (out) *out = std::move(rec);
  return res;
}

IndexInput input_from_sidecar(const std::string& sidecar) {
  const auto j = nlohmann::json::parse(sidecar);
  IndexInput in;
  if (j.contains("envelope")) {
    const auto& e = j["envelope"];
    in.envelope.queue_id = e.value("queue_id", "");
    in.envelope.client_addr = e.value("client_addr", "");
    in.envelope.client_name = e.value("client_name", "");
    in.envelope.helo = e.value("helo", "");
    in.envelope.mail_from = e.value("mail_from", "");
    in.envelope.rcpt_to = e.value("rcpt_to", std::vector<std::string>{});
  }
  in.quarantine_id = j.value("quarantine_id", "");
  in.received = j.value("received", int64_t{0});
  if (j.contains("scan") && j["scan"].is_object()) {
    const auto& s = j["scan"];
    core::ScanResult r;
    if (core::parse_verdict(s.value("verdict", "accept"), r.verdict)) {
      r.score = s.value("score", 0.0);
      r.categories = s.value("categories", std::vector<std::string>{});
      in.prior = r;
    }
  }
  return in;
}

Indexer::SpoolStats Indexer::drain_spool(core::IndexSpool& spool, int batch,
                                         const std::function<void(const std::string&)>& warn) {
  SpoolStats stats;
  std::vector<std::string> done;
  auto flush = [&] {
    index_.commit();  // only now may the entries go
    for (const auto& id : done) spool.remove(id);
    done.clear();
  };
  for (const auto& id : spool.list()) {
    try {
      const core::SpoolEntry e = spool.read(id);
      IndexInput in = input_from_sidecar(e.sidecar);
      in.raw = e.raw;
      index(in);
      done.push_back(id);
      ++stats.indexed;
    } catch (const Xapian::Error&) {
      throw;  // the database is in trouble: stop, keep every entry not committed
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      ++stats.failed;
      if (warn) warn(id + ": " + e.what());
    }
    if (static_cast<int>(done.size()) >= batch) flush();
  }
  flush();
  spool.sweep_orphans();
  return stats;
}

CampaignIndex::Options index_options(const core::Config& config) {
  CampaignIndex::Options o;
  for (const auto& d : config.brand_domains) o.common_hosts.insert(d);
  for (const auto& d : config.freemail_domains) o.common_hosts.insert(d);
  for (const auto& d : config.internal_domains) o.common_hosts.insert(d);
  return o;
}

}  // namespace impostor::index

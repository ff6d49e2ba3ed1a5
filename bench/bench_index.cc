// bench_index.cc — campaign indexing at scale: synthesises flagged messages
// from a few hundred templates with the variation real campaigns show
// (rotated names, amounts, phones, URLs and sender domains, reordered and
// reworded sentences, full-width obfuscation), indexes them into an on-disk
// Xapian database through the one writer, and reports:
//   index+assign time per message (mean, and for the last 10% — growth shows
//   whether cost stays flat), index size per message, `campaigns` and report
//   run times, and pairwise precision/recall/F1 against the generator's truth.
// Same-run baseline: the signature alone (normalise + shingle + MinHash),
// so the Xapian part of the cost is visible.
//
//   bench/bench_index [N [TEMPLATES [DIR [BATCH]]]]
//   (defaults 10000 300 /tmp and the indexer's commit batch)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/text_normalizer.h"
#include "indexes/campaign_index.h"
#include "indexes/campaign_reader.h"
#include "indexes/indexer.h"
#include "indexes/report.h"

using namespace impostor;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double secs(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Template {
  std::string family;
  std::vector<std::string> sentences;
};

class Generator {
 public:
  Generator(int templates, uint32_t seed) : rng_(seed) {
    static const char* fams[] = {"lottery", "card-validation", "fake-bulletin", "tech-support"};
    for (int i = 0; i < 3000; ++i) vocab_.push_back(word(3 + rng_() % 7));
    for (int t = 0; t < templates; ++t) {
      Template tp;
      tp.family = fams[rng_() % 4];
      const int n = 5 + rng_() % 6;
      for (int s = 0; s < n; ++s) tp.sentences.push_back(sentence(7 + rng_() % 9));
      templates_.push_back(std::move(tp));
    }
  }

  // One message of template `t`: its normalised text, family, sender domain.
  index::MessageRecord message(int t, int64_t serial) {
    const Template& tp = templates_[t];
    std::vector<std::string> s = tp.sentences;
    if (rng_() % 3 == 0) std::shuffle(s.begin(), s.end(), rng_);  // reordered
    if (rng_() % 2 == 0) s[rng_() % s.size()] = sentence(8);       // one sentence reworded
    std::string text = "Dear " + vocab_[rng_() % vocab_.size()] + " " + vocab_[rng_() % vocab_.size()] + ",\n";
    for (size_t i = 0; i < s.size(); ++i) {
      text += s[i];
      if (i == 1) text += " Call +1-8" + std::to_string(10 + rng_() % 90) + "-555-" + std::to_string(1000 + rng_() % 9000) + ".";
      if (i == 2) text += " Pay $" + std::to_string(50 + rng_() % 950) + "." + std::to_string(rng_() % 100) + " now.";
      if (i == 3) text += " Visit https://" + word(6) + ".example/" + word(5) + "?id=" + std::to_string(rng_()) + " today.";
      text += "\n";
    }
    if (rng_() % 5 == 0) text = "Ｍｉｃｒｏｓｏｆｔ " + text;  // full-width (the normaliser folds it)
    index::MessageRecord r;
    r.key = index::hex(index::hash64(text, serial));
    r.message_id = "<" + std::to_string(serial) + "@bench>";
    r.family = tp.family;
    r.verdict = "quarantine";
    r.state = "quarantined";
    r.sender_domain = word(7) + ".example";
    r.recipients = {"user" + std::to_string(rng_() % 500) + "@example.jp"};
    r.recipient_domains = {"example.jp"};
    r.subject = s[0].substr(0, 60);
    r.excerpt = text.substr(0, 200);
    r.time = 1795000000 + serial * 30;
    r.text = core::shared_normalizer().canonical(text);
    r.signature = index::signature_of_text(r.text);
    return r;
  }

 private:
  std::string word(int len) {
    std::string w;
    for (int i = 0; i < len; ++i) w += static_cast<char>('a' + rng_() % 26);
    return w;
  }
  std::string sentence(int words) {
    std::string s;
    for (int i = 0; i < words; ++i) s += (i ? " " : "") + vocab_[rng_() % vocab_.size()];
    return s + ".";
  }
  std::mt19937 rng_;
  std::vector<std::string> vocab_;
  std::vector<Template> templates_;
};

double pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int templates = argc > 2 ? std::atoi(argv[2]) : 300;
  const std::string dir = std::string(argc > 3 ? argv[3] : "/tmp") + "/bench-index-" + std::to_string(n);
  const int batch = argc > 4 ? std::max(1, std::atoi(argv[4])) : index::kCommitBatch;
  fs::remove_all(dir);

  // Baseline: generation + signature only.
  Generator gen(templates, 42);
  std::mt19937 pick(7);
  std::vector<index::MessageRecord> msgs;
  std::vector<int> truth;
  msgs.reserve(n);
  const auto g0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    const int t = static_cast<int>(pick() % templates);
    truth.push_back(t);
    msgs.push_back(gen.message(t, i));
  }
  const double gen_s = secs(Clock::now() - g0);

  index::CampaignIndex idx(index::CampaignIndex::open_dir(dir));
  std::vector<std::string> assigned(n);
  const auto t0 = Clock::now();
  auto tail_start = t0;
  size_t max_cand = 0;
  // Commits are timed apart from add(): the first is Xapian writing its
  // B-trees, the second our candidate lookups and the document build.
  Clock::duration commit_time{}, tail_commit_time{};
  auto timed_commit = [&](bool in_tail) {
    const auto c = Clock::now();
    idx.commit();
    const auto d = Clock::now() - c;
    commit_time += d;
    if (in_tail) tail_commit_time += d;
  };
  for (int i = 0; i < n; ++i) {
    if (i == n - n / 10) tail_start = Clock::now();
    const auto res = idx.add(msgs[i]);
    max_cand = std::max(max_cand, res.candidates);
    if ((i + 1) % batch == 0) timed_commit(i >= n - n / 10);
  }
  timed_commit(true);
  const auto t1 = Clock::now();
  const double index_s = secs(t1 - t0), tail_s = secs(t1 - tail_start);

  uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) bytes += e.file_size();

  const Xapian::Database db(dir);
  // Distinct terms drive commit cost: each one is a posting list to update.
  size_t distinct_terms = 0;
  std::map<std::string, size_t> singletons_by_prefix;  // terms seen in one message only
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    ++distinct_terms;
    if (t.get_termfreq() != 1) continue;
    const std::string term = *t;
    size_t k = 0;
    while (k < term.size() && term[k] >= 'A' && term[k] <= 'Z') ++k;
    ++singletons_by_prefix[k ? term.substr(0, k) : "(text)"];
  }
  const auto c0 = Clock::now();
  const auto campaigns = index::list_campaigns(db, true);
  const std::string json = index::campaigns_json(campaigns);
  const double campaigns_s = secs(Clock::now() - c0);
  const auto r0 = Clock::now();
  const auto rep = index::build_report(db, 0, 1795000000 + int64_t(n) * 30 + 1);
  const std::string html = index::render_html(rep);
  const double report_s = secs(Clock::now() - r0);

  // Pairwise precision/recall from the contingency table (no O(n^2) loop).
  std::map<std::pair<std::string, int>, double> cell;
  std::map<std::string, double> per_camp;
  std::map<int, double> per_truth;
  for (const auto& c : campaigns)
    for (const auto& m : c.members) {
      const int serial = std::atoi(m.message_id.c_str() + 1);
      ++cell[{c.record.id, truth[serial]}];
      ++per_camp[c.record.id];
      ++per_truth[truth[serial]];
    }
  double tp = 0, pp = 0, tt = 0;
  for (const auto& [k, v] : cell) tp += pairs(v);
  for (const auto& [k, v] : per_camp) pp += pairs(v);
  for (const auto& [k, v] : per_truth) tt += pairs(v);
  const double p = pp ? tp / pp : 1, r = tt ? tp / tt : 1, f1 = p + r ? 2 * p * r / (p + r) : 0;

  std::printf("messages %d, templates %d (truth campaigns used %zu), commit every %d\n", n, templates,
              per_truth.size(), batch);
  std::printf("baseline generate+normalise+signature: %.1f us/message\n", gen_s * 1e6 / n);
  std::printf("index+assign: %.1f us/message mean, %.1f us/message over the last 10%%, max candidates %zu\n",
              index_s * 1e6 / n, tail_s * 1e6 / (n / 10), max_cand);
  std::printf("  of which commits: %.1f us/message mean, %.1f us/message over the last 10%%\n",
              secs(commit_time) * 1e6 / n, secs(tail_commit_time) * 1e6 / (n / 10));
  std::printf("index size: %.0f bytes/message (%.1f MB)\n", double(bytes) / n, bytes / 1e6);
  std::printf("terms: %zu distinct (%.1f new per message), %.0f per message\n", distinct_terms,
              double(distinct_terms) / n, db.get_avlength());
  std::printf("  in one message only:");
  for (const auto& [prefix, count] : singletons_by_prefix) std::printf(" %s %zu", prefix.c_str(), count);
  std::printf("\n");
  std::printf("campaigns (list + members + JSON, %zu campaigns, %zu bytes): %.2f s\n", campaigns.size(),
              json.size(), campaigns_s);
  std::printf("report (build + HTML, %zu bytes): %.2f s\n", html.size(), report_s);
  std::printf("pairwise precision %.4f recall %.4f F1 %.4f\n", p, r, f1);
  fs::remove_all(dir);
  return 0;
}

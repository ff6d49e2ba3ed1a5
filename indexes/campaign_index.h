// campaign_index.h — THE writer of the campaign index: adds messages to the
// Xapian database and clusters them into campaigns online.
//
// Clustering, per message, at near-constant cost:
//  1. candidates come only from term lookups: its LSH band terms (XB), its
//     attachment hashes (XA), phones (XP) and uncommon URL hosts (XH); each
//     posting list is read for at most Options::max_postings documents;
//  2. a candidate counts only if it has the same family (campaigns never mix
//     families; a near-copy of another family's member joins that campaign
//     alone and takes its family, see cross_family_threshold) and its
//     signature is similar enough: join_threshold for band
//     candidates, the lower indicator_threshold when it also shares a phone
//     or host, and lower still (attachment_threshold) when it shares a
//     payload attachment's SHA-256;
//  3. no candidate: the message starts a campaign; one: it joins; several: it
//     bridges them and they merge into the OLDEST (lowest creation sequence),
//     whose id survives; the others' documents are re-labelled and their ids
//     kept as aliases ("campaign-alias:<old>" -> survivor).
// A document carries a band term only when its campaign has no document with
// that term yet, so a band's posting list holds about one document per
// campaign and lookups stay short however big a campaign grows. A message
// that is a near twin of a member it joins (twin_threshold) carries no band
// terms at all: the twin already answers for it, and the rotated details
// would otherwise add a dozen one-message terms each — the terms whose
// scattered B-tree writes make commits grow with the index.
//
// Invariants: every document has exactly one XC term and the same id in value
// slot::kCampaign; every campaign id in a document has a "campaign:<id>"
// record whose size is its document count. One writer per database (Xapian's
// lock enforces it); nothing is visible to readers before commit().
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "indexes/message_record.h"

namespace impostor::index {

struct CampaignRecord {
  std::string id;
  std::string family;
  int64_t size = 0;
  int64_t first_seen = 0;
  int64_t last_seen = 0;
  int64_t seq = 0;  // creation order: lower is older

  std::string serialise() const;
  static std::optional<CampaignRecord> parse(const std::string& id, const std::string& data);
};

class CampaignIndex {
 public:
  struct Options {
    double join_threshold = 0.35;
    double indicator_threshold = 0.30;
    double attachment_threshold = 0.10;
    // A near-copy of a campaign's member joins that campaign even when the
    // engine named another family for it, or none: one template mailed
    // thousands of times is one campaign though a few copies scored apart.
    // It takes the campaign's family; campaigns still never merge across
    // families.
    double cross_family_threshold = 0.6;
    double twin_threshold = 0.6;
    size_t max_postings = 24;
    // Hosts that say nothing about a campaign (the brand's own, freemail):
    // sharing one is not a reason to compare.
    std::set<std::string> common_hosts;
  };

  struct Result {
    std::string campaign;
    bool duplicate = false;             // already indexed: nothing changed
    std::vector<std::string> merged;    // campaigns merged into `campaign`
    size_t candidates = 0;              // documents examined
  };

  // Opens (creating when missing) the on-disk database at `dir`.
  static Xapian::WritableDatabase open_dir(const std::string& dir);

  explicit CampaignIndex(Xapian::WritableDatabase db);
  CampaignIndex(Xapian::WritableDatabase db, Options options);

  // Indexes `rec` and assigns it; sets rec.campaign. Throws Xapian::Error
  // for environment failures (the caller keeps its input for a retry).
  Result add(MessageRecord& rec);
  void commit();

  const Xapian::WritableDatabase& db() const { return db_; }
  std::optional<CampaignRecord> campaign(const std::string& id);

 private:
  struct Candidate {
    std::string campaign;
    std::string family;
    double similarity = 0;
  };
  // What clustering reads of an indexed document, kept across add() calls:
  // band postings point mostly at the same early members of each campaign,
  // and reading them from Xapian is what grows with the index.
  struct DocSummary {
    std::string campaign;
    std::string family;
    Signature signature;
  };
  const DocSummary& summary(Xapian::docid did);
  const Candidate& examine(Xapian::docid did, const Signature& sig);
  void store(const CampaignRecord& rec);
  void merge(const std::string& loser, CampaignRecord& survivor);
  bool is_common_host(const std::string& host) const;
  std::string new_campaign_id(const MessageRecord& rec, int64_t seq) const;

  Xapian::WritableDatabase db_;
  Options options_;
  Xapian::TermGenerator termgen_;
  std::unordered_map<Xapian::docid, Candidate> seen_;  // per add()
  std::unordered_map<Xapian::docid, DocSummary> summaries_;  // bounded, see summary()
  std::unordered_map<std::string, CampaignRecord> records_;  // cache
  int64_t next_seq_ = 1;
};

// Boolean terms longer than Xapian's limit are cut (they stay unique enough).
std::string bool_term(const char* prefix, const std::string& value);

}  // namespace impostor::index

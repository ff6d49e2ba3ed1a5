// campaign_index.cc — see campaign_index.h.
#include "indexes/campaign_index.h"

#include <algorithm>
#include <sstream>

#include "indexes/schema.h"

namespace impostor::index {

namespace {

std::string campaign_key(const std::string& id) { return std::string(kCampaignMetaPrefix) + id; }

// Document summaries kept in memory (~1 KB each).
constexpr size_t kMaxSummaries = 100000;

}  // namespace

std::string bool_term(const char* prefix, const std::string& value) {
  std::string t = std::string(prefix) + value;
  if (t.size() > 200) t.resize(200);
  return t;
}

std::string CampaignRecord::serialise() const {
  std::ostringstream out;
  out << family << '\t' << size << '\t' << first_seen << '\t' << last_seen << '\t' << seq;
  return out.str();
}

std::optional<CampaignRecord> CampaignRecord::parse(const std::string& id, const std::string& data) {
  if (data.empty()) return std::nullopt;
  CampaignRecord r;
  r.id = id;
  std::istringstream in(data);
  std::getline(in, r.family, '\t');
  if (!(in >> r.size >> r.first_seen >> r.last_seen >> r.seq)) return std::nullopt;
  return r;
}

Xapian::WritableDatabase CampaignIndex::open_dir(const std::string& dir) {
  return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
}

CampaignIndex::CampaignIndex(Xapian::WritableDatabase db) : CampaignIndex(std::move(db), Options{}) {}

CampaignIndex::CampaignIndex(Xapian::WritableDatabase db, Options options)
    : db_(std::move(db)), options_(std::move(options)) {
  termgen_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  const std::string seq = db_.get_metadata(kCampaignSeqKey);
  if (!seq.empty()) next_seq_ = std::stoll(seq);
}

std::optional<CampaignRecord> CampaignIndex::campaign(const std::string& id) {
  auto it = records_.find(id);
  if (it != records_.end()) return it->second;
  auto rec = CampaignRecord::parse(id, db_.get_metadata(campaign_key(id)));
  if (rec) records_.emplace(id, *rec);
  return rec;
}

void CampaignIndex::store(const CampaignRecord& rec) {
  records_[rec.id] = rec;
  db_.set_metadata(campaign_key(rec.id), rec.serialise());
}

const CampaignIndex::DocSummary& CampaignIndex::summary(Xapian::docid did) {
  auto it = summaries_.find(did);
  if (it != summaries_.end()) return it->second;
  // A plain bound rather than LRU: refilling costs one read per document.
  if (summaries_.size() >= kMaxSummaries) summaries_.clear();
  const Xapian::Document doc = db_.get_document(did);
  DocSummary d{doc.get_value(slot::kCampaign), doc.get_value(slot::kFamily),
               Signature::parse(doc.get_value(slot::kSignature))};
  return summaries_.emplace(did, std::move(d)).first->second;
}

const CampaignIndex::Candidate& CampaignIndex::examine(Xapian::docid did, const Signature& sig) {
  auto it = seen_.find(did);
  if (it != seen_.end()) return it->second;
  const DocSummary& d = summary(did);
  return seen_.emplace(did, Candidate{d.campaign, d.family, similarity(sig, d.signature)}).first->second;
}

std::string CampaignIndex::new_campaign_id(const MessageRecord& rec, int64_t seq) const {
  // Derived from the founding message and the sequence number: stable, and
  // distinct even when the same bytes found two campaigns in two databases.
  for (uint64_t salt = 0;; ++salt) {
    const std::string id = "c-" + hex(hash64(rec.key, static_cast<uint64_t>(seq) + (salt << 40)), 10);
    if (db_.get_metadata(campaign_key(id)).empty()) return id;
  }
}

void CampaignIndex::merge(const std::string& loser, CampaignRecord& survivor) {
  auto old = campaign(loser);
  const std::string from_term = bool_term(prefix::kCampaign, loser);
  const std::string to_term = bool_term(prefix::kCampaign, survivor.id);
  std::vector<Xapian::docid> docs;
  for (auto pl = db_.postlist_begin(from_term); pl != db_.postlist_end(from_term); ++pl)
    docs.push_back(*pl);
  for (Xapian::docid did : docs) {
    Xapian::Document doc = db_.get_document(did);
    doc.remove_term(from_term);
    doc.add_boolean_term(to_term);
    doc.add_value(slot::kCampaign, survivor.id);
    db_.replace_document(did, doc);
    if (auto s = seen_.find(did); s != seen_.end()) s->second.campaign = survivor.id;
    if (auto d = summaries_.find(did); d != summaries_.end()) d->second.campaign = survivor.id;
  }
  if (old) {
    survivor.size += old->size;
    survivor.first_seen = std::min(survivor.first_seen, old->first_seen);
    survivor.last_seen = std::max(survivor.last_seen, old->last_seen);
  } else {
    survivor.size += static_cast<int64_t>(docs.size());
  }
  records_.erase(loser);
  db_.set_metadata(campaign_key(loser), "");
  db_.set_metadata("campaign-alias:" + loser, survivor.id);
}

CampaignIndex::Result CampaignIndex::add(MessageRecord& rec) {
  Result res;
  const std::string key_term = bool_term(prefix::kKey, rec.key);
  if (db_.term_exists(key_term)) {
    const Xapian::Document doc = db_.get_document(*db_.postlist_begin(key_term));
    res.campaign = rec.campaign = doc.get_value(slot::kCampaign);
    res.duplicate = true;
    return res;
  }
  seen_.clear();

  // 1. Candidates, by term lookup only.
  std::set<std::string> joins;
  const std::vector<std::string> bands = band_keys(rec.signature);
  std::vector<std::vector<std::string>> band_owners(bands.size());
  std::string nearest_other_family;  // campaign of the most similar near-copy, any other family
  double nearest_other_similarity = 0;
  auto scan_postings = [&](const std::string& term, auto&& on_candidate) {
    size_t n = 0;
    for (auto pl = db_.postlist_begin(term); pl != db_.postlist_end(term) && n < options_.max_postings;
         ++pl, ++n) {
      const Candidate& c = examine(*pl, rec.signature);
      if (c.family == rec.family) {
        on_candidate(c);
      } else if (c.similarity >= options_.cross_family_threshold &&
                 c.similarity > nearest_other_similarity) {
        nearest_other_family = c.campaign;
        nearest_other_similarity = c.similarity;
      }
    }
  };
  for (size_t b = 0; b < bands.size(); ++b)
    scan_postings(bool_term(prefix::kBand, bands[b]), [&](const Candidate& c) {
      band_owners[b].push_back(c.campaign);
      if (c.similarity >= options_.join_threshold) joins.insert(c.campaign);
    });
  // The same payload is near-proof; a little shared text (same language)
  // is still asked for, so one dropper mailed with unrelated lures in two
  // languages does not fuse those campaigns.
  for (const auto& a : rec.attachments)
    if (a.payload)
      scan_postings(bool_term(prefix::kAttachment, a.sha256), [&](const Candidate& c) {
        if (c.similarity >= options_.attachment_threshold) joins.insert(c.campaign);
      });
  auto weak_indicator = [&](const Candidate& c) {
    if (c.similarity >= options_.indicator_threshold) joins.insert(c.campaign);
  };
  for (const auto& p : rec.phones) scan_postings(bool_term(prefix::kPhone, p), weak_indicator);
  for (const auto& h : rec.hosts)
    if (!is_common_host(h)) scan_postings(bool_term(prefix::kHost, h), weak_indicator);
  res.candidates = seen_.size();
  if (joins.empty() && !nearest_other_family.empty()) joins.insert(nearest_other_family);

  // 2. Join, start or merge.
  CampaignRecord camp;
  std::optional<CampaignRecord> oldest;
  for (const auto& id : joins) {
    auto r = campaign(id);
    if (r && (!oldest || r->seq < oldest->seq)) oldest = r;
  }
  if (oldest) {
    camp = *oldest;
    for (const auto& id : joins)
      if (id != camp.id) {
        merge(id, camp);
        res.merged.push_back(id);
      }
  } else {
    camp.seq = next_seq_++;
    db_.set_metadata(kCampaignSeqKey, std::to_string(next_seq_));
    camp.id = new_campaign_id(rec, camp.seq);
    camp.family = rec.family;
    camp.first_seen = camp.last_seen = rec.time;
  }
  camp.size += 1;
  camp.first_seen = std::min(camp.first_seen, rec.time);
  camp.last_seen = std::max(camp.last_seen, rec.time);
  store(camp);
  rec.campaign = res.campaign = camp.id;
  rec.family = camp.family;  // differs only for a near-copy joining across families

  // 3. The document.
  Xapian::Document doc;
  doc.set_data(to_json(rec));
  doc.add_boolean_term(key_term);
  doc.add_boolean_term(bool_term(prefix::kDay, day_key(rec.time)));
  doc.add_boolean_term(bool_term(prefix::kFamily, rec.family));
  doc.add_boolean_term(bool_term(prefix::kVerdict, rec.verdict));
  doc.add_boolean_term(bool_term(prefix::kCampaign, camp.id));
  if (!rec.sender_domain.empty()) doc.add_boolean_term(bool_term(prefix::kSenderDomain, rec.sender_domain));
  for (const auto& d : rec.recipient_domains) doc.add_boolean_term(bool_term(prefix::kRecipientDomain, d));
  for (const auto& h : rec.hosts) doc.add_boolean_term(bool_term(prefix::kHost, h));
  for (const auto& p : rec.phones) doc.add_boolean_term(bool_term(prefix::kPhone, p));
  for (const auto& a : rec.attachments) doc.add_boolean_term(bool_term(prefix::kAttachment, a.sha256));
  if (!rec.state.empty()) doc.add_boolean_term(bool_term(prefix::kState, rec.state));
  // Most similar member of the campaign it now belongs to.
  double twin_similarity = 0;
  for (const auto& [did, c] : seen_)
    if (c.campaign == camp.id || std::find(res.merged.begin(), res.merged.end(), c.campaign) != res.merged.end())
      twin_similarity = std::max(twin_similarity, c.similarity);
  const bool has_twin = twin_similarity >= options_.twin_threshold;
  for (size_t b = 0; b < bands.size() && !has_twin; ++b) {
    const auto& owners = band_owners[b];
    const bool covered = std::any_of(owners.begin(), owners.end(), [&](const std::string& o) {
      return o == camp.id || std::find(res.merged.begin(), res.merged.end(), o) != res.merged.end();
    });
    if (!covered) doc.add_boolean_term(bool_term(prefix::kBand, bands[b]));
  }
  doc.add_value(slot::kTime, Xapian::sortable_serialise(static_cast<double>(rec.time)));
  doc.add_value(slot::kScore, Xapian::sortable_serialise(rec.score));
  doc.add_value(slot::kSignature, rec.signature.serialise());
  doc.add_value(slot::kCampaign, camp.id);
  doc.add_value(slot::kFamily, rec.family);

  // No positions: they are most of an index's size and of its write cost,
  // and grow with every message. Search loses only exact phrase order
  // ("a b" matches a and b anywhere); Japanese n-gram queries are ANDs anyway.
  termgen_.set_document(doc);
  termgen_.index_text_without_positions(rec.subject, 1, prefix::kSubject);
  termgen_.index_text_without_positions(rec.text);
  db_.add_document(doc);
  return res;
}

bool CampaignIndex::is_common_host(const std::string& host) const {
  // www.microsoft.com is as common as microsoft.com: walk up the labels.
  for (size_t pos = 0; pos != std::string::npos; pos = host.find('.', pos + 1)) {
    const std::string suffix = pos == 0 ? host : host.substr(pos + 1);
    if (options_.common_hosts.count(suffix)) return true;
  }
  return false;
}

void CampaignIndex::commit() { db_.commit(); }

}  // namespace impostor::index

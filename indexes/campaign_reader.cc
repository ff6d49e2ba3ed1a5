// campaign_reader.cc — see campaign_reader.h.
#include "indexes/campaign_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "indexes/schema.h"

namespace impostor::index {

namespace {

MessageRecord from_document(const Xapian::Document& doc) {
  MessageRecord r = record_from_json(doc.get_data());
  r.campaign = doc.get_value(slot::kCampaign);
  return r;
}

}  // namespace

std::vector<MessageRecord> campaign_members(const Xapian::Database& db, const std::string& id) {
  std::vector<MessageRecord> out;
  const std::string term = bool_term(prefix::kCampaign, id);
  for (auto pl = db.postlist_begin(term); pl != db.postlist_end(term); ++pl)
    out.push_back(from_document(db.get_document(*pl)));
  std::sort(out.begin(), out.end(), [](const MessageRecord& a, const MessageRecord& b) {
    return a.time != b.time ? a.time < b.time : a.message_id < b.message_id;
  });
  return out;
}

std::optional<CampaignRecord> campaign_record(const Xapian::Database& db, const std::string& id) {
  return CampaignRecord::parse(id, db.get_metadata(kCampaignMetaPrefix + id));
}

std::vector<Campaign> list_campaigns(const Xapian::Database& db, bool with_members) {
  std::vector<Campaign> out;
  // Walk the XC terms, not the metadata keys: every live campaign has at
  // least one document, and the InMemory backend cannot list metadata keys.
  const std::string pfx = prefix::kCampaign;
  for (auto it = db.allterms_begin(pfx); it != db.allterms_end(pfx); ++it) {
    if (it.get_termfreq() == 0) continue;  // merged away (InMemory keeps the term)
    const std::string id = (*it).substr(pfx.size());
    auto rec = campaign_record(db, id);
    if (!rec) continue;
    Campaign c;
    c.record = *rec;
    if (with_members) c.members = campaign_members(db, id);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Campaign& a, const Campaign& b) {
    if (a.record.size != b.record.size) return a.record.size > b.record.size;
    if (a.record.first_seen != b.record.first_seen) return a.record.first_seen < b.record.first_seen;
    return a.record.id < b.record.id;
  });
  return out;
}

std::string resolve_campaign(const Xapian::Database& db, const std::string& id) {
  std::string cur = id;
  for (int hops = 0; hops < 64; ++hops) {
    if (!db.get_metadata(kCampaignMetaPrefix + cur).empty()) return cur;
    const std::string next = db.get_metadata("campaign-alias:" + cur);
    if (next.empty()) return "";
    cur = next;
  }
  return "";
}

std::string campaigns_json(const std::vector<Campaign>& campaigns) {
  using nlohmann::json;
  json arr = json::array();
  for (const auto& c : campaigns) {
    json members = json::array();
    for (const auto& m : c.members)
      members.push_back({{"message_id", m.message_id},
                         {"file", m.file.empty() ? json(nullptr) : json(m.file)},
                         {"subject", m.subject},
                         {"time", iso8601(m.time)}});
    arr.push_back({{"id", c.record.id},
                   {"family", c.record.family},
                   {"size", c.record.size},
                   {"first_seen", iso8601(c.record.first_seen)},
                   {"last_seen", iso8601(c.record.last_seen)},
                   {"members", members}});
  }
  return json{{"campaigns", arr}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

Xapian::Query parse_query(const Xapian::Database& db, const std::string& query) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_default_op(Xapian::Query::OP_AND);
  for (const auto& f : kQueryFields) {
    if (f.boolean)
      qp.add_boolean_prefix(f.field, f.prefix);
    else
      qp.add_prefix(f.field, f.prefix);
  }
  return qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
}

SearchHits search(const Xapian::Database& db, const std::string& query, size_t limit) {
  Xapian::Enquire enq(db);
  enq.set_query(parse_query(db, query));
  enq.set_sort_by_value_then_relevance(slot::kTime, true);
  const Xapian::MSet mset = enq.get_mset(0, static_cast<Xapian::doccount>(limit));
  SearchHits out;
  out.estimated = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) out.hits.push_back(from_document(it.get_document()));
  return out;
}

std::vector<MessageRecord> messages_between(const Xapian::Database& db, int64_t since, int64_t until) {
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::kTime,
                              Xapian::sortable_serialise(static_cast<double>(since)),
                              Xapian::sortable_serialise(static_cast<double>(until))));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  enq.set_docid_order(Xapian::Enquire::ASCENDING);
  std::vector<MessageRecord> out;
  const Xapian::doccount batch = 10000;
  for (Xapian::doccount first = 0;; first += batch) {
    const Xapian::MSet mset = enq.get_mset(first, batch);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(from_document(it.get_document()));
    if (mset.size() < batch) break;
  }
  return out;
}

}  // namespace impostor::index

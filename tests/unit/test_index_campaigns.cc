// Unit tests for indexes/campaign_index + campaign_reader on Xapian::InMemory:
// online assignment, merges keep the older id, families never mix,
// candidates come from term lookups (cost does not grow with the index),
// duplicates are recognised, search fields work (Japanese too).
#include <boost/test/unit_test.hpp>
#include <random>

#include "core/text_normalizer.h"
#include "indexes/campaign_index.h"
#include "indexes/campaign_reader.h"
#include "indexes/schema.h"

using namespace impostor;

namespace {

Xapian::WritableDatabase memory_db() { return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY); }

index::MessageRecord record(const std::string& text, const std::string& family, const std::string& key,
                            int64_t time = 1795000000) {
  index::MessageRecord r;
  r.key = key;
  r.message_id = "<" + key + "@test>";
  r.family = family;
  r.subject = text.substr(0, 40);
  r.text = core::shared_normalizer().canonical(text);
  r.signature = index::signature_of_text(r.text);
  r.time = time;
  return r;
}

const std::string kA =
    "Your Windows licence has expired and the computer is at risk of infection. "
    "Call the support line immediately to renew the protection plan. "
    "A certified technician will connect remotely and remove every virus found. ";
const std::string kB =
    "Payment for the renewal is accepted by gift card or electronic money only. "
    "Scratch the back of the card and read the code to the agent on the phone. "
    "Do not tell the shop assistant what the cards are for or the renewal fails. ";

std::string words(std::mt19937& rng, int n) {
  static const char* dict[] = {"apple", "river", "stone", "cloud", "music", "paper", "green", "light",
                               "table", "water", "house", "train", "bread", "glass", "field", "north",
                               "storm", "plant", "chair", "metal", "dream", "smile", "ocean", "tiger"};
  std::string s;
  for (int i = 0; i < n; ++i) s += std::string(dict[rng() % 24]) + " ";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_campaigns)

BOOST_AUTO_TEST_CASE(variants_join_one_campaign_others_start_their_own) {
  index::CampaignIndex idx(memory_db());
  auto a1 = record(kA + "Call 0120-111-222 now.", "tech-support", "a1");
  auto a2 = record(kA + "Call 0120-999-888 now.", "tech-support", "a2");
  auto b1 = record(kB, "tech-support", "b1");
  const auto r1 = idx.add(a1), r2 = idx.add(a2), r3 = idx.add(b1);
  BOOST_TEST(r1.campaign == r2.campaign);
  BOOST_TEST(r3.campaign != r1.campaign);
  BOOST_TEST(r1.campaign.size() == 12u);
  BOOST_TEST(r1.campaign.rfind("c-", 0) == 0u);
  idx.commit();
  const auto list = index::list_campaigns(idx.db(), true);
  BOOST_REQUIRE(list.size() == 2u);
  BOOST_TEST(list[0].record.size == 2);
  BOOST_TEST(list[0].members.size() == 2u);
  BOOST_TEST(list[1].record.size == 1);  // a singleton is a campaign too
}

BOOST_AUTO_TEST_CASE(a_bridge_merges_into_the_older_campaign) {
  index::CampaignIndex idx(memory_db());
  auto a = record(kA, "tech-support", "a", 100);
  auto b = record(kB, "tech-support", "b", 200);
  const auto ra = idx.add(a), rb = idx.add(b);
  BOOST_REQUIRE(ra.campaign != rb.campaign);
  auto bridge = record(kA + kB, "tech-support", "bridge", 300);
  const auto rc = idx.add(bridge);
  BOOST_TEST(rc.campaign == ra.campaign);  // the older id survives
  BOOST_REQUIRE(rc.merged.size() == 1u);
  BOOST_TEST(rc.merged[0] == rb.campaign);
  const auto list = index::list_campaigns(idx.db(), true);
  BOOST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0].record.size == 3);
  BOOST_TEST(list[0].record.first_seen == 100);
  BOOST_TEST(list[0].record.last_seen == 300);
  BOOST_TEST(index::campaign_members(idx.db(), rb.campaign).empty());
  BOOST_TEST(index::resolve_campaign(idx.db(), rb.campaign) == ra.campaign);
}

BOOST_AUTO_TEST_CASE(a_near_copy_joins_across_families_but_campaigns_never_mix) {
  index::CampaignIndex idx(memory_db());
  // The same template scored as another family, or as none, is the same
  // campaign: the copy joins it and takes its family.
  auto x = record(kA, "tech-support", "x");
  auto y = record(kA, "card-validation", "y");
  auto z = record(kA, "unknown", "z");
  const auto rx = idx.add(x);
  BOOST_TEST(idx.add(y).campaign == rx.campaign);
  BOOST_TEST(idx.add(z).campaign == rx.campaign);
  BOOST_TEST(y.family == "tech-support");
  // A different text of another family starts its own campaign, and a
  // message bridging the two joins its own family's campaign only: no merge.
  auto other = record(kB, "card-validation", "other");
  const auto ro = idx.add(other);
  BOOST_TEST(ro.campaign != rx.campaign);
  auto bridge = record(kA + kB, "card-validation", "bridge");
  const auto rb = idx.add(bridge);
  BOOST_TEST(rb.merged.empty());
  BOOST_TEST(rb.campaign == ro.campaign);
  for (const auto& c : index::list_campaigns(idx.db(), true))
    for (const auto& m : c.members) BOOST_TEST(m.family == c.record.family);
}

BOOST_AUTO_TEST_CASE(duplicates_are_recognised) {
  index::CampaignIndex idx(memory_db());
  auto a = record(kA, "tech-support", "same");
  auto again = record(kA, "tech-support", "same");
  const auto r1 = idx.add(a);
  const auto r2 = idx.add(again);
  BOOST_TEST(r2.duplicate);
  BOOST_TEST(r2.campaign == r1.campaign);
  BOOST_TEST(idx.db().get_doccount() == 1u);
}

BOOST_AUTO_TEST_CASE(candidates_come_from_terms_and_stay_few) {
  index::CampaignIndex idx(memory_db());
  std::mt19937 rng(7);
  // 300 unrelated messages and 40 variants of one template.
  for (int i = 0; i < 300; ++i) {
    auto r = record(words(rng, 40), "lottery", "noise" + std::to_string(i));
    idx.add(r);
  }
  size_t max_candidates = 0;
  std::string campaign;
  for (int i = 0; i < 40; ++i) {
    auto r = record(kA + "Reference " + std::to_string(1000 + i) + ". " + words(rng, 3), "lottery",
                    "v" + std::to_string(i));
    const auto res = idx.add(r);
    if (i > 0) {
      BOOST_TEST(res.campaign == campaign);
      max_candidates = std::max(max_candidates, res.candidates);
    }
    campaign = res.campaign;
  }
  // Only documents sharing a band term were looked at, never the 340 others.
  BOOST_TEST(max_candidates <= 24u);
  // A band term's postings hold about one document per campaign, so a
  // growing campaign does not make lookups longer.
  size_t longest = 0;
  for (auto t = idx.db().allterms_begin(index::prefix::kBand); t != idx.db().allterms_end(index::prefix::kBand); ++t)
    longest = std::max<size_t>(longest, t.get_termfreq());
  BOOST_TEST(longest <= 4u);
}

namespace {
// Band terms a document carries (its XB terms).
size_t band_terms_of(index::CampaignIndex& idx, const std::string& key) {
  const std::string key_term = std::string(index::prefix::kKey) + key;
  const Xapian::docid did = *idx.db().postlist_begin(key_term);
  size_t n = 0;
  for (auto t = idx.db().termlist_begin(did); t != idx.db().termlist_end(did); ++t)
    if ((*t).rfind(index::prefix::kBand, 0) == 0) ++n;
  return n;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_near_twin_adds_no_band_terms_a_looser_variant_does) {
  index::CampaignIndex idx(memory_db());
  auto first = record(kA + kB, "tech-support", "first");
  auto twin = record(kA + kB + "Ref 42.", "tech-support", "twin");
  auto loose = record(kA + "Payment by gift card only, read the code to the agent.", "tech-support", "loose");
  BOOST_REQUIRE(index::similarity(first.signature, twin.signature) >= 0.6);
  const double loose_similarity = index::similarity(first.signature, loose.signature);
  BOOST_REQUIRE(loose_similarity >= 0.35);
  BOOST_REQUIRE(loose_similarity < 0.6);
  const auto r1 = idx.add(first), r2 = idx.add(twin), r3 = idx.add(loose);
  BOOST_TEST(r2.campaign == r1.campaign);
  BOOST_TEST(r3.campaign == r1.campaign);
  BOOST_TEST(band_terms_of(idx, "first") == size_t(index::kBands));
  BOOST_TEST(band_terms_of(idx, "twin") == 0u);
  // The looser variant's bands extend what the campaign's lookups can find.
  BOOST_TEST(band_terms_of(idx, "loose") > 0u);
}

BOOST_AUTO_TEST_CASE(search_by_field_and_japanese_text) {
  index::CampaignIndex idx(memory_db());
  auto ja = record("マイクロソフト提供の宝くじに当選しました。賞金を受け取ってください。", "lottery", "ja");
  ja.phones = {"0120123456"};
  ja.hosts = {"claims.example"};
  auto en = record(kA, "tech-support", "en");
  idx.add(ja);
  idx.add(en);
  BOOST_TEST(index::search(idx.db(), "宝くじ", 10).hits.size() == 1u);
  BOOST_TEST(index::search(idx.db(), "family:lottery", 10).hits.size() == 1u);
  BOOST_TEST(index::search(idx.db(), "phone:0120123456", 10).hits.at(0).key == "ja");
  BOOST_TEST(index::search(idx.db(), "host:claims.example", 10).hits.size() == 1u);
  BOOST_TEST(index::search(idx.db(), "technician family:tech-support", 10).hits.size() == 1u);
  BOOST_TEST(index::search(idx.db(), "campaign:" + en.campaign, 10).hits.at(0).key == "en");
}

BOOST_AUTO_TEST_SUITE_END()

// Unit tests for indexes/signature: masking, and the robustness the campaign
// clustering relies on — rotated phones/amounts/URLs/names, reordered and
// partly reworded sentences, full-width and ISO-2022-JP re-encodings stay
// similar; different templates do not.
#include <iconv.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "core/normalized_view.h"
#include "core/text_normalizer.h"
#include "indexes/campaign_index.h"
#include "indexes/signature.h"
#include "tests/unit/test_helpers.h"

using namespace impostor;
namespace bdata = boost::unit_test::data;

namespace {

const double kJoin = index::CampaignIndex::Options{}.join_threshold;

index::Signature sig(const std::string& text) {
  return index::signature_of_text(core::shared_normalizer().canonical(text));
}

// The signature of a whole message, through the engine's parse + normaliser.
index::Signature message_sig(const std::string& raw) {
  core::MessageView view;
  test::builtin_pipeline().scan(core::Envelope{}, raw, view);
  return index::signature_of(view, core::NormalizedView::of(view, core::shared_normalizer()));
}

std::string to_iso2022jp(const std::string& utf8) {
  iconv_t cd = iconv_open("ISO-2022-JP", "UTF-8");
  BOOST_REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = utf8, out(utf8.size() * 4 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv(cd, nullptr, nullptr, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

const std::string kEn =
    "Dear Karen Smith, your Windows licence has expired and your computer is at risk. "
    "Call Microsoft Support now at +1 (888) 555-0142 to renew. "
    "A technician will connect to your PC and remove the viruses for only $199.99. "
    "Visit https://ms-renew-help.example/k?id=7741 or write to help@ms-renew.example. "
    "Do not switch off your computer until the technician calls you back.";

const std::string kJa =
    "お客様のWindowsライセンスの有効期限が切れました。コンピューターが危険にさらされています。"
    "至急マイクロソフトサポート 0120-123-456 までお電話ください。"
    "技術者がリモートでウイルスを駆除します。料金は19,800円です。"
    "詳しくは https://ms-support.example/jp をご覧ください。";

struct Variant {
  const char* name;
  std::string text;
};
std::ostream& operator<<(std::ostream& o, const Variant& v) { return o << v.name; }

const Variant kSameCampaign[] = {
    {"rotated name, phone, amount, URL, e-mail",
     "Dear John Miller, your Windows licence has expired and your computer is at risk. "
     "Call Microsoft Support now at 1-800-555-7788 to renew. "
     "A technician will connect to your PC and remove the viruses for only $249.00. "
     "Visit http://win-fix-now.example/p/99 or write to desk@winfix.example. "
     "Do not switch off your computer until the technician calls you back."},
    {"reordered sentences",
     "Do not switch off your computer until the technician calls you back. "
     "A technician will connect to your PC and remove the viruses for only $199.99. "
     "Dear Karen Smith, your Windows licence has expired and your computer is at risk. "
     "Visit https://ms-renew-help.example/k?id=7741 or write to help@ms-renew.example. "
     "Call Microsoft Support now at +1 (888) 555-0142 to renew."},
    {"one sentence reworded",
     "Dear Karen Smith, your Windows licence has expired and your computer is at risk. "
     "Please phone the Microsoft helpdesk immediately on +1 (888) 555-0142. "
     "A technician will connect to your PC and remove the viruses for only $199.99. "
     "Visit https://ms-renew-help.example/k?id=7741 or write to help@ms-renew.example. "
     "Do not switch off your computer until the technician calls you back."},
    {"full-width and zero-width obfuscation",
     "Ｄｅａｒ Karen Smith, your Ｗｉｎｄｏｗｓ licence has expired and your computer is at risk. "
     "Call Ｍｉｃｒｏ\u200bｓｏｆｔ Support now at ＋１ (８８８) ５５５-０１４２ to renew. "
     "A technician will connect to your PC and remove the viruses for only $199.99. "
     "Visit https://ms-renew-help.example/k?id=7741 or write to help@ms-renew.example. "
     "Do not switch off your computer until the technician calls you back."},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(index_signature)

BOOST_AUTO_TEST_CASE(masks_numbers_urls_and_addresses) {
  std::string joined;
  for (const auto& t : index::masked_tokens(core::shared_normalizer().canonical(
           "Call 0120-123-456 or visit https://evil.example/x, mail a@b.example, pay 1,000,000 yen at "
           "evil-host.example now")))
    joined += t.text + " ";
  BOOST_TEST(joined == "call # or visit U mail E pay # yen at U now ");
}

BOOST_AUTO_TEST_CASE(japanese_is_character_tokens) {
  const auto toks = index::masked_tokens("電話0120-123-456まで");
  BOOST_REQUIRE(toks.size() == 5u);
  BOOST_TEST(toks[0].cjk);
  BOOST_TEST(toks[2].text == "#");
  BOOST_TEST(toks[3].text == "ま");
}

BOOST_DATA_TEST_CASE(variants_stay_similar, bdata::make(kSameCampaign), v) {
  BOOST_TEST(index::similarity(sig(kEn), sig(v.text)) >= kJoin, v.name);
}

BOOST_AUTO_TEST_CASE(different_templates_are_not_similar) {
  const std::string other =
      "Congratulations! Your e-mail address has won the Microsoft Lottery promotion. "
      "You have been awarded one million pounds. Send your full name, address and bank "
      "details to the claims agent to release your prize without delay.";
  BOOST_TEST(index::similarity(sig(kEn), sig(other)) < 0.15);
  const std::string other_ja =
      "おめでとうございます。マイクロソフト提供の宝くじに当選しました。賞金を受け取るには、"
      "お名前、ご住所、銀行口座を担当者までお知らせください。";
  BOOST_TEST(index::similarity(sig(kJa), sig(other_ja)) < 0.15);
  BOOST_TEST(index::similarity(sig(kEn), sig(kJa)) < 0.05);
}

BOOST_AUTO_TEST_CASE(japanese_rotations_and_fullwidth_stay_similar) {
  const std::string rotated =
      "お客様のWindowsライセンスの有効期限が切れました。コンピューターが危険にさらされています。"
      "至急マイクロソフトサポート ０５０－９８７６－５４３２ までお電話ください。"
      "技術者がリモートでウイルスを駆除します。料金は２９，８００円です。"
      "詳しくは http://other-host.example/x をご覧ください。";
  BOOST_TEST(index::similarity(sig(kJa), sig(rotated)) >= kJoin);
}

BOOST_AUTO_TEST_CASE(iso2022jp_and_utf8_messages_match) {
  const std::string headers = "From: support@ms.example\nTo: you@example.jp\nSubject: support\nMessage-ID: <j@x>";
  const std::string utf8 = test::plain_message(headers, kJa);
  const std::string jis = headers +
                          "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n"
                          "Content-Transfer-Encoding: 7bit\n\n" +
                          to_iso2022jp(kJa) + "\n";
  const auto a = message_sig(utf8), b = message_sig(jis);
  BOOST_TEST(a.usable());
  BOOST_TEST(index::similarity(a, b) >= 0.9);
}

BOOST_AUTO_TEST_CASE(serialise_round_trip_and_band_keys) {
  const auto s = sig(kEn);
  const auto t = index::Signature::parse(s.serialise());
  BOOST_TEST(index::similarity(s, t) == 1.0);
  BOOST_TEST(index::band_keys(s).size() == static_cast<size_t>(index::kBands));
  BOOST_TEST(!index::Signature::parse("short").usable());
  BOOST_TEST(index::band_keys(sig("hi")).empty());  // too little text to cluster on
}

BOOST_AUTO_TEST_SUITE_END()

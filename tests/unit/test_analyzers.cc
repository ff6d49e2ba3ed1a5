// Unit tests for the analyzers: impersonation (look-alike domains, sender
// authentication), attachment risk, and their findings on inline messages.
#include <algorithm>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "analyzers/attachment_risk.h"
#include "analyzers/impersonation.h"
#include "tests/unit/test_helpers.h"

namespace bdata = boost::unit_test::data;
using namespace impostor;

namespace {

const core::Finding* finding(const core::ScanResult& r, const std::string& id) {
  for (const auto& f : r.findings)
    if (f.rule_id == id) return &f;
  return nullptr;
}

bool has_rule(const core::ScanResult& r, const std::string& id) { return finding(r, id) != nullptr; }

// A plain-text message scanned with the built-in rules.
core::ScanResult scan_mail(const std::string& headers, const std::string& body) {
  return test::builtin_pipeline().scan({}, test::plain_message(headers, body));
}

struct DomainCase {
  const char* host;
  bool lookalike;
};
std::ostream& operator<<(std::ostream& o, const DomainCase& c) { return o << c.host; }

const DomainCase kDomains[] = {
    {"micros0ft-support.com", true},
    {"microsoft-jp-security.xyz", true},
    {"mircosoft.net", true},              // transposition typo
    {"rnicrosoft.com", true},             // rn for m
    {"secure.m1crosoft-login.info", true},
    {"xn--mcrosoft-support-9vn.com", true},  // Cyrillic і inside (IDN homoglyph)
    {"account-msft.info", true},
    {"windows-defender-alert.top", true},
    {"microsoft.com", false},
    {"account.microsoft.com", false},
    {"microsoft.co.jp", false},
    {"outlook.com", false},               // freemail, not a look-alike
    {"example.co.jp", false},
    {"contoso.com", false},
    {"softbank.ne.jp", false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(analyzers_impersonation)

BOOST_DATA_TEST_CASE(lookalike_domains, bdata::make(kDomains), c) {
  BOOST_TEST(analyzers::is_lookalike_domain(c.host, core::Config::defaults()) == c.lookalike);
}

BOOST_AUTO_TEST_CASE(authentication_needs_a_trusted_authserv_id) {
  core::MessageView v;
  const auto config = core::Config::parse("trusted_authserv_ids = mx.example.jp, localhost\n", "t");
  v.auth_results = {{"evil.example", "dkim", "pass", "microsoft.com"}};
  BOOST_TEST(!analyzers::is_authenticated(v, config, "microsoft.com"));
  v.auth_results = {{"mx.example.jp", "dkim", "pass", "microsoft.com"}};
  BOOST_TEST(analyzers::is_authenticated(v, config, "microsoft.com"));
  BOOST_TEST(analyzers::is_authenticated(v, config, "email.microsoft.com"));  // aligned
  BOOST_TEST(!analyzers::is_authenticated(v, config, "micros0ft.com"));
  v.auth_results = {{"mx.example.jp", "dkim", "fail", "microsoft.com"}};
  BOOST_TEST(!analyzers::is_authenticated(v, config, "microsoft.com"));
}

BOOST_AUTO_TEST_CASE(only_the_topmost_trusted_header_counts) {
  core::MessageView v;
  // Ours says fail; a forged "pass" further down must not win.
  v.auth_results = {{"mx.example.jp", "dkim", "fail", "microsoft.com"},
                    {"localhost", "dkim", "pass", "microsoft.com"}};
  BOOST_TEST(!analyzers::is_authenticated(v, core::Config::defaults(), "microsoft.com"));
  const auto config = core::Config::parse("trusted_authserv_ids = mx.example.jp, localhost\n", "t");
  BOOST_TEST(!analyzers::is_authenticated(v, config, "microsoft.com"));
}

BOOST_AUTO_TEST_CASE(brand_domains_vouch_for_each_other) {
  core::MessageView v;
  v.auth_results = {{"mx.example.jp", "dkim", "pass", "microsoft.com"}};
  BOOST_TEST(analyzers::is_authenticated(v, core::Config::defaults(), "microsoft.co.jp"));
  BOOST_TEST(!analyzers::is_authenticated(v, core::Config::defaults(), "example.co.jp"));
}

BOOST_AUTO_TEST_CASE(display_name_spoof_and_freemail_reply_to) {
  const auto r = scan_mail(
      "From: \"Microsoft Support\" <help@random-shop.example>\nReply-To: ms.claims@gmail.com\n"
      "To: you@example.jp\nSubject: Account notice\nMessage-ID: <a1@x>",
      "Dear user, this is Microsoft.");
  BOOST_TEST(has_rule(r, "BRAND_IMPERSONATION"));
  BOOST_TEST(has_rule(r, "BRAND_DISPLAY_NAME_SPOOF"));
  BOOST_TEST(has_rule(r, "BRAND_FREEMAIL_REPLY_TO"));
  BOOST_TEST(r.verdict == core::Verdict::accept);  // a brand claim alone is no scam
}

// The sender's own name is reported as where the brand is claimed even when
// the subject claims it too: the scorer treats such a sender as posing.
BOOST_AUTO_TEST_CASE(a_product_name_as_sender_is_the_claim_reported) {
  const auto r = scan_mail(
      "From: Windows Update Team <team@upgrade-notice.example>\nTo: you@example.com\n"
      "Subject: Windows 10 end of support\nMessage-ID: <a3@x>",
      "Upgrade now.");
  const core::Finding* claim = finding(r, "BRAND_IMPERSONATION");
  BOOST_REQUIRE(claim != nullptr);
  BOOST_TEST(claim->source == "display_name");
  // "... Systems Support" is not "MS Support".
  const auto vendor = scan_mail(
      "From: Kestrel Print Systems Support <support@kestrelprint.example>\nTo: you@example.com\n"
      "Subject: Your case\nMessage-ID: <a4@x>",
      "Your printer driver is ready.");
  BOOST_TEST(!has_rule(vendor, "BRAND_IMPERSONATION"));
}

// A card request that writes the brand with Cyrillic look-alikes is hiding
// from filters: reported, and held from the posing threshold although the
// sender's name and domain claim nothing.
BOOST_AUTO_TEST_CASE(a_disguised_brand_is_reported_and_held) {
  const std::string headers =
      "From: Account Team <noreply@account-secure.example>\nTo: you@example.com\n"
      "Subject: Card confirmation pending\nMessage-ID: <a5@x>";
  const std::string pitch =
      " account requires card verification. To lift the hold, confirm the card you use for purchases.";
  const auto disguised = scan_mail(headers, "Your Mіcrоsоft" + pitch);
  const core::Finding* hiding = finding(disguised, "BRAND_DISGUISED");
  BOOST_REQUIRE(hiding != nullptr);
  BOOST_TEST(hiding->evidence.find("Mіcrоsоft") != std::string::npos);
  const auto plain = scan_mail(headers, "Your Microsoft" + pitch);
  BOOST_TEST(!has_rule(plain, "BRAND_DISGUISED"));
  BOOST_TEST(disguised.verdict >= core::Verdict::quarantine);
  BOOST_TEST(plain.verdict < core::Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(authenticated_microsoft_is_not_impersonation) {
  const auto r = scan_mail(
      "From: Microsoft account team <account-security-noreply@accountprotection.microsoft.com>\n"
      "Authentication-Results: mx.example.jp; dkim=pass header.d=microsoft.com; "
      "dmarc=pass header.from=accountprotection.microsoft.com\n"
      "To: you@example.jp\nSubject: Microsoft account security code\nMessage-ID: <a2@x>",
      "Please use the following security code for the Microsoft account.");
  BOOST_TEST(has_rule(r, "BRAND_AUTHENTICATED"));
  BOOST_TEST(!has_rule(r, "BRAND_IMPERSONATION"));
  BOOST_TEST(r.score < 0);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

struct RiskCase {
  const char* filename;
  const char* sniffed;
  const char* member;  // "" = none
  bool risky;
  bool executable;
};
std::ostream& operator<<(std::ostream& o, const RiskCase& c) { return o << c.filename; }

const RiskCase kRisks[] = {
    {"KB5031356.exe", "application/x-dosexec", "", true, true},
    {"invoice.pdf.exe", "application/x-dosexec", "", true, true},
    {"update.js", "text/plain", "", true, true},
    {"Copilot_x64.msixbundle", "application/zip", "", true, true},  // an app package installs a program
    {"patch.zip", "application/zip", "update.exe", true, true},
    {"photos.zip", "application/zip", "beach.jpg", false, false},
    {"form.html", "text/html", "", true, false},
    {"report.docm", "application/zip", "", true, true},
    {"Security_Update.ISO", "application/x-iso9660-image", "", true, true},
    {"shortcut.lnk", "application/octet-stream", "", true, true},
    {"invoice.pdf", "application/pdf", "", false, false},
    {"noname", "application/x-dosexec", "", true, true},  // sniffed, not named
};

}  // namespace

BOOST_AUTO_TEST_SUITE(analyzers_attachment_risk)

BOOST_DATA_TEST_CASE(attachments, bdata::make(kRisks), c) {
  core::Attachment a;
  a.filename = c.filename;
  a.sniffed_type = c.sniffed;
  if (*c.member) a.members.push_back({c.member, 100, 1});
  const auto risk = analyzers::attachment_risk(a);
  BOOST_TEST(risk.risky == c.risky);
  BOOST_TEST(risk.executable == c.executable);
}

BOOST_AUTO_TEST_CASE(double_extension_is_flagged) {
  core::Attachment a;
  a.filename = "Invoice.PDF.exe";
  BOOST_TEST(analyzers::attachment_risk(a).double_extension);
  a.filename = "archive.tar.gz";
  BOOST_TEST(!analyzers::attachment_risk(a).double_extension);
}

BOOST_AUTO_TEST_CASE(unreadable_archive_is_risky_not_executable) {
  core::Attachment a;
  a.filename = "Defender_Update.rar";
  a.anomalies = {"archive-corrupt"};
  const auto risk = analyzers::attachment_risk(a);
  BOOST_TEST(risk.risky);
  BOOST_TEST(!risk.executable);
  // Only an archive: a damaged picture is just a damaged picture.
  a.filename = "photo.jpg";
  BOOST_TEST(!analyzers::attachment_risk(a).risky);
}

BOOST_AUTO_TEST_CASE(download_links) {
  BOOST_TEST(analyzers::is_download_link({"http://x.example/dl/KB5034441.exe?id=1", "x.example", ""}));
  BOOST_TEST(analyzers::is_download_link({"https://x.example/patch.zip", "x.example", ""}));
  BOOST_TEST(!analyzers::is_download_link({"https://x.example/news/update.html", "x.example", ""}));
  BOOST_TEST(analyzers::is_download_link({"ftp://files.example/Win10_ESP.ISO", "files.example", ""}));
  // A top-level domain is not a ".com" program.
  BOOST_TEST(!analyzers::is_download_link({"mailto:boards@cnet.com", "", ""}));
  BOOST_TEST(!analyzers::is_download_link({"http://www.example.com", "www.example.com", ""}));
  BOOST_TEST(!analyzers::is_download_link({"https://www.example.com/", "www.example.com", ""}));
  // A file-sharing address names no file; the link text offering one does.
  const std::string drive = "https://drive.google.com/uc?export=download&id=1Xq7";
  BOOST_TEST(analyzers::is_download_link({drive, "drive.google.com", "Download Teams update (TeamsSetup_x64.exe)"}));
  BOOST_TEST(analyzers::is_download_link({drive, "drive.google.com", "パッチ.zip をダウンロード"}));
  // Text that names a program without offering it, or names a site, is not.
  BOOST_TEST(!analyzers::is_download_link({drive, "drive.google.com", "Shortcut to RDesk.exe"}));
  BOOST_TEST(!analyzers::is_download_link({drive, "drive.google.com", "Download from www.example.com"}));
  BOOST_TEST(!analyzers::is_download_link({drive, "drive.google.com", "Download the guide (install.pdf)"}));
}

BOOST_AUTO_TEST_CASE(brand_claim_with_an_off_brand_download_is_a_fake_bulletin) {
  // No update wording at all: posing as Microsoft and handing over a disk
  // image from someone else's host is enough to name the family.
  const auto scam = test::plain_message(
      "From: \"Microsoft Support\" <help@random-shop.example>\nTo: you@example.jp\n"
      "Subject: Your package\nMessage-ID: <b1@x>",
      "Dear user, your package is ready: http://files.example.net/d/a81f3.iso");
  const auto r = test::builtin_pipeline().scan({}, scam);
  BOOST_TEST(has_rule(r, "FAKE_BULLETIN_BRAND_DOWNLOAD"));
  BOOST_TEST((std::find(r.categories.begin(), r.categories.end(), "fake-bulletin") != r.categories.end()));
  // A newsletter that only names Microsoft in its text does not pose as it.
  const auto news = test::plain_message(
      "From: Tech Weekly <news@example.org>\nTo: you@example.jp\n"
      "Subject: This week\nMessage-ID: <b2@x>",
      "Microsoft shipped a new Edge build. Our tool of the week: http://files.example.net/tool.zip");
  BOOST_TEST(!has_rule(test::builtin_pipeline().scan({}, news), "FAKE_BULLETIN_BRAND_DOWNLOAD"));
}

BOOST_AUTO_TEST_SUITE_END()

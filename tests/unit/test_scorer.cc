// Unit tests for core/scorer: families, brand evidence, context, caps.
#include <boost/test/unit_test.hpp>

#include "core/scorer.h"

using namespace impostor::core;

namespace {

// Findings `f` of the message `view`, scored with the default config.
ScanResult scored(const Findings& f, const MessageView& view) {
  ScanResult r;
  r.findings = f;
  score_findings(Config::defaults(), view, r);
  return r;
}

ScanResult score(const Findings& findings, bool forward = false) {
  MessageView view;
  view.is_forward = forward;
  return scored(findings, view);
}

// A message from `from` to `to`, carrying links to `hosts`.
MessageView view_from(const std::string& from, const std::string& to, const std::vector<std::string>& hosts = {}) {
  MessageView view;
  view.from.domain = from;
  view.to.push_back({"", "staff@" + to, to});
  for (const auto& h : hosts) view.links.push_back({"https://" + h + "/", h, ""});
  return view;
}

// Findings `f` of a message from `from` to `to`.
ScanResult scored_from(const Findings& f, const std::string& from, const std::string& to,
                       bool forward = false) {
  MessageView view = view_from(from, to);
  view.is_forward = forward;
  return scored(f, view);
}

Verdict forward_verdict(const Findings& f, const std::string& from, const std::string& to) {
  return scored_from(f, from, to, true).verdict;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scorer)

BOOST_AUTO_TEST_CASE(clean_mail_is_accepted) {
  const auto r = score({});
  BOOST_TEST(r.score == 0.0);
  BOOST_TEST(r.verdict == Verdict::accept);
  BOOST_TEST(r.categories.empty());
}

BOOST_AUTO_TEST_CASE(family_plus_brand_quarantines) {
  const auto r = score({{"LOTTERY_PRIZE_EN", "lottery", 5, "won", "body"},
                        {"BRAND_IMPERSONATION", "brand", 3, "microsoft", "body"}});
  BOOST_TEST(r.score == 8.0);
  BOOST_TEST(r.verdict == Verdict::quarantine);
  BOOST_TEST(r.categories == std::vector<std::string>{"lottery"});
}

BOOST_AUTO_TEST_CASE(a_sender_posing_as_the_brand_is_held_on_less_evidence) {
  const Finding card{"CARD_ACT_ON_CARD_EN", "card-validation", 2, "verify your card", "body"};
  const Finding claim{"BRAND_IMPERSONATION", "brand", 3, "Microsoft", "display_name"};
  const Finding spoof{"BRAND_DISPLAY_NAME_SPOOF", "brand", 1.5, "Microsoft", "display_name"};
  // Posing (display name from another domain): one card request names the
  // family, and 6 is enough to hold it.
  const auto posing = score({card, claim, spoof, {"CARD_PAYMENT_FAILED_EN", "card-validation", 1, "", "body"}});
  BOOST_TEST(posing.score == 7.5);
  BOOST_TEST(posing.categories == std::vector<std::string>{"card-validation"});
  BOOST_TEST(posing.verdict == Verdict::quarantine);
  // The same words claiming the brand without posing: not named, tagged.
  const auto claiming = score({card, claim, {"CARD_PAYMENT_FAILED_EN", "card-validation", 0.5, "", "body"},
                               {"LOTTERY_SUBJECT_WINNER_EN", "lottery", 1.5, "", "subject"},
                               {"TS_COUNTDOWN_EN", "tech-support", 1.5, "", "body"}});
  BOOST_TEST(claiming.score == 7.0);
  BOOST_TEST(claiming.categories.empty());
  BOOST_TEST(claiming.verdict == Verdict::tag);
  // An outsider signing as a bare product ("Edge Sync") poses as well; the
  // same name from inside the recipients' organisation does not.
  const Findings product_name = {{"CARD_SAVED_CARD_EXPIRED_EN", "card-validation", 2.5, "", "body"},
                                 {"CARD_SERVICE_HELD_FOR_PAYMENT_EN", "card-validation", 1.5, "", "body"},
                                 {"BRAND_IMPERSONATION", "brand", 3, "Edge Sync", "display_name"}};
  BOOST_TEST(scored_from(product_name, "edge-profile.example", "dental.example").verdict == Verdict::quarantine);
  BOOST_TEST(scored_from(product_name, "dental.example", "dental.example").verdict == Verdict::tag);
  // Posing below the lower threshold stays tagged.
  const auto weak = score({{"CARD_ACT_ON_CARD_EN", "card-validation", 2, "", "body"}, claim, spoof,
                           {"CONTEXT_RECEIPT_EN", "context", -1, "", "body"}});
  BOOST_TEST(weak.score == 5.5);
  BOOST_TEST(weak.categories == std::vector<std::string>{"card-validation"});
  BOOST_TEST(weak.verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(a_number_to_call_and_the_brand_in_passing_is_tagged_at_most) {
  Finding call_line{"TS_CALL_SUPPORT_NUMBER_EN", "tech-support", 2.5, "call our support line", "body"};
  call_line.signal = "call";
  Finding number{"TECH_SUPPORT_CALL_NUMBER", "tech-support", 2, "1-800-555-0126", "body"};
  number.signal = "call";
  Finding toll_free{"TECH_SUPPORT_TOLL_FREE_BRAND", "tech-support", 1.5, "1-800-555-0126", "body"};
  toll_free.signal = "call";
  const Finding in_passing{"BRAND_IMPERSONATION_BODY", "brand", 1.5, "Windows 11", "body"};
  const Finding extra{"TS_ERROR_CODE_EN", "tech-support", 2.5, "error 0x0000011b", "subject"};
  // A vendor's support reply: its number, Windows named in the body.
  const auto vendor = score({call_line, number, toll_free, extra, in_passing});
  BOOST_TEST(vendor.score == 10.0);
  BOOST_TEST(vendor.verdict == Verdict::tag);
  // Windows named in the subject as the platform is a mention in passing too.
  const auto platform = score({call_line, number, toll_free, extra,
                               {"BRAND_IMPERSONATION", "brand", 3, "on Windows 11", "subject"},
                               {"CONTEXT_PLATFORM_SUBJECT_EN", "context", -2, "on Windows 11", "subject"}});
  BOOST_TEST(platform.verdict == Verdict::tag);
  // The same with an infection alarm: the alarm is the scam's own evidence.
  const auto alarm = score({call_line, number, toll_free, in_passing,
                            {"TS_INFECTED_EN", "tech-support", 3.5, "your computer is infected", "body"}});
  BOOST_TEST(alarm.verdict == Verdict::quarantine);
  // The same number claimed as the brand's up front (subject, sender name).
  const auto claimed = score({call_line, number, toll_free, extra,
                              {"BRAND_IMPERSONATION", "brand", 3, "Microsoft Support", "display_name"}});
  BOOST_TEST(claimed.verdict == Verdict::quarantine);
  // Nothing but the number, however the brand is named: an IT provider's
  // "Windows 10 end of support" notice with its toll-free line is tagged at most.
  const Finding subject_claim{"BRAND_IMPERSONATION", "brand", 3, "Windows 10 end of support", "subject"};
  const auto numbers_only = score({call_line, number, toll_free, subject_claim});
  BOOST_TEST(numbers_only.score == 9.0);
  BOOST_TEST(numbers_only.verdict == Verdict::tag);
  // ... unless the sender poses as the brand.
  const auto posing = score({call_line, number, toll_free, subject_claim,
                             {"BRAND_DISPLAY_NAME_SPOOF", "brand", 1.5, "Microsoft", "display_name"}});
  BOOST_TEST(posing.verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(a_vendors_remote_session_from_its_own_site_is_tagged_at_most) {
  auto signalled = [](Finding f, const char* signal) {
    f.signal = signal;
    return f;
  };
  const Findings session = {
      signalled({"TS_CALL_SUPPORT_NUMBER_EN", "tech-support", 2.5, "call our toll-free line", "body"}, "call"),
      signalled({"TECH_SUPPORT_CALL_NUMBER", "tech-support", 2, "1-855-354-8146", "body"}, "call"),
      signalled({"TS_REMOTE_TOOL_NAME", "tech-support", 2, "TeamViewer QuickSupport", "body"}, "service"),
      signalled({"TS_INSTALL_REMOTE_EN", "tech-support", 3.5, "download TeamViewer", "body"}, "service"),
      signalled({"TS_SHARE_ACCESS_CODE_EN", "tech-support", 3.5, "read back the 9-digit ID", "body"}, "service"),
      {"BRAND_IMPERSONATION_BODY", "brand", 1.5, "Windows 11", "body"}};
  auto scored_with_links = [](const Findings& f, const std::string& from, const std::vector<std::string>& hosts) {
    return scored(f, view_from(from, "home.example", hosts));
  };
  // Every link on the sender's own site: a printer maker's support reply.
  const auto vendor = scored_with_links(session, "kestrel-print.com", {"support.kestrel-print.com", "kestrel-print.com"});
  BOOST_TEST(vendor.categories == std::vector<std::string>{"tech-support"});
  BOOST_TEST(vendor.verdict == Verdict::tag);
  // The same words sending the reader to the tool's own site, or to no site
  // at all, or from a freemail account: the scam's shape.
  BOOST_TEST(scored_with_links(session, "kestrel-print.com", {"kestrel-print.com", "download.teamviewer.com"}).verdict ==
             Verdict::quarantine);
  BOOST_TEST(scored_with_links(session, "kestrel-print.com", {}).verdict == Verdict::quarantine);
  BOOST_TEST(scored_with_links(session, "gmail.com", {"gmail.com"}).verdict == Verdict::quarantine);
  // An alarm of its own is not routine support, even from its own site.
  Findings alarm = session;
  alarm.push_back({"TS_INFECTED_EN", "tech-support", 3.5, "your computer is infected", "body"});
  BOOST_TEST(scored_with_links(alarm, "kestrel-print.com", {"kestrel-print.com"}).verdict == Verdict::quarantine);
  // Nor is the brand claimed up front.
  Findings claimed = session;
  claimed.back() = {"BRAND_IMPERSONATION", "brand", 3, "Microsoft Support", "display_name"};
  BOOST_TEST(scored_with_links(claimed, "kestrel-print.com", {"kestrel-print.com"}).verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(brand_alone_is_not_a_scam) {
  const auto r = score({{"BRAND_IMPERSONATION", "brand", 3, "", ""},
                        {"BRAND_LOOKALIKE_DOMAIN", "brand", 3, "", ""}});
  BOOST_TEST(r.score == 0.0);
  BOOST_TEST(r.verdict == Verdict::accept);
}

BOOST_AUTO_TEST_CASE(authenticated_brand_counts_without_a_family) {
  const auto r = score({{"BRAND_AUTHENTICATED", "brand", -15, "", ""}});
  BOOST_TEST(r.score == -15.0);
}

BOOST_AUTO_TEST_CASE(second_family_counts_half_and_both_are_named) {
  const auto r = score({{"A", "lottery", 6, "", ""},
                        {"B", "card-validation", 4, "", ""},
                        {"C", "brand", 3, "", ""}});
  BOOST_TEST(r.score == 11.0);
  BOOST_TEST((r.categories == std::vector<std::string>{"lottery", "card-validation"}));
}

BOOST_AUTO_TEST_CASE(weak_family_is_not_named_and_caps_at_tag) {
  const auto r = score({{"A", "tech-support", 2, "", ""}, {"S", "", 5, "", ""}});
  BOOST_TEST(r.categories.empty());
  BOOST_TEST(r.verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(context_lowers_the_score) {
  const auto r = score({{"A", "lottery", 6, "", ""},
                        {"C", "brand", 3, "", ""},
                        {"AWARE", "context", -4, "", ""}});
  BOOST_TEST(r.score == 5.0);
  BOOST_TEST(r.verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(brand_posing_sender_with_a_payload_gets_no_awareness_credit) {
  // "Microsoft will never ask for your password" inside a fake update that
  // links an .iso from a look-alike domain: the warning earns nothing.
  const Findings scam = {{"BULLETIN_CLAIM", "fake-bulletin", 3, "", ""},
                         {"FAKE_BULLETIN_BRAND_DOWNLOAD", "fake-bulletin", 3, "", ""},
                         {"BRAND_LOOKALIKE_DOMAIN", "brand", 3, "", ""},
                         {"AWARENESS_MS_NEVER_EN", "awareness", -9, "", ""}};
  BOOST_TEST(score(scam).score == 9.0);
  BOOST_TEST(score(scam).verdict == Verdict::quarantine);
  // The same warning from a brand-bearing newsletter domain with no payload
  // keeps its credit (and the awareness cap).
  const Findings newsletter = {{"TS_INFECTED", "tech-support", 6, "", ""},
                               {"BRAND_LOOKALIKE_DOMAIN", "brand", 3, "", ""},
                               {"AWARENESS_MS_NEVER_EN", "awareness", -9, "", ""}};
  BOOST_TEST(score(newsletter).score == 0.0);
  BOOST_TEST(score(newsletter).verdict == Verdict::accept);
}

BOOST_AUTO_TEST_CASE(an_outsider_claiming_the_brand_with_a_payload_gets_no_awareness_credit) {
  // A fake update linking an .exe off the brand's domains, ending with
  // "Microsoft will never ask for your password": no credit, no awareness cap.
  const Findings update = {{"BULLETIN_CLAIM", "fake-bulletin", 3, "", ""},
                           {"FAKE_BULLETIN_DOWNLOAD_LINK", "fake-bulletin", 3, "", ""},
                           {"BRAND_IMPERSONATION", "brand", 3, "", ""},
                           {"AWARENESS_MS_NEVER_EN", "awareness", -9, "", ""}};
  const ScanResult outside = scored_from(update, "wu-notify.example", "gmail.example");
  BOOST_TEST(outside.score == 9.0);
  BOOST_TEST(outside.verdict == Verdict::quarantine);
  // The site's own IT writing to its staff keeps the credit.
  const ScanResult own_it = scored_from(update, "it.dental.example", "dental.example");
  BOOST_TEST(own_it.score == 0.0);
  BOOST_TEST(own_it.verdict == Verdict::accept);
  // No payload: a warning keeps its credit whoever sends it.
  const Findings warning = {update[0], update[2], update[3]};
  BOOST_TEST(scored_from(warning, "newsletter.example", "gmail.example").verdict == Verdict::accept);
}

BOOST_AUTO_TEST_CASE(internal_mail_asking_for_a_card_on_someone_elses_site_is_held) {
  // "Your mailbox is 99.8% full; expansion applies once the payment method is
  // confirmed" from the organisation's own domain, with the brand in the body.
  const Findings quota = {{"CARD_STORAGE_FULL_JA", "card-validation", 2.5, "", "subject"},
                          {"CARD_PAY_FOR_STORAGE_JA", "card-validation", 2, "", "body"},
                          {"CARD_PAYMENT_INFO_UPDATE_JA", "card-validation", 1.5, "", "body"},
                          {"BRAND_IMPERSONATION", "brand", 3, "", "display_name"}};
  auto verdict = [&](const std::vector<std::string>& hosts) {
    return scored(quota, view_from("unyu.example", "unyu.example", hosts)).verdict;
  };
  BOOST_TEST(verdict({"mailbox-quota.example"}) == Verdict::quarantine);
  // The same notice pointing at the organisation's own portal, or at no page: IT's own mail.
  BOOST_TEST(verdict({"portal.unyu.example"}) == Verdict::tag);
  BOOST_TEST(verdict({}) == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(internal_mail_is_tagged_at_most_unless_it_poses_or_hands_over_a_program) {
  // HR's raffle with a Microsoft Surface as first prize, mailed to all staff.
  const Findings raffle = {{"LOTTERY_YOU_WON_EN", "lottery", 6, "", ""},
                           {"LOTTERY_CLAIM_PRIZE_EN", "lottery", 3, "", ""},
                           {"BRAND_IMPERSONATION_BODY", "brand", 1.5, "", ""}};
  BOOST_TEST(scored_from(raffle, "hr.labs.example", "labs.example").verdict == Verdict::tag);
  BOOST_TEST(scored_from(raffle, "prize-desk.example", "labs.example").verdict == Verdict::quarantine);
  // A forged colleague: the From domain fails DMARC.
  MessageView forged;
  forged.from.domain = "labs.example";
  forged.to.push_back({"", "staff@labs.example", "labs.example"});
  forged.auth_results.push_back({"mx.labs.example", "dmarc", "fail", "labs.example"});
  ScanResult r;
  r.findings = raffle;
  score_findings(Config::defaults(), forged, r);
  BOOST_TEST(r.verdict == Verdict::quarantine);
  // "Microsoft Support" as the display name of an internal address, or a program handed over.
  Findings posing = raffle;
  posing.push_back({"BRAND_DISPLAY_NAME_SPOOF", "brand", 3, "", ""});
  BOOST_TEST(scored_from(posing, "labs.example", "labs.example").verdict == Verdict::quarantine);
  // A program handed over as the brand's update, pitched in the mail's own words.
  const Finding attached_update{"FAKE_BULLETIN_ATTACHED_UPDATE", "fake-bulletin", 5, "", "attachment"};
  const Finding executable{"ATTACHMENT_EXECUTABLE", "", 2, "", "attachment"};
  const Finding pitch{"BULLETIN_UPDATE_IS_ATTACHED_EN", "fake-bulletin", 3, "", "body"};
  const Finding urgent{"BULLETIN_URGENT_UPDATE_EN", "fake-bulletin", 2.5, "", "body"};
  const Finding body_brand{"BRAND_IMPERSONATION_BODY", "brand", 1.5, "", "body"};
  const Findings pitched = {attached_update, executable, pitch, urgent, body_brand};
  BOOST_TEST(scored_from(pitched, "labs.example", "labs.example").verdict == Verdict::quarantine);
  // The brand claimed up front (subject) with a program attached: kept too.
  Findings up_front = {attached_update, executable, {"BRAND_IMPERSONATION", "brand", 3, "", "subject"}};
  BOOST_TEST(scored_from(up_front, "labs.example", "labs.example").verdict == Verdict::quarantine);
  // A team mailing its own tool or test build (setup.exe in a zip, "extract
  // and run it", Windows named in the change list): at most tagged.
  const Finding extract_run{"BULLETIN_EXTRACT_RUN_JA", "fake-bulletin", 3, "", "body"};
  const Findings own_tool = {attached_update, executable, extract_run, body_brand};
  BOOST_TEST(scored_from(own_tool, "dev.labs.example", "labs.example").verdict == Verdict::tag);
  // The same mail from outside the organisation keeps its verdict.
  BOOST_TEST(scored_from(own_tool, "builds.other.example", "labs.example").verdict == Verdict::quarantine);
  // internal_update_pitch (impostor.conf) sets how much pitch counts: at 3,
  // "extract and run it" is enough.
  Config lower_bar = Config::defaults();
  lower_bar.internal_update_pitch = 3;
  MessageView colleague;
  colleague.from.domain = "dev.labs.example";
  colleague.to.push_back({"", "staff@labs.example", "labs.example"});
  ScanResult strict;
  strict.findings = own_tool;
  score_findings(lower_bar, colleague, strict);
  BOOST_TEST(strict.verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(forwarded_scam_is_tagged_at_most) {
  const Findings f = {{"A", "lottery", 10, "", ""}, {"C", "brand", 3, "", ""}};
  BOOST_TEST(score(f, true).verdict == Verdict::tag);
  BOOST_TEST(score(f, false).verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(forward_from_a_brand_spoofing_sender_is_not_capped) {
  const Findings f = {{"A", "lottery", 10, "", ""},
                      {"BRAND_DISPLAY_NAME_SPOOF", "brand", 3, "", ""}};
  BOOST_TEST(score(f, true).verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(an_outside_forward_whose_own_words_make_the_pitch_keeps_its_verdict) {
  Finding installer_attached{"BULLETIN_UPDATE_IS_ATTACHED_EN", "fake-bulletin", 5, "", "body"};
  installer_attached.forwarder_wrote = true;
  const Finding payload{"ATTACHMENT_EXECUTABLE", "", 2, "", "attachment"};
  const Finding update_exe{"BULLETIN_ATTACHMENT_KB_EXEC", "fake-bulletin", 5, "", "attachment"};
  const Finding brand{"BRAND_IMPERSONATION", "brand", 3, "", "subject"};
  const Findings own_words = {installer_attached, payload, update_exe, brand};
  BOOST_TEST(forward_verdict(own_words, "mail.other-corp.example", "dental.example") == Verdict::quarantine);
  // From inside, a reply chain whose newest words hand over the program as
  // an update ("Microsoft sent us the patch, run the attached fix") is the
  // fake IT update, as it would be without the chain ...
  BOOST_TEST(forward_verdict(own_words, "mail.dental.example", "dental.example") == Verdict::quarantine);
  // ... while a colleague's weaker words above a forwarded update are a
  // report (or IT sharing one), capped.
  Finding mentions_update{"BULLETIN_SECURITY_UPDATE_CLAIM_EN", "fake-bulletin", 3, "", "body"};
  mentions_update.forwarder_wrote = true;
  BOOST_TEST(forward_verdict({mentions_update, payload, update_exe, brand}, "mail.dental.example",
                             "dental.example") == Verdict::tag);
  // The update pitch only in the forwarded text: a report, capped.
  Finding quoted = installer_attached;
  quoted.forwarder_wrote = false;
  BOOST_TEST(forward_verdict({quoted, payload, update_exe, brand}, "gmail.example", "dental.example") ==
             Verdict::tag);
  // A prize pitched in the sender's own words above a quoted "earlier exchange".
  Finding won{"LOTTERY_EMAIL_WON_EN", "lottery", 5, "", "body"};
  won.forwarder_wrote = true;
  BOOST_TEST(forward_verdict({won, brand, {"LOTTERY_CLAIMS_AGENT_EN", "lottery", 4, "", "body"}},
                             "claims-office.example", "dental.example") == Verdict::quarantine);
  // The forwarder's own words warn or ask ("is this real?"): a report, capped.
  Finding asking{"AWARENESS_ASKING_EN", "awareness", -1, "", "body"};
  asking.forwarder_wrote = true;
  BOOST_TEST(forward_verdict({won, asking, brand, {"LOTTERY_CLAIMS_AGENT_EN", "lottery", 9, "", "body"}},
                             "gmail.example", "dental.example") == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(an_outsider_quoting_their_own_earlier_letter_is_chasing_not_reporting) {
  // "RE: Your winning notification": the claims officer nags above his own
  // first letter; only the quoted letter makes the pitch.
  const Findings f = {{"LOTTERY_EMAIL_WON_EN", "lottery", 9, "", "body"},
                      {"BRAND_IMPERSONATION_BODY", "brand", 1.5, "", "body"}};
  MessageView chaser = view_from("gmail.example", "home.example");
  chaser.is_forward = true;
  BOOST_TEST(scored(f, chaser).verdict == Verdict::tag);
  chaser.quotes_own_mail = true;
  BOOST_TEST(scored(f, chaser).verdict == Verdict::quarantine);
  // A colleague forwarding her own earlier mail inside the organisation stays a report.
  MessageView colleague = view_from("home.example", "home.example");
  colleague.is_forward = colleague.quotes_own_mail = true;
  BOOST_TEST(scored(f, colleague).verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(mail_to_its_own_domain_with_replies_to_freemail_is_not_internal) {
  // A compromised mailbox mailing its own domain a prize, answers to @proton.
  const Findings f = {{"LOTTERY_EMAIL_WON_EN", "lottery", 9, "", "body"},
                      {"BRAND_IMPERSONATION_BODY", "brand", 1.5, "", "body"}};
  MessageView view = view_from("hvac.example", "hvac.example");
  BOOST_TEST(scored(f, view).verdict == Verdict::tag);
  view.reply_to.push_back({"", "grants@proton.me", "proton.me"});
  BOOST_TEST(scored(f, view).verdict == Verdict::quarantine);
  // Replies to a colleague's box are still the organisation's own mail.
  view.reply_to = {{"", "events@hvac.example", "hvac.example"}};
  BOOST_TEST(scored(f, view).verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(a_family_score_saturates_at_the_cap) {
  const auto r = score({{"A", "lottery", 10, "", ""}, {"B", "lottery", 10, "", ""}});
  BOOST_TEST(r.score == Config::defaults().family_cap);
}

BOOST_AUTO_TEST_CASE(reject_threshold_and_max_verdict) {
  const Findings f = {{"A", "lottery", 12, "", ""},
                      {"B", "card-validation", 12, "", ""},
                      {"C", "brand", 3, "", ""}};
  BOOST_TEST(score(f).verdict == Verdict::reject);
  Config c = Config::parse("max_verdict = quarantine\n", "t");
  MessageView view;
  ScanResult r;
  r.findings = f;
  score_findings(c, view, r);
  BOOST_TEST(r.verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(without_brand_evidence_only_overwhelming_families_quarantine) {
  BOOST_TEST(score({{"A", "lottery", 10, "", ""}}).verdict == Verdict::tag);
  BOOST_TEST(score({{"A", "lottery", 12, "", ""}}).verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(mail_about_scams_is_tagged_at_most) {
  const Findings f = {{"A", "tech-support", 12, "", ""},
                      {"B", "brand", 1.5, "", ""},
                      {"W1", "awareness", -3, "", ""},
                      {"W2", "awareness", -2, "", ""}};
  const auto r = score(f);
  BOOST_TEST(r.score == 8.5);
  BOOST_TEST(r.verdict == Verdict::tag);
}

BOOST_AUTO_TEST_CASE(a_warning_from_a_brand_spoofing_sender_keeps_its_verdict) {
  const Findings f = {{"A", "tech-support", 12, "", ""},
                      {"BRAND_DISPLAY_NAME_SPOOF", "brand", 1.5, "", ""},
                      {"W1", "awareness", -5, "", ""}};
  BOOST_TEST(score(f).verdict == Verdict::quarantine);
}

BOOST_AUTO_TEST_CASE(a_sender_naming_itself_the_brand_borrows_its_reassurances) {
  // "Office Activation Center" asking for the card, signed off with
  // "Microsoft will never ask for your password".
  const Finding card{"CARD_LICENSE_WITH_CARD_EN", "card-validation", 7, "", "body"};
  const Finding reassurance{"AWARENESS_MS_NEVER_EN", "awareness", -5, "", "body"};
  const Finding in_sender_name{"BRAND_IMPERSONATION", "brand", 3, "", "display_name"};
  const Findings signed_as_brand = {card, reassurance, in_sender_name};
  BOOST_TEST(scored_from(signed_as_brand, "activation-center.example", "labs.example").verdict ==
             Verdict::quarantine);
  // A newsletter naming the brand in its subject keeps its warning's credit.
  const Finding in_subject{"BRAND_IMPERSONATION", "brand", 3, "", "subject"};
  const Findings newsletter = {card, reassurance, in_subject};
  BOOST_TEST(scored_from(newsletter, "news.example", "labs.example").verdict == Verdict::tag);
}

BOOST_AUTO_TEST_SUITE_END()

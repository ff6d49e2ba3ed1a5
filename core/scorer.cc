// scorer.cc — findings to score, families and verdict. See scorer.h for the
// model; the weights themselves come from rule files and `score.` config keys.
#include "core/scorer.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>
#include <string_view>

#include "core/rule_set.h"
#include "core/url_extractor.h"

namespace impostor::core {
namespace {

// Share of a second family's score that counts towards the total: mail that
// is both a lottery and a card scam is worse than either, but not twice.
constexpr double kSecondaryFamilyShare = 0.5;

Verdict verdict_for(const Config& c, double score) {
  if (score >= c.reject_threshold) return Verdict::reject;
  if (score >= c.quarantine_threshold) return Verdict::quarantine;
  if (score >= c.tag_threshold) return Verdict::tag;
  return Verdict::accept;
}

bool has_rule(const Findings& findings, std::initializer_list<std::string_view> ids) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return std::find(ids.begin(), ids.end(), f.rule_id) != ids.end();
  });
}

// Findings about the sender itself (not about quoted content).
bool sender_poses_as_brand(const Findings& findings) {
  return has_rule(findings, {"BRAND_DISPLAY_NAME_SPOOF", "BRAND_LOOKALIKE_DOMAIN"});
}

// Something that runs code reached the reader: an attached program, disk
// image or macro document, or a link to one off the brand's domains.
bool carries_payload(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.rule_id == "ATTACHMENT_EXECUTABLE" || f.rule_id.rfind("FAKE_BULLETIN_", 0) == 0;
  });
}

// The mail's own words (not its attachments or links) pitch an update as
// strongly as `internal_update_pitch`.
bool pitches_an_update(const Config& config, const Findings& findings) {
  double words = 0;
  for (const auto& f : findings)
    if (f.family == "fake-bulletin" && f.source != "attachment" && f.source != "url") words += f.score;
  return words >= config.internal_update_pitch;
}

// The brand is claimed where a reader sees who writes (subject, sender name,
// images), not only named somewhere in the body.
bool claims_brand_up_front(const Findings& findings) { return has_rule(findings, {"BRAND_IMPERSONATION"}); }

// The sender's own name claims the brand ("Office Activation Center",
// "Microsoft Support"): what the reader sees as who writes.
bool names_itself_the_brand(const Findings& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.rule_id == "BRAND_DISPLAY_NAME_SPOOF" ||
           (f.rule_id == "BRAND_IMPERSONATION" && f.source == "display_name");
  });
}

// The brand is claimed (subject, display name, body ...) by a sender that is
// not the brand authenticated.
bool claims_brand_unauthenticated(const Findings& findings) {
  return has_rule(findings, {"BRAND_IMPERSONATION", "BRAND_IMPERSONATION_BODY"});
}

// The sender's organisation is one of the recipients' (or the site's own):
// the shape of a user reporting to their helpdesk, or of IT writing to staff.
// Unknown sender domain: assume so.
bool sender_in_recipients_organisation(const Config& config, const MessageView& view) {
  const std::string sender = base_domain(view.from.domain);
  if (sender.empty()) return true;
  auto same = [&](const std::string& domain) { return base_domain(domain) == sender; };
  return std::any_of(config.internal_domains.begin(), config.internal_domains.end(), same) ||
         std::any_of(view.to.begin(), view.to.end(), [&](const Mailbox& m) { return same(m.domain); });
}

// Authentication-Results say the From domain is not who sent the mail.
bool from_fails_authentication(const MessageView& view) {
  const std::string sender = base_domain(view.from.domain);
  return std::any_of(view.auth_results.begin(), view.auth_results.end(), [&](const AuthResult& a) {
    return (a.method == "dmarc" || a.method == "spf") && (a.result == "fail" || a.result == "softfail") &&
           base_domain(a.domain) == sender;
  });
}

// HR's raffle, IT's warning, a colleague pasting a pop-up's text: the
// organisation talking to itself, from a From that is not shown forged.
// Replies are sent to a freemail box: no organisation talks to itself that
// way (the compromised mailbox mailing its own domain, answers to @proton.me).
bool replies_go_to_freemail(const Config& config, const MessageView& view) {
  return std::any_of(view.reply_to.begin(), view.reply_to.end(), [&](const Mailbox& m) {
    return m.domain != view.from.domain && domain_in_list(m.domain, config.freemail_domains);
  });
}

bool internal_mail(const Config& config, const MessageView& view) {
  return !view.from.domain.empty() && sender_in_recipients_organisation(config, view) &&
         !from_fails_authentication(view) && !replies_go_to_freemail(config, view);
}

// What the forwarder wrote above a forwarded message makes the pitch itself
// ("we are happy to confirm your e-mail won USD 1.2 million" above a quoted
// earlier exchange, mailed in from another organisation; "Microsoft sent us
// the patch, run the attached fix" on top of a colleague's reply chain, even
// from inside) and neither warns nor asks "is this real?": that is the scam
// dressed as a forward or a reply chain, not a user's report.
bool forwarder_makes_the_pitch(const Config& config, const MessageView& view, const Findings& findings) {
  std::map<std::string, double> own_words;
  for (const auto& f : findings) {
    if (!f.forwarder_wrote) continue;
    if (f.family == "awareness") return false;
    if (is_scam_family(f.family)) own_words[f.family] += f.score;
  }
  const bool pitch = std::any_of(own_words.begin(), own_words.end(),
                                 [&](const auto& family) { return family.second >= config.family_threshold; });
  if (!pitch) return false;
  // Colleagues forward scams to each other to ask or to warn; handing over
  // a program as an update in their own words is neither.
  const bool hands_over_update =
      carries_payload(findings) && own_words["fake-bulletin"] >= config.internal_update_pitch;
  return !sender_in_recipients_organisation(config, view) || hands_over_update;
}

// The brand is not claimed where a reader sees who writes: named in the body
// or as the platform in the subject ("driver error on Windows 11"), or not
// at all, by a sender that does not pose.
bool brand_at_most_in_passing(const Findings& findings, bool poses_as_brand) {
  const bool platform_subject = has_rule(findings, {"CONTEXT_PLATFORM_SUBJECT_EN", "CONTEXT_PLATFORM_SUBJECT_JA"});
  const bool headline_claim = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.rule_id == "BRAND_IMPERSONATION" && !(platform_subject && f.source == "subject");
  });
  return !headline_claim && !poses_as_brand;
}

// Every link in the mail goes to the sender's own site, and the sender is no
// freemail account: a vendor pointing at its own support page and its own
// download ("get QuickSupport from https://support.kestrel-print.com/remote").
// Tech-support scams send their victims to the tool's site, to an unrelated
// one, or only to the phone.
bool links_only_to_own_site(const Config& config, const MessageView& view) {
  const std::string sender = base_domain(view.from.domain);
  if (sender.empty() || view.links.empty() || domain_in_list(sender, config.freemail_domains)) return false;
  return std::all_of(view.links.begin(), view.links.end(),
                     [&](const Link& l) { return base_domain(l.host) == sender; });
}

// Internal mail that sends staff to someone else's site to give a card
// ("confirm the payment method to expand your mailbox", "enter your card on
// the Teams billing page"): the organisation's own IT and finance collect
// card details in their own systems, not on a stranger's page.
bool asks_for_card_elsewhere(const Config& config, const MessageView& view, bool card_leads) {
  return card_leads && !view.links.empty() && !links_only_to_own_site(config, view);
}

using RankedFamilies = std::vector<std::pair<std::string, double>>;

// `family` has the highest score of the message's scam families.
bool leads(const RankedFamilies& ranked, std::string_view family) {
  return !ranked.empty() && ranked.front().first == family;
}

// A tech-support verdict made of nothing but what a real vendor's support
// mail shows as well: a number to call (rules with `signal = call`: "call
// our support line at 1-800-…", the number itself) and, when every link is
// the sender's own site, the remote session it books, the tool, its session
// code or a repair fee (`signal = service`) — in mail that names the brand
// only in passing: a printer maker's support reply, a PC shop's repair
// quote, a receipt footer. Scams of that shape claim the brand up front or
// pose as it, or add their own alarm, threat or payment demand.
bool only_routine_support(const Config& config, const MessageView& view, const Findings& findings,
                          bool poses_as_brand) {
  const bool own_site = links_only_to_own_site(config, view);
  double other_evidence = 0;
  bool only_numbers = true;
  for (const auto& f : findings) {
    if (f.family != "tech-support" || f.signal == "call") continue;
    only_numbers = false;
    if (!(own_site && f.signal == "service")) other_evidence += f.score;
  }
  // Nothing but a number to call (a managed-IT provider's "call 1-866-… to
  // book the work" under a "Windows 10 end of support" subject) is routine
  // however the brand is named, unless the sender poses as it.
  if (only_numbers && !poses_as_brand) return true;
  return brand_at_most_in_passing(findings, poses_as_brand) && other_evidence < config.family_threshold;
}

}  // namespace

void score_findings(const Config& config, const MessageView& view, ScanResult& result) {
  std::map<std::string, double> family_scores;
  double brand = 0, context = 0, awareness = 0;
  bool brand_evidence = false;
  for (const auto& f : result.findings) {
    if (is_scam_family(f.family))
      family_scores[f.family] += f.score;
    else if (f.family == "brand") {
      brand += f.score;
      brand_evidence = brand_evidence || f.score > 0;
    }
    else if (f.family == "awareness")
      awareness += f.score;
    else
      context += f.score;
  }
  // Scams borrow the warnings ("Microsoft will never ask for your
  // password"): mail that hands over a program or disk image gets no credit
  // for them when its sender poses as the brand, or claims the brand without
  // being it and writes from outside the recipients' organisation. A
  // newsletter that only warns keeps its credit, and so does the site's own IT.
  const bool poses_as_brand = sender_poses_as_brand(result.findings);
  const bool outside = !sender_in_recipients_organisation(config, view);
  const bool outside_brand_claim = outside && claims_brand_unauthenticated(result.findings);
  // Nor does a sender from outside that calls itself the brand: a newsletter
  // or a user's report never signs as Microsoft, the scam reassuring its
  // victim ("Microsoft will never ask for your password") does.
  const bool borrows_warnings = (carries_payload(result.findings) && (poses_as_brand || outside_brand_claim)) ||
                                (outside && names_itself_the_brand(result.findings));
  context += borrows_warnings ? std::max(0.0, awareness) : awareness;

  for (auto& [family, s] : family_scores) s = std::min(s, config.family_cap);
  RankedFamilies ranked(family_scores.begin(), family_scores.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });

  double score = context;
  if (!ranked.empty() && ranked.front().second > 0) {
    score += ranked.front().second + brand;
    for (size_t i = 1; i < ranked.size(); ++i)
      score += kSecondaryFamilyShare * std::max(0.0, ranked[i].second);
  } else {
    // Claiming to be the brand is not a scam on its own; only its negative
    // evidence (authenticated brand mail) counts without a family.
    score += std::min(0.0, brand);
  }
  result.score = std::round(score * 10) / 10;

  // Genuine mail never poses as the brand (none of ≈ 5,900 ham messages here
  // does with a score of 4 or more), nor does an outsider sign as a bare product ("Edge Sync", "Office
  // Licensing"): such a sender's one card request or one prize line names
  // the family, and it is held from a lower score.
  // A sender that disguises the brand or its pitch from filters (BRAND_DISGUISED)
  // is hiding, which no honest mail does: held from the same lower score. It
  // does not count as posing where a warning quotes such a scam (below).
  const bool posing = poses_as_brand || has_rule(result.findings, {"BRAND_DISGUISED"}) ||
                      (outside && names_itself_the_brand(result.findings));
  const double naming_threshold =
      posing ? std::min(config.family_threshold, config.posing_family_threshold) : config.family_threshold;
  result.categories.clear();
  for (const auto& [family, s] : ranked)
    if (s >= naming_threshold) result.categories.push_back(family);

  Verdict v = verdict_for(config, result.score);
  if (posing && result.score >= config.posing_quarantine_threshold) v = std::max(v, Verdict::quarantine);
  // A scam with no family strong enough to name is at most tagged: every
  // quarantined or rejected message says what it is.
  if (result.categories.empty()) v = std::min(v, Verdict::tag);
  // Impostor hunts brand impersonation: a prize notice or a card request that
  // never claims to be Microsoft (a real sweepstakes, a shop) is quarantined
  // only when its family evidence alone is overwhelming.
  const double top_family = ranked.empty() ? 0 : ranked.front().second;
  if (!brand_evidence && top_family < config.unbranded_min_family) v = std::min(v, Verdict::tag);
  // A user forwarding a scam to the helpdesk is reporting it, and a
  // newsletter quoting one is warning about it: neither is sending it. A
  // "forward" or "warning" whose own sender poses as the brand, or a
  // "forward" from outside whose own words make the pitch, is a scam
  // dressed up, and keeps its verdict.
  // An outsider quoting their own earlier letter is chasing it, not reporting.
  const bool reports_a_scam = view.is_forward && !(outside && view.quotes_own_mail) &&
                              !forwarder_makes_the_pitch(config, view, result.findings);
  const bool warns = awareness <= -config.awareness_threshold && !borrows_warnings;
  const bool talks_about_scams = reports_a_scam || warns;
  if (talks_about_scams && !poses_as_brand) v = std::min(v, Verdict::tag);
  // Internal mail is at most tagged unless it poses as the brand or hands
  // over a program as the brand's update (the fake "IT department" update:
  // pitched in its own words, or the brand claimed up front). A team mailing
  // its own tool or test build to colleagues is not that.
  const bool hands_over_an_update =
      carries_payload(result.findings) &&
      (pitches_an_update(config, result.findings) || claims_brand_up_front(result.findings));
  if (internal_mail(config, view) && !poses_as_brand && !hands_over_an_update &&
      !asks_for_card_elsewhere(config, view,
                               leads(ranked, "card-validation") && ranked.front().second >= config.family_threshold))
    v = std::min(v, Verdict::tag);
  if (leads(ranked, "tech-support") && only_routine_support(config, view, result.findings, poses_as_brand))
    v = std::min(v, Verdict::tag);
  result.verdict = std::min(v, config.max_verdict);
}

}  // namespace impostor::core

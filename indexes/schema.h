// schema.h — the one table of what the campaign index stores, shared by the
// writer, the readers, `impostor search` and the report. Change it here only.
//
// Terms (Xapian convention: boolean prefixes are upper-case; multi-letter
// ones start with X; values are lower-case so no ':' separator is needed):
//
//   prefix  query field   what
//   ------  -----------   --------------------------------------------------
//   (none)                normalised subject + body words; CJK as n-grams
//   S       subject:      normalised subject words (free text)
//   Q                     unique key of the message (hex, see MessageRecord)
//   D       date:         day received/sent, YYYYMMDD (UTC)
//   XF      family:       scam family ("unknown" when unflagged)
//   XV      verdict:      accept | tag | quarantine | reject
//   XS      from:         sender domain (header From)
//   XR      to:           recipient domain
//   XH      host:         URL host
//   XP      phone:        phone number, canonical digits
//   XA      sha256:       attachment SHA-256, lower-case hex
//   XT      state:        quarantined | rejected | released | deleted | delivered
//   XC      campaign:     campaign id ("c-" + 10 hex)
//   XB                    MinHash LSH band key (near-duplicate candidates)
//
// Values (sortable_serialise for numbers):
//   0 time (unix seconds), 1 score, 2 signature (binary), 3 campaign id,
//   4 family.
// Document data: the MessageRecord as JSON (message_record.h).
// Metadata: "campaign:<id>" -> campaign record, "campaign-seq" -> counter.
#pragma once

#include <xapian.h>

namespace impostor::index {

namespace prefix {
inline constexpr const char* kSubject = "S";
inline constexpr const char* kKey = "Q";
inline constexpr const char* kDay = "D";
inline constexpr const char* kFamily = "XF";
inline constexpr const char* kVerdict = "XV";
inline constexpr const char* kSenderDomain = "XS";
inline constexpr const char* kRecipientDomain = "XR";
inline constexpr const char* kHost = "XH";
inline constexpr const char* kPhone = "XP";
inline constexpr const char* kAttachment = "XA";
inline constexpr const char* kState = "XT";
inline constexpr const char* kCampaign = "XC";
inline constexpr const char* kBand = "XB";
}  // namespace prefix

namespace slot {
inline constexpr Xapian::valueno kTime = 0;
inline constexpr Xapian::valueno kScore = 1;
inline constexpr Xapian::valueno kSignature = 2;
inline constexpr Xapian::valueno kCampaign = 3;
inline constexpr Xapian::valueno kFamily = 4;
}  // namespace slot

inline constexpr const char* kCampaignMetaPrefix = "campaign:";
inline constexpr const char* kCampaignSeqKey = "campaign-seq";

// The query-parser field names of the table above: {field, prefix, boolean}.
struct QueryField {
  const char* field;
  const char* prefix;
  bool boolean;
};
inline constexpr QueryField kQueryFields[] = {
    {"subject", prefix::kSubject, false},     {"date", prefix::kDay, true},
    {"family", prefix::kFamily, true},        {"verdict", prefix::kVerdict, true},
    {"from", prefix::kSenderDomain, true},    {"to", prefix::kRecipientDomain, true},
    {"host", prefix::kHost, true},            {"phone", prefix::kPhone, true},
    {"sha256", prefix::kAttachment, true},    {"state", prefix::kState, true},
    {"campaign", prefix::kCampaign, true},
};

}  // namespace impostor::index

// fake_bulletin.h — "Microsoft security update" mail that carries the update.
//
// Family: fake-bulletin. Microsoft never mails updates unasked and never
// attaches them, so an update/bulletin claim (rules in fake-bulletin.rules)
// together with something that runs code is the signal.
// Signals: the claim plus a risky attachment (executable, script, shortcut,
// disk image, macro document, HTML form, archive holding one, double
// extension) or a download link off the brand's domains; also the brand
// claim plus an executable attachment, or a link to a program, archive or
// disk image off the brand's domains, without any update wording.
// Emits: FAKE_BULLETIN_ATTACHED_UPDATE, FAKE_BULLETIN_DOWNLOAD_LINK,
//   FAKE_BULLETIN_BRAND_EXECUTABLE, FAKE_BULLETIN_BRAND_DOWNLOAD, and the family-less ATTACHMENT_EXECUTABLE,
//   ATTACHMENT_DOUBLE_EXTENSION for any message.
// Known false positives: IT departments distributing an installer by mail
// (rare; allowlist the sender), CERT advisories (no attachment, links to
// the brand's own domains).
#pragma once

#include "analyzers/analyzer.h"

namespace impostor::analyzers {

class FakeBulletinAnalyzer : public Analyzer {
 public:
  std::string_view name() const override { return "fake-bulletin"; }
  void analyze(const AnalysisContext& ctx, Findings& out) const override;
};

}  // namespace impostor::analyzers

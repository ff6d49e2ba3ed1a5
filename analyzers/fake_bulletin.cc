// fake_bulletin.cc — see fake_bulletin.h.
#include "analyzers/fake_bulletin.h"

#include "analyzers/attachment_risk.h"
#include "analyzers/findings_query.h"
#include "core/url_extractor.h"

namespace impostor::analyzers {
namespace {

bool on_brand_domain(const std::string& host, const core::Config& config) {
  const std::string base = core::base_domain(host);
  for (const auto& d : config.brand_domains)
    if (base == d || host == d) return true;
  return false;
}

}  // namespace

void FakeBulletinAnalyzer::analyze(const AnalysisContext& ctx, Findings& out) const {
  auto emit = [&](const char* id, const char* family, std::string evidence, const char* source) {
    out.push_back({id, family, ctx.config.score_of(id), std::move(evidence), source});
  };

  Risk worst;
  bool double_extension = false;
  for (const auto& a : ctx.view.attachments) {
    const Risk r = attachment_risk(a);
    if (r.double_extension && !double_extension) {
      double_extension = true;
      emit("ATTACHMENT_DOUBLE_EXTENSION", "", r.why, "attachment");
    }
    if (r.risky && (!worst.risky || (r.executable && !worst.executable))) worst = r;
  }
  if (worst.executable) emit("ATTACHMENT_EXECUTABLE", "", worst.why, "attachment");

  const bool claims_update = has_family(ctx.earlier, "fake-bulletin");
  if (claims_update && worst.risky) {
    emit("FAKE_BULLETIN_ATTACHED_UPDATE", "fake-bulletin", worst.why, "attachment");
    return;
  }
  if (claims_update) {
    for (const auto& link : ctx.view.links)
      if (is_download_link(link) && !on_brand_domain(link.host, ctx.config)) {
        emit("FAKE_BULLETIN_DOWNLOAD_LINK", "fake-bulletin", link.href, "url");
        return;
      }
  }
  if (!claims_brand(ctx.earlier)) return;
  if (worst.executable) {
    emit("FAKE_BULLETIN_BRAND_EXECUTABLE", "fake-bulletin", worst.why, "attachment");
    return;
  }
  // Mail in the brand's name linking a program or disk image on someone
  // else's host is the bulletin scam whatever its wording: Microsoft ships
  // software from its own domains.
  for (const auto& link : ctx.view.links)
    if (is_download_link(link) && !on_brand_domain(link.host, ctx.config)) {
      emit("FAKE_BULLETIN_BRAND_DOWNLOAD", "fake-bulletin", link.href, "url");
      return;
    }
}

}  // namespace impostor::analyzers

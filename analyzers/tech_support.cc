// tech_support.cc — see tech_support.h.
#include "analyzers/tech_support.h"

#include "analyzers/findings_query.h"

namespace impostor::analyzers {
namespace {

bool is_toll_free(const std::string& digits) {
  static const char* const kPrefixes[] = {"0120", "0800", "+1800", "+1833", "+1844",
                                          "+1855", "+1866", "+1877", "+1888"};
  for (const char* p : kPrefixes)
    if (digits.rfind(p, 0) == 0) return true;
  return false;
}

}  // namespace

void TechSupportAnalyzer::analyze(const AnalysisContext& ctx, Findings& out) const {
  if (!has_family(ctx.earlier, "tech-support") || ctx.view.phones.empty()) return;
  auto emit = [&](const char* id, const std::string& evidence, const char* source) {
    out.push_back({id, "tech-support", ctx.config.score_of(id), evidence, source, false, "call"});
  };
  const auto& phone = ctx.view.phones.front();
  emit("TECH_SUPPORT_CALL_NUMBER", phone.raw, core::to_string(phone.source));
  if (!has_family(ctx.earlier, "brand")) return;
  for (const auto& p : ctx.view.phones)
    if (is_toll_free(p.digits)) {
      emit("TECH_SUPPORT_TOLL_FREE_BRAND", p.raw, core::to_string(p.source));
      break;
    }
}

}  // namespace impostor::analyzers

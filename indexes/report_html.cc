// report_html.cc — the report as one self-contained HTML page: inline CSS,
// inline SVG charts, no scripts, no external loads (it is mailed and opened
// offline). Every value from mail is HTML-escaped. See report.h.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "indexes/message_record.h"
#include "indexes/report.h"
#include "indexes/trend_chart.h"

namespace impostor::index {

namespace {

constexpr size_t kMaxCampaigns = 200;  // a mailed page stays readable

std::string esc(const std::string& s) { return escape_markup(s); }


std::string day_label(const std::string& day) { return day.size() == 10 ? day.substr(5) : day; }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Stacked bars, one per day, one colour per family; labels under the bars.
std::string overview_svg(const Report& r) {
  const double w = 1000, h = 220, left = 40, bottom = 40, top = 10;
  const size_t n = std::max<size_t>(r.days.size(), 1);
  int64_t max_total = 1;
  for (const auto& d : r.days) {
    int64_t t = 0;
    for (const auto& [f, days] : r.family_daily) {
      auto it = days.find(d);
      if (it != days.end()) t += it->second;
    }
    max_total = std::max(max_total, t);
  }
  max_total = (max_total + 3) / 4 * 4;  // whole numbers on the four grid lines
  const double slot = (w - left - 10) / static_cast<double>(n);
  const double bar = std::max(2.0, slot * 0.7);
  const double plot_h = h - bottom - top;
  std::ostringstream s;
  s << "<svg xmlns='http://www.w3.org/2000/svg' width='100%' viewBox='0 0 " << w << ' ' << h
    << "' role='img' aria-label='messages per day by family'>";
  for (int g = 0; g <= 4; ++g) {
    const double y = top + plot_h - plot_h * g / 4;
    s << "<line x1='" << left << "' x2='" << w - 10 << "' y1='" << num(y) << "' y2='" << num(y)
      << "' stroke='#e5e7eb'/><text x='" << left - 6 << "' y='" << num(y + 4)
      << "' font-size='11' text-anchor='end' fill='#6b7280'>" << max_total * g / 4 << "</text>";
  }
  const size_t label_every = std::max<size_t>(1, n / 14);
  for (size_t i = 0; i < r.days.size(); ++i) {
    const std::string& d = r.days[i];
    const double x = left + slot * i + (slot - bar) / 2;
    double y = top + plot_h;
    for (const auto& [f, days] : r.family_daily) {
      auto it = days.find(d);
      if (it == days.end() || it->second == 0) continue;
      const double bh = plot_h * it->second / max_total;
      y -= bh;
      s << "<rect x='" << num(x) << "' y='" << num(y) << "' width='" << num(bar) << "' height='"
        << num(bh) << "' fill='" << family_colour(f) << "'><title>" << esc(d) << ' ' << esc(f) << ": "
        << it->second << "</title></rect>";
    }
    if (i % label_every == 0)
      s << "<text x='" << num(x + bar / 2) << "' y='" << h - bottom + 16
        << "' font-size='11' text-anchor='middle' fill='#374151'>" << esc(day_label(d)) << "</text>";
  }
  s << "</svg>";
  return s.str();
}

// A small bar chart of one campaign's messages per day over the window.
std::string trend_svg(const Report& r, const CampaignSummary& c) {
  std::vector<std::pair<std::string, int64_t>> daily;
  for (const auto& day : r.days) {
    const auto it = c.daily.find(day);
    daily.emplace_back(day_label(day), it == c.daily.end() ? 0 : it->second);
  }
  return daily_trend_svg(daily, {320, 70, family_colour(c.family), 10, ""});
}

std::string counts_list(const Counts& c, bool mono = false) {
  if (c.empty()) return "<span class='none'>none</span>";
  std::string out = "<ul>";
  for (const auto& [k, n] : c)
    out += "<li><span class='" + std::string(mono ? "mono" : "") + "'>" + esc(k) + "</span> <span class='n'>" +
           std::to_string(n) + "</span></li>";
  return out + "</ul>";
}

const char* kCss = R"(
body{margin:0;padding:24px;background:#f3f4f6;color:#111827;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP","Hiragino Sans",Meiryo,sans-serif}
.wrap{max-width:1100px;margin:0 auto}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:0}
.sub{color:#4b5563;margin:0 0 16px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:16px 18px;margin:0 0 16px}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 16px}
.stat{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 16px;min-width:150px}
.stat b{display:block;font-size:22px}
.legend span{display:inline-block;margin-right:14px;font-size:13px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.head{display:flex;justify-content:space-between;align-items:flex-start;gap:16px;flex-wrap:wrap}
.badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 9px;font-size:12px;margin-left:8px;vertical-align:2px}
.meta{color:#4b5563;font-size:13px;margin-top:4px}
.grid{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px 20px;margin-top:12px}
.grid h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;margin:0 0 3px}
ul{margin:0;padding:0;list-style:none}
li{overflow-wrap:anywhere}
.n{color:#6b7280;font-size:12px}
.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.none{color:#9ca3af}
.subject{font-weight:600;margin-top:12px}
.excerpt{color:#374151;background:#f9fafb;border-left:3px solid #d1d5db;padding:6px 10px;margin-top:4px;overflow-wrap:anywhere}
.att li{margin-bottom:3px}
.foot{color:#6b7280;font-size:12px;text-align:center}
)";

}  // namespace

std::string render_html(const Report& r) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
    << "<meta name='viewport' content='width=device-width,initial-scale=1'>"
    << "<title>Impostor campaign report " << esc(iso8601(r.since).substr(0, 10)) << " – "
    << esc(iso8601(r.until).substr(0, 10)) << "</title><style>" << kCss << "</style></head><body><div class='wrap'>";
  o << "<h1>Impostor campaign report</h1><p class='sub'>" << esc(iso8601(r.since)) << " to "
    << esc(iso8601(r.until)) << " · generated " << esc(iso8601(r.generated)) << "</p>";

  std::map<std::string, int64_t> fam_total;
  for (const auto& [f, days] : r.family_daily)
    for (const auto& [d, n] : days) fam_total[f] += n;
  o << "<div class='stats'><div class='stat'><b>" << r.messages << "</b>messages</div><div class='stat'><b>"
    << r.campaigns.size() << "</b>campaigns</div>";
  for (const auto& [f, n] : fam_total)
    o << "<div class='stat'><b>" << n << "</b><span class='sw' style='background:" << family_colour(f)
      << "'></span>" << esc(f) << "</div>";
  o << "</div>";

  o << "<div class='card'><h2>All families, messages per day</h2><div class='legend'>";
  for (const auto& [f, n] : fam_total)
    o << "<span><span class='sw' style='background:" << family_colour(f) << "'></span>" << esc(f) << "</span>";
  o << "</div>" << overview_svg(r) << "</div>";

  size_t shown = 0;
  for (const auto& c : r.campaigns) {
    if (++shown > kMaxCampaigns) break;
    o << "<div class='card'><div class='head'><div><h2><span class='mono'>" << esc(c.id)
      << "</span><span class='badge' style='background:" << family_colour(c.family) << "'>" << esc(c.family)
      << "</span></h2><div class='meta'><b>" << c.size << "</b> message" << (c.size == 1 ? "" : "s")
      << " in this period (" << c.total_size << " in all) · first seen " << esc(iso8601(c.first_seen))
      << " · last seen " << esc(iso8601(c.last_seen)) << "</div></div>" << trend_svg(r, c) << "</div>";
    o << "<div class='subject'>" << esc(c.subject.empty() ? "(no subject)" : c.subject) << "</div>";
    if (!c.excerpt.empty()) o << "<div class='excerpt'>" << esc(c.excerpt) << "</div>";
    o << "<div class='grid'>";
    o << "<div><h3>Sender domains</h3>" << counts_list(c.sender_domains) << "</div>";
    o << "<div><h3>Recipients targeted (" << c.recipients << ")</h3>" << counts_list(c.recipient_domains)
      << "</div>";
    o << "<div><h3>Actions taken</h3>" << counts_list(c.states) << "</div>";
    o << "<div><h3>Phone numbers</h3>" << counts_list(c.phones, true) << "</div>";
    o << "<div><h3>URL hosts</h3>" << counts_list(c.hosts, true) << "</div>";
    o << "<div class='att'><h3>Attachments</h3>";
    if (c.attachments.empty()) o << "<span class='none'>none</span>";
    else {
      o << "<ul>";
      for (const auto& a : c.attachments)
        o << "<li>" << esc(a.name.empty() ? "(unnamed)" : a.name) << " <span class='n'>" << a.count
          << "</span><br><span class='mono n'>sha256 " << esc(a.sha256) << "</span></li>";
      o << "</ul>";
    }
    o << "</div></div></div>";
  }
  if (r.campaigns.size() > kMaxCampaigns)
    o << "<p class='foot'>" << r.campaigns.size() - kMaxCampaigns
      << " smaller campaigns are left out here; the JSON and CSV reports list them all.</p>";
  if (r.campaigns.empty()) o << "<div class='card'>No flagged messages in this period.</div>";
  o << "<p class='foot'>Impostor · campaigns are clusters of near-identical scam messages; ids stay stable "
       "across reports.</p></div></body></html>\n";
  return o.str();
}

}  // namespace impostor::index

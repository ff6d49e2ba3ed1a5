// trend_chart.cc — see trend_chart.h.
#include "indexes/trend_chart.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace impostor::index {
namespace {


std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string escape_markup(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* family_colour(const std::string& f) {
  if (f == "lottery") return "#d97706";
  if (f == "card-validation") return "#dc2626";
  if (f == "fake-bulletin") return "#2563eb";
  if (f == "tech-support") return "#7c3aed";
  return "#6b7280";
}

std::string daily_trend_svg(const std::vector<std::pair<std::string, int64_t>>& daily,
                            const TrendChartStyle& style) {
  const double w = style.width, h = style.height;
  const double bottom = style.font_size + 6, top = style.font_size + 2;
  const size_t n = std::max<size_t>(daily.size(), 1);
  int64_t mx = 1;
  for (const auto& [d, k] : daily) mx = std::max(mx, k);
  const double slot = w / static_cast<double>(n);
  const double bar = std::max(1.5, std::min(slot * 0.75, 40.0));
  const double plot = h - bottom - top;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  if (!style.css_class.empty()) s << " class=\"" << escape_markup(style.css_class) << "\"";
  s << " width=\"" << w << "\" height=\"" << h
    << "\" viewBox=\"0 0 " << w << ' ' << h << "\" role=\"img\" aria-label=\"messages per day\">"
    << "<line x1=\"0\" x2=\"" << w << "\" y1=\"" << h - bottom << "\" y2=\"" << h - bottom
    << "\" stroke=\"#d1d5db\"/>";
  for (size_t i = 0; i < daily.size(); ++i) {
    const auto& [day, k] = daily[i];
    if (k <= 0) continue;
    const double bh = plot * static_cast<double>(k) / static_cast<double>(mx);
    s << "<rect x=\"" << num(slot * i + (slot - bar) / 2) << "\" y=\"" << num(h - bottom - bh)
      << "\" width=\"" << num(bar) << "\" height=\"" << num(bh) << "\" fill=\"" << escape_markup(style.colour)
      << "\"><title>" << escape_markup(day) << ": " << k << "</title></rect>";
  }
  const std::string label = "\" font-size=\"" + std::to_string(style.font_size) + "\" fill=\"#6b7280\"";
  if (!daily.empty()) {
    s << "<text x=\"0\" y=\"" << h - 3 << label << ">" << escape_markup(daily.front().first) << "</text>";
    if (daily.size() > 1)
      s << "<text x=\"" << w << "\" y=\"" << h - 3 << label << " text-anchor=\"end\">"
        << escape_markup(daily.back().first) << "</text>";
  }
  s << "<text x=\"" << w << "\" y=\"" << style.font_size << label << " text-anchor=\"end\">max " << mx
    << "/day</text></svg>";
  return s.str();
}

}  // namespace impostor::index

// trend_chart.h — the one daily bar chart of Impostor (inline SVG, no
// script, every label escaped), drawn by the campaign report and the review
// console alike.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace impostor::index {

struct TrendChartStyle {
  double width = 320;
  double height = 70;
  std::string colour = "#6b7280";
  int font_size = 10;
  std::string css_class;  // for pages that style the chart ("" = none)
};

// One bar per (day, count), in order; days with 0 leave a gap. The first and
// last days are labelled under the axis, the maximum above it.
std::string daily_trend_svg(const std::vector<std::pair<std::string, int64_t>>& daily,
                            const TrendChartStyle& style);

// Text made safe for HTML/SVG text nodes and quoted attributes (& < > " ').
std::string escape_markup(const std::string& text);

// The colour the report and the console give each scam family.
const char* family_colour(const std::string& family);

}  // namespace impostor::index

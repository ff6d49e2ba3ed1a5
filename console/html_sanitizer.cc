// html_sanitizer.cc — see html_sanitizer.h for the invariants.
#include "console/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "console/html_escape.h"
#include "core/charset.h"

namespace impostor::console {
namespace {

// ---- Gumbo memory: every block on one list, freed together -----------------
// gumbo_destroy_output() recurses over the tree; deep hostile nesting would
// exhaust the stack, so it is never called.
class Arena {
  struct alignas(alignof(std::max_align_t)) Block {
    Block* prev;
    Block* next;
  };

 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    while (head_) {
      Block* next = head_->next;
      std::free(head_);
      head_ = next;
    }
  }
  static void* allocate(void* self, size_t size) {
    auto* arena = static_cast<Arena*>(self);
    auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (!b) std::abort();  // Gumbo has no failure path for allocation
    b->prev = nullptr;
    b->next = arena->head_;
    if (arena->head_) arena->head_->prev = b;
    arena->head_ = b;
    return b + 1;
  }
  static void release(void* self, void* p) {
    if (!p) return;
    auto* arena = static_cast<Arena*>(self);
    Block* b = static_cast<Block*>(p) - 1;
    if (b->prev) b->prev->next = b->next; else arena->head_ = b->next;
    if (b->next) b->next->prev = b->prev;
    std::free(b);
  }

 private:
  Block* head_ = nullptr;
};

enum class Treatment { keep, unwrap, drop };

const std::set<std::string>& kept_tags() {
  static const std::set<std::string> tags = {
      "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
      "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4",
      "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
      "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
      "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr", "address", "article",
      "aside", "footer", "header", "main", "nav", "section", "figure", "figcaption", "label"};
  return tags;
}

// Dropped together with everything inside them.
const std::set<std::string>& dropped_tags() {
  static const std::set<std::string> tags = {
      "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object",
      "embed", "applet", "svg", "math", "head", "title", "meta", "link", "base", "input",
      "button", "select", "textarea", "option", "optgroup", "datalist", "keygen", "output",
      "audio", "video", "source", "track", "canvas", "map", "area", "param", "xmp",
      "plaintext", "noembed", "noframes", "dialog", "portal", "picture", "slot"};
  return tags;
}

const std::set<std::string>& void_tags() {
  static const std::set<std::string> tags = {"br", "hr", "img", "col", "wbr"};
  return tags;
}

// Presentational attributes with no URL or script in them.
const std::set<std::string>& kept_attributes() {
  static const std::set<std::string> attrs = {
      "title", "lang", "align", "valign", "width", "height", "bgcolor", "color", "border",
      "cellpadding", "cellspacing", "colspan", "rowspan", "face", "size", "start", "type",
      "alt", "nowrap", "span", "abbr", "scope", "headers", "reversed", "datetime"};
  return attrs;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string tag_name(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return lower(std::string_view(piece.data ? piece.data : "", piece.length));
}

Treatment treatment(const GumboNode* node, const std::string& name) {
  // Foreign content (SVG, MathML) carries its own event and link semantics.
  if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return Treatment::drop;
  if (dropped_tags().count(name)) return Treatment::drop;
  if (kept_tags().count(name)) return Treatment::keep;
  return Treatment::unwrap;  // html, body, form, unknown tags: children only
}

// The URL with leading/trailing spaces and embedded controls removed, the way
// browsers read it before looking at the scheme ("java\tscript:").
std::string clean_url(std::string_view url) {
  std::string out;
  for (const char c : url)
    if (static_cast<unsigned char>(c) > 0x20) out.push_back(c);
  return out;
}

bool has_scheme(const std::string& url, std::string_view scheme) {
  return url.size() > scheme.size() && lower(url.substr(0, scheme.size())) == scheme;
}

std::string shorten(const std::string& s, size_t max = 200) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

bool is_inline_raster(const std::string& url) {
  const std::string l = lower(url.substr(0, 32));
  for (const char* p : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/jpg",
                        "data:image/webp"})
    if (l.rfind(p, 0) == 0) return true;
  return false;
}

const GumboAttribute* find_attr(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name);
}

class Writer {
 public:
  Writer(const SanitizeOptions& options, SanitizedHtml& result)
      : options_(options), result_(result) {}

  // Opens an element; returns the text that closes it.
  std::string open(const GumboNode* node, const std::string& name, bool as_tag) {
    if (!as_tag) return {};
    if (name == "a") return open_link(node);
    if (name == "img") {
      image(node);
      return {};
    }
    std::string& out = result_.body;
    out += "<" + name;
    attributes(node);
    out += ">";
    return void_tags().count(name) ? std::string() : "</" + name + ">";
  }

  void text(const GumboNode* node) {
    std::string_view text = node->v.text.text ? node->v.text.text : "";
    const size_t budget = options_.max_output_bytes > result_.body.size()
                              ? options_.max_output_bytes - result_.body.size() : 0;
    if (text.size() > budget) {  // cut on a code point boundary
      size_t cut = budget;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut);
    }
    result_.body += escape_html(text);
  }

 private:
  void attributes(const GumboNode* node) {
    const GumboVector& attrs = node->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      const std::string name = lower(a->name ? a->name : "");
      const std::string_view value = a->value ? a->value : "";
      if (name == "style") {
        const std::string style = sanitize_style(value);
        if (!style.empty()) result_.body += " style=\"" + escape_attr(style) + "\"";
      } else if (kept_attributes().count(name)) {
        result_.body += " " + name + "=\"" + escape_attr(value) + "\"";
      }
    }
  }

  std::string open_link(const GumboNode* node) {
    const GumboAttribute* href = find_attr(node, "href");
    if (!href) {
      result_.body += "<span>";
      return "</span>";
    }
    ++result_.links;
    const std::string url = clean_url(href->value ? href->value : "");
    const bool scripted = has_scheme(url, "javascript:") || has_scheme(url, "vbscript:") ||
                          has_scheme(url, "data:");
    const std::string shown = scripted ? "blocked " + lower(url.substr(0, url.find(':') + 1)) +
                                             " link: " + shorten(url, 80)
                                       : shorten(url);
    result_.body += "<span class=\"lnk\" title=\"" + escape_attr("link: " + shown) + "\">";
    return "</span><span class=\"url\"> \xE2\x9F\xA8" + escape_html(shown) + "\xE2\x9F\xA9</span>";
  }

  void image(const GumboNode* node) {
    const GumboAttribute* src = find_attr(node, "src");
    const GumboAttribute* alt = find_attr(node, "alt");
    const std::string url = clean_url(src && src->value ? src->value : "");
    const std::string alt_text = alt && alt->value ? alt->value : "";
    const bool remote = has_scheme(url, "http://") || has_scheme(url, "https://");
    if (is_inline_raster(url) || (remote && options_.load_remote_images)) {
      result_.body += "<img src=\"" + escape_attr(url) + "\"";
      attributes(node);
      result_.body += ">";
      return;
    }
    std::string what = "image";
    if (remote) {
      what = "remote image blocked";
      ++result_.blocked_images;
    } else if (has_scheme(url, "cid:")) {
      what = "embedded image";
    } else if (!url.empty()) {
      what = "image removed";
      ++result_.removed_elements;
    }
    result_.body += "<span class=\"img\" title=\"" + escape_attr(what + ": " + shorten(url)) +
                    "\">[" + escape_html(what) + (alt_text.empty() ? "" : ": ") +
                    escape_html(shorten(alt_text, 80)) + "]</span>";
  }

  const SanitizeOptions& options_;
  SanitizedHtml& result_;
};

// Gumbo 0.10 costs O(n²) time and memory for n nested elements (8000 nested
// <div>s: 0.5 GB), so a hostile message could exhaust the console. Before
// parsing, a cheap tag scan drops start tags beyond kMaxScanDepth open
// elements, and the end tags that would close them; text is kept. Void
// elements and tags browsers auto-close when repeated cannot build depth.
constexpr int kMaxScanDepth = 512;

std::string bound_nesting(std::string_view html) {
  static const std::set<std::string> kFlat = {
      "br", "hr", "img", "col", "wbr", "input", "meta", "link", "base", "area", "param",
      "source", "track", "embed", "keygen", "p", "li", "dt", "dd", "option", "tr", "td", "th",
      "a", "!doctype"};
  std::string out;
  out.reserve(html.size());
  int depth = 0;
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    const bool closing = lt + 1 < html.size() && html[lt + 1] == '/';
    size_t n = lt + (closing ? 2 : 1);
    const size_t name_start = n;
    while (n < html.size() && (std::isalnum(static_cast<unsigned char>(html[n])) || html[n] == '!')) ++n;
    if (n == name_start) {  // not a tag: "<" as text
      out.push_back('<');
      i = lt + 1;
      continue;
    }
    const size_t gt = html.find('>', n);
    const size_t end = gt == std::string_view::npos ? html.size() : gt + 1;
    const std::string_view tag = html.substr(lt, end - lt);
    const std::string name = lower(html.substr(name_start, n - name_start));
    const bool self_closed = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (kFlat.count(name) || self_closed || name[0] == '!') {  // also comments, doctype
      out.append(tag);
    } else if (closing) {
      if (depth <= kMaxScanDepth) out.append(tag);
      if (depth > 0) --depth;
    } else {
      ++depth;
      if (depth <= kMaxScanDepth) out.append(tag);
    }
    i = end;
  }
  return out;
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  return nullptr;
}

constexpr size_t kMaxTagDepth = 256;  // deeper elements are unwrapped

}  // namespace

std::string sanitize_style(std::string_view style) {
  static const std::set<std::string> kProperties = {
      "color", "background-color", "font-family", "font-weight", "font-style", "font-size",
      "text-align", "text-decoration", "text-transform", "text-indent", "line-height",
      "letter-spacing", "word-spacing", "white-space", "vertical-align", "margin",
      "margin-top", "margin-bottom", "margin-left", "margin-right", "padding", "padding-top",
      "padding-bottom", "padding-left", "padding-right", "border", "border-top",
      "border-bottom", "border-left", "border-right", "border-color", "border-style",
      "border-width", "border-collapse", "border-radius", "width", "max-width", "min-width",
      "height", "max-height", "min-height", "font", "background", "list-style-type"};
  static const char* kForbidden[] = {"url(", "expression", "javascript", "vbscript", "@import",
                                     "behavior", "binding", "\\", "/*", "<", ">", "&",
                                     "image(", "image-set", "element(", "attr(", "var(",
                                     "position", "!ie"};
  std::string out;
  size_t start = 0;
  while (start <= style.size()) {
    size_t end = style.find(';', start);
    if (end == std::string_view::npos) end = style.size();
    const std::string_view decl = style.substr(start, end - start);
    start = end + 1;
    const size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    auto trim = [](std::string s) {
      const auto first = s.find_first_not_of(" \t\r\n");
      const auto last = s.find_last_not_of(" \t\r\n");
      return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
    };
    const std::string prop = lower(trim(std::string(decl.substr(0, colon))));
    const std::string value = trim(std::string(decl.substr(colon + 1)));
    const std::string lvalue = lower(value);
    if (!kProperties.count(prop) || value.empty()) continue;
    bool bad = false;
    for (const char* f : kForbidden) bad = bad || lvalue.find(f) != std::string::npos;
    for (const char c : value) bad = bad || static_cast<unsigned char>(c) < 0x20;
    // Zero or negative sizes hide text a reviewer should see.
    if ((prop == "font-size" || prop == "line-height" || prop == "height" ||
         prop == "max-height") &&
        (lvalue[0] == '0' || lvalue[0] == '-' || lvalue[0] == '.'))
      bad = true;
    if (prop == "text-indent" && lvalue.find('-') != std::string::npos) bad = true;
    if (bad) continue;
    if (!out.empty()) out += "; ";
    out += prop + ": " + value;
  }
  return out;
}

SanitizedHtml sanitize_html(std::string_view html, const SanitizeOptions& options) {
  SanitizedHtml result;
  if (html.size() > options.max_input_bytes) html = html.substr(0, options.max_input_bytes);
  const std::string input = bound_nesting(core::sanitize_utf8(html));

  Arena arena;
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.allocator = &Arena::allocate;
  gumbo_options.deallocator = &Arena::release;
  gumbo_options.userdata = &arena;
  GumboOutput* parsed = gumbo_parse_with_options(&gumbo_options, input.data(), input.size());

  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    std::string close;
  };
  std::vector<Frame> stack;
  stack.push_back({parsed->document, 0, {}});
  Writer writer(options, result);
  size_t open_tags = 0;
  while (!stack.empty()) {
    if (result.body.size() >= options.max_output_bytes) {
      result.body += "<p class=\"cut\">[the rest of this HTML part is not shown]</p>";
      break;
    }
    Frame& top = stack.back();
    const GumboVector* kids = children_of(top.node);
    if (!kids || top.next_child >= kids->length) {
      result.body += top.close;
      if (!top.close.empty() && open_tags > 0) --open_tags;
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[top.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        writer.text(child);
        break;
      case GUMBO_NODE_ELEMENT: {
        const std::string name = tag_name(child);
        const Treatment t = treatment(child, name);
        if (t == Treatment::drop) {
          ++result.removed_elements;
          break;
        }
        const bool as_tag = t == Treatment::keep && open_tags < kMaxTagDepth;
        std::string close = writer.open(child, name, as_tag);
        if (!close.empty()) ++open_tags;
        stack.push_back({child, 0, std::move(close)});  // `top` is invalid from here
        break;
      }
      default:  // comments, templates, the doctype
        break;
    }
  }
  // Elements still open when output was cut.
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) result.body += it->close;
  return result;
}

std::string sanitized_document(const SanitizedHtml& html) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
         "body{margin:12px;font:14px/1.55 system-ui,\"Noto Sans CJK JP\",\"Noto Sans JP\","
         "\"Hiragino Sans\",\"Yu Gothic\",\"IPAPGothic\",\"IPAGothic\",sans-serif;color:#1f2328;overflow-wrap:anywhere}"
         "img{max-width:100%;height:auto}table{max-width:100%}"
         ".lnk{color:#0b57d0;text-decoration:underline dotted;cursor:help}"
         ".url{color:#6e7781;font:12px ui-monospace,monospace}"
         ".img{display:inline-block;border:1px dashed #b0b7c0;color:#57606a;background:#f6f8fa;"
         "font:12px system-ui,sans-serif;padding:1px 4px;margin:1px}"
         ".ctl{background:#ffebe9;color:#a40e26;border:1px solid #ff8182;border-radius:3px;"
         "font:11px ui-monospace,monospace;padding:0 2px}"
         ".cut{color:#a40e26;font-style:italic}"
         "</style></head><body>" +
         html.body + "</body></html>";
}

}  // namespace impostor::console

// html_text.cc — what a reader sees in an HTML part, via Gumbo.
//
// Invariants:
//  * no recursion over the document tree: the walk uses an explicit stack,
//    and Gumbo's own (recursive) tree destructor is never called — every
//    Gumbo allocation lives in a per-parse registry freed in one loop — so
//    100k-deep hostile nesting costs heap, never stack;
//  * visible_text never exceeds max_text_bytes and is cut on a code point;
//  * every output string is valid UTF-8.
#include "core/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <vector>

#include "core/charset.h"

namespace impostor::core {
namespace {

// ---- allocation registry -------------------------------------------------
// Gumbo allocates and frees a small block or two for nearly every character
// token, which costs more in malloc/free than the parsing around it. Small
// blocks therefore come from slabs, and a freed one goes on a free list for
// the next request of its size class. Large blocks get their own malloc with
// a doubly-linked header so single frees stay O(1). Slabs and large blocks
// alike are released iteratively at the end of the parse.
//
// Every block starts with a header whose last word is its size class, so
// deallocate() can tell the two kinds apart from the pointer alone.
constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kLargeBlock = 0;  // size class of a block with its own malloc

struct alignas(kAlign) SmallHeader {
  size_t unused;
  size_t size_class;  // payload is size_class * kAlign bytes
};

struct alignas(kAlign) LargeHeader {
  LargeHeader* prev;
  LargeHeader* next;
  size_t unused;
  size_t size_class;  // kLargeBlock
};

// Slabs are chained through their first bytes: no container that could
// throw inside Gumbo's C frames.
struct alignas(kAlign) SlabHeader {
  SlabHeader* next;
};

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    while (large_ != nullptr) {
      LargeHeader* next = large_->next;
      std::free(large_);
      large_ = next;
    }
    while (slabs_ != nullptr) {
      SlabHeader* next = slabs_->next;
      std::free(slabs_);
      slabs_ = next;
    }
  }

  static void* allocate(void* self, size_t size) {
    auto* arena = static_cast<GumboArena*>(self);
    return size <= kMaxSmall ? arena->allocate_small(size) : arena->allocate_large(size);
  }

  static void deallocate(void* self, void* ptr) {
    if (ptr == nullptr) return;
    auto* arena = static_cast<GumboArena*>(self);
    const size_t size_class = static_cast<size_t*>(ptr)[-1];
    if (size_class == kLargeBlock) {
      arena->free_large(ptr);
    } else {
      // The payload is at least one pointer wide: it holds the list link.
      *static_cast<void**>(ptr) = arena->free_[size_class];
      arena->free_[size_class] = ptr;
    }
  }

 private:
  static constexpr size_t kMaxSmall = 512;
  static constexpr size_t kClasses = kMaxSmall / kAlign + 1;
  static constexpr size_t kSlabBytes = 64 * 1024;

  // Gumbo has no failure path for allocation, and bad_alloc cannot cross its
  // C frames: terminate cleanly, as its default allocator would crash.
  static void* checked_malloc(size_t bytes) {
    void* p = std::malloc(bytes);
    if (p == nullptr) std::abort();
    return p;
  }

  void* allocate_small(size_t size) {
    const size_t size_class = std::max<size_t>(1, (size + kAlign - 1) / kAlign);
    if (void* reused = free_[size_class]) {
      free_[size_class] = *static_cast<void**>(reused);
      return reused;
    }
    const size_t bytes = sizeof(SmallHeader) + size_class * kAlign;
    if (slab_left_ < bytes) {
      auto* slab = static_cast<SlabHeader*>(checked_malloc(kSlabBytes));
      slab->next = slabs_;
      slabs_ = slab;
      slab_next_ = reinterpret_cast<char*>(slab + 1);
      slab_left_ = kSlabBytes - sizeof(SlabHeader);
    }
    auto* header = reinterpret_cast<SmallHeader*>(slab_next_);
    slab_next_ += bytes;
    slab_left_ -= bytes;
    header->size_class = size_class;
    return header + 1;
  }

  void* allocate_large(size_t size) {
    auto* block = static_cast<LargeHeader*>(checked_malloc(sizeof(LargeHeader) + size));
    block->size_class = kLargeBlock;
    block->prev = nullptr;
    block->next = large_;
    if (large_ != nullptr) large_->prev = block;
    large_ = block;
    return block + 1;
  }

  void free_large(void* ptr) {
    auto* block = static_cast<LargeHeader*>(ptr) - 1;
    if (block->prev != nullptr)
      block->prev->next = block->next;
    else
      large_ = block->next;
    if (block->next != nullptr) block->next->prev = block->prev;
    std::free(block);
  }

  LargeHeader* large_ = nullptr;
  SlabHeader* slabs_ = nullptr;
  char* slab_next_ = nullptr;
  size_t slab_left_ = 0;
  std::array<void*, kClasses> free_{};
};

// ---- helpers ---------------------------------------------------------------

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim_collapse(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (is_html_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Browsers strip surrounding white space from URLs and drop tabs and line
// breaks inside them; a scam can split "micro\nsoft.com" to dodge filters.
std::string clean_url(std::string_view s) {
  while (!s.empty() && (is_html_space(s.front()) || s.front() == '\0')) s.remove_prefix(1);
  while (!s.empty() && (is_html_space(s.back()) || s.back() == '\0')) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

const char* attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

// font-size:0 hides text as well as display:none does; "0.9em" does not.
bool zero_font_size(const std::string& style) {
  static constexpr std::string_view kKey = "font-size:0";
  for (size_t pos = style.find(kKey); pos != std::string::npos; pos = style.find(kKey, pos + 1)) {
    const size_t after = pos + kKey.size();
    if (after >= style.size()) return true;
    const char c = style[after];
    if (c == '.' ) {
      // "0.0" still zero, "0.5" not: any non-zero digit before the unit means visible.
      size_t i = after + 1;
      bool nonzero = false;
      while (i < style.size() && style[i] >= '0' && style[i] <= '9') nonzero |= style[i++] != '0';
      if (!nonzero) return true;
      continue;
    }
    if (c < '0' || c > '9') return true;
  }
  return false;
}

bool is_hidden(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden") != nullptr) return true;
  if (el.tag == GUMBO_TAG_INPUT) return false;  // <input type=hidden> has no text anyway
  const char* style = attr(el, "style");
  if (style == nullptr) return false;
  std::string compact;
  for (const char* p = style; *p != '\0'; ++p)
    if (!is_html_space(*p)) compact += static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos || zero_font_size(compact);
}

bool is_dropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
      return true;
    default:
      return false;
  }
}

// Length of the longest prefix of s[0, limit) that ends on a code point.
size_t utf8_cut(std::string_view s, size_t limit) {
  if (limit >= s.size()) return s.size();
  while (limit > 0 && (static_cast<unsigned char>(s[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

// ---- nesting bound ----------------------------------------------------------
// Gumbo's tree builder scans the stack of open elements for many start tags,
// so n nested <div>s cost O(n²) (100k of them: ~40 s). Before parsing, a cheap
// tag scanner estimates the nesting depth and removes start tags (and the end
// tags that would close them) beyond kMaxHtmlDepth. Text is never removed;
// only structure deeper than any real mail uses.
constexpr int kMaxHtmlDepth = 256;
// Gumbo needs many times the input size in memory; HTML beyond this is not
// something a mail client would render for a reader anyway.
constexpr size_t kMaxHtmlBytes = 8u << 20;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

// Elements that never stay open (void) or that the parser closes on its own
// when repeated (p, li, a, form ...): they cannot build deep nesting.
bool depth_neutral(std::string_view name) {
  return name_in(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                        "param", "source", "track", "wbr", "keygen", "p", "li", "dt", "dd",
                        "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
                        "colgroup", "rb", "rt", "rp", "a", "form", "html", "head", "body"});
}

bool raw_text_element(std::string_view name) {
  return name_in(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes", "noscript"});
}

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

struct Prepared {
  std::string html;
  bool has_script = false;  // seen here because <head> content is never walked
};

Prepared bound_nesting(std::string_view html) {
  Prepared prepared;
  std::string& out = prepared.html;
  out.reserve(html.size());
  int depth = 0;
  int foreign = 0;  // inside <svg>/<math>, where "/>" really self-closes
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    if (html.compare(lt, 4, "<!--") == 0) {
      const size_t end = html.find("-->", lt + 4);
      const size_t stop = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(lt, stop - lt));
      i = stop;
      continue;
    }
    const bool closing = html[lt + 1] == '/';
    const size_t name_begin = lt + (closing ? 2 : 1);
    if (name_begin >= html.size() || !is_ascii_alpha(html[name_begin])) {
      out += '<';
      i = lt + 1;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < html.size() && !is_html_space(html[name_end]) && html[name_end] != '>' &&
           html[name_end] != '/')
      ++name_end;
    // Quoted attribute values may hold '>'.
    size_t gt = name_end;
    char quote = 0;
    while (gt < html.size() && (quote != 0 || html[gt] != '>')) {
      if (quote != 0) {
        if (html[gt] == quote) quote = 0;
      } else if (html[gt] == '"' || html[gt] == '\'') {
        quote = html[gt];
      }
      ++gt;
    }
    const size_t tag_end = gt < html.size() ? gt + 1 : html.size();
    const std::string name = lower_ascii(html.substr(name_begin, name_end - name_begin));
    const bool self_closed = gt > lt && gt < html.size() && html[gt - 1] == '/';
    const std::string_view tag = html.substr(lt, tag_end - lt);
    i = tag_end;

    if (closing) {
      if (name == "svg" || name == "math") foreign = foreign > 0 ? foreign - 1 : 0;
      if (depth_neutral(name)) {
        out.append(tag);
      } else {
        if (depth <= kMaxHtmlDepth) out.append(tag);
        if (depth > 0) --depth;
      }
      continue;
    }
    if (raw_text_element(name)) {
      // Copy the element verbatim up to its end tag: '<' inside is not markup.
      const size_t end = find_ci(html, "</" + name, i);
      const size_t stop = end == std::string_view::npos ? html.size() : end;
      if (name == "script") prepared.has_script = true;
      out.append(tag);
      // A browser with scripting on shows none of <noscript>; Gumbo parses it
      // as if scripting were off and would leak its text into the body.
      if (name != "noscript") out.append(html.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (name == "plaintext") {
      out.append(html.substr(lt));
      break;
    }
    if (depth_neutral(name) || (foreign > 0 && self_closed)) {
      out.append(tag);
      continue;
    }
    if (name == "svg" || name == "math") ++foreign;
    ++depth;
    if (depth <= kMaxHtmlDepth) out.append(tag);
  }
  return prepared;
}

// ---- the walk --------------------------------------------------------------

class TextBuilder {
 public:
  explicit TextBuilder(size_t max_bytes) : max_bytes_(max_bytes) {}

  bool full() const { return full_; }
  size_t size() const { return out_.size(); }
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

  void text(std::string_view s) {
    for (size_t i = 0; i < s.size() && !full_; ++i) {
      const char c = s[i];
      if (is_html_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') put(" ");
      pending_space_ = false;
      // Copy the whole run of non-space bytes at once.
      size_t j = i;
      while (j < s.size() && !is_html_space(s[j])) ++j;
      put(s.substr(i, j - i));
      i = j - 1;
    }
  }

  // A block boundary: at most one line break, no trailing space.
  void block_break() {
    pending_space_ = false;
    if (!out_.empty() && out_.back() != '\n') put("\n");
  }

  // <br>: a line break even on an empty line, but never more than one blank line.
  void hard_break() {
    pending_space_ = false;
    const size_t n = out_.size();
    if (n == 0) return;
    if (n >= 2 && out_[n - 1] == '\n' && out_[n - 2] == '\n') return;
    put("\n");
  }

  void soft_space() { pending_space_ = true; }

 private:
  void put(std::string_view s) {
    if (full_) return;
    const size_t room = max_bytes_ - out_.size();
    if (s.size() > room) {
      out_.append(s.substr(0, utf8_cut(s, room)));
      full_ = true;
      return;
    }
    out_.append(s);
  }

  std::string out_;
  size_t max_bytes_;
  bool pending_space_ = false;
  bool full_ = false;
};

struct Frame {
  const GumboNode* node;
  bool exiting;
};

struct OpenLink {
  size_t link_index;
  size_t text_begin;
  size_t alt_begin;
};

class Walker {
 public:
  // Alt texts and links get their own budget: a tight visible-text bound
  // must not cost the links, which the caller limits by count.
  Walker(HtmlText& out, size_t max_text_bytes)
      : out_(out), text_(max_text_bytes), budget_(std::max<size_t>(max_text_bytes, kMinSideBudget)) {}

  void walk(const GumboNode* root) {
    std::vector<Frame> stack;
    stack.push_back({root, false});
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      const GumboNode* node = frame.node;
      if (frame.exiting) {
        leave(node->v.element);
        continue;
      }
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          text_.text(node->v.text.text);
          continue;
        case GUMBO_NODE_DOCUMENT: {
          const GumboVector& children = node->v.document.children;
          for (unsigned i = children.length; i-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
          continue;
        }
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
          break;
        default:  // comments
          continue;
      }
      const GumboElement& el = node->v.element;
      if (!enter(el)) continue;
      stack.push_back({node, true});
      const GumboVector& children = el.children;
      for (unsigned i = children.length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
    out_.visible_text = sanitize_utf8(text_.take());
    while (!out_.visible_text.empty() &&
           (out_.visible_text.back() == '\n' || out_.visible_text.back() == ' '))
      out_.visible_text.pop_back();
  }

 private:
  // Returns false when the element's subtree is not rendered.
  bool enter(const GumboElement& el) {
    if (el.tag == GUMBO_TAG_SCRIPT) out_.has_script = true;
    if (is_dropped(el.tag)) return false;

    // Forms and password fields matter even when hidden: a hidden form is
    // still a harvesting form.
    if (el.tag == GUMBO_TAG_FORM) {
      out_.has_form = true;
      if (const char* action = attr(el, "action")) add_link(clean_url(action), "");
    } else if (el.tag == GUMBO_TAG_INPUT) {
      const char* type = attr(el, "type");
      if (type != nullptr && lower_ascii(trim_collapse(type)) == "password") out_.has_password_input = true;
    }
    if (is_hidden(el)) return false;

    switch (el.tag) {
      case GUMBO_TAG_BR:
        text_.hard_break();
        return false;
      case GUMBO_TAG_IMG: {
        add_alt(attr(el, "alt"));
        add_alt(attr(el, "title"));
        return false;
      }
      case GUMBO_TAG_AREA: {
        if (const char* href = attr(el, "href")) {
          const char* alt = attr(el, "alt");
          add_link(clean_url(href), alt != nullptr ? trim_collapse(alt) : std::string());
        }
        return false;
      }
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        text_.soft_space();
        break;
      case GUMBO_TAG_A:
        if (const char* href = attr(el, "href")) {
          if (add_link(clean_url(href), "")) open_links_.push_back({out_.links.size() - 1, text_.size(), out_.alt_texts.size()});
          else open_links_.push_back({kNoLink, 0, 0});
        } else {
          open_links_.push_back({kNoLink, 0, 0});
        }
        break;
      default:
        break;
    }
    if (is_block(el.tag)) text_.block_break();
    return true;
  }

  void leave(const GumboElement& el) {
    if (el.tag == GUMBO_TAG_A && !open_links_.empty()) {
      const OpenLink open = open_links_.back();
      open_links_.pop_back();
      if (open.link_index != kNoLink) {
        std::string anchor = trim_collapse(std::string_view(text_.str()).substr(open.text_begin));
        // An image-only link reads as its alt text to anyone without images.
        if (anchor.empty())
          for (size_t i = open.alt_begin; i < out_.alt_texts.size(); ++i) {
            if (!anchor.empty()) anchor += ' ';
            anchor += out_.alt_texts[i];
          }
        spend(anchor.size());
        out_.links[open.link_index].text = sanitize_utf8(anchor);
      }
    }
    if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) text_.soft_space();
    if (is_block(el.tag)) text_.block_break();
  }

  bool spend(size_t bytes) {
    if (bytes > budget_) {
      budget_ = 0;
      return false;
    }
    budget_ -= bytes;
    return true;
  }

  void add_alt(const char* value) {
    if (value == nullptr) return;
    std::string text = trim_collapse(value);
    if (text.empty() || !spend(text.size())) return;
    out_.alt_texts.push_back(sanitize_utf8(text));
  }

  bool add_link(std::string href, std::string text) {
    if (!spend(href.size() + text.size() + 16)) return false;
    out_.links.push_back({sanitize_utf8(href), sanitize_utf8(text)});
    return true;
  }

  static constexpr size_t kNoLink = static_cast<size_t>(-1);
  static constexpr size_t kMinSideBudget = 1u << 20;

  HtmlText& out_;
  TextBuilder text_;
  size_t budget_;  // bytes left for alt texts and links, apart from visible text
  std::vector<OpenLink> open_links_;
};

}  // namespace

HtmlText extract_html_text(std::string_view html, size_t max_text_bytes) {
  HtmlText result;
  if (html.empty()) return result;

  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::allocate;
  options.deallocator = &GumboArena::deallocate;
  options.userdata = &arena;
  // Parse errors are of no use to us and cost memory on hostile input.
  options.max_errors = 0;

  const Prepared prepared = bound_nesting(html.substr(0, utf8_cut(html, kMaxHtmlBytes)));
  result.has_script = prepared.has_script;
  GumboOutput* output =
      gumbo_parse_with_options(&options, prepared.html.data(), prepared.html.size());
  if (output == nullptr || output->document == nullptr) return result;
  Walker(result, max_text_bytes).walk(output->document);
  // No gumbo_destroy_output(): the arena frees everything without recursing.
  return result;
}

}  // namespace impostor::core

// pages.cc — see pages.h for the invariants.
#include "console/pages.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "console/highlight.h"
#include "console/html_escape.h"
#include "console/search_hook.h"

namespace impostor::console {
namespace {

using json = nlohmann::json;

const std::vector<std::string> kFamilies = {"lottery", "card-validation", "fake-bulletin",
                                            "tech-support"};
const std::vector<std::string> kVerdicts = {"accept", "tag", "quarantine", "reject"};
const std::vector<std::string> kStates = {"quarantined", "releasing", "released", "rejected",
                                          "deleted"};

std::string h(std::string_view s) { return escape_html(s); }
std::string line(std::string_view s) { return escape_line(s); }
std::string a(std::string_view s) { return escape_attr(s); }

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

std::string csrf_field(const PageContext& ctx) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + a(ctx.csrf) + "\">";
}

std::string badge(const std::string& kind, const std::string& value) {
  return "<span class=\"badge " + kind + "-" + a(value) + "\">" + h(value) + "</span>";
}

std::string family_badges(const std::vector<std::string>& families) {
  std::string out;
  for (const auto& f : families) out += badge("fam", f);
  return out;
}

std::string layout(const std::string& title, const PageContext* ctx, const std::string& body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"same-origin\">"
      "<title>" + h(title) + " \xE2\x80\x94 Impostor console</title>"
      "<style>" + stylesheet() + "</style>"
      "<script src=\"/static/console.js\" defer></script></head><body>"
      "<header class=\"top\"><a class=\"brand\" href=\"/messages\">Impostor"
      "<span>quarantine review</span></a>";
  if (ctx) {
    out += "<nav><a href=\"/messages\">Messages</a><a href=\"/campaigns\">Campaigns</a>"
           "<a href=\"/false-positives\">False positives</a>";
    if (ctx->user.role == Role::admin) out += "<a href=\"/users\">Accounts</a>";
    out += "</nav><form class=\"who\" method=\"post\" action=\"/logout\">" + csrf_field(*ctx) +
           "<span>" + h(ctx->user.name) + " \xC2\xB7 " + h(to_string(ctx->user.role)) +
           "</span><button class=\"link\" type=\"submit\">Sign out</button></form>";
  }
  out += "</header><main>" + body + "</main></body></html>\n";
  return out;
}

std::string select(const std::string& name, const std::string& label,
                   const std::vector<std::string>& values, const std::string& current,
                   const std::string& any_label) {
  std::string out = "<label>" + h(label) + "<select name=\"" + name + "\"><option value=\"\">" +
                    h(any_label) + "</option>";
  for (const auto& v : values)
    out += "<option value=\"" + a(v) + "\"" + (v == current ? " selected" : "") + ">" + h(v) +
           "</option>";
  return out + "</select></label>";
}

std::string input(const std::string& name, const std::string& label, const std::string& value,
                  const std::string& type = "text", const std::string& extra = "") {
  return "<label>" + h(label) + "<input type=\"" + type + "\" name=\"" + name + "\" value=\"" +
         a(value) + "\"" + extra + "></label>";
}

std::vector<Marker> markers_of(const std::string& hits_json, const std::string& only_source) {
  std::vector<Marker> out;
  const json hits = json::parse(hits_json.empty() ? "[]" : hits_json, nullptr, false);
  if (!hits.is_array()) return out;
  for (const auto& hit : hits) {
    if (!hit.is_object()) continue;
    const std::string source = hit.value("source", "");
    if (!only_source.empty() && source != only_source) continue;
    out.push_back({hit.value("evidence", ""), hit.value("id", "")});
  }
  return out;
}

std::string action_buttons(const PageContext& ctx, bool admin_only_release) {
  if (!at_least(ctx.user.role, Role::operator_))
    return "<p class=\"muted\">Viewers can read held mail; releasing and deleting needs an operator.</p>";
  const bool can_release = !admin_only_release || ctx.user.role == Role::admin;
  const std::string disabled =
      can_release ? "" : " disabled title=\"carries an executable update: admins only\"";
  return "<div class=\"actions\">"
         "<button type=\"submit\" name=\"action\" value=\"release\" class=\"btn\"" + disabled +
         ">Release</button>"
         "<button type=\"submit\" name=\"action\" value=\"not-scam\" class=\"btn\"" + disabled +
         ">Not a scam</button>"
         "<button type=\"submit\" name=\"action\" value=\"delete\" class=\"btn danger\">Delete</button>"
         "</div>";
}

}  // namespace

const std::string& stylesheet() {
  static const std::string css =
      ":root{--fg:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f6f8fa;--card:#fff;"
      "--accent:#0b57d0;--danger:#b42318;--ok:#1a7f37}"
      "*{box-sizing:border-box}"
      "body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"
      "\"Segoe UI\",\"Noto Sans\",\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\","
      "\"Yu Gothic\",\"IPAPGothic\",\"IPAGothic\",sans-serif}"
      "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}"
      ".top{display:flex;align-items:center;gap:24px;padding:10px 24px;background:#101828;color:#fff}"
      ".brand{color:#fff;font-weight:700;font-size:16px}.brand span{font-weight:400;opacity:.7;margin-left:8px}"
      ".top nav{display:flex;gap:16px;flex:1}.top nav a{color:#d0d5dd}"
      ".who{display:flex;gap:10px;align-items:center;color:#d0d5dd;margin:0}"
      "button.link{background:none;border:0;color:#fff;cursor:pointer;font:inherit;text-decoration:underline}"
      "main{max-width:1280px;margin:0 auto;padding:20px 24px}"
      "h1{font-size:20px;margin:0 0 12px;overflow-wrap:anywhere}h2{font-size:15px;margin:0 0 10px}"
      ".card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin-bottom:16px}"
      ".filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end}"
      ".filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}"
      "input,select{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}"
      ".btn{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid var(--line);"
      "background:#fff;cursor:pointer}.btn.primary{background:var(--accent);border-color:var(--accent);color:#fff}"
      ".btn.danger{color:var(--danger);border-color:#f3b5ae}.btn[disabled]{opacity:.45;cursor:not-allowed}"
      ".actions{display:flex;gap:8px;flex-wrap:wrap}"
      ".bar{display:flex;justify-content:space-between;align-items:center;margin-bottom:8px;gap:12px}"
      ".chips{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 12px}"
      ".chip{border:1px solid var(--line);border-radius:16px;padding:2px 10px;background:#fff;color:var(--fg)}"
      ".chip.on{border-color:var(--accent);background:#e8f0fe}.chip b{margin-left:4px}"
      "table{width:100%;border-collapse:collapse}"
      "th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}"
      "th{font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap}"
      "tr:hover td{background:#f9fafb}"
      "td.subj{max-width:460px;overflow-wrap:anywhere}td.num{text-align:right;font-variant-numeric:tabular-nums}"
      ".fname{white-space:pre-wrap}.nowrap{white-space:nowrap}.muted{color:var(--muted)}.small{font-size:12px}"
      ".badge{display:inline-block;font-size:11px;padding:1px 7px;border-radius:10px;margin:1px 3px 1px 0;"
      "background:#eaeef2;color:#32383f;white-space:nowrap}"
      ".fam-lottery{background:#fff1c2;color:#7a4d00}.fam-card-validation{background:#ffe0e6;color:#9a1238}"
      ".fam-fake-bulletin{background:#e0ecff;color:#1849a9}.fam-tech-support{background:#e3f7e8;color:#19692c}"
      ".verdict-reject{background:#fde2e1;color:var(--danger)}.verdict-quarantine{background:#fff0d6;color:#8a4b00}"
      ".state-released{background:#dcfce7;color:var(--ok)}.state-deleted{background:#eee;color:#777}"
      ".pager{display:flex;gap:12px;align-items:center;margin-top:12px}"
      ".kv{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}"
      ".kv.env{grid-template-columns:max-content 1fr max-content 1fr}@media(max-width:900px){.kv.env{grid-template-columns:max-content 1fr}}"
      ".rule code{white-space:nowrap}td.ev{overflow-wrap:anywhere;background:#fffbe6}tr.zero td{color:var(--muted)}tr.zero td.ev{background:none}"
      ".kv dt{color:var(--muted)}.kv dd{margin:0;overflow-wrap:anywhere}"
      ".grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}@media(max-width:900px){.grid{grid-template-columns:1fr}}"
      "pre.body{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.6 ui-monospace,\"Noto Sans Mono CJK JP\",\"IPAGothic\",monospace;"
      "max-height:520px;overflow:auto;margin:0;background:#fbfbfc;padding:10px;border-radius:6px;border:1px solid var(--line)}"
      "mark{background:#ffe58a;border-bottom:2px solid #e0a800;padding:0 1px}"
      ".ctl{background:#ffebe9;color:#a40e26;border:1px solid #ff8182;border-radius:3px;font:11px ui-monospace,monospace;padding:0 2px}"
      "iframe.html{width:100%;height:520px;border:1px solid var(--line);border-radius:6px;background:#fff}"
      ".note{background:#fff8e6;border:1px solid #f5d48a;border-radius:6px;padding:8px 12px;margin:8px 0}"
      ".ok{color:var(--ok)}.fail{color:var(--danger)}"
      ".login{max-width:360px;margin:80px auto}.login label{display:flex;flex-direction:column;gap:4px;margin-bottom:12px}"
      ".error{color:var(--danger);margin:0 0 12px}"
      "details summary{cursor:pointer;font-weight:600}"
      "code{font:12px ui-monospace,monospace;overflow-wrap:anywhere}"
      "ul.counts{margin:0;padding:0;list-style:none}ul.counts li{margin:0 0 2px}"
      "svg.trend{display:block;max-width:760px}h1 code{font-size:16px}";
  return css;
}

const std::string& script() {
  static const std::string js =
      "// impostor-console: select-all for the message list; nothing else.\n"
      "document.addEventListener('DOMContentLoaded', function () {\n"
      "  var all = document.getElementById('select-all');\n"
      "  if (!all) return;\n"
      "  all.addEventListener('change', function () {\n"
      "    document.querySelectorAll('input[name=ids]').forEach(function (b) { b.checked = all.checked; });\n"
      "  });\n"
      "});\n";
  return js;
}

std::string short_time(const std::string& iso) {
  if (iso.size() >= 16 && iso[10] == 'T') return iso.substr(0, 10) + " " + iso.substr(11, 5);
  return iso;
}

std::string human_size(uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KiB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return buf;
}

std::string list_query_string(const ListQuery& q) {
  std::string out;
  const auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "" : "&") + std::string(key) + "=" + url_encode(value);
  };
  add("family", q.filter.family);
  add("verdict", q.filter.verdict);
  add("state", q.filter.state);
  add("sender", q.filter.sender);
  add("rcpt", q.filter.recipient);
  add("from", q.filter.date_from);
  add("to", q.filter.date_to);
  add("q", q.text);
  add("campaign", q.campaign);
  return out;
}

std::string render_login(const std::string& error, const std::string& login_csrf) {
  std::string body =
      "<div class=\"card login\"><h1>Sign in</h1>" +
      (error.empty() ? std::string() : "<p class=\"error\" role=\"alert\">" + h(error) + "</p>") +
      "<form method=\"post\" action=\"/login\">"
      "<input type=\"hidden\" name=\"csrf\" value=\"" + a(login_csrf) + "\">"
      "<label>User<input name=\"user\" autocomplete=\"username\" required autofocus></label>"
      "<label>Password<input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
      "<button class=\"btn primary\" type=\"submit\">Sign in</button></form></div>";
  return layout("Sign in", nullptr, body);
}

std::string render_list(const PageContext& ctx, const ListQuery& q, const core::QuarantinePage& page) {
  const auto& f = q.filter;
  std::string body = "<h1>Held messages</h1>";
  // Filters (GET: a filtered view is a link one can share).
  body += "<form class=\"card filters\" method=\"get\" action=\"/messages\">";
  body += select("family", "Family", kFamilies, f.family, "any");
  body += select("verdict", "Verdict", kVerdicts, f.verdict, "any");
  body += select("state", "State", kStates, f.state, "any but deleted");
  body += input("sender", "Sender", f.sender);
  body += input("rcpt", "Recipient", f.recipient);
  body += input("from", "From date", f.date_from, "date");
  body += input("to", "To date", f.date_to, "date");
  // Free-text search and the campaign filter come from the Xapian index
  // (indexes/); without one the search field is shown but disabled.
  body += q.search_available
              ? input("q", "Search", q.text, "search")
              : input("q", "Search (needs the index)", "", "search",
                      " disabled placeholder=\"not available yet\"");
  if (q.search_available) body += input("campaign", "Campaign", q.campaign);
  body += "<button class=\"btn primary\" type=\"submit\">Filter</button>"
          "<a class=\"btn\" href=\"/messages\">Reset</a></form>";

  // Counts per family under the other filters.
  ListQuery without_family = q;
  without_family.filter.family.clear();
  const std::string base = list_query_string(without_family);
  body += "<div class=\"chips\"><a class=\"chip" + std::string(f.family.empty() ? " on" : "") +
          "\" href=\"/messages" + (base.empty() ? "" : "?" + a(base)) + "\">all families</a>";
  for (const auto& [family, count] : page.family_counts) {
    const std::string link = base + (base.empty() ? "" : "&") + "family=" + url_encode(family);
    body += "<a class=\"chip" + std::string(family == f.family ? " on" : "") +
            "\" href=\"/messages?" + a(link) + "\">" + h(family) + "<b>" + std::to_string(count) +
            "</b></a>";
  }
  body += "</div>";

  const std::string qs_here = list_query_string(q);
  const std::string here =
      "/messages?" + (qs_here.empty() ? "" : qs_here + "&") + "page=" + std::to_string(q.page);
  body += "<form class=\"card\" method=\"post\" action=\"/actions\">" + csrf_field(ctx) +
          "<input type=\"hidden\" name=\"back\" value=\"" + a(here) + "\">";
  body += "<div class=\"bar\">"
          "<span class=\"muted\" id=\"total\">" + std::to_string(page.total) + " message" +
          (page.total == 1 ? "" : "s") +
          (q.search_capped ? " (the search stops at its first " + std::to_string(kMaxSearchHits) +
                                 " matches: narrow it to see the rest)"
                           : "") +
          "</span>" + action_buttons(ctx, false) + "</div>";
  if (page.entries.empty()) {
    body += "<p class=\"muted\">Nothing matches.</p>";
  } else {
    body += "<table id=\"messages\"><thead><tr><th><input type=\"checkbox\" id=\"select-all\" "
            "title=\"select all on this page\"></th><th>Received (UTC)</th><th>From</th>"
            "<th>Subject</th><th>Families</th><th class=\"num\">Score</th><th>Verdict</th>"
            "<th>State</th></tr></thead><tbody>";
    for (const auto& r : page.entries) {
      const std::string url = "/messages/" + a(r.id);
      std::string rcpts;
      for (const auto& x : r.rcpts) rcpts += (rcpts.empty() ? "" : ", ") + x;
      body += "<tr data-id=\"" + a(r.id) + "\"><td><input type=\"checkbox\" name=\"ids\" value=\"" +
              a(r.id) + "\" aria-label=\"select " + a(r.id) + "\"></td>"
              "<td class=\"nowrap\">" + h(short_time(r.created)) + "</td>"
              "<td class=\"subj\">" + line(r.from.empty() ? r.mail_from : r.from) +
              "<div class=\"small muted\">to " + h(rcpts) + "</div></td>"
              "<td class=\"subj\"><a href=\"" + url + "\">" +
              (r.subject.empty() ? std::string("(no subject)") : line(r.subject)) + "</a></td>"
              "<td>" + family_badges(r.families) + "</td>"
              "<td class=\"num\">" + score_text(r.score) + "</td>"
              "<td>" + badge("verdict", r.verdict) + "</td><td>" + badge("state", r.state) +
              "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "</form>";

  const int64_t pages = std::max<int64_t>(1, (page.total + q.per_page - 1) / q.per_page);
  const std::string qs = list_query_string(q);
  const auto page_link = [&](int64_t n) {
    return "/messages?" + a(qs + (qs.empty() ? "" : "&") + "page=" + std::to_string(n));
  };
  body += "<div class=\"pager\">";
  if (q.page > 1) body += "<a class=\"btn\" rel=\"prev\" href=\"" + page_link(q.page - 1) + "\">\xE2\x86\x90 Newer</a>";
  body += "<span class=\"muted\">Page " + std::to_string(q.page) + " of " + std::to_string(pages) + "</span>";
  if (q.page < pages) body += "<a class=\"btn\" rel=\"next\" href=\"" + page_link(q.page + 1) + "\">Older \xE2\x86\x92</a>";
  body += "</div>";
  return layout("Held messages", &ctx, body);
}

std::string render_message(const PageContext& ctx, const MessagePage& m) {
  const auto& r = m.rec;
  const std::string url = "/messages/" + a(r.id);
  std::string body = "<p><a href=\"/messages\">\xE2\x86\x90 All messages</a></p>";
  body += "<h1 id=\"subject\">" +
          (r.subject.empty() ? std::string("(no subject)")
                             : highlight_html(r.subject, markers_of(r.hits_json, "subject"))) +
          "</h1>";
  body += "<p>" + badge("verdict", r.verdict) + badge("state", r.state) + family_badges(r.families) +
          " <span class=\"muted\">score</span> <b>" + score_text(r.score) + "</b></p>";

  body += "<form class=\"card\" method=\"post\" action=\"/actions\">" + csrf_field(ctx) +
          "<input type=\"hidden\" name=\"ids\" value=\"" + a(r.id) + "\">"
          "<input type=\"hidden\" name=\"back\" value=\"" + url + "\">" +
          action_buttons(ctx, m.release_needs_admin);
  if (m.release_needs_admin)
    body += "<p class=\"note\">This message carries an executable \xE2\x80\x9csecurity update\xE2\x80\x9d: "
            "only an admin may release it.</p>";
  body += "</form>";

  std::string rcpts;
  for (const auto& x : r.rcpts) rcpts += (rcpts.empty() ? "" : ", ") + x;
  body += "<section class=\"card\"><h2>Envelope</h2><dl class=\"kv env\">"
          "<dt>Id</dt><dd><code>" + h(r.id) + "</code></dd>"
          "<dt>Received</dt><dd>" + h(r.created) + "</dd>"
          "<dt>Queue id</dt><dd>" + h(r.queue_id) + "</dd>"
          "<dt>Client</dt><dd>" + h(r.client_addr) + "</dd>"
          "<dt>MAIL FROM</dt><dd>&lt;" + h(r.mail_from) + "&gt;</dd>"
          "<dt>RCPT TO</dt><dd>" + h(rcpts) + "</dd>"
          "<dt>From</dt><dd>" + line(r.from) + "</dd>"
          "<dt>Size</dt><dd>" + h(human_size(r.size)) + "</dd></dl>"
          "<p class=\"small\"><a href=\"" + url + "/raw\" target=\"_blank\" rel=\"noopener noreferrer\">"
          "View raw source</a></p></section>";

  body += "<section class=\"card\"><h2>Rule hits</h2><table id=\"hits\"><thead><tr><th>Rule</th>"
          "<th>Family</th><th class=\"num\">Score</th><th>Where</th><th>Evidence</th></tr></thead><tbody>";
  const json hits = json::parse(r.hits_json.empty() ? "[]" : r.hits_json, nullptr, false);
  if (hits.is_array())
    for (const auto& hit : hits) {
      if (!hit.is_object()) continue;
      const double score = hit.contains("score") && hit["score"].is_number() ? hit["score"].get<double>() : 0;
      body += std::string("<tr") + (score > 0 ? "" : " class=\"zero\"") + "><td class=\"rule\"><code>" +
              h(hit.value("id", "")) + "</code></td><td>" +
              h(hit.value("family", "")) + "</td><td class=\"num\">" + score_text(score) +
              "</td><td>" + h(hit.value("source", "")) + "</td><td class=\"ev\">" +
              h(hit.value("evidence", "")) + "</td></tr>";
    }
  body += "</tbody></table></section>";

  if (m.file_missing) {
    body += "<section class=\"card\"><p class=\"muted\">The message bytes are gone (deleted).</p></section>";
  } else {
    body += "<section class=\"card\"><h2>Text</h2><pre class=\"body\" id=\"text-body\">" +
            (m.body_text.empty() ? std::string("<span class=\"muted\">(no text part)</span>")
                                 : highlight_html(m.body_text, markers_of(r.hits_json, ""))) +
            "</pre></section>";
    if (m.has_html) {
      const std::string frame = url + "/html" + (m.load_images ? "?images=1" : "");
      body += "<section class=\"card\"><h2>HTML (sanitised, inert)</h2>"
              "<p class=\"small muted\">Scripts, forms and styles with URLs are removed; links are "
              "shown, not live. " +
              (m.load_images ? std::string("Remote images are loaded. <a href=\"" + url +
                                           "\">Block them again</a>")
                             : std::string("Remote images are blocked. <a id=\"load-images\" href=\"" +
                                           url + "?images=1\">Load images</a> (tells the sender "
                                           "the message was opened)")) +
              "</p><iframe class=\"html\" id=\"html-body\" title=\"sanitised HTML body\" sandbox "
              "referrerpolicy=\"no-referrer\" src=\"" + frame + "\"></iframe></section>";
    }
  }

  body += "<section class=\"card\"><h2>Attachments</h2>";
  if (m.attachments.empty()) {
    body += "<p class=\"muted\">None.</p>";
  } else {
    body += "<table id=\"attachments\"><thead><tr><th>Name</th><th>Type</th><th class=\"num\">Size</th>"
            "<th>SHA-256</th><th></th></tr></thead><tbody>";
    for (size_t i = 0; i < m.attachments.size(); ++i) {
      const auto& att = m.attachments[i];
      body += "<tr><td class=\"subj fname\">" + (att.filename.empty() ? "<span class=\"muted\">(unnamed)</span>" : line(att.filename)) +
              "</td><td>" + h(att.content_type) + "</td><td class=\"num\">" + h(human_size(att.size)) +
              "</td><td><code>" + h(att.sha256) + "</code></td><td>"
              "<form method=\"post\" action=\"" + url + "/attachments/" + std::to_string(i) + "\">" +
              csrf_field(ctx) + "<button class=\"btn\" type=\"submit\">Download</button></form></td></tr>";
    }
    body += "</tbody></table><p class=\"small muted\">Downloads are saved as files, never opened "
            "in the browser.</p>";
  }
  body += "</section>";

  body += "<details class=\"card\"><summary>Headers</summary><table>";
  for (const auto& [name, value] : m.headers)
    body += "<tr><th>" + h(name) + "</th><td class=\"subj\">" + h(value) + "</td></tr>";
  body += "</table></details>";

  body += "<section class=\"card\"><h2>Audit trail</h2><table id=\"audit\"><thead><tr><th>When (UTC)</th>"
          "<th>Who</th><th>Action</th><th>Detail</th></tr></thead><tbody>";
  for (const auto& e : m.audit)
    body += "<tr><td class=\"nowrap\">" + h(e.at) + "</td><td>" + h(e.who) + "</td><td>" +
            h(e.action) + "</td><td class=\"subj\">" + h(e.detail) + "</td></tr>";
  body += "</tbody></table></section>";
  return layout(r.subject.empty() ? r.id : r.subject, &ctx, body);
}

std::string render_results(const PageContext& ctx, Action action,
                           const std::vector<ActionResult>& results, const std::string& back) {
  std::string body = "<h1>" + h(std::string(to_string(action))) + ": " +
                     std::to_string(results.size()) + " message" + (results.size() == 1 ? "" : "s") +
                     "</h1><div class=\"card\"><table id=\"results\"><tbody>";
  for (const auto& r : results)
    body += "<tr class=\"" + std::string(r.ok ? "ok" : "fail") + "\"><td><code>" + h(r.id) +
            "</code></td><td>" + (r.ok ? "\xE2\x9C\x93 " : "\xE2\x9C\x97 ") + h(r.message) + "</td></tr>";
  if (results.empty()) body += "<tr><td class=\"muted\">No message was selected.</td></tr>";
  body += "</tbody></table></div><p><a class=\"btn\" href=\"" + a(back) + "\">Back</a></p>";
  return layout("Results", &ctx, body);
}

std::string render_users(const PageContext& ctx, const std::vector<User>& users,
                         const std::string& notice) {
  std::string body = "<h1>Accounts</h1>";
  if (!notice.empty()) body += "<p class=\"note\">" + h(notice) + "</p>";
  body += "<div class=\"card\"><table id=\"users\"><thead><tr><th>User</th><th>Role</th><th>Created</th>"
          "<th></th></tr></thead><tbody>";
  for (const auto& u : users) {
    body += "<tr><td>" + h(u.name) + "</td><td>" + h(to_string(u.role)) + "</td><td>" +
            h(u.created) + "</td><td>";
    if (u.name != ctx.user.name)
      body += "<form method=\"post\" action=\"/users/delete\">" + csrf_field(ctx) +
              "<input type=\"hidden\" name=\"user\" value=\"" + a(u.name) +
              "\"><button class=\"btn danger\" type=\"submit\">Remove</button></form>";
    body += "</td></tr>";
  }
  body += "</tbody></table></div>";
  body += "<form class=\"card filters\" method=\"post\" action=\"/users\">" + csrf_field(ctx) +
          "<label>User<input name=\"user\" required pattern=\"[A-Za-z0-9._@\\-]{1,64}\"></label>"
          "<label>Password<input name=\"password\" type=\"password\" minlength=\"8\" required "
          "autocomplete=\"new-password\"></label>" +
          select("role", "Role", {"viewer", "operator", "admin"}, "viewer", "choose") +
          "<button class=\"btn primary\" type=\"submit\">Add or update</button></form>";
  return layout("Accounts", &ctx, body);
}

std::string render_false_positives(const PageContext& ctx,
                                   const std::vector<core::FalsePositive>& rows) {
  std::string body =
      "<h1>Recorded false positives</h1><p class=\"muted\">Messages a reviewer released as "
      "\xE2\x80\x9cnot a scam\xE2\x80\x9d, with the rules that fired. Rule authors can also read "
      "them from the <code>false_positives</code> table in <code>quarantine.db</code>.</p>"
      "<div class=\"card\"><table><thead><tr><th>When (UTC)</th><th>Who</th><th>Subject</th>"
      "<th class=\"num\">Score</th><th>Rules</th></tr></thead><tbody>";
  for (const auto& fp : rows) {
    std::string rules;
    const json ids = json::parse(fp.rules_json, nullptr, false);
    if (ids.is_array())
      for (const auto& id : ids)
        if (id.is_string()) rules += "<code>" + h(id.get<std::string>()) + "</code> ";
    body += "<tr><td class=\"nowrap\">" + h(short_time(fp.at)) + "</td><td>" + h(fp.who) +
            "</td><td class=\"subj\"><a href=\"/messages/" + a(fp.entry_id) + "\">" +
            line(fp.subject.empty() ? "(no subject)" : fp.subject) + "</a></td><td class=\"num\">" +
            score_text(fp.score) + "</td><td>" + rules + "</td></tr>";
  }
  if (rows.empty()) body += "<tr><td colspan=\"5\" class=\"muted\">None yet.</td></tr>";
  body += "</tbody></table></div>";
  return layout("False positives", &ctx, body);
}

std::string render_campaigns(const PageContext& ctx,
                             const std::optional<std::vector<index::CampaignRecord>>& campaigns) {
  std::string body = "<h1>Campaigns</h1>";
  if (!campaigns) {
    body += "<div class=\"card\"><p class=\"muted\" id=\"no-index\">There is no campaign index yet. "
            "Build it with <code>impostor index --rebuild</code>; campaigns appear here once it "
            "exists.</p></div>";
    return layout("Campaigns", &ctx, body);
  }
  body += "<div class=\"card\"><table id=\"campaigns\"><thead><tr><th>Campaign</th><th>Family</th>"
          "<th class=\"num\">Messages</th><th>First seen (UTC)</th><th>Last seen (UTC)</th></tr></thead><tbody>";
  for (const auto& c : *campaigns)
    body += "<tr data-id=\"" + a(c.id) + "\"><td><a href=\"/campaigns/" + a(url_encode(c.id)) +
            "\"><code>" + h(c.id) + "</code></a></td><td>" + badge("fam", c.family) +
            "</td><td class=\"num\">" + std::to_string(c.size) + "</td><td class=\"nowrap\">" +
            h(short_time(index::iso8601(c.first_seen))) + "</td><td class=\"nowrap\">" +
            h(short_time(index::iso8601(c.last_seen))) + "</td></tr>";
  if (campaigns->empty()) body += "<tr><td colspan=\"5\" class=\"muted\">The index holds no campaign.</td></tr>";
  body += "</tbody></table></div>";
  return layout("Campaigns", &ctx, body);
}

namespace {

std::string counts_list(const Counts& counts, bool mono) {
  if (counts.empty()) return "<span class=\"muted\">none</span>";
  std::string out = "<ul class=\"counts\">";
  for (const auto& [value, n] : counts)
    out += "<li>" + (mono ? "<code>" + h(value) + "</code>" : h(value)) + " <span class=\"muted\">\xC3\x97" +
           std::to_string(n) + "</span></li>";
  return out + "</ul>";
}

std::string campaign_members_table(const std::vector<CampaignMember>& members) {
  std::string out = "<table id=\"members\"><thead><tr><th>Date (UTC)</th><th>Subject</th><th>From</th>"
                    "<th>State</th></tr></thead><tbody>";
  for (const auto& m : members) {
    const std::string subject = line(m.rec.subject.empty() ? "(no subject)" : m.rec.subject);
    // Only held mail has a message page; the rest was indexed from files.
    const std::string cell = m.rec.quarantine_id.empty()
                                 ? subject
                                 : "<a href=\"/messages/" + a(m.rec.quarantine_id) + "\">" + subject + "</a>";
    out += "<tr data-id=\"" + a(m.rec.quarantine_id) + "\"><td class=\"nowrap\">" +
           h(short_time(index::iso8601(m.rec.time))) + "</td><td class=\"subj\">" + cell + "</td><td>" +
           line(m.rec.from) + "</td><td>" + (m.state.empty() ? "" : badge("state", m.state)) + "</td></tr>";
  }
  if (members.empty()) out += "<tr><td colspan=\"4\" class=\"muted\">No members.</td></tr>";
  return out + "</tbody></table>";
}

}  // namespace

std::string render_campaign(const PageContext& ctx, const CampaignPage& c) {
  const auto& r = c.record;
  const std::string url = "/campaigns/" + a(url_encode(r.id));
  std::string body = "<p><a href=\"/campaigns\">\xE2\x86\x90 All campaigns</a></p>";
  body += "<h1>Campaign <code id=\"campaign-id\">" + h(r.id) + "</code></h1>";
  body += "<p>" + badge("fam", r.family) + " <b>" + std::to_string(r.size) + "</b> message" +
          (r.size == 1 ? "" : "s") + " <span class=\"muted\">\xC2\xB7 first seen " +
          h(short_time(index::iso8601(r.first_seen))) + " \xC2\xB7 last seen " +
          h(short_time(index::iso8601(r.last_seen))) + " UTC \xC2\xB7</span> <a href=\"/messages?campaign=" +
          a(url_encode(r.id)) + "\">Show in the message list</a></p>";

  // The whole campaign in one action, through the same runner as /actions.
  body += "<form class=\"card\" method=\"post\" action=\"" + url + "/actions\">" + csrf_field(ctx) +
          "<div class=\"bar\"><span class=\"muted\">Applies to the " + std::to_string(c.held) +
          " held message" + (c.held == 1 ? "" : "s") + " of this campaign</span>" +
          action_buttons(ctx, c.release_needs_admin) + "</div>";
  if (c.release_needs_admin)
    body += "<p class=\"note\">Some messages carry an executable \xE2\x80\x9csecurity update\xE2\x80\x9d: "
            "only an admin may release them.</p>";
  body += "</form>";

  body += "<section class=\"card\"><h2>Messages per day</h2>" + trend_svg(c.daily) + "</section>";
  const auto& ind = c.indicators;
  body += "<section class=\"card\"><h2>Indicators</h2><dl class=\"kv\" id=\"indicators\">"
          "<dt>Sender domains</dt><dd>" + counts_list(ind.sender_domains, false) +
          "</dd><dt>URL hosts</dt><dd>" + counts_list(ind.hosts, true) +
          "</dd><dt>Phone numbers</dt><dd>" + counts_list(ind.phones, true) +
          "</dd><dt>Attachments (SHA-256, name)</dt><dd>" + counts_list(ind.attachments, true) +
          "</dd></dl></section>";
  const std::string all_members = "<a href=\"/messages?campaign=" + a(url_encode(r.id)) + "\">";
  body += "<section class=\"card\"><h2>Members</h2>" +
          (c.members.size() < c.members_total
               ? "<p class=\"muted\" id=\"members-shown\">The newest " + std::to_string(c.members.size()) +
                     " of " + std::to_string(c.members_total) + "; " + all_members +
                     "all of them in the message list</a>.</p>"
               : std::string()) +
          campaign_members_table(c.members) + "</section>";
  return layout("Campaign " + r.id, &ctx, body);
}

std::string render_error(const PageContext* ctx, int status, const std::string& message) {
  return layout("Error", ctx,
                "<div class=\"card\"><h1>" + std::to_string(status) + "</h1><p>" + h(message) +
                    "</p><p><a href=\"/messages\">Back to the messages</a></p></div>");
}

}  // namespace impostor::console

// server.cc — see server.h for the invariants.
#include "console/server.h"

#include <httplib.h>
#include <sodium.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <regex>

#include "console/actions.h"
#include "console/campaigns.h"
#include "console/html_sanitizer.h"
#include "console/message_parts.h"
#include "console/pages.h"
#include "console/rate_limiter.h"
#include "console/search_hook.h"
#include "core/html_text.h"
#include "core/mime_parser.h"
#include "core/smtp_relay.h"

namespace impostor::console {
namespace {

constexpr const char* kSessionCookie = "impostor_session";
constexpr const char* kLoginCookie = "impostor_login";
constexpr size_t kMaxIdsPerAction = 500;
constexpr int64_t kPerPage = 50;
// Members listed on a campaign's page, newest first; the rest via the list.
constexpr size_t kCampaignMembersShown = 200;

std::string base64_sha256(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

// The value of cookie `name` in the request's Cookie header ("" when absent).
std::string cookie(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string item = header.substr(pos, end - pos);
    pos = end + 1;
    const size_t first = item.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    item.erase(0, first);
    const size_t eq = item.find('=');
    if (eq != std::string::npos && item.compare(0, eq, name) == 0) return item.substr(eq + 1);
  }
  return "";
}

bool behind_tls(const httplib::Request& req) {
  return req.get_header_value("X-Forwarded-Proto") == "https";
}

std::string cookie_header(const httplib::Request& req, const std::string& name,
                          const std::string& value, const std::string& path, int64_t max_age) {
  return name + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(max_age) +
         "; HttpOnly; SameSite=Strict" + (behind_tls(req) ? "; Secure" : "");
}

void set_header(httplib::Response& res, const std::string& name, const std::string& value) {
  res.headers.erase(name);
  res.set_header(name.c_str(), value);
}

void html(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  set_header(res, "Location", to);
}

// The first value of a form or query parameter, "" when absent.
std::string param(const httplib::Request& req, const char* key) {
  return req.has_param(key) ? req.get_param_value(key) : "";
}

std::string one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed)
    if (value == a) return value;
  return "";
}

std::string date_or_empty(const std::string& value) {
  static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  return std::regex_match(value, kDate) ? value : "";
}

std::string bounded(std::string value, size_t max = 200) {
  if (value.size() > max) value.resize(max);
  return value;
}

// The ids in both lists, in the order of the first.
std::vector<std::string> intersection(const std::vector<std::string>& first, std::vector<std::string> second) {
  std::sort(second.begin(), second.end());
  std::vector<std::string> out;
  for (const auto& id : first)
    if (std::binary_search(second.begin(), second.end(), id)) out.push_back(id);
  return out;
}

// A campaign id as the index makes them ("c-" + hex); the route regex and
// this are the only gates before the id reaches Xapian.
constexpr const char* kCampaignIdPattern = "c-[0-9a-f]{6,32}";

// Where to go back after an action: only our own list or message pages.
std::string safe_back(const std::string& back) {
  static const std::regex kBack("/messages(/q-[0-9]+-[0-9a-f]{8})?(\\?[A-Za-z0-9_.~%&=+-]*)?");
  return back.size() < 2000 && std::regex_match(back, kBack) ? back : "/messages";
}

// A file name safe in a Content-Disposition header, plus its RFC 5987 form.
std::string disposition(const std::string& filename, const std::string& fallback) {
  std::string ascii;
  for (const char c : filename) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    ascii.push_back(ok ? c : '_');
  }
  if (ascii.empty() || ascii.find_first_not_of("._") == std::string::npos) ascii = fallback;
  if (ascii.size() > 120) ascii.resize(120);
  std::string out = "attachment; filename=\"" + ascii + "\"";
  if (!filename.empty()) {
    static const char* kHex = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : filename.substr(0, 200)) {
      const auto b = static_cast<unsigned char>(c);
      if (std::isalnum(b) || b == '.' || b == '-' || b == '_') {
        encoded.push_back(c);
      } else {
        encoded += '%';
        encoded += kHex[b >> 4];
        encoded += kHex[b & 15];
      }
    }
    out += "; filename*=UTF-8''" + encoded;
  }
  return out;
}

}  // namespace

bool parse_listen(const std::string& spec, std::string& host, int& port) {
  static const std::regex kSpec("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})");
  std::smatch m;
  if (!std::regex_match(spec, m, kSpec)) return false;
  host = m[1].str();
  if (host.front() == '[') host = host.substr(1, host.size() - 2);
  port = std::stoi(m[2].str());
  return port > 0 && port < 65536;
}

struct ConsoleServer::Impl {
  std::shared_ptr<const core::Config> config;
  core::QuarantineStore& store;
  core::QuarantineQueries& queries;
  Accounts& accounts;
  ActionRunner actions;
  RateLimiter by_address{20, std::chrono::minutes(10)};
  RateLimiter by_user{5, std::chrono::minutes(10)};
  httplib::Server http;
  std::string page_csp;

  Impl(std::shared_ptr<const core::Config> cfg, core::QuarantineStore& s,
       core::QuarantineQueries& q, Accounts& acc)
      : config(std::move(cfg)),
        store(s),
        queries(q),
        accounts(acc),
        actions(s, q, [relay = config->relay](const std::string& from,
                                              const std::vector<std::string>& rcpts,
                                              std::string_view raw) {
          core::relay_smtp(relay, from, rcpts, raw);
        }) {
    page_csp = "default-src 'none'; script-src 'self'; style-src 'sha256-" +
               base64_sha256(stylesheet()) +
               "'; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; "
               "base-uri 'none'";
    routes();
  }

  std::optional<Session> session_of(const httplib::Request& req) {
    return accounts.session(cookie(req, kSessionCookie));
  }

  // CSRF: the form's token must be the session's, and a browser-sent Origin
  // must name this host.
  static bool same_origin(const httplib::Request& req) {
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty()) return true;
    const size_t scheme = origin.find("://");
    return scheme != std::string::npos && origin.substr(scheme + 3) == req.get_header_value("Host");
  }
  bool csrf_ok(const httplib::Request& req, const Session& s) {
    return same_origin(req) && tokens_equal(param(req, "csrf"), s.csrf);
  }

  // Runs `fn` for a signed-in user with at least `need`; POSTs also need a
  // valid CSRF token.
  template <typename Fn>
  httplib::Server::Handler guarded(Role need, bool post, Fn fn) {
    return [this, need, post, fn](const httplib::Request& req, httplib::Response& res) {
      const auto s = session_of(req);
      if (!s) return redirect(res, "/login");
      PageContext ctx{s->user, s->csrf};
      if (post && !csrf_ok(req, *s))
        return html(res, 403, render_error(&ctx, 403, "This form has expired or did not come from "
                                                      "this console. Reload the page and try again."));
      if (!at_least(s->user.role, need))
        return html(res, 403, render_error(&ctx, 403, std::string("This needs the ") +
                                                          to_string(need) + " role."));
      fn(req, res, ctx);
    };
  }

  void routes() {
    http.set_payload_max_length(1 << 20);
    http.set_read_timeout(30);
    http.set_write_timeout(60);
    http.set_keep_alive_max_count(100);

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      const bool open = req.path == "/login" || (req.method == "GET" && req.path == "/static/console.js");
      if (open || session_of(req)) return httplib::Server::HandlerResponse::Unhandled;
      redirect(res, "/login");
      return httplib::Server::HandlerResponse::Handled;
    });
    http.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
      const auto def = [&res](const char* name, const std::string& value) {
        if (!res.has_header(name)) res.set_header(name, value);
      };
      def("Content-Security-Policy", page_csp);
      def("X-Frame-Options", "DENY");
      def("X-Content-Type-Options", "nosniff");
      // same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
      // on our own form posts, and the Origin check below needs the real one.
      def("Referrer-Policy", "same-origin");
      def("Cache-Control", "no-store");
      def("Cross-Origin-Opener-Policy", "same-origin");
      def("Cross-Origin-Resource-Policy", "same-origin");
      def("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    });
    http.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "unknown error";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          std::cerr << "impostor-console: " << req.method << " " << req.path << ": " << what << "\n";
          res.headers.clear();
          html(res, 500, render_error(nullptr, 500, "Something went wrong on the server; it was logged."));
        });
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const auto s = session_of(req);
      PageContext ctx{s ? s->user : User{}, s ? s->csrf : ""};
      html(res, res.status, render_error(s ? &ctx : nullptr, res.status,
                                         res.status == 404 ? "No such page." : "Request refused."));
    });

    http.Get("/static/console.js", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(script(), "application/javascript; charset=utf-8");
      res.set_header("Cache-Control", "max-age=3600");
    });
    http.Get("/login", [this](const auto& req, auto& res) { login_page(req, res, "", 200); });
    http.Post("/login", [this](const auto& req, auto& res) { login(req, res); });
    http.Post("/logout", guarded(Role::viewer, true, [this](const auto& req, auto& res, const auto&) {
                accounts.end_session(cookie(req, kSessionCookie));
                res.set_header("Set-Cookie", cookie_header(req, kSessionCookie, "", "/", 0));
                redirect(res, "/login");
              }));
    http.Get("/", [](const auto&, auto& res) { redirect(res, "/messages"); });
    http.Get("/messages", guarded(Role::viewer, false, [this](const auto& req, auto& res, const auto& ctx) {
               list(req, res, ctx);
             }));
    http.Get(R"(/messages/(q-[0-9]+-[0-9a-f]{8}))",
             guarded(Role::viewer, false, [this](const auto& req, auto& res, const auto& ctx) {
               message(req, res, ctx);
             }));
    http.Get(R"(/messages/(q-[0-9]+-[0-9a-f]{8})/html)",
             guarded(Role::viewer, false, [this](const auto& req, auto& res, const auto&) {
               html_frame(req, res);
             }));
    http.Get(R"(/messages/(q-[0-9]+-[0-9a-f]{8})/raw)",
             guarded(Role::viewer, false, [this](const auto& req, auto& res, const auto&) {
               raw(req, res);
             }));
    http.Post(R"(/messages/(q-[0-9]+-[0-9a-f]{8})/attachments/([0-9]{1,4}))",
              guarded(Role::viewer, true, [this](const auto& req, auto& res, const auto& ctx) {
                attachment(req, res, ctx);
              }));
    http.Post("/actions", guarded(Role::viewer, true, [this](const auto& req, auto& res, const auto& ctx) {
                act(req, res, ctx);
              }));
    http.Get("/campaigns", guarded(Role::viewer, false, [this](const auto&, auto& res, const auto& ctx) {
               html(res, 200, render_campaigns(ctx, load_campaigns(*config)));
             }));
    http.Get(std::string("/campaigns/(") + kCampaignIdPattern + ")",
             guarded(Role::viewer, false, [this](const auto& req, auto& res, const auto& ctx) {
               campaign(req, res, ctx);
             }));
    http.Post(std::string("/campaigns/(") + kCampaignIdPattern + ")/actions",
              guarded(Role::viewer, true, [this](const auto& req, auto& res, const auto& ctx) {
                act_on_campaign(req, res, ctx);
              }));
    http.Get("/false-positives", guarded(Role::viewer, false, [this](const auto&, auto& res, const auto& ctx) {
               html(res, 200, render_false_positives(ctx, queries.false_positives(500)));
             }));
    http.Get("/users", guarded(Role::admin, false, [this](const auto&, auto& res, const auto& ctx) {
               html(res, 200, render_users(ctx, accounts.users(), ""));
             }));
    http.Post("/users", guarded(Role::admin, true, [this](const auto& req, auto& res, const auto& ctx) {
                add_user(req, res, ctx);
              }));
    http.Post("/users/delete", guarded(Role::admin, true, [this](const auto& req, auto& res, const auto& ctx) {
                remove_user(req, res, ctx);
              }));
  }

  // ---- sign in / out --------------------------------------------------------

  void login_page(const httplib::Request& req, httplib::Response& res, const std::string& error,
                  int status) {
    if (error.empty() && session_of(req)) return redirect(res, "/messages");
    // Login CSRF: a token in a path-scoped cookie and in the form (double
    // submit). An existing token is kept: the browser's own side requests
    // (/favicon.ico is redirected here) must not replace the one in the form.
    static const std::regex kToken("[A-Za-z0-9_-]{32}");
    std::string token = cookie(req, kLoginCookie);
    if (!std::regex_match(token, kToken)) token = random_token(24);
    res.set_header("Set-Cookie", cookie_header(req, kLoginCookie, token, "/login", 1800));
    html(res, status, render_login(error, token));
  }

  void login(const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req) || !tokens_equal(param(req, "csrf"), cookie(req, kLoginCookie)))
      return login_page(req, res, "The sign-in form expired. Please try again.", 403);
    const std::string name = bounded(param(req, "user"), 64);
    const std::string password = bounded(param(req, "password"), 1024);
    const std::string addr_key = "addr:" + req.remote_addr;
    const std::string user_key = "user:" + name;
    if (!by_address.allowed(addr_key) || !by_user.allowed(user_key)) {
      std::cerr << "impostor-console: login throttled for " << req.remote_addr << "\n";
      return login_page(req, res, "Too many failed sign-ins. Wait a few minutes and try again.", 429);
    }
    const auto user = accounts.authenticate(name, password);
    if (!user) {
      by_address.failure(addr_key);
      by_user.failure(user_key);
      std::cerr << "impostor-console: failed sign-in from " << req.remote_addr << "\n";
      return login_page(req, res, "Wrong user name or password.", 401);
    }
    by_user.success(user_key);
    const std::string token = accounts.start_session(*user);
    res.set_header("Set-Cookie",
                   cookie_header(req, kSessionCookie, token, "/", Accounts::kSessionSeconds));
    redirect(res, "/messages");
  }

  // ---- reading --------------------------------------------------------------

  void list(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    ListQuery q;
    q.filter.family = one_of(param(req, "family"), {"lottery", "card-validation", "fake-bulletin", "tech-support"});
    q.filter.verdict = one_of(param(req, "verdict"), {"accept", "tag", "quarantine", "reject"});
    q.filter.state = one_of(param(req, "state"), {"quarantined", "releasing", "released", "rejected", "deleted"});
    q.filter.sender = bounded(param(req, "sender"));
    q.filter.recipient = bounded(param(req, "rcpt"));
    q.filter.date_from = date_or_empty(param(req, "from"));
    q.filter.date_to = date_or_empty(param(req, "to"));
    q.text = bounded(param(req, "q"));
    q.search_available = search_available(*config);
    if (q.search_available && !q.text.empty()) {
      q.filter.ids = search_ids(*config, q.text);
      q.search_capped = q.filter.ids->size() >= kMaxSearchHits;
    }
    // A campaign's members, from the index: all of them, however many.
    static const std::regex kCampaignId(kCampaignIdPattern);
    if (const std::string c = bounded(param(req, "campaign"), 64); std::regex_match(c, kCampaignId)) {
      q.campaign = c;
      const auto loaded = load_campaign(*config, c);
      auto members = loaded ? member_quarantine_ids(loaded->campaign.members) : std::vector<std::string>{};
      q.filter.ids = q.filter.ids ? intersection(*q.filter.ids, std::move(members)) : std::move(members);
    }
    q.per_page = kPerPage;
    const std::string page = param(req, "page");
    if (!page.empty() && page.size() < 7 && page.find_first_not_of("0123456789") == std::string::npos)
      q.page = std::max<int64_t>(1, std::stoll(page));
    const auto found = queries.find(q.filter, (q.page - 1) * q.per_page, q.per_page);
    html(res, 200, render_list(ctx, q, found));
  }

  void message(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    const std::string id = req.matches[1].str();
    const auto rec = core::valid_quarantine_id(id) ? store.get(id) : std::nullopt;
    if (!rec) return html(res, 404, render_error(&ctx, 404, "No such message."));
    MessagePage m;
    m.rec = *rec;
    m.audit = store.audit(id);
    m.load_images = param(req, "images") == "1";
    m.release_needs_admin = release_needs_admin(*rec);
    std::string raw_bytes;
    try {
      raw_bytes = store.read_message(id);
    } catch (const core::StoreError&) {
      m.file_missing = true;
    }
    if (!m.file_missing) {
      const auto view = core::parse_message(raw_bytes, config->limits);
      m.headers = view.headers;
      auto parts = extract_parts(raw_bytes);
      m.has_html = !parts.html.empty();
      m.body_text = !parts.text.empty() ? parts.text
                                        : core::extract_html_text(parts.html).visible_text;
      m.attachments = std::move(parts.attachments);
    }
    html(res, 200, render_message(ctx, m));
  }

  void html_frame(const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1].str();
    if (!core::valid_quarantine_id(id) || !store.get(id)) return html(res, 404, "");
    std::string raw_bytes;
    try {
      raw_bytes = store.read_message(id);
    } catch (const core::StoreError&) {
      return html(res, 404, "");
    }
    SanitizeOptions options;
    options.load_remote_images = param(req, "images") == "1";
    const auto clean = sanitize_html(extract_parts(raw_bytes).html, options);
    // The second wall: even if markup slipped through, nothing may run,
    // load (but images the reviewer asked for), submit or navigate.
    set_header(res, "Content-Security-Policy",
               std::string("default-src 'none'; style-src 'unsafe-inline'; img-src data:") +
                   (options.load_remote_images ? " http: https:" : "") +
                   "; form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox");
    set_header(res, "X-Frame-Options", "SAMEORIGIN");
    html(res, 200, sanitized_document(clean));
  }

  void raw(const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1].str();
    if (!core::valid_quarantine_id(id) || !store.get(id)) return html(res, 404, "");
    try {
      res.set_content(store.read_message(id), "text/plain; charset=utf-8");
    } catch (const core::StoreError&) {
      return html(res, 404, "");
    }
    set_header(res, "Content-Security-Policy", "default-src 'none'; sandbox");
  }

  void attachment(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    const std::string id = req.matches[1].str();
    const size_t index = std::stoul(req.matches[2].str());
    if (!core::valid_quarantine_id(id) || !store.get(id))
      return html(res, 404, render_error(&ctx, 404, "No such message."));
    std::string raw_bytes;
    try {
      raw_bytes = store.read_message(id);
    } catch (const core::StoreError&) {
      return html(res, 404, render_error(&ctx, 404, "The message bytes are gone."));
    }
    auto parts = extract_parts(raw_bytes);
    if (index >= parts.attachments.size())
      return html(res, 404, render_error(&ctx, 404, "No such attachment."));
    const auto& att = parts.attachments[index];
    queries.add_audit(id, "console:" + ctx.user.name, "download",
                      "attachment " + std::to_string(index) + " sha256=" + att.sha256);
    res.set_content(att.bytes, "application/octet-stream");
    set_header(res, "Content-Disposition", disposition(att.filename, "attachment.bin"));
    set_header(res, "Content-Security-Policy", "default-src 'none'; sandbox");
  }

  void campaign(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    const std::string id = req.matches[1].str();
    auto loaded = load_campaign(*config, id);
    if (!loaded) return html(res, 404, render_error(&ctx, 404, "No such campaign in the index."));
    // Merged away: its survivor is the page that holds these messages now.
    if (loaded->resolved_id != id) {
      static const std::regex kId(kCampaignIdPattern);
      if (!std::regex_match(loaded->resolved_id, kId))
        return html(res, 404, render_error(&ctx, 404, "No such campaign in the index."));
      return redirect(res, "/campaigns/" + loaded->resolved_id);
    }
    CampaignPage page;
    page.record = loaded->campaign.record;
    auto& members = loaded->campaign.members;
    page.indicators = indicators_of(members);
    page.daily = daily_counts(members);
    // The held members' live records, in one query (deleted ones are not
    // among them; the few listed below are looked up one by one).
    const auto held_ids = member_quarantine_ids(members);
    page.held = held_ids.size();
    core::QuarantineFilter held;
    held.ids = held_ids;
    std::map<std::string, core::QuarantineRecord> live;
    for (auto& rec : queries.find(held, 0, static_cast<int64_t>(held_ids.size())).entries) {
      page.release_needs_admin = page.release_needs_admin || release_needs_admin(rec);
      live.emplace(rec.id, std::move(rec));
    }
    // The newest members are listed; the message list pages through all.
    page.members_total = members.size();
    const size_t shown = std::min(members.size(), kCampaignMembersShown);
    for (auto it = members.rbegin(); it != members.rbegin() + static_cast<std::ptrdiff_t>(shown); ++it) {
      CampaignMember m;
      m.state = it->state;
      const auto found = live.find(it->quarantine_id);
      const auto rec = found != live.end() ? std::optional(found->second)
                       : core::valid_quarantine_id(it->quarantine_id) ? store.get(it->quarantine_id)
                                                                      : std::nullopt;
      if (rec) {
        m.state = rec->state;
        m.release_needs_admin = release_needs_admin(*rec);
      }
      m.rec = std::move(*it);
      page.members.push_back(std::move(m));
    }
    html(res, 200, render_campaign(ctx, page));
  }

  // ---- acting ---------------------------------------------------------------

  void act(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    std::vector<std::string> ids;
    const size_t n = std::min(req.get_param_value_count("ids"), kMaxIdsPerAction);
    for (size_t i = 0; i < n; ++i) ids.push_back(req.get_param_value("ids", i));
    run_actions(req, res, ctx, ids, safe_back(param(req, "back")));
  }

  // The members come from the index on the server, not from the form: the
  // whole campaign, however big, and nothing a forged form adds.
  void act_on_campaign(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    const std::string id = req.matches[1].str();
    const auto loaded = load_campaign(*config, id);
    if (!loaded) return html(res, 404, render_error(&ctx, 404, "No such campaign in the index."));
    run_actions(req, res, ctx, member_quarantine_ids(loaded->campaign.members),
                "/campaigns/" + loaded->resolved_id);
  }

  // The one bulk-action path: role check, ActionRunner (per-message policy
  // and audit rows), a log line per message, the results page.
  void run_actions(const httplib::Request& req, httplib::Response& res, const PageContext& ctx,
                   const std::vector<std::string>& ids, const std::string& back) {
    Action action;
    if (!parse_action(param(req, "action"), action))
      return html(res, 400, render_error(&ctx, 400, "Unknown action."));
    if (!at_least(ctx.user.role, Role::operator_))
      return html(res, 403, render_error(&ctx, 403, "Viewers cannot release or delete mail."));
    const auto results = actions.run(action, ids, ctx.user);
    for (const auto& r : results)
      std::cerr << "impostor-console: " << ctx.user.name << " " << to_string(action) << " " << r.id
                << ": " << (r.ok ? "" : "failed: ") << r.message << "\n";
    const bool all_ok = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.ok; });
    html(res, all_ok ? 200 : 409, render_results(ctx, action, results, back));
  }

  void add_user(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    Role role;
    std::string notice;
    if (!parse_role(param(req, "role"), role)) {
      notice = "Choose a role.";
    } else if (param(req, "user") == ctx.user.name && role != Role::admin) {
      notice = "You cannot take the admin role from yourself.";
    } else {
      try {
        const std::string name = param(req, "user");
        notice = (accounts.set_user(name, param(req, "password"), role) ? "Added " : "Updated ") + name + ".";
      } catch (const AccountError& e) {
        notice = e.what();
      }
    }
    html(res, 200, render_users(ctx, accounts.users(), notice));
  }

  void remove_user(const httplib::Request& req, httplib::Response& res, const PageContext& ctx) {
    const std::string name = param(req, "user");
    std::string notice;
    if (name == ctx.user.name) notice = "You cannot remove yourself.";
    else notice = accounts.remove_user(name) ? "Removed " + name + "." : "No such user.";
    html(res, 200, render_users(ctx, accounts.users(), notice));
  }
};

ConsoleServer::ConsoleServer(std::shared_ptr<const core::Config> config, core::QuarantineStore& store,
                             core::QuarantineQueries& queries, Accounts& accounts)
    : impl_(std::make_unique<Impl>(std::move(config), store, queries, accounts)) {}

ConsoleServer::~ConsoleServer() = default;

bool ConsoleServer::bind(const std::string& host, int port) { return impl_->http.bind_to_port(host, port); }
bool ConsoleServer::serve() { return impl_->http.listen_after_bind(); }
void ConsoleServer::stop() { impl_->http.stop(); }

}  // namespace impostor::console

// pages.h — the console's server-rendered pages, as pure functions from data
// to HTML (no I/O), so they can be unit-tested and the HTTP layer stays thin.
//
// Invariants: every string that came from mail, the database or the request
// reaches the page through escape_html/escape_attr (or highlight_html, which
// uses them); the only markup from a message is the sanitiser's output, and
// that is never inlined here — it is loaded into a sandboxed iframe from its
// own URL. Pages carry no inline script; the one inline <style> is
// kStylesheet, whose hash the CSP names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "console/accounts.h"
#include "console/actions.h"
#include "console/campaigns.h"
#include "console/message_parts.h"
#include "core/quarantine_queries.h"
#include "core/quarantine_store.h"

namespace impostor::console {

// The one stylesheet, inlined into every page.
const std::string& stylesheet();
// The one script, served as /static/console.js (select-all checkboxes).
const std::string& script();

struct PageContext {
  User user;
  std::string csrf;
};

struct ListQuery {
  core::QuarantineFilter filter;
  std::string text;            // free-text search (needs the index)
  std::string campaign;        // a campaign's members only (needs the index)
  bool search_capped = false;  // the search hit its limit: there may be more
  bool search_available = false;
  int64_t page = 1;            // 1-based
  int64_t per_page = 50;
};

// The query string that reproduces `q` (without page), for links.
std::string list_query_string(const ListQuery& q);

struct MessagePage {
  core::QuarantineRecord rec;
  std::vector<core::AuditEvent> audit;
  std::vector<std::pair<std::string, std::string>> headers;  // decoded
  std::string body_text;        // text/plain, else the HTML's visible text
  bool has_html = false;
  std::vector<AttachmentPart> attachments;
  bool load_images = false;
  bool release_needs_admin = false;
  bool file_missing = false;    // deleted entries have no bytes
};

std::string render_login(const std::string& error, const std::string& login_csrf);
std::string render_list(const PageContext& ctx, const ListQuery& q, const core::QuarantinePage& page);
std::string render_message(const PageContext& ctx, const MessagePage& m);
std::string render_results(const PageContext& ctx, Action action,
                           const std::vector<ActionResult>& results, const std::string& back);
// One campaign member as its page lists it: the indexed record plus what
// the quarantine store says now (the index's state is as of indexing).
struct CampaignMember {
  index::MessageRecord rec;
  std::string state;            // live when held, else the indexed one
  bool release_needs_admin = false;
};

struct CampaignPage {
  index::CampaignRecord record;
  std::vector<CampaignMember> members;  // the newest ones, newest first
  size_t members_total = 0;             // all of them
  Indicators indicators;
  std::vector<std::pair<std::string, int64_t>> daily;
  bool release_needs_admin = false;  // some member carries an executable update
  size_t held = 0;                   // members with a quarantine id (what actions reach)
};

// nullopt: there is no index yet.
std::string render_campaigns(const PageContext& ctx,
                             const std::optional<std::vector<index::CampaignRecord>>& campaigns);
std::string render_campaign(const PageContext& ctx, const CampaignPage& c);
std::string render_users(const PageContext& ctx, const std::vector<User>& users,
                         const std::string& notice);
std::string render_false_positives(const PageContext& ctx,
                                   const std::vector<core::FalsePositive>& rows);
// ctx may be null (not signed in).
std::string render_error(const PageContext* ctx, int status, const std::string& message);

// "2026-11-20T08:15:00Z" → "2026-11-20 08:15".
std::string short_time(const std::string& iso);
// 1536 → "1.5 KiB".
std::string human_size(uint64_t bytes);

}  // namespace impostor::console

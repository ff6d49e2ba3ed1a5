// milter_session.cc — see milter_session.h.
#include "milter/milter_session.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "core/index_spool.h"
#include "core/policy.h"
#include "milter/logging.h"

namespace impostor::milter {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string one_decimal(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Header values may carry bare LF in folded lines; the stored message and
// the scan both get canonical CRLF.
void append_crlf(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) out += '\r';
    out += s[i];
  }
}

bool is_enhanced_code(std::string_view s) {
  // x.y.z with x in 2..5 and y, z numbers: "5.7.1".
  int dots = 0;
  bool digit = false;
  for (char c : s) {
    if (c == '.') {
      if (!digit) return false;
      ++dots;
      digit = false;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit && !s.empty() && s[0] >= '2' && s[0] <= '5';
}

}  // namespace

const char* to_string(Reply r) {
  switch (r) {
    case Reply::cont: return "continue";
    case Reply::accept: return "accept";
    case Reply::discard: return "discard";
    case Reply::reject: return "reject";
    case Reply::tempfail: return "tempfail";
    case Reply::noreply: return "noreply";
  }
  return "?";
}

const char* to_string(Stage s) {
  static const char* const names[] = {"negotiate", "connect", "helo", "envfrom", "envrcpt", "header",
                                      "eoh",       "body",    "eom",  "abort",   "close"};
  return names[static_cast<int>(s)];
}

std::string strip_angle(std::string_view a) {
  while (!a.empty() && std::isspace(static_cast<unsigned char>(a.front()))) a.remove_prefix(1);
  while (!a.empty() && std::isspace(static_cast<unsigned char>(a.back()))) a.remove_suffix(1);
  if (a.size() >= 2 && a.front() == '<' && a.back() == '>') a = a.substr(1, a.size() - 2);
  return std::string(a);
}

Session::Session(const SessionServices& services) : services_(services) {}

void Session::set_protocol(bool leading_space, const std::vector<Stage>& no_reply_stages) {
  leading_space_ = leading_space;
  no_reply_ = 0;
  for (Stage s : no_reply_stages) no_reply_ |= bit(s);
}

void Session::start_message() {
  // A failure deferred by a no-reply stage (MAIL FROM, say) belongs to this
  // message and must survive until end of message answers it.
  reset_message();
  gen_ = services_.current();
  if (!gen_ || !gen_->config) throw std::runtime_error("no engine loaded");
  const auto& c = *gen_->config;
  buffer_ = std::make_unique<MessageBuffer>(c.spill_bytes, c.limits.max_message_bytes,
                                            services_.spill_dir);
  in_message_ = true;
  started_ = std::chrono::steady_clock::now();
}

void Session::reset_message() {
  in_message_ = false;
  buffer_.reset();
  header_names_.clear();
  envelope_.queue_id.clear();
  envelope_.mail_from.clear();
  envelope_.rcpt_to.clear();
}

void Session::end_message() {
  reset_message();
  failed_.clear();
}

void Session::set_queue_id(const std::string& id) {
  if (!id.empty()) envelope_.queue_id = id;
}

Reply Session::on_connect(const std::string& client_name, const std::string& client_addr) {
  envelope_.client_name = client_name;
  envelope_.client_addr = client_addr;
  return Reply::cont;
}

Reply Session::on_helo(const std::string& helo) {
  envelope_.helo = helo;
  return Reply::cont;
}

Reply Session::on_envfrom(const std::string& mail_from, const std::string& queue_id) {
  start_message();
  envelope_.mail_from = strip_angle(mail_from);
  set_queue_id(queue_id);
  return collected(Stage::envfrom);
}

Reply Session::on_rcpt(const std::string& rcpt) {
  if (!in_message_) start_message();
  envelope_.rcpt_to.push_back(strip_angle(rcpt));
  return collected(Stage::envrcpt);
}

Reply Session::on_header(std::string_view name, std::string_view value) {
  if (!in_message_) start_message();
  header_names_.emplace_back(name);
  std::string line;
  line.reserve(name.size() + value.size() + 4);
  line.append(name);
  line += leading_space_ ? ":" : ": ";
  append_crlf(line, value);
  line += "\r\n";
  buffer_->append(line);
  return collected(Stage::header);
}

Reply Session::on_eoh(const std::string& queue_id) {
  if (!in_message_) start_message();
  set_queue_id(queue_id);
  buffer_->append("\r\n");
  return collected(Stage::eoh);
}

Reply Session::on_body(std::string_view chunk) {
  if (!in_message_) start_message();
  buffer_->append(chunk);
  return collected(Stage::body);
}

void Session::strip_forged_headers(MtaActions& mta) {
  // The MTA numbers fields per name (case-insensitively) from 1. Deleting
  // the highest index first keeps the lower indexes valid whatever the MTA
  // does with the numbering after a delete.
  std::map<std::string, int> seen;
  std::map<std::string, std::pair<std::string, std::vector<int>>> forged;
  for (const auto& name : header_names_) {
    const std::string key = lower(name);
    const int index = ++seen[key];
    if (key.rfind("x-impostor-", 0) == 0) {
      auto& entry = forged[key];
      if (entry.first.empty()) entry.first = name;
      entry.second.push_back(index);
    }
  }
  for (const auto& [key, entry] : forged)
    for (auto it = entry.second.rbegin(); it != entry.second.rend(); ++it)
      mta.delete_header(entry.first, *it);
}

std::string Session::reject_reply_text(const std::string& ref, std::string* xcode) const {
  std::string text = gen_->config->reject_message;
  *xcode = "5.7.1";
  const auto space = text.find(' ');
  if (space != std::string::npos && is_enhanced_code(text.substr(0, space))) {
    *xcode = text.substr(0, space);
    text = text.substr(space + 1);
  }
  return text + " (ref " + ref + ")";
}

Reply Session::on_eom(MtaActions& mta, const std::string& queue_id) {
  if (!in_message_) start_message();
  set_queue_id(queue_id);
  if (!failed_.empty()) throw std::runtime_error("an earlier stage failed: " + failed_);
  const auto t0 = std::chrono::steady_clock::now();

  const std::string_view raw = buffer_->view();
  // oversize_action = accept: mail past max_message_size passes unscanned
  // (ScanResult{} is accept, score 0) and the log says so.
  const bool unscanned = buffer_->truncated() && gen_->config->oversize_action == "accept";
  core::ScanResult result = unscanned ? core::ScanResult{} : gen_->scan(envelope_, raw);
  core::Verdict verdict = result.verdict;
  core::Action action = core::action_for(*gen_->config, verdict, result.categories);
  std::string action_note = unscanned ? "oversize-unscanned-" : "", ref;
  if (action == core::Action::quarantine && buffer_->truncated()) {
    // Only the first max_message_size bytes were kept: holding that would
    // lose the rest of the mail, so an oversized message is delivered, tagged.
    action = core::Action::deliver;
    verdict = std::min(verdict, core::Verdict::tag);
    action_note = "oversize-";
  }

  Reply reply = Reply::cont;
  switch (action) {
    case core::Action::deliver:
      add_verdict_headers(mta, verdict, result);
      action_note += "deliver";
      reply = Reply::cont;
      break;
    case core::Action::quarantine: {
      auto rec = core::record_from_scan(envelope_, result);
      rec.state = "quarantined";
      ref = services_.store(std::move(rec), raw);  // throws: never discard unstored mail
      action_note = "quarantine";
      reply = Reply::discard;
      break;
    }
    case core::Action::reject: {
      auto rec = core::record_from_scan(envelope_, result);
      rec.state = "rejected";
      ref = services_.store(std::move(rec), raw);
      std::string xcode;
      const std::string text = reject_reply_text(ref, &xcode);
      mta.set_reply("550", xcode, text);
      action_note = "reject";
      reply = Reply::reject;
      break;
    }
  }
  // Flagged mail also goes to the campaign indexer's spool; that never fails the mail.
  if (verdict >= core::Verdict::tag && gen_->config->index_flagged)
    if (const auto why = core::spool_for_index(gen_->config->state_dir, envelope_, result, raw, ref);
        !why.empty())
      log(LogLevel::warning, envelope_.queue_id + ": not spooled for indexing: " + why);
  const long ms = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count());
  log(LogLevel::info,
      message_log_line(envelope_, result, core::to_string(verdict), action_note, ref, ms));
  end_message();
  return reply;
}

void Session::add_verdict_headers(MtaActions& mta, core::Verdict verdict,
                                  const core::ScanResult& result) {
  strip_forged_headers(mta);
  mta.add_header("X-Impostor-Verdict", core::to_string(verdict));
  mta.add_header("X-Impostor-Score", one_decimal(result.score));
  mta.add_header("X-Impostor-Categories", join(result.categories, ", "));
}

Reply Session::on_abort() {
  end_message();
  return Reply::cont;
}

Reply Session::on_close() {
  end_message();
  return Reply::cont;
}

Reply Session::error_reply(MtaActions& mta) {
  auto g = gen_ ? gen_ : (services_.current ? services_.current() : nullptr);
  if (g && g->config && g->config->on_error == "accept") return Reply::accept;
  try {
    mta.set_reply("451", "4.7.1", "Temporary failure in the mail filter, try again later");
  } catch (...) {
    // The MTA's own tempfail text is fine too.
  }
  return Reply::tempfail;
}

Reply Session::guard(MtaActions& mta, Stage stage, const std::function<Reply()>& body) noexcept {
  std::string what;
  try {
    return body();
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  try {
    const std::string qid = envelope_.queue_id.empty() ? "NOQUEUE" : envelope_.queue_id;
    if (no_reply(stage)) {
      // This stage may not answer; the end of message will.
      if (failed_.empty()) failed_ = std::string(to_string(stage)) + ": " + what;
      log(LogLevel::error, qid + ": " + to_string(stage) + " failed: " + what);
      return Reply::noreply;
    }
    if (stage == Stage::abort || stage == Stage::close) {
      log(LogLevel::error, qid + ": " + to_string(stage) + " failed: " + what);
      return Reply::cont;
    }
    const Reply r = error_reply(mta);
    log(LogLevel::error, qid + ": " + to_string(stage) + " failed: " + what + "; answering " +
                             to_string(r));
    if (stage == Stage::eom) {
      log(LogLevel::info, message_log_line(envelope_, core::ScanResult{}, "error",
                                           std::string("error-") + to_string(r), "", 0));
      end_message();
    }
    return r;
  } catch (...) {
    return Reply::tempfail;
  }
}

}  // namespace impostor::milter

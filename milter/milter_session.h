// milter_session.h — one SMTP connection as the filter sees it: collects the
// envelope and the message bytes stage by stage (no analysis before end of
// message), then at end of message runs the generation's scan and acts.
//
// No libmilter here: callbacks.cc adapts SMFICTX to this class, and the unit
// tests drive it with a fake MtaActions. Invariants:
//  - a message is scanned with the generation taken at MAIL FROM;
//  - quarantine discards only after the store returned an id; reject stores
//    first too; a store failure takes the on_error path (451 4.7.1 or accept)
//    and never discards;
//  - forged X-Impostor-* fields are deleted before ours are added;
//  - mail past max_message_size is scanned truncated and never held (a
//    quarantine becomes tag), or with oversize_action = accept passes unscanned;
//  - every exception ends in guard(): the stage answers with on_error, or,
//    for stages negotiated as "no reply", the failure is remembered (across
//    the restarts of start_message) and answered at end of message.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/envelope.h"
#include "core/quarantine_store.h"
#include "milter/engine_holder.h"
#include "milter/message_buffer.h"
#include "milter/mta_actions.h"

namespace impostor::milter {

// What a stage answers; callbacks.cc maps it onto sfsistat.
enum class Reply { cont, accept, discard, reject, tempfail, noreply };
const char* to_string(Reply r);

enum class Stage { negotiate, connect, helo, envfrom, envrcpt, header, eoh, body, eom, abort, close };
const char* to_string(Stage s);

// Stores a message and returns its quarantine id; throws on any failure.
using StoreFn = std::function<std::string(core::QuarantineRecord, std::string_view raw)>;

struct SessionServices {
  std::function<std::shared_ptr<const Generation>()> current;
  StoreFn store;
  std::string spill_dir;  // where big messages spill (state_dir/tmp)
};

class Session {
 public:
  explicit Session(const SessionServices& services);

  // From xxfi_negotiate: header values keep their leading space; the stages
  // listed were negotiated as "no reply" (SMFIP_NR_*) and must answer noreply.
  void set_protocol(bool leading_space, const std::vector<Stage>& no_reply_stages);
  bool no_reply(Stage stage) const { return no_reply_ & bit(stage); }

  Reply on_connect(const std::string& client_name, const std::string& client_addr);
  Reply on_helo(const std::string& helo);
  Reply on_envfrom(const std::string& mail_from, const std::string& queue_id);
  Reply on_rcpt(const std::string& rcpt);
  Reply on_header(std::string_view name, std::string_view value);
  Reply on_eoh(const std::string& queue_id);
  Reply on_body(std::string_view chunk);
  Reply on_eom(MtaActions& mta, const std::string& queue_id);
  Reply on_abort();
  Reply on_close();

  // Runs one stage; catches everything and maps it to the on_error action.
  Reply guard(MtaActions& mta, Stage stage, const std::function<Reply()>& body) noexcept;

  const core::Envelope& envelope() const { return envelope_; }
  bool leading_space() const { return leading_space_; }
  // The message bytes as collected so far (header fields, blank line, body).
  std::string_view raw() { return buffer_ ? buffer_->view() : std::string_view(); }

 private:
  static unsigned bit(Stage s) { return 1u << static_cast<unsigned>(s); }
  // What a collecting stage answers: continue, or nothing when negotiated so.
  Reply collected(Stage stage) const { return no_reply(stage) ? Reply::noreply : Reply::cont; }
  Reply error_reply(MtaActions& mta);
  void start_message();
  void reset_message();
  void end_message();
  void add_verdict_headers(MtaActions& mta, core::Verdict verdict, const core::ScanResult& result);
  void set_queue_id(const std::string& id);
  void strip_forged_headers(MtaActions& mta);
  std::string reject_reply_text(const std::string& ref, std::string* xcode) const;

  const SessionServices& services_;
  std::shared_ptr<const Generation> gen_;
  core::Envelope envelope_;
  std::unique_ptr<MessageBuffer> buffer_;
  std::vector<std::string> header_names_;  // as received, in order
  bool in_message_ = false;
  std::string failed_;  // a deferred failure from a no-reply stage
  bool leading_space_ = false;
  unsigned no_reply_ = 0;  // bit(stage) for each stage negotiated as "no reply"
  std::chrono::steady_clock::time_point started_;
};

// Strips one pair of angle brackets from an SMTP address argument.
std::string strip_angle(std::string_view addr);

}  // namespace impostor::milter

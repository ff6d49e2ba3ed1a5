// mta_actions.h — what the filter may ask of the MTA at end of message.
// Implemented over libmilter's SMFICTX (callbacks.cc) and by a recording
// fake in tests/unit/test_milter_session.cc, so the session logic is tested
// without an MTA (OpenDKIM's test mode, done as an interface).
//
// Every method throws std::runtime_error when the MTA refuses the request;
// the session's guard turns that into the configured on_error action.
#pragma once

#include <string>

namespace impostor::milter {

class MtaActions {
 public:
  virtual ~MtaActions() = default;
  virtual void add_header(const std::string& name, const std::string& value) = 0;
  // Removes the `index`-th (1-based) header field called `name` (compared
  // case-insensitively, as the MTA does).
  virtual void delete_header(const std::string& name, int index) = 0;
  // SMTP reply for a reject or tempfail: rcode "550", xcode "5.7.1".
  virtual void set_reply(const std::string& rcode, const std::string& xcode,
                         const std::string& text) = 0;
};

}  // namespace impostor::milter

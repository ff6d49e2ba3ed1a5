// policy.h — what the milter does with a scanned message.
//
// The verdict says how sure the engine is; the action is the site's choice
// for that verdict (`action.tag`, `action.quarantine`, `action.reject` in
// impostor.conf) and, for mail held as a scam, for its family
// (`action.lottery`, `action.fake-bulletin`, ...). By default each verdict
// keeps its own action: accept and tag deliver, quarantine holds, reject refuses.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"

namespace impostor::core {

// Family actions apply only to mail whose verdict is quarantine or reject:
// a tagged message (a user forwarding a scam, a warning newsletter quoting
// one) is never held because of the family it talks about. When several of
// the message's families have an action, the strictest wins.
Action action_for(const Config& config, Verdict verdict, const std::vector<std::string>& categories);

}  // namespace impostor::core

// callbacks.h — the libmilter side of the filter: the smfiDesc with every
// xxfi_* callback, each a one-liner into a single guard (callbacks.cc).
#pragma once

#include <libmilter/mfapi.h>

#include "milter/milter_session.h"

namespace impostor::milter {

// Must be called once, before smfi_register/smfi_main; `services` outlives them.
void install_services(const SessionServices* services);
smfiDesc filter_description();
// Sessions alive now (bounded by max_threads; SIGTERM waits for zero).
int active_sessions();

}  // namespace impostor::milter

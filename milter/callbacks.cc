// callbacks.cc — libmilter callbacks → Session. Each xxfi_* is one line that
// calls dispatch(): it finds (or creates) the connection's Session, wraps the
// SMFICTX in MilterActions, runs the stage inside Session::guard and maps the
// answer to sfsistat. No exception ever crosses into libmilter.
//
// A connection beyond max_threads is answered with a temporary failure at
// connect: the client retries later instead of the filter running out of
// threads or memory.
#include "milter/callbacks.h"

#include <arpa/inet.h>
#include <libmilter/mfdef.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

#include "milter/logging.h"

namespace impostor::milter {

namespace {

const SessionServices* g_services = nullptr;
std::atomic<int> g_active{0};

// MtaActions over libmilter; every refusal throws so guard() sees it.
class MilterActions : public MtaActions {
 public:
  MilterActions(SMFICTX* ctx, bool leading_space) : ctx_(ctx), leading_space_(leading_space) {}
  void add_header(const std::string& name, const std::string& value) override {
    // With SMFIP_HDR_LEADSPC negotiated the MTA writes "Name:" + value as
    // given, so the customary space is ours to add.
    const std::string v = leading_space_ ? " " + value : value;
    if (smfi_addheader(ctx_, c(name), c(v)) != MI_SUCCESS)
      throw std::runtime_error("smfi_addheader " + name + " failed");
  }
  void delete_header(const std::string& name, int index) override {
    if (smfi_chgheader(ctx_, c(name), index, nullptr) != MI_SUCCESS)
      throw std::runtime_error("smfi_chgheader " + name + " failed");
  }
  void set_reply(const std::string& rcode, const std::string& xcode,
                 const std::string& text) override {
    // libmilter treats '%' as a format character in replies; CR/LF would
    // break the SMTP reply.
    std::string safe;
    for (char ch : text) {
      if (ch == '%') safe += "%%";
      else if (ch == '\r' || ch == '\n') safe += ' ';
      else safe += ch;
    }
    if (smfi_setreply(ctx_, c(rcode), c(xcode), c(safe)) != MI_SUCCESS)
      throw std::runtime_error("smfi_setreply failed");
  }

 private:
  // libmilter's API takes char* but does not write through it.
  static char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
  SMFICTX* ctx_;
  bool leading_space_;
};

// A Session that counts itself against max_threads.
struct CountedSession {
  explicit CountedSession(const SessionServices& s) : session(s) { ++g_active; }
  ~CountedSession() { --g_active; }
  Session session;
};

sfsistat to_sfsistat(Reply r) {
  switch (r) {
    case Reply::cont: return SMFIS_CONTINUE;
    case Reply::accept: return SMFIS_ACCEPT;
    case Reply::discard: return SMFIS_DISCARD;
    case Reply::reject: return SMFIS_REJECT;
    case Reply::tempfail: return SMFIS_TEMPFAIL;
    case Reply::noreply: return SMFIS_NOREPLY;
  }
  return SMFIS_TEMPFAIL;
}

std::string macro(SMFICTX* ctx, const char* name) {
  const char* v = smfi_getsymval(ctx, const_cast<char*>(name));
  return v ? v : "";
}

std::string address_text(const sockaddr* sa) {
  if (!sa) return "";
  char buf[INET6_ADDRSTRLEN] = {0};
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
  else if (sa->sa_family == AF_UNIX)
    return "local";
  return buf;
}

// The answer when there is no session to ask (allocation failed, or the
// session cap was hit): the on_error policy of the current generation.
sfsistat sessionless_reply(SMFICTX* ctx) {
  try {
    auto g = g_services && g_services->current ? g_services->current() : nullptr;
    if (g && g->config && g->config->on_error == "accept") return SMFIS_ACCEPT;
    smfi_setreply(ctx, const_cast<char*>("451"), const_cast<char*>("4.7.1"),
                  const_cast<char*>("Temporary failure in the mail filter, try again later"));
  } catch (...) {
  }
  return SMFIS_TEMPFAIL;
}

CountedSession* session_of(SMFICTX* ctx, bool create) {
  auto* s = static_cast<CountedSession*>(smfi_getpriv(ctx));
  if (s || !create) return s;
  auto g = g_services->current();
  const int cap = g && g->config ? g->config->max_threads : 16;
  if (g_active.load() >= cap) {
    log(LogLevel::warning, "NOQUEUE: max_threads (" + std::to_string(cap) +
                               ") sessions busy, answering tempfail");
    return nullptr;
  }
  s = new CountedSession(*g_services);
  smfi_setpriv(ctx, s);
  return s;
}

// THE guard: every callback comes through here.
template <class F>
sfsistat dispatch(SMFICTX* ctx, Stage stage, F&& body) noexcept {
  try {
    const bool create = stage == Stage::negotiate || stage == Stage::connect;
    CountedSession* s = session_of(ctx, create);
    if (!s) {
      if (stage == Stage::abort || stage == Stage::close) return SMFIS_CONTINUE;
      if (stage == Stage::negotiate) return SMFIS_ALL_OPTS;  // connect will refuse
      return sessionless_reply(ctx);
    }
    MilterActions mta(ctx, s->session.leading_space());
    const Reply r = s->session.guard(mta, stage, [&] { return body(s->session); });
    if (stage == Stage::close) {
      smfi_setpriv(ctx, nullptr);
      delete s;
    }
    return to_sfsistat(r);
  } catch (...) {
    return sessionless_reply(ctx);
  }
}

// The stages that only collect and so never need to answer: negotiated as
// "no reply", each saves the MTA a round trip per message (per line, for
// headers). Connect and HELO still answer: connect refuses past max_threads,
// and a HELO failure has no message to defer to.
constexpr std::pair<unsigned long, Stage> kNoReplyStages[] = {
    {SMFIP_NR_MAIL, Stage::envfrom}, {SMFIP_NR_RCPT, Stage::envrcpt},
    {SMFIP_NR_HDR, Stage::header},   {SMFIP_NR_EOH, Stage::eoh},
    {SMFIP_NR_BODY, Stage::body}};

// Negotiation: the actions we use, header values with their leading space
// (so stored mail is byte-exact), no unknown/DATA callbacks, and "no reply"
// for the collecting stages the MTA offers it for.
sfsistat negotiate(Session& s, unsigned long f0, unsigned long f1, unsigned long* pf0,
                   unsigned long* pf1, unsigned long* pf2, unsigned long* pf3) {
  const unsigned long want_actions = SMFIF_ADDHDRS | SMFIF_CHGHDRS;
  if ((f0 & want_actions) != want_actions) throw std::runtime_error("MTA cannot change headers");
  *pf0 = want_actions;
  unsigned long optional = SMFIP_HDR_LEADSPC | SMFIP_NOUNKNOWN | SMFIP_NODATA;
  for (const auto& [flag, stage] : kNoReplyStages) optional |= flag;
  *pf1 = f1 & optional;
  *pf2 = 0;
  *pf3 = 0;
  std::vector<Stage> no_reply;
  for (const auto& [flag, stage] : kNoReplyStages)
    if (*pf1 & flag) no_reply.push_back(stage);
  s.set_protocol(*pf1 & SMFIP_HDR_LEADSPC, no_reply);
  return SMFIS_CONTINUE;
}

// ---- the callbacks: one line each --------------------------------------------

sfsistat cb_negotiate(SMFICTX* ctx, unsigned long f0, unsigned long f1, unsigned long, unsigned long,
                      unsigned long* pf0, unsigned long* pf1, unsigned long* pf2, unsigned long* pf3) {
  sfsistat out = SMFIS_ALL_OPTS;
  dispatch(ctx, Stage::negotiate, [&](Session& s) { out = negotiate(s, f0, f1, pf0, pf1, pf2, pf3); return Reply::cont; });
  return out;
}
sfsistat cb_connect(SMFICTX* ctx, char* host, _SOCK_ADDR* sa) {
  return dispatch(ctx, Stage::connect, [&](Session& s) { return s.on_connect(host ? host : "", address_text(sa)); });
}
sfsistat cb_helo(SMFICTX* ctx, char* helo) {
  return dispatch(ctx, Stage::helo, [&](Session& s) { return s.on_helo(helo ? helo : ""); });
}
sfsistat cb_envfrom(SMFICTX* ctx, char** argv) {
  return dispatch(ctx, Stage::envfrom, [&](Session& s) { return s.on_envfrom(argv && argv[0] ? argv[0] : "", macro(ctx, "i")); });
}
sfsistat cb_envrcpt(SMFICTX* ctx, char** argv) {
  return dispatch(ctx, Stage::envrcpt, [&](Session& s) { return s.on_rcpt(argv && argv[0] ? argv[0] : ""); });
}
sfsistat cb_header(SMFICTX* ctx, char* name, char* value) {
  return dispatch(ctx, Stage::header, [&](Session& s) { return s.on_header(name ? name : "", value ? value : ""); });
}
sfsistat cb_eoh(SMFICTX* ctx) {
  return dispatch(ctx, Stage::eoh, [&](Session& s) { return s.on_eoh(macro(ctx, "i")); });
}
sfsistat cb_body(SMFICTX* ctx, unsigned char* data, size_t len) {
  return dispatch(ctx, Stage::body, [&](Session& s) { return s.on_body({reinterpret_cast<const char*>(data), len}); });
}
sfsistat cb_eom(SMFICTX* ctx) {
  return dispatch(ctx, Stage::eom, [&](Session& s) { MilterActions mta(ctx, s.leading_space()); return s.on_eom(mta, macro(ctx, "i")); });
}
sfsistat cb_abort(SMFICTX* ctx) {
  return dispatch(ctx, Stage::abort, [&](Session& s) { return s.on_abort(); });
}
sfsistat cb_close(SMFICTX* ctx) {
  return dispatch(ctx, Stage::close, [&](Session& s) { return s.on_close(); });
}

}  // namespace

void install_services(const SessionServices* services) { g_services = services; }

int active_sessions() { return g_active.load(); }

smfiDesc filter_description() {
  smfiDesc d{};
  d.xxfi_name = const_cast<char*>("impostor");
  d.xxfi_version = SMFI_VERSION;
  d.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS;
  d.xxfi_connect = cb_connect;
  d.xxfi_helo = cb_helo;
  d.xxfi_envfrom = cb_envfrom;
  d.xxfi_envrcpt = cb_envrcpt;
  d.xxfi_header = cb_header;
  d.xxfi_eoh = cb_eoh;
  d.xxfi_body = cb_body;
  d.xxfi_eom = cb_eom;
  d.xxfi_abort = cb_abort;
  d.xxfi_close = cb_close;
  d.xxfi_unknown = nullptr;
  d.xxfi_data = nullptr;
  d.xxfi_negotiate = cb_negotiate;
  return d;
}

}  // namespace impostor::milter

// null_milter.cc — the do-nothing baseline for bench/bench-milter.sh: a
// libmilter filter that negotiates the same conversation as impostor-milter
// (leading-space headers, no unknown/DATA callbacks, "no reply" for MAIL,
// RCPT, headers, end of headers and body) and answers "continue" at the end
// of every message without looking at it. Postfix + this filter, against
// Postfix + impostor-milter in the same run, prices the scanning alone.
//
//   bench/null_milter SPEC        (SPEC as libmilter takes it: inet:PORT@127.0.0.1)
//
// Runs in the foreground until SIGTERM or SIGINT.
#include <libmilter/mfapi.h>

#include <cstdio>

namespace {

constexpr unsigned long kNoReply =
    SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY;
// Any non-null private pointer means "this connection negotiated kNoReply".
int g_no_reply_marker;

sfsistat collected(SMFICTX* ctx) { return smfi_getpriv(ctx) ? SMFIS_NOREPLY : SMFIS_CONTINUE; }

sfsistat on_negotiate(SMFICTX* ctx, unsigned long, unsigned long f1, unsigned long,
                      unsigned long, unsigned long* pf0, unsigned long* pf1, unsigned long* pf2,
                      unsigned long* pf3) {
  const unsigned long wanted = SMFIP_HDR_LEADSPC | SMFIP_NOUNKNOWN | SMFIP_NODATA | kNoReply;
  // All the no-reply stages or none, so one marker says which.
  *pf1 = f1 & ((f1 & kNoReply) == kNoReply ? wanted : wanted & ~kNoReply);
  *pf0 = *pf2 = *pf3 = 0;
  smfi_setpriv(ctx, (*pf1 & kNoReply) ? &g_no_reply_marker : nullptr);
  return SMFIS_CONTINUE;
}
sfsistat on_connect(SMFICTX*, char*, _SOCK_ADDR*) { return SMFIS_CONTINUE; }
sfsistat on_helo(SMFICTX*, char*) { return SMFIS_CONTINUE; }
sfsistat on_envfrom(SMFICTX* ctx, char**) { return collected(ctx); }
sfsistat on_envrcpt(SMFICTX* ctx, char**) { return collected(ctx); }
sfsistat on_header(SMFICTX* ctx, char*, char*) { return collected(ctx); }
sfsistat on_eoh(SMFICTX* ctx) { return collected(ctx); }
sfsistat on_body(SMFICTX* ctx, unsigned char*, size_t) { return collected(ctx); }
sfsistat on_eom(SMFICTX*) { return SMFIS_CONTINUE; }
sfsistat on_abort(SMFICTX*) { return SMFIS_CONTINUE; }
sfsistat on_close(SMFICTX* ctx) {
  smfi_setpriv(ctx, nullptr);
  return SMFIS_CONTINUE;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: null_milter inet:PORT@127.0.0.1\n");
    return 64;
  }
  smfiDesc desc{};
  desc.xxfi_name = const_cast<char*>("null");
  desc.xxfi_version = SMFI_VERSION;
  desc.xxfi_connect = on_connect;
  desc.xxfi_helo = on_helo;
  desc.xxfi_envfrom = on_envfrom;
  desc.xxfi_envrcpt = on_envrcpt;
  desc.xxfi_header = on_header;
  desc.xxfi_eoh = on_eoh;
  desc.xxfi_body = on_body;
  desc.xxfi_eom = on_eom;
  desc.xxfi_abort = on_abort;
  desc.xxfi_close = on_close;
  desc.xxfi_negotiate = on_negotiate;
  if (smfi_register(desc) != MI_SUCCESS || smfi_setconn(argv[1]) != MI_SUCCESS ||
      smfi_opensocket(true) != MI_SUCCESS) {
    std::fprintf(stderr, "null_milter: cannot listen on %s\n", argv[1]);
    return 69;
  }
  return smfi_main() == MI_SUCCESS ? 0 : 70;
}

// smtp_relay.cc — see smtp_relay.h.
#include "core/smtp_relay.h"

#include <curl/curl.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace impostor::core {

namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

// curl_global_init is not thread-safe; run it once per process.
void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  std::string data;
  size_t pos = 0;
};

size_t read_cb(char* buf, size_t size, size_t nitems, void* user) {
  auto* up = static_cast<Upload*>(user);
  const size_t n = std::min(size * nitems, up->data.size() - up->pos);
  std::memcpy(buf, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

// Bare LF -> CRLF: libcurl only dot-stuffs after CRLF, and SMTP wants CRLF.
std::string to_crlf(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + raw.size() / 50 + 2);
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) out += '\r';
    out += raw[i];
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

std::string bracket(const std::string& addr) { return "<" + addr + ">"; }

std::string ehlo_name() {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "localhost";
  return host;
}

}  // namespace

std::string relay_url(const std::string& relay) {
  if (relay.rfind("smtp://", 0) == 0 || relay.rfind("smtps://", 0) == 0) return relay;
  // The URL path is the name libcurl says in EHLO.
  return "smtp://" + relay + "/" + ehlo_name();
}

void relay_smtp(const std::string& relay, const std::string& mail_from,
                const std::vector<std::string>& rcpts, std::string_view raw, long timeout_s) {
  if (rcpts.empty()) throw RelayError("no recipients to relay to");
  global_init();
  CurlPtr curl(curl_easy_init());
  if (!curl) throw RelayError("curl_easy_init failed");

  curl_slist* list = nullptr;
  for (const auto& r : rcpts) {
    curl_slist* next = curl_slist_append(list, bracket(r).c_str());
    if (!next) {
      curl_slist_free_all(list);
      throw RelayError("out of memory building the recipient list");
    }
    list = next;
  }
  SlistPtr rcpt_list(list);

  Upload up{to_crlf(raw), 0};
  char errbuf[CURL_ERROR_SIZE] = {0};
  const std::string url = relay_url(relay);
  const std::string from = bracket(mail_from);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt_list.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(c, CURLOPT_READDATA, &up);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(up.data.size()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads and no SIGALRM games
  curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    std::string msg = "relay to " + url + " failed: " + (errbuf[0] ? errbuf : curl_easy_strerror(rc));
    if (code) msg += " (last SMTP reply " + std::to_string(code) + ")";
    throw RelayError(msg);
  }
}

}  // namespace impostor::core

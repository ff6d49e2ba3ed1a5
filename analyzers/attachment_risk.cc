// attachment_risk.cc — see attachment_risk.h.
#include "analyzers/attachment_risk.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>

namespace impostor::analyzers {
namespace {

const std::set<std::string> kExecutableExtensions = {
    "exe", "scr", "com", "pif", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh",
    "hta", "ps1", "psm1", "msi", "msix", "msp", "appx", "appxbundle", "msixbundle", "lnk", "iso", "img",
    "vhd", "vhdx", "jar", "reg", "cpl", "dll", "chm", "url", "scf", "application", "gadget",
    "msc", "docm", "xlsm", "pptm", "dotm", "xlam", "ppam", "one", "sys", "apk", "dmg", "pkg",
    "sh", "py", "xll", "library-ms", "settingcontent-ms", "inf"};
const std::set<std::string> kHtmlExtensions = {"htm", "html", "xhtml", "shtml", "svg", "mht",
                                               "mhtml"};
const std::set<std::string> kArchiveExtensions = {"zip", "rar", "7z", "cab", "gz", "tgz", "bz2",
                                                  "xz", "tar", "ace", "arj", "lzh", "z"};
const std::set<std::string> kDocumentExtensions = {"pdf", "doc", "docx", "xls", "xlsx", "ppt",
                                                   "pptx", "txt", "jpg", "jpeg", "png", "gif",
                                                   "rtf", "csv", "htm", "html", "zip"};
// Link text that offers a file rather than just naming one.
const char* const kDownloadWords[] = {"download", "install", "setup", "ダウンロード", "インストール"};
const std::set<std::string> kExecutableTypes = {
    "application/x-dosexec", "application/x-executable", "application/x-msdownload",
    "application/x-ms-shortcut", "application/x-iso9660-image", "application/x-msi",
    "application/vnd.microsoft.portable-executable", "application/x-sharedlib",
    "application/java-archive", "application/hta", "application/x-ms-installer",
    "application/vnd.ms-cab-compressed"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Last extension and the one before it ("a.pdf.exe" -> {"exe", "pdf"}).
std::pair<std::string, std::string> extensions(const std::string& name) {
  std::string n = lower(name);
  while (!n.empty() && (n.back() == ' ' || n.back() == '.')) n.pop_back();
  const auto last = n.rfind('.');
  if (last == std::string::npos) return {"", ""};
  const std::string ext = n.substr(last + 1);
  const auto prev = n.rfind('.', last == 0 ? 0 : last - 1);
  if (prev == std::string::npos || last == 0) return {ext, ""};
  return {ext, n.substr(prev + 1, last - prev - 1)};
}

bool has_anomaly(const core::Attachment& a, const char* name) {
  return std::find(a.anomalies.begin(), a.anomalies.end(), name) != a.anomalies.end();
}

bool name_is_executable(const std::string& name) {
  return kExecutableExtensions.count(extensions(name).first) > 0;
}

bool names_program_or_archive(const std::string& file) {
  const std::string ext = extensions(file).first;
  return kExecutableExtensions.count(ext) || kArchiveExtensions.count(ext);
}

// A word in link text that is a file's name, not an address: "example.com"
// and "support@example.com" end in ".com" as well.
bool looks_like_file_name(const std::string& word) {
  return word.size() > 4 && word.find_first_of("/@") == std::string::npos && extensions(word).first != "com";
}

// The link's visible text offers the file it fetches ("Download update
// (TeamsSetup_x64.exe)"): a file-sharing host's address
// ("drive.google.com/uc?export=download&id=…") never shows the name. A
// program merely named ("Shortcut to RDesk.exe" on a newsletter's banner)
// is not offered.
bool anchor_offers_program(const std::string& anchor_text) {
  const std::string text = lower(anchor_text);
  const bool offers = std::any_of(std::begin(kDownloadWords), std::end(kDownloadWords),
                                  [&](const char* w) { return text.find(w) != std::string::npos; });
  if (!offers) return false;
  std::string word;
  for (char c : text + ' ') {
    if (std::string_view(" \t\n(),\"").find(c) != std::string_view::npos) {
      if (looks_like_file_name(word) && names_program_or_archive(word)) return true;
      word.clear();
    } else {
      word += c;
    }
  }
  return false;
}

}  // namespace

Risk attachment_risk(const core::Attachment& a) {
  Risk r;
  const auto [ext, prev] = extensions(a.filename);
  const std::string declared = lower(a.declared_type);
  if (kExecutableExtensions.count(ext) || kExecutableTypes.count(a.sniffed_type) ||
      kExecutableTypes.count(declared)) {
    r.risky = r.executable = true;
    r.why = a.filename.empty() ? a.sniffed_type : a.filename;
  }
  if (!prev.empty() && kDocumentExtensions.count(prev) && kExecutableExtensions.count(ext)) {
    r.double_extension = true;
    r.why = a.filename;
  }
  for (const auto& m : a.members)
    if (name_is_executable(m.name)) {
      r.risky = r.executable = true;
      r.why = m.name + " in " + a.filename;
      break;
    }
  if (!r.risky && has_anomaly(a, "archive-encrypted")) {
    r.risky = r.executable = true;
    r.why = "encrypted archive " + a.filename;
  }
  // An archive nobody can open hides what it carries as well as a password
  // does; gateways treat the unscannable as suspect, not as clean.
  if (!r.risky && kArchiveExtensions.count(ext) && has_anomaly(a, "archive-corrupt")) {
    r.risky = true;
    r.why = "unreadable archive " + a.filename;
  }
  if (!r.risky && (kHtmlExtensions.count(ext) ||
                   (!a.filename.empty() && a.sniffed_type == "text/html"))) {
    r.risky = true;
    r.why = "HTML attachment " + a.filename;
  }
  return r;
}

bool is_download_link(const core::Link& link) {
  // Only a web or FTP address with a path names a file: "mailto:x@cnet.com"
  // and "http://example.com" end in a top-level domain, not a ".com" program.
  std::string url = lower(link.href);
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  const std::string scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https" && scheme != "ftp") return false;
  for (char stop : {'?', '#'})
    if (auto p = url.find(stop); p != std::string::npos) url.resize(p);
  const auto path_start = url.find('/', scheme_end + 3);
  if (path_start == std::string::npos) return false;
  return names_program_or_archive(url.substr(url.rfind('/') + 1)) || anchor_offers_program(link.anchor_text);
}

}  // namespace impostor::analyzers

// attachment_risk.h — which attachments and links can run code or harvest
// credentials: executables, scripts, shortcuts, disk images, macro
// documents, HTML forms, double extensions ("invoice.pdf.exe") and archives
// that hold any of these (or are encrypted, so cannot be looked into).
#pragma once

#include <string>

#include "core/message_view.h"

namespace impostor::analyzers {

struct Risk {
  bool risky = false;
  bool executable = false;        // runs code when opened (not just HTML)
  bool double_extension = false;
  std::string why;                // "update.exe in patch.zip"
};

Risk attachment_risk(const core::Attachment& attachment);
// A link that downloads something risky (path ends in .exe, .zip ...).
bool is_download_link(const core::Link& link);

}  // namespace impostor::analyzers

// gobject_ptr.h — RAII ownership for GObject-based C objects (GMime streams,
// parsers, messages): a unique_ptr whose deleter is g_object_unref. Use it for
// every reference we own; borrowed pointers (GMime getters) stay raw.
#pragma once

#include <glib-object.h>

#include <memory>

namespace impostor::core {

struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};

template <typename T>
using gobj_ptr = std::unique_ptr<T, GObjectUnref>;

// GLib strings returned as "transfer full" (g_free).
struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using gchar_ptr = std::unique_ptr<char, GFree>;

}  // namespace impostor::core

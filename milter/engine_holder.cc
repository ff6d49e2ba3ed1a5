// engine_holder.cc — see engine_holder.h.
#include "milter/engine_holder.h"

#include "analyzers/engine.h"
#include "core/blob_cache.h"
#include "core/pipeline.h"

namespace impostor::milter {

std::shared_ptr<const Generation> EngineHolder::build() {
  // Everything heavy (parsing, rule compilation) happens here, outside the
  // lock, while the old generation keeps serving.
  auto config = analyzers::load_config(config_path_);
  // Compiled rule databases are cached in state_dir/cache (compiling the
  // shipped rules takes seconds, loading them a fraction of one), never in
  // a home directory. A state_dir change waits for a restart, like the store.
  std::string state_dir;
  {
    std::lock_guard lock(mu_);
    state_dir = current_ ? current_->config->state_dir : config->state_dir;
  }
  core::blob_cache::set_directory(state_dir + "/cache");
  auto pipeline = analyzers::make_pipeline(config);
  auto g = std::make_shared<Generation>();
  g->config = config;
  g->scan = [pipeline](const core::Envelope& env, std::string_view raw) {
    return pipeline->scan(env, raw);
  };
  std::lock_guard lock(mu_);
  g->number = next_number_++;
  return g;
}

void EngineHolder::load() {
  auto g = build();
  install(std::move(g));
}

bool EngineHolder::reload(std::string* why) {
  try {
    auto g = build();
    install(std::move(g));
    return true;
  } catch (const std::exception& e) {
    if (why) *why = e.what();
  } catch (...) {
    if (why) *why = "unknown error";
  }
  return false;
}

std::shared_ptr<const Generation> EngineHolder::current() const {
  std::lock_guard lock(mu_);
  return current_;
}

void EngineHolder::install(std::shared_ptr<const Generation> g) {
  std::lock_guard lock(mu_);
  current_ = std::move(g);
}

}  // namespace impostor::milter

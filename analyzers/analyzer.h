// analyzer.h — the set of analyzers the engine runs. The interface itself
// (core::Analyzer, core::AnalysisContext) lives in core/analysis.h so that
// the pipeline in core never includes this folder.
#pragma once

#include <memory>
#include <vector>

#include "core/analysis.h"

namespace impostor::analyzers {

using core::AnalysisContext;
using core::Analyzer;
using core::Findings;

// Every analyzer, in the order they run: rule matching first, then the
// analyzers that combine signals.
std::vector<std::unique_ptr<Analyzer>> make_all_analyzers();

}  // namespace impostor::analyzers

// placeholder
#include "analyzers/analyzer.h"

// placeholder
#include "analyzers/rule_analyzer.h"

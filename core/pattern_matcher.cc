// placeholder
#include "core/pattern_matcher.h"

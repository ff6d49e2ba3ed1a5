// placeholder
#include "core/scorer.h"

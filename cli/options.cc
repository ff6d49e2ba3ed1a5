// placeholder
#include "cli/options.h"

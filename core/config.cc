// placeholder
#include "core/config.h"

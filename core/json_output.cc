// placeholder
#include "core/json_output.h"

// placeholder
#include "core/rule_set.h"

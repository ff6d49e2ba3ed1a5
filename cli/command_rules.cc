// placeholder
#include "cli/command_rules.h"

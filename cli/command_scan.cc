// placeholder
#include "cli/command_scan.h"

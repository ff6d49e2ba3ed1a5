// placeholder
#include "analyzers/impersonation.h"

// placeholder
#include "analyzers/tech_support.h"

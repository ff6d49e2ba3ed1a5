// placeholder
#include "analyzers/engine.h"

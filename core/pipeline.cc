// placeholder
#include "core/pipeline.h"

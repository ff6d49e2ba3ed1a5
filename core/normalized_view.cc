// placeholder
#include "core/normalized_view.h"

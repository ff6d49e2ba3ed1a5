// placeholder
#include "core/charset.h"

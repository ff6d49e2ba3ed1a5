// placeholder
#include "core/html_text.h"

// placeholder
#include "core/mime_parser.h"

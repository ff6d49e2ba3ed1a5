// placeholder
#include "analyzers/fake_bulletin.h"

// libdeflate, for compressing the cache's story bodies and reading them whole (BriefStore `DeflatedText`).
#include <libdeflate.h>

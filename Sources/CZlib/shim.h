// zlib (deflate) for the cache's compressed original texts (BriefStore `DeflatedText`).
#include <zlib.h>

// OpenSSL's libcrypto for the content hash (BriefStore `ContentHash`): SHA-256 with the CPU's SHA instructions where
// it has them.
#include <openssl/evp.h>
#include <openssl/provider.h>

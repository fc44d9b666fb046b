#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bn.h>
#include <openssl/bio.h>
#include <openssl/param_build.h>

// Swift cannot call macros; these wrap the ones CMKCrypto needs.
static inline void COpenSSL_free(void *pointer) { OPENSSL_free(pointer); }

/* Adds one X.509v3 extension written as OpenSSL's configuration text (e.g. "critical,CA:TRUE") to `certificate`,
   issued by `issuer` (which is `certificate` itself for a self-signed one). Returns 1 on success. */
static inline int COpenSSL_add_extension(X509 *certificate, X509 *issuer, int nid, const char *value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, NULL, NULL, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(NULL, &context, nid, value);
    if (extension == NULL) return 0;
    int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    return added;
}

static inline long COpenSSL_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

static inline int COpenSSL_EVP_PKEY_CTX_set_rsa_padding(EVP_PKEY_CTX *ctx, int padding) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, padding);
}

// EVP_PKEY_PUBLIC_KEY is a composite macro Swift cannot import.
static inline int COpenSSL_EVP_PKEY_PUBLIC_KEY(void) { return EVP_PKEY_PUBLIC_KEY; }
// EVP_PKEY_KEYPAIR likewise.
static inline int COpenSSL_EVP_PKEY_KEYPAIR(void) { return EVP_PKEY_KEYPAIR; }

// OAEP labels are owned by the context and must come from OpenSSL's allocator.
static inline void *COpenSSL_memdup(const void *data, size_t size) { return OPENSSL_memdup(data, size); }

#endif

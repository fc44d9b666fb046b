internal import COpenSSL

/// The members of an RSA private JSON Web Key (RFC 7518 §6.3), big-endian, as Key Vault's key import receives them.
///
/// The private members are held in `SecureBytes`, so they are zeroed when released.
public struct RSAPrivateKeyComponents: Sendable {
    public var modulus: [UInt8]
    public var publicExponent: [UInt8]
    public var privateExponent: SecureBytes
    public var prime1: SecureBytes
    public var prime2: SecureBytes
    public var exponent1: SecureBytes
    public var exponent2: SecureBytes
    public var coefficient: SecureBytes

    /// - Parameters: the JWK members `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi`.
    public init(n: [UInt8], e: [UInt8], d: SecureBytes, p: SecureBytes, q: SecureBytes, dp: SecureBytes,
                dq: SecureBytes, qi: SecureBytes) {
        modulus = n
        publicExponent = e
        privateExponent = d
        prime1 = p
        prime2 = q
        exponent1 = dp
        exponent2 = dq
        coefficient = qi
    }
}

extension RSAPrivateKey {
    /// Imports a private key from the members of an RSA private JWK; OpenSSL checks that they form a key pair.
    ///
    /// - Throws: `CryptoError.invalidKey` when the members do not make a consistent RSA private key.
    @_spi(KeySealing)
    public convenience init(components: RSAPrivateKeyComponents) throws {
        var numbers: [OpaquePointer] = []
        defer { numbers.forEach { BN_clear_free($0) } }
        func number(_ bytes: UnsafeRawBufferPointer) throws -> OpaquePointer {
            guard bytes.count > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  let value = BN_bin2bn(base, Int32(bytes.count), nil)
            else {
                throw CryptoError.invalidKey("an RSA private JWK member is empty or malformed")
            }
            numbers.append(value)
            return value
        }
        let n = try components.modulus.withUnsafeBytes(number)
        let e = try components.publicExponent.withUnsafeBytes(number)
        let d = try components.privateExponent.withUnsafeBytes(number)
        let p = try components.prime1.withUnsafeBytes(number)
        let q = try components.prime2.withUnsafeBytes(number)
        let dp = try components.exponent1.withUnsafeBytes(number)
        let dq = try components.exponent2.withUnsafeBytes(number)
        let qi = try components.coefficient.withUnsafeBytes(number)
        guard let builder = OSSL_PARAM_BLD_new() else {
            throw CryptoError.fromLibrary("OSSL_PARAM_BLD_new")
        }
        defer { OSSL_PARAM_BLD_free(builder) }
        let pairs: [(UnsafePointer<CChar>, OpaquePointer)] = [
            (OSSLParameterName.rsaModulus, n), (OSSLParameterName.rsaPublicExponent, e),
            (OSSLParameterName.rsaPrivateExponent, d), (OSSLParameterName.rsaFactor1, p),
            (OSSLParameterName.rsaFactor2, q), (OSSLParameterName.rsaExponent1, dp),
            (OSSLParameterName.rsaExponent2, dq), (OSSLParameterName.rsaCoefficient1, qi),
        ]
        for (name, value) in pairs where OSSL_PARAM_BLD_push_BN(builder, name, value) != 1 {
            throw CryptoError.fromLibrary("OSSL_PARAM_BLD_push_BN")
        }
        guard let params = OSSL_PARAM_BLD_to_param(builder) else {
            throw CryptoError.fromLibrary("OSSL_PARAM_BLD_to_param")
        }
        defer { OSSL_PARAM_free(params) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_new_from_name(RSA)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var made: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1,
              EVP_PKEY_fromdata(context, &made, COpenSSL_EVP_PKEY_KEYPAIR(), params) == 1, let made
        else {
            ERR_clear_error()
            throw CryptoError.invalidKey("the JWK members do not form an RSA private key")
        }
        let key = EVPKey(taking: made)
        guard let check = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else {
            throw CryptoError.fromLibrary("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { EVP_PKEY_CTX_free(check) }
        guard EVP_PKEY_pairwise_check(check) == 1 else {
            ERR_clear_error()
            throw CryptoError.invalidKey("the JWK's private members do not match its public key")
        }
        try self.init(evpKey: key)
    }
}

/// OSSL_PARAM keys as C strings with static lifetime.
///
/// `OSSL_PARAM` and `OSSL_PARAM_BLD` keep the key *pointer*, not a copy, so a temporary bridged from a Swift
/// `String` would dangle before OpenSSL reads it. String literals in a `StaticString` live for the whole run.
enum OSSLParameterName {
    static var digest: UnsafePointer<CChar> { pointer(to: "digest") }
    static var key: UnsafePointer<CChar> { pointer(to: "key") }
    static var salt: UnsafePointer<CChar> { pointer(to: "salt") }
    static var info: UnsafePointer<CChar> { pointer(to: "info") }
    static var rsaModulus: UnsafePointer<CChar> { pointer(to: "n") }
    static var rsaPublicExponent: UnsafePointer<CChar> { pointer(to: "e") }
    static var rsaPrivateExponent: UnsafePointer<CChar> { pointer(to: "d") }
    static var rsaFactor1: UnsafePointer<CChar> { pointer(to: "rsa-factor1") }
    static var rsaFactor2: UnsafePointer<CChar> { pointer(to: "rsa-factor2") }
    static var rsaExponent1: UnsafePointer<CChar> { pointer(to: "rsa-exponent1") }
    static var rsaExponent2: UnsafePointer<CChar> { pointer(to: "rsa-exponent2") }
    static var rsaCoefficient1: UnsafePointer<CChar> { pointer(to: "rsa-coefficient1") }

    private static func pointer(to name: StaticString) -> UnsafePointer<CChar> {
        precondition(name.hasPointerRepresentation, "OSSL_PARAM names must be string literals")
        return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

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

    private static func pointer(to name: StaticString) -> UnsafePointer<CChar> {
        precondition(name.hasPointerRepresentation, "OSSL_PARAM names must be string literals")
        return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

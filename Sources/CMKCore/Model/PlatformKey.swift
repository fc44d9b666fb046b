import CMKCrypto

/// The installation's platform key: 32 secret bytes that seal private key material at rest and form the platform
/// content layer.
///
/// The bytes live in zeroizing memory; the store reads them from its key file into a buffer it wipes, and writes
/// them out only when it creates that file. Equality runs in constant time, and the description hides the bytes.
public struct PlatformKey: Sendable, Equatable, CustomStringConvertible {
    /// The key length: AES-256.
    public static let byteCount = 32

    /// The secret, for CMKCore's key derivations only.
    let secret: SecureBytes

    /// A key holding a copy of `source`; the caller wipes its own buffer.
    ///
    /// - Parameter source: Exactly `byteCount` bytes, as read from the key file (whose size the store has
    ///   checked).
    public init(copying source: UnsafeRawBufferPointer) {
        precondition(source.count == Self.byteCount,
                     "a platform key is \(Self.byteCount) bytes, not \(source.count)")
        self.secret = SecureBytes(copying: source)
    }

    private init(secret: SecureBytes) {
        self.secret = secret
    }

    /// A new key from the system's cryptographically secure random generator.
    public static func generate() -> PlatformKey {
        PlatformKey(secret: SecureBytes.random(count: byteCount))
    }

    /// Calls `body` with the secret bytes, for writing the key file when it is created. Do not let the pointer
    /// escape or keep a copy.
    ///
    /// - Parameter body: A closure reading the bytes.
    /// - Throws: Whatever `body` throws.
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes(body)
    }

    /// Compares in constant time.
    public static func == (lhs: PlatformKey, rhs: PlatformKey) -> Bool {
        lhs.secret == rhs.secret
    }

    public var description: String {
        "PlatformKey(\(Self.byteCount) bytes)"
    }
}

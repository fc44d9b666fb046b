import CMKCrypto

/// What an installation key is for; it names the key in messages and keeps the two kinds apart in the type system.
public protocol InstallationKeyPurpose: Sendable {
    /// What the key is called in messages, e.g. "platform key".
    static var displayName: String { get }
}

/// A 32-byte secret that one state home keeps in a file of its own and never prints: the platform key and the
/// vault master key.
///
/// The bytes live in zeroizing memory; the store reads them from the key file into a buffer it wipes, and writes
/// them out only when it creates that file. Equality runs in constant time, and the description hides the bytes.
public struct InstallationKey<Purpose: InstallationKeyPurpose>: Sendable, Equatable, CustomStringConvertible {
    /// The key length: AES-256.
    public static var byteCount: Int { 32 }
    /// What the key is called in messages.
    public static var displayName: String { Purpose.displayName }

    /// The secret, for CMKCore's key derivations and sealing only.
    let secret: SecureBytes

    /// A key holding a copy of `source`; the caller wipes its own buffer.
    ///
    /// - Parameter source: Exactly `byteCount` bytes, as read from the key file (whose size the store has
    ///   checked).
    public init(copying source: UnsafeRawBufferPointer) {
        precondition(source.count == Self.byteCount,
                     "a \(Self.displayName) is \(Self.byteCount) bytes, not \(source.count)")
        self.secret = SecureBytes(copying: source)
    }

    private init(secret: SecureBytes) {
        self.secret = secret
    }

    /// A new key from the system's cryptographically secure random generator.
    public static func generate() -> Self {
        Self(secret: SecureBytes.random(count: byteCount))
    }

    /// Calls `body` with the secret bytes, for writing the key file when it is created. Do not let the pointer
    /// escape or keep a copy.
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes(body)
    }

    /// Compares in constant time.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.secret == rhs.secret
    }

    public var description: String {
        "\(Purpose.displayName) (\(Self.byteCount) bytes)"
    }
}

/// The platform (service-managed) layer of every registry's content. It lives on the control side of the state
/// home (`control/platform.key`), never beside the content it opens.
public enum PlatformKeyPurpose: InstallationKeyPurpose {
    public static let displayName = "platform key"
}

/// The simulated Key Vault service's master key (`control/vault.key`): it seals every key version's RSA private
/// key at rest, so key material opens only inside the vault's trust domain.
public enum VaultMasterKeyPurpose: InstallationKeyPurpose {
    public static let displayName = "vault master key"
}

/// The installation's platform key.
public typealias PlatformKey = InstallationKey<PlatformKeyPurpose>
/// The simulated Key Vault's master key.
public typealias VaultMasterKey = InstallationKey<VaultMasterKeyPurpose>

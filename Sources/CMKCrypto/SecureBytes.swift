internal import COpenSSL

/// Secret bytes that are zeroed when released.
///
/// Keys and other secrets live here rather than in `[UInt8]`: the storage is wiped with `OPENSSL_cleanse` on
/// `deinit`, the bytes are reachable only through `withUnsafeBytes`, `==` runs in constant time
/// (`CRYPTO_memcmp`), and neither `description` nor reflection reveals the content. The type is deliberately not
/// `Codable`. Instances are immutable after creation, so sharing them across threads is safe.
public final class SecureBytes: @unchecked Sendable, Equatable {
    private let storage: UnsafeMutableRawBufferPointer

    /// Creates secret bytes from an array.
    ///
    /// The caller's array is not wiped; prefer the other initializers when the source is itself sensitive.
    ///
    /// - Parameter bytes: The bytes to copy.
    public convenience init(_ bytes: [UInt8]) {
        self.init(count: bytes.count) { buffer in
            buffer.copyBytes(from: bytes)
        }
    }

    /// Creates secret bytes by copying a raw buffer.
    ///
    /// - Parameter source: The bytes to copy.
    public convenience init(copying source: UnsafeRawBufferPointer) {
        self.init(count: source.count) { buffer in
            buffer.copyMemory(from: source)
        }
    }

    /// Creates secret bytes holding `parts` one after another, so combined key material (for example the input
    /// of a key derivation over several layer keys) never passes through an unwiped array.
    ///
    /// - Parameter parts: The secrets to join, in order.
    public convenience init(concatenating parts: [SecureBytes]) {
        self.init(count: parts.reduce(0) { $0 + $1.count }) { buffer in
            var offset = 0
            for part in parts {
                part.withUnsafeBytes { bytes in
                    let destination = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + bytes.count])
                    destination.copyMemory(from: bytes)
                }
                offset += part.count
            }
        }
    }

    /// Creates `count` bytes filled in place by `initialize`, so secrets never pass through an unwiped array.
    init(count: Int, initialize: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        precondition(count >= 0, "SecureBytes count must not be negative")
        // One byte minimum keeps the base address non-nil for C calls even when empty.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        let visible = UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
        do {
            try initialize(visible)
        } catch {
            OPENSSL_cleanse(storage.baseAddress, storage.count)
            storage.deallocate()
            throw error
        }
        self.storage = storage
        self.count = count
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        storage.deallocate()
    }

    /// Cryptographically random secret bytes.
    ///
    /// - Parameter count: The number of bytes.
    public static func random(count: Int) -> SecureBytes {
        SecureBytes(count: count) { buffer in
            SecureRandom.fill(buffer)
        }
    }

    /// The number of secret bytes.
    public let count: Int

    /// Calls `body` with the secret bytes. Do not let the pointer escape.
    ///
    /// - Parameter body: A closure reading the bytes.
    /// - Throws: Whatever `body` throws.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Compares in constant time for equal lengths; lengths are not secret.
    public static func == (lhs: SecureBytes, rhs: SecureBytes) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        return CRYPTO_memcmp(lhs.storage.baseAddress, rhs.storage.baseAddress, lhs.count) == 0
    }
}

extension SecureBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SecureBytes(\(count) bytes)"
    }

    public var debugDescription: String {
        description
    }

    /// Reflection (`dump`, debuggers printing children) sees no stored bytes.
    public var customMirror: Mirror {
        Mirror(self, children: [])
    }
}

internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG (`RAND_bytes`).
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// A failing system random generator leaves no safe way to continue, so failure is fatal.
    ///
    /// - Parameter count: The number of bytes.
    public static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "random byte count must not be negative")
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            fill(UnsafeMutableRawBufferPointer(buffer))
            initializedCount = count
        }
    }

    /// Fills `buffer` with random bytes; fatal on failure.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        var offset = 0
        while offset < buffer.count {
            let length = min(buffer.count - offset, Int(Int32.max))
            guard RAND_bytes(buffer.baseAddress! + offset, Int32(length)) == 1 else {
                fatalError("RAND_bytes failed: \(CryptoError.fromLibrary("RAND_bytes"))")
            }
            offset += length
        }
    }
}

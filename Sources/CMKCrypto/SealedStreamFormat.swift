/// The sealed-stream format v1: how the registry stores encrypted content, in constant memory for any size.
///
/// **Header** (written once, at the start):
///
/// | bytes | field |
/// |---|---|
/// | 8 | magic `"ACRCMK\0S"` |
/// | 1 | version, `1` |
/// | 1 | layer count, `1` (platform key) or `2` (platform key, then customer-managed key) |
/// | 4 | chunk size, UInt32 big-endian (default 1 MiB) |
/// | 32 | salt, random per stream |
/// | 2 | context length, UInt16 big-endian, at most 1024 |
/// | n | context (caller-supplied, e.g. the content digest) |
///
/// **Keys.** Layer `i` seals with `HKDF-SHA256(ikm: layerKey[i], salt: salt,
/// info: "acrcmk/sealed-stream/v1/layer" || i || context)`, 32 bytes, so every stream has its own keys.
///
/// **Body.** A sequence of records. Every record but the last carries exactly `chunkSize` plaintext bytes; the
/// last carries 0 to `chunkSize` (an empty stream is one empty last record). A record is the chunk sealed with
/// AES-256-GCM by layer 0, then that ciphertext-and-tag sealed again by layer 1 when present, so a record is
/// `chunkLength + 16 * layerCount` bytes. For record `index`:
///
/// - nonce = index (UInt64 big-endian) || 3 zero bytes || last flag (`0x01` on the last record, else `0x00`);
/// - AAD = SHA-256(header bytes) || index (UInt64 big-endian) || last flag.
///
/// Binding the header hash, the index and the last flag into every record makes truncation, reordering,
/// splicing records between streams and any bit flip (header included) fail authentication.
public enum SealedStreamFormat {
    /// The chunk size writers use unless told otherwise: 1 MiB.
    public static let defaultChunkSize = 1 << 20

    /// The largest chunk size accepted: 64 MiB.
    public static let maximumChunkSize = 1 << 26

    /// The longest context a header may carry.
    public static let maximumContextLength = 1024

    /// The length of the fixed part of a header, before the context.
    public static let fixedHeaderLength = 8 + 1 + 1 + 4 + 32 + 2

    /// The longest possible header; read at least this much (or the whole stream) before `headerLength(of:)`.
    public static let maxHeaderLength = fixedHeaderLength + maximumContextLength

    /// The length of each GCM tag a layer adds to a record.
    public static let tagLength = 16

    /// The magic bytes that open every sealed stream.
    public static let magic: [UInt8] = Array("ACRCMK".utf8) + [0, UInt8(ascii: "S")]

    /// The format version this code writes and reads.
    public static let version: UInt8 = 1

    static let saltLength = 32
    static let keyInfoPrefix = Array("acrcmk/sealed-stream/v1/layer".utf8)
    static let nonceLength = 12
    static let aadLength = SHA256.byteCount + 8 + 1
}

/// The parsed fields of a sealed-stream header, plus its exact bytes.
struct SealedStreamHeader {
    let layerCount: Int
    let chunkSize: Int
    let salt: [UInt8]
    let context: [UInt8]
    let bytes: [UInt8]

    /// Builds a new header with a fresh random salt.
    init(layerCount: Int, chunkSize: Int, context: [UInt8]) {
        self.layerCount = layerCount
        self.chunkSize = chunkSize
        self.salt = SecureRandom.bytes(count: SealedStreamFormat.saltLength)
        self.context = context
        var bytes = SealedStreamFormat.magic
        bytes.append(SealedStreamFormat.version)
        bytes.append(UInt8(layerCount))
        withUnsafeBytes(of: UInt32(chunkSize).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: salt)
        withUnsafeBytes(of: UInt16(context.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: context)
        self.bytes = bytes
    }

    /// Parses the header at the start of `prefix`.
    ///
    /// - Throws: `.invalidInput("not a sealed stream ...")` for a wrong magic, version or impossible field;
    ///   `.decryptionFailed` when `prefix` ends inside an otherwise plausible header (a truncated stream).
    init(parsing prefix: some Collection<UInt8>) throws {
        let prefix = Array(prefix.prefix(SealedStreamFormat.maxHeaderLength))
        let magic = SealedStreamFormat.magic
        guard prefix.starts(with: magic.prefix(prefix.count)) else {
            throw SealedStreamHeader.notASealedStream("the magic bytes are not \"ACRCMK\\0S\"")
        }
        guard prefix.count >= SealedStreamFormat.fixedHeaderLength else {
            throw CryptoError.decryptionFailed
        }
        guard prefix[8] == SealedStreamFormat.version else {
            throw SealedStreamHeader.notASealedStream(
                "format version \(prefix[8]) is not supported (this build reads version \(SealedStreamFormat.version))"
            )
        }
        let layerCount = Int(prefix[9])
        guard (1...2).contains(layerCount) else {
            throw SealedStreamHeader.notASealedStream("layer count \(layerCount) is not 1 or 2")
        }
        let chunkSize = prefix[10..<14].reduce(0) { $0 << 8 | Int($1) }
        guard (1...SealedStreamFormat.maximumChunkSize).contains(chunkSize) else {
            throw SealedStreamHeader.notASealedStream("chunk size \(chunkSize) is out of range")
        }
        let contextLength = Int(prefix[46]) << 8 | Int(prefix[47])
        guard contextLength <= SealedStreamFormat.maximumContextLength else {
            throw SealedStreamHeader.notASealedStream("context length \(contextLength) exceeds 1024")
        }
        let length = SealedStreamFormat.fixedHeaderLength + contextLength
        guard prefix.count >= length else {
            throw CryptoError.decryptionFailed
        }
        self.layerCount = layerCount
        self.chunkSize = chunkSize
        self.salt = Array(prefix[14..<46])
        self.context = Array(prefix[48..<length])
        self.bytes = Array(prefix[0..<length])
    }

    /// Derives the per-stream AES key of each layer and binds it to a cipher context.
    func makeCiphers(layerKeys: [SecureBytes], encrypting: Bool) throws -> [AESGCMCipher] {
        try layerKeys.enumerated().map { index, layerKey in
            let info = SealedStreamFormat.keyInfoPrefix + [UInt8(index)] + context
            let key = try HKDF.deriveKey(inputKeyMaterial: layerKey, salt: salt, info: info, outputByteCount: 32)
            return try key.withUnsafeBytes { try AESGCMCipher(key: $0, encrypting: encrypting) }
        }
    }

    static func notASealedStream(_ detail: String) -> CryptoError {
        .invalidInput("not a sealed stream: \(detail)")
    }

    static func checkLayerKeys(_ layerKeys: [SecureBytes]) throws {
        guard (1...2).contains(layerKeys.count) else {
            throw CryptoError.invalidKey(
                "a sealed stream takes 1 or 2 layer keys (platform, then customer-managed), got \(layerKeys.count)"
            )
        }
        for (index, key) in layerKeys.enumerated() where key.count < 32 {
            throw CryptoError.invalidKey("layer key \(index) has \(key.count) bytes; layer keys need at least 32")
        }
    }
}

/// The per-record nonce and AAD, rebuilt in place for each record to avoid allocations.
struct SealedStreamRecordParameters {
    private(set) var nonce = [UInt8](repeating: 0, count: SealedStreamFormat.nonceLength)
    private(set) var aad: [UInt8]

    init(headerHash: [UInt8]) {
        aad = headerHash + [UInt8](repeating: 0, count: 9)
    }

    mutating func set(index: UInt64, isLast: Bool) {
        let flag: UInt8 = isLast ? 1 : 0
        for byteIndex in 0..<8 {
            let byte = UInt8(truncatingIfNeeded: index >> (56 - 8 * UInt64(byteIndex)))
            nonce[byteIndex] = byte
            aad[SHA256.byteCount + byteIndex] = byte
        }
        nonce[11] = flag
        aad[SHA256.byteCount + 8] = flag
    }
}

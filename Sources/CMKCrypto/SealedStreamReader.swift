/// Opens content in the sealed-stream format (see `SealedStreamFormat`), one record at a time.
///
/// Read the header (`headerLength(of:)` tells how long it is), create the reader, then pass each record in
/// order: `recordSize` bytes each, except the last, which is whatever remains and must be flagged `isLast`.
/// After the last record, check `isComplete`. The first failure poisons the reader: every later call fails too.
/// Not thread-safe: one reader per stream.
public final class SealedStreamReader {
    private let ciphers: [AESGCMCipher]
    private var parameters: SealedStreamRecordParameters
    private var nextIndex: UInt64 = 0
    private var isPoisoned = false

    /// The context the writer bound into the stream (e.g. the content digest).
    public let context: [UInt8]

    /// The plaintext length of every record but the last.
    public let chunkSize: Int

    /// The number of encryption layers in the stream.
    public var layerCount: Int {
        ciphers.count
    }

    /// The length of every record but the last: `chunkSize + 16 * layerCount`.
    public var recordSize: Int {
        chunkSize + SealedStreamFormat.tagLength * ciphers.count
    }

    /// Whether the last record has been opened successfully. A stream that ends before is truncated.
    public private(set) var isComplete = false

    /// Parses the header at the start of `prefix` and returns its length.
    ///
    /// - Parameter prefix: At least `SealedStreamFormat.maxHeaderLength` bytes, or the whole stream if shorter.
    /// - Returns: The header length; records start right after it.
    /// - Throws: `CryptoError.invalidInput("not a sealed stream: ...")` for a wrong magic, version or field;
    ///   `.decryptionFailed` when `prefix` ends inside the header.
    public static func headerLength(of prefix: [UInt8]) throws -> Int {
        try SealedStreamHeader(parsing: prefix).bytes.count
    }

    /// Prepares to open the stream that starts with `header`.
    ///
    /// - Parameters:
    ///   - layerKeys: The keys the stream was sealed with, layer 0 (platform) first.
    ///   - header: Exactly the header bytes, as measured by `headerLength(of:)`.
    /// - Throws: `CryptoError.invalidInput` for a malformed header; `.invalidKey` when the number of keys does not
    ///   match the stream's layer count; `.decryptionFailed` for a truncated header.
    public init(layerKeys: [SecureBytes], header: [UInt8]) throws {
        try SealedStreamHeader.checkLayerKeys(layerKeys)
        let parsed = try SealedStreamHeader(parsing: header)
        guard parsed.bytes.count == header.count else {
            throw CryptoError.invalidInput(
                "the header is \(parsed.bytes.count) bytes but \(header.count) were given; "
                    + "pass exactly headerLength(of:) bytes"
            )
        }
        guard parsed.layerCount == layerKeys.count else {
            throw CryptoError.invalidKey(
                "the stream was sealed with \(parsed.layerCount) layer(s) "
                    + "but \(layerKeys.count) layer key(s) were given"
            )
        }
        self.ciphers = try parsed.makeCiphers(layerKeys: layerKeys, encrypting: false)
        self.parameters = SealedStreamRecordParameters(headerHash: SHA256.hash(parsed.bytes))
        self.context = parsed.context
        self.chunkSize = parsed.chunkSize
    }

    /// Prepares to open a stream that must carry `expectedContext` (e.g. the digest the caller asked for).
    ///
    /// - Parameters:
    ///   - layerKeys: The keys the stream was sealed with, layer 0 (platform) first.
    ///   - header: Exactly the header bytes, as measured by `headerLength(of:)`.
    ///   - expectedContext: The context the stream must have been sealed for.
    /// - Throws: As `init(layerKeys:header:)`, and `.decryptionFailed` when the context differs, as it does when
    ///   another stream was substituted for this one.
    public convenience init(layerKeys: [SecureBytes], header: [UInt8], expectedContext: [UInt8]) throws {
        try self.init(layerKeys: layerKeys, header: header)
        guard context == expectedContext else {
            throw CryptoError.decryptionFailed
        }
    }

    /// Verifies and decrypts one record.
    ///
    /// - Parameters:
    ///   - record: `recordSize` bytes, or for the last record `16 * layerCount` to `recordSize` bytes.
    ///   - isLast: Whether no bytes follow this record in the stream.
    /// - Returns: The chunk's plaintext.
    /// - Throws: `CryptoError.decryptionFailed` for any wrong length, tampering, reordering, truncation or wrong
    ///   key; `.invalidInput` for a call after the last record.
    public func openRecord(_ record: UnsafeRawBufferPointer, isLast: Bool) throws -> [UInt8] {
        let capacity = max(record.count - SealedStreamFormat.tagLength, 0)
        return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
            // The scratch tail held the inner layer's tag; only the plaintext prefix counts as initialised.
            initializedCount = try openRecord(record, isLast: isLast, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Verifies and decrypts one record into a caller-provided buffer, avoiding an allocation per record.
    ///
    /// - Parameters:
    ///   - record: `recordSize` bytes, or for the last record `16 * layerCount` to `recordSize` bytes.
    ///   - isLast: Whether no bytes follow this record in the stream.
    ///   - output: Scratch and result space of at least `record.count - 16` bytes; may not overlap `record`.
    /// - Returns: The number of plaintext bytes at the start of `output`.
    /// - Throws: `CryptoError.decryptionFailed` for any wrong length, tampering, reordering, truncation or wrong
    ///   key; `.invalidInput` for a short buffer or a call after the last record.
    public func openRecord(
        _ record: UnsafeRawBufferPointer,
        isLast: Bool,
        into output: UnsafeMutableRawBufferPointer
    ) throws -> Int {
        guard !isComplete else {
            throw CryptoError.invalidInput("the sealed stream already ended; trailing data after the last record")
        }
        guard !isPoisoned else {
            throw CryptoError.decryptionFailed
        }
        let overhead = SealedStreamFormat.tagLength * ciphers.count
        let lengthIsValid = isLast ? (overhead...recordSize).contains(record.count) : record.count == recordSize
        guard lengthIsValid else {
            isPoisoned = true
            throw CryptoError.decryptionFailed
        }
        guard output.count >= record.count - SealedStreamFormat.tagLength else {
            throw CryptoError.invalidInput(
                "the output buffer holds \(output.count) bytes; "
                    + "opening needs \(record.count - SealedStreamFormat.tagLength)"
            )
        }
        parameters.set(index: nextIndex, isLast: isLast)
        var input = record
        var openedLength = record.count
        do {
            // Outer layer first: each layer strips one tag, the next works in place on the result.
            for cipher in ciphers.reversed() {
                openedLength -= SealedStreamFormat.tagLength
                let body = UnsafeRawBufferPointer(rebasing: input[0..<openedLength])
                let tag = UnsafeRawBufferPointer(
                    rebasing: input[openedLength..<openedLength + SealedStreamFormat.tagLength]
                )
                let destination = UnsafeMutableRawBufferPointer(rebasing: output[0..<openedLength])
                try parameters.nonce.withUnsafeBytes { nonce in
                    try parameters.aad.withUnsafeBytes { aad in
                        try cipher.open(body, into: destination, tag: tag, nonce: nonce, aad: aad)
                    }
                }
                input = UnsafeRawBufferPointer(rebasing: output[0..<openedLength])
            }
        } catch {
            isPoisoned = true
            throw error
        }
        nextIndex += 1
        isComplete = isLast
        return openedLength
    }
}

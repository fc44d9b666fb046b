/// Seals content into the sealed-stream format (see `SealedStreamFormat`), one chunk at a time.
///
/// Write `header` first, then the record returned for each chunk, in order. Every chunk must be exactly
/// `chunkSize` bytes except the last, which may be 0 to `chunkSize` bytes and must be flagged `isLast`.
/// Memory use is one record, whatever the content size. Not thread-safe: one writer per stream.
public final class SealedStreamWriter {
    private let ciphers: [AESGCMCipher]
    private var parameters: SealedStreamRecordParameters
    private var nextIndex: UInt64 = 0
    private var isFinished = false

    /// The header bytes; write them before any record.
    public let header: [UInt8]

    /// The plaintext length of every record but the last.
    public let chunkSize: Int

    /// The number of encryption layers (1: platform key; 2: platform key, then customer-managed key).
    public var layerCount: Int {
        ciphers.count
    }

    /// Starts a stream with a fresh random salt.
    ///
    /// - Parameters:
    ///   - layerKeys: One or two keys of at least 32 bytes: the platform key, then (for CMK) the data-encryption
    ///     key. Layer 0 is the inner layer.
    ///   - context: Bytes bound into the keys and the header (e.g. the content digest), at most 1024.
    ///   - chunkSize: The plaintext bytes per record, 1 to `SealedStreamFormat.maximumChunkSize`.
    /// - Throws: `CryptoError.invalidKey` for a wrong number or size of keys; `.invalidInput` for a context or
    ///   chunk size out of range.
    public init(
        layerKeys: [SecureBytes],
        context: [UInt8],
        chunkSize: Int = SealedStreamFormat.defaultChunkSize
    ) throws {
        try SealedStreamHeader.checkLayerKeys(layerKeys)
        guard context.count <= SealedStreamFormat.maximumContextLength else {
            throw CryptoError.invalidInput(
                "sealed-stream context is \(context.count) bytes; at most \(SealedStreamFormat.maximumContextLength)"
            )
        }
        guard (1...SealedStreamFormat.maximumChunkSize).contains(chunkSize) else {
            throw CryptoError.invalidInput(
                "sealed-stream chunk size \(chunkSize) is out of range: use 1 to \(SealedStreamFormat.maximumChunkSize)"
            )
        }
        let header = SealedStreamHeader(layerCount: layerKeys.count, chunkSize: chunkSize, context: context)
        self.ciphers = try header.makeCiphers(layerKeys: layerKeys, encrypting: true)
        self.parameters = SealedStreamRecordParameters(headerHash: SHA256.hash(header.bytes))
        self.header = header.bytes
        self.chunkSize = chunkSize
    }

    /// The record length for a chunk of `plaintextLength` bytes.
    ///
    /// - Parameter plaintextLength: The chunk length.
    public func recordLength(forChunkLength plaintextLength: Int) -> Int {
        plaintextLength + SealedStreamFormat.tagLength * ciphers.count
    }

    /// Seals one chunk and returns its record.
    ///
    /// - Parameters:
    ///   - plaintext: Exactly `chunkSize` bytes, or 0 to `chunkSize` bytes when `isLast`.
    ///   - isLast: Whether this is the final chunk; no call may follow it.
    /// - Returns: The record bytes to append after the previous record.
    /// - Throws: `CryptoError.invalidInput` for a wrong chunk length or a call after the last chunk.
    public func sealChunk(_ plaintext: UnsafeRawBufferPointer, isLast: Bool) throws -> [UInt8] {
        let length = recordLength(forChunkLength: plaintext.count)
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, initializedCount in
            initializedCount = try sealChunk(plaintext, isLast: isLast, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Seals one chunk into a caller-provided buffer, avoiding an allocation per record.
    ///
    /// - Parameters:
    ///   - plaintext: Exactly `chunkSize` bytes, or 0 to `chunkSize` bytes when `isLast`.
    ///   - isLast: Whether this is the final chunk; no call may follow it.
    ///   - output: At least `recordLength(forChunkLength: plaintext.count)` bytes; may not overlap `plaintext`.
    /// - Returns: The number of record bytes written to the start of `output`.
    /// - Throws: `CryptoError.invalidInput` for a wrong chunk length, a short buffer or a call after the last chunk.
    public func sealChunk(
        _ plaintext: UnsafeRawBufferPointer,
        isLast: Bool,
        into output: UnsafeMutableRawBufferPointer
    ) throws -> Int {
        guard !isFinished else {
            throw CryptoError.invalidInput("the sealed stream is already finished; no chunk may follow the last one")
        }
        guard isLast ? plaintext.count <= chunkSize : plaintext.count == chunkSize else {
            throw CryptoError.invalidInput(
                "a sealed-stream chunk must be exactly \(chunkSize) bytes unless it is the last one, "
                    + "got \(plaintext.count)"
            )
        }
        let recordLength = recordLength(forChunkLength: plaintext.count)
        guard output.count >= recordLength else {
            throw CryptoError.invalidInput(
                "the output buffer holds \(output.count) bytes; the record needs \(recordLength)"
            )
        }
        parameters.set(index: nextIndex, isLast: isLast)
        var sealedLength = plaintext.count
        var input = plaintext
        for cipher in ciphers {
            let body = UnsafeMutableRawBufferPointer(rebasing: output[0..<sealedLength])
            let tag = UnsafeMutableRawBufferPointer(
                rebasing: output[sealedLength..<sealedLength + SealedStreamFormat.tagLength]
            )
            try parameters.nonce.withUnsafeBytes { nonce in
                try parameters.aad.withUnsafeBytes { aad in
                    try cipher.seal(input, into: body, tag: tag, nonce: nonce, aad: aad)
                }
            }
            sealedLength += SealedStreamFormat.tagLength
            // The next layer seals this layer's ciphertext and tag in place.
            input = UnsafeRawBufferPointer(rebasing: output[0..<sealedLength])
        }
        nextIndex += 1
        isFinished = isLast
        return sealedLength
    }
}

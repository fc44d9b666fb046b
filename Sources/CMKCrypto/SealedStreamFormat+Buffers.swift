extension SealedStreamFormat {
    /// Seals a whole in-memory buffer: header followed by every record.
    ///
    /// Convenient for small content and tests; for files, drive `SealedStreamWriter` chunk by chunk.
    ///
    /// - Parameters:
    ///   - plaintext: The content.
    ///   - layerKeys: One or two layer keys, platform key first.
    ///   - context: Bytes bound into the stream, at most 1024.
    ///   - chunkSize: The plaintext bytes per record.
    /// - Returns: The sealed stream.
    /// - Throws: As `SealedStreamWriter.init(layerKeys:context:chunkSize:)`.
    public static func seal(
        _ plaintext: [UInt8],
        layerKeys: [SecureBytes],
        context: [UInt8],
        chunkSize: Int = defaultChunkSize
    ) throws -> [UInt8] {
        let writer = try SealedStreamWriter(layerKeys: layerKeys, context: context, chunkSize: chunkSize)
        var sealed = writer.header
        let recordCount = max(1, (plaintext.count + chunkSize - 1) / chunkSize)
        sealed.reserveCapacity(sealed.count + plaintext.count + recordCount * tagLength * layerKeys.count)
        try plaintext.withUnsafeBytes { plaintext in
            for index in 0..<recordCount {
                let start = index * chunkSize
                let chunk = UnsafeRawBufferPointer(rebasing: plaintext[start..<min(start + chunkSize, plaintext.count)])
                sealed += try writer.sealChunk(chunk, isLast: index == recordCount - 1)
            }
        }
        return sealed
    }

    /// Opens a whole in-memory sealed stream.
    ///
    /// - Parameters:
    ///   - sealed: The header followed by every record.
    ///   - layerKeys: The layer keys, platform key first.
    ///   - expectedContext: When given, the context the stream must carry.
    /// - Returns: The content.
    /// - Throws: `CryptoError.decryptionFailed` for any tampering, truncation, trailing data or wrong key;
    ///   `.invalidInput` when the bytes are not a sealed stream.
    public static func open(
        _ sealed: [UInt8],
        layerKeys: [SecureBytes],
        expectedContext: [UInt8]? = nil
    ) throws -> [UInt8] {
        let headerLength = try SealedStreamReader.headerLength(of: Array(sealed.prefix(maxHeaderLength)))
        let header = Array(sealed[0..<headerLength])
        let reader = try expectedContext.map {
            try SealedStreamReader(layerKeys: layerKeys, header: header, expectedContext: $0)
        } ?? SealedStreamReader(layerKeys: layerKeys, header: header)
        var plaintext = [UInt8]()
        try sealed.withUnsafeBytes { sealed in
            var offset = headerLength
            repeat {
                let end = min(offset + reader.recordSize, sealed.count)
                let record = UnsafeRawBufferPointer(rebasing: sealed[offset..<end])
                plaintext += try reader.openRecord(record, isLast: end == sealed.count)
                offset = end
            } while offset < sealed.count
        }
        guard reader.isComplete else {
            throw CryptoError.decryptionFailed
        }
        return plaintext
    }
}

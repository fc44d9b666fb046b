import Testing

@testable import CMKCrypto

@Suite("Sealed stream format v1")
struct SealedStreamTests {
    private static let chunkSize = 64
    private static let context = Array("sha256:0123456789abcdef".utf8)
    private let platformKey = SecureBytes.random(count: 32)
    private let customerKey = SecureBytes.random(count: 32)

    private func keys(_ layers: Int) -> [SecureBytes] {
        Array([platformKey, customerKey].prefix(layers))
    }

    private func seal(_ plaintext: [UInt8], layers: Int, context: [UInt8] = context) throws -> [UInt8] {
        try SealedStreamFormat.seal(plaintext, layerKeys: keys(layers), context: context, chunkSize: Self.chunkSize)
    }

    private func open(_ sealed: [UInt8], layers: Int) throws -> [UInt8] {
        try SealedStreamFormat.open(sealed, layerKeys: keys(layers))
    }

    @Test(
        "round trip",
        arguments: [0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 3 * chunkSize + 5], [1, 2]
    )
    func roundTrip(size: Int, layers: Int) throws {
        let plaintext = SecureRandom.bytes(count: size)
        let sealed = try seal(plaintext, layers: layers)
        let headerLength = SealedStreamFormat.fixedHeaderLength + Self.context.count
        let records = max(1, (size + Self.chunkSize - 1) / Self.chunkSize)
        #expect(sealed.count == headerLength + size + records * 16 * layers)
        #expect(try open(sealed, layers: layers) == plaintext)
        let withContext = try SealedStreamFormat.open(sealed, layerKeys: keys(layers), expectedContext: Self.context)
        #expect(withContext == plaintext)
    }

    @Test("round trip with the default 1 MiB chunk size")
    func defaultChunkSize() throws {
        let plaintext = SecureRandom.bytes(count: 2 * SealedStreamFormat.defaultChunkSize + 5)
        let sealed = try SealedStreamFormat.seal(plaintext, layerKeys: keys(2), context: [])
        #expect(try SealedStreamFormat.open(sealed, layerKeys: keys(2)) == plaintext)
    }

    @Test("header layout is as documented")
    func headerLayout() throws {
        let writer = try SealedStreamWriter(layerKeys: keys(2), context: Self.context, chunkSize: 0x0102_0304)
        let header = writer.header
        #expect(Array(header[0..<8]) == Array("ACRCMK".utf8) + [0, 0x53])
        #expect(header[8] == 1)
        #expect(header[9] == 2)
        #expect(Array(header[10..<14]) == [0x01, 0x02, 0x03, 0x04])
        #expect(Array(header[46..<48]) == [0, UInt8(Self.context.count)])
        #expect(Array(header[48...]) == Self.context)
        #expect(try SealedStreamReader.headerLength(of: header + [9, 9, 9]) == header.count)
        let other = try SealedStreamWriter(layerKeys: keys(2), context: Self.context, chunkSize: 0x0102_0304)
        #expect(Array(other.header[14..<46]) != Array(header[14..<46]), "salt must be random per stream")
    }

    @Test("records decrypt with the documented keys, nonces and AAD (independent re-implementation)")
    func formatMatchesDocumentation() throws {
        let plaintext = SecureRandom.bytes(count: Self.chunkSize + 10)
        let sealed = try seal(plaintext, layers: 2)
        let headerLength = try SealedStreamReader.headerLength(of: sealed)
        let header = Array(sealed[0..<headerLength])
        let salt = Array(header[14..<46])
        func layerKey(_ index: UInt8, _ ikm: SecureBytes) throws -> SecureBytes {
            let info = Array("acrcmk/sealed-stream/v1/layer".utf8) + [index] + Self.context
            return try HKDF.deriveKey(inputKeyMaterial: ikm, salt: salt, info: info, outputByteCount: 32)
        }
        let innerKey = try layerKey(0, platformKey)
        let outerKey = try layerKey(1, customerKey)
        var offset = headerLength
        var recovered: [UInt8] = []
        for index in 0..<2 {
            let isLast = index == 1
            let recordLength = isLast ? 10 + 32 : Self.chunkSize + 32
            let record = Array(sealed[offset..<offset + recordLength])
            let flag: UInt8 = isLast ? 1 : 0
            let indexBytes: [UInt8] = [0, 0, 0, 0, 0, 0, 0, UInt8(index)]
            let nonce = indexBytes + [0, 0, 0, flag]
            let aad = SHA256.hash(header) + indexBytes + [flag]
            let inner = try AESGCM.open(
                Array(record.dropLast(16)), tag: Array(record.suffix(16)), key: outerKey, nonce: nonce,
                authenticating: aad
            )
            recovered += try AESGCM.open(
                Array(inner.dropLast(16)), tag: Array(inner.suffix(16)), key: innerKey, nonce: nonce,
                authenticating: aad
            )
            offset += recordLength
        }
        #expect(offset == sealed.count)
        #expect(recovered == plaintext)
    }

    /// The record boundaries of a 2-layer stream of `3 * chunkSize + 5` bytes.
    private func tamperFixture() throws -> (sealed: [UInt8], headerLength: Int, recordSize: Int) {
        let sealed = try seal(SecureRandom.bytes(count: 3 * Self.chunkSize + 5), layers: 2)
        return (sealed, try SealedStreamReader.headerLength(of: sealed), Self.chunkSize + 32)
    }

    @Test("truncation at or inside any record boundary fails")
    func truncation() throws {
        let (sealed, headerLength, recordSize) = try tamperFixture()
        var cuts = [headerLength, headerLength + 1]
        for record in 1...3 {
            cuts += [headerLength + record * recordSize - 1, headerLength + record * recordSize,
                     headerLength + record * recordSize + 1, headerLength + record * recordSize + 17]
        }
        cuts += [sealed.count - 1, sealed.count - 16, sealed.count - 17]
        for cut in cuts {
            #expect(throws: CryptoError.decryptionFailed, "cut at \(cut) of \(sealed.count)") {
                try open(Array(sealed.prefix(cut)), layers: 2)
            }
        }
        for cut in [1, 8, 20, headerLength - 1] {
            #expect(throws: CryptoError.decryptionFailed, "cut inside the header at \(cut)") {
                try open(Array(sealed.prefix(cut)), layers: 2)
            }
        }
    }

    @Test("reordered records fail")
    func reordering() throws {
        let (sealed, headerLength, recordSize) = try tamperFixture()
        var records = stride(from: headerLength, to: sealed.count, by: recordSize).map {
            Array(sealed[$0..<min($0 + recordSize, sealed.count)])
        }
        records.swapAt(0, 1)
        #expect(throws: CryptoError.decryptionFailed) {
            try open(Array(sealed[0..<headerLength]) + records.joined(), layers: 2)
        }
        records.swapAt(0, 1)
        records.swapAt(1, 2)
        #expect(throws: CryptoError.decryptionFailed) {
            try open(Array(sealed[0..<headerLength]) + records.joined(), layers: 2)
        }
    }

    @Test("a record spliced from another stream (same keys, same context) fails")
    func splicing() throws {
        let (sealed, headerLength, recordSize) = try tamperFixture()
        let (donor, _, _) = try tamperFixture()
        var spliced = sealed
        let range = headerLength + recordSize..<headerLength + 2 * recordSize
        spliced.replaceSubrange(range, with: donor[range])
        #expect(throws: CryptoError.decryptionFailed) { try open(spliced, layers: 2) }
        // A whole donor header on this stream's records fails as well.
        var swappedHeader = sealed
        swappedHeader.replaceSubrange(0..<headerLength, with: donor[0..<headerLength])
        #expect(throws: CryptoError.decryptionFailed) { try open(swappedHeader, layers: 2) }
    }

    @Test("every single flipped bit, header included, fails")
    func bitFlips() throws {
        let (sealed, headerLength, _) = try tamperFixture()
        var failures = 0
        for bit in 0..<(sealed.count * 8) {
            var flipped = sealed
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            do {
                _ = try open(flipped, layers: 2)
                Issue.record("flipping bit \(bit) went unnoticed")
            } catch let error as CryptoError {
                failures += 1
                switch error.code {
                case .decryptionFailed:
                    break
                case .invalidInput(let reason):
                    // Structural header fields may be reported as "not a sealed stream" instead.
                    #expect(bit / 8 < SealedStreamFormat.fixedHeaderLength && reason.hasPrefix("not a sealed stream"),
                            "bit \(bit): \(reason)")
                default:
                    Issue.record("bit \(bit): unexpected error \(error)")
                }
            }
        }
        #expect(failures == sealed.count * 8)
        #expect(headerLength > 0)
    }

    @Test("trailing garbage fails")
    func trailingGarbage() throws {
        let (sealed, headerLength, recordSize) = try tamperFixture()
        let lastRecord = Array(sealed[(headerLength + 3 * recordSize)...])
        for garbage in [[0], [UInt8](repeating: 0, count: 16), SecureRandom.bytes(count: 100), lastRecord] {
            #expect(throws: CryptoError.decryptionFailed, "\(garbage.count) trailing bytes") {
                try open(sealed + garbage, layers: 2)
            }
        }
    }

    @Test("wrong, missing or swapped layer keys fail")
    func wrongKeys() throws {
        let sealed = try seal(SecureRandom.bytes(count: 100), layers: 2)
        let stranger = SecureBytes.random(count: 32)
        for layerKeys in [[stranger, customerKey], [platformKey, stranger], [customerKey, platformKey]] {
            #expect(throws: CryptoError.decryptionFailed) {
                try SealedStreamFormat.open(sealed, layerKeys: layerKeys)
            }
        }
        #expect(throws: CryptoError.invalidKey("the stream was sealed with 2 layer(s) but 1 layer key(s) were given")) {
            try SealedStreamFormat.open(sealed, layerKeys: [platformKey])
        }
        let single = try seal(SecureRandom.bytes(count: 100), layers: 1)
        #expect(throws: CryptoError.decryptionFailed) {
            try SealedStreamFormat.open(single, layerKeys: [customerKey])
        }
    }

    @Test("a stream sealed for another context fails when a context is expected")
    func contextMismatch() throws {
        let plaintext = SecureRandom.bytes(count: 100)
        let sealed = try seal(plaintext, layers: 2, context: Array("sha256:other".utf8))
        #expect(throws: CryptoError.decryptionFailed) {
            try SealedStreamFormat.open(sealed, layerKeys: keys(2), expectedContext: Self.context)
        }
        #expect(try SealedStreamFormat.open(sealed, layerKeys: keys(2), expectedContext: Array("sha256:other".utf8))
            == plaintext)
    }

    @Test("bytes that are not a sealed stream are named as such")
    func notASealedStream() throws {
        for bytes in [Array("hello, world".utf8), [UInt8](repeating: 0, count: 100)] {
            #expect(throws: CryptoError.self) { try open(bytes, layers: 2) }
            do {
                _ = try open(bytes, layers: 2)
            } catch let error as CryptoError {
                #expect(error.description.contains("not a sealed stream"), "\(error)")
            }
        }
        var wrongVersion = try seal([1, 2, 3], layers: 1)
        wrongVersion[8] = 2
        #expect(throws: CryptoError.invalidInput(
            "not a sealed stream: format version 2 is not supported (this build reads version 1)"
        )) { try open(wrongVersion, layers: 1) }
    }

    @Test("writer and reader refuse misuse")
    func misuse() throws {
        let writer = try SealedStreamWriter(layerKeys: keys(1), context: [], chunkSize: Self.chunkSize)
        let short = [UInt8](repeating: 1, count: Self.chunkSize - 1)
        #expect(throws: CryptoError.self) { try short.withUnsafeBytes { try writer.sealChunk($0, isLast: false) } }
        let tooLong = [UInt8](repeating: 1, count: Self.chunkSize + 1)
        #expect(throws: CryptoError.self) { try tooLong.withUnsafeBytes { try writer.sealChunk($0, isLast: true) } }
        let record = try short.withUnsafeBytes { try writer.sealChunk($0, isLast: true) }
        #expect(throws: CryptoError.self) { try short.withUnsafeBytes { try writer.sealChunk($0, isLast: true) } }

        let reader = try SealedStreamReader(layerKeys: keys(1), header: writer.header, expectedContext: [])
        #expect(reader.recordSize == Self.chunkSize + 16)
        #expect(!reader.isComplete)
        #expect(try record.withUnsafeBytes { try reader.openRecord($0, isLast: true) } == short)
        #expect(reader.isComplete)
        #expect(throws: CryptoError.self) { try record.withUnsafeBytes { try reader.openRecord($0, isLast: true) } }

        #expect(throws: CryptoError.self) {
            try SealedStreamWriter(layerKeys: [], context: [], chunkSize: 64)
        }
        #expect(throws: CryptoError.self) {
            try SealedStreamWriter(layerKeys: keys(2) + [platformKey], context: [], chunkSize: 64)
        }
        #expect(throws: CryptoError.self) {
            try SealedStreamWriter(layerKeys: [SecureBytes.random(count: 16)], context: [], chunkSize: 64)
        }
        #expect(throws: CryptoError.self) {
            try SealedStreamWriter(layerKeys: keys(1), context: [UInt8](repeating: 0, count: 1025), chunkSize: 64)
        }
        for chunkSize in [0, -1, SealedStreamFormat.maximumChunkSize + 1] {
            #expect(throws: CryptoError.self) {
                try SealedStreamWriter(layerKeys: keys(1), context: [], chunkSize: chunkSize)
            }
        }
    }

    @Test("a failed record poisons the reader")
    func poisoning() throws {
        let writer = try SealedStreamWriter(layerKeys: keys(2), context: [], chunkSize: Self.chunkSize)
        let chunk = SecureRandom.bytes(count: Self.chunkSize)
        let first = try chunk.withUnsafeBytes { try writer.sealChunk($0, isLast: false) }
        let reader = try SealedStreamReader(layerKeys: keys(2), header: writer.header)
        var corrupt = first
        corrupt[5] ^= 1
        #expect(throws: CryptoError.decryptionFailed) {
            try corrupt.withUnsafeBytes { try reader.openRecord($0, isLast: false) }
        }
        // The genuine record is refused too: a reader that saw tampering stays closed.
        #expect(throws: CryptoError.decryptionFailed) {
            try first.withUnsafeBytes { try reader.openRecord($0, isLast: false) }
        }
    }
}

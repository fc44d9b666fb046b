import CMKCrypto
import Testing

@testable import CMKCore

/// The sealing pipeline over in-memory I/O: what it seals opens to the same bytes, and every kind of damage to
/// the sealed stream, or a digest or size that does not match, is refused with the error the store shows.
@Suite("Sealed content pipeline")
struct SealedContentPipelineTests {
    private static let chunk = 1 << 20
    private static let salt = SecureRandom.bytes(count: 32)
    private static let layers = [SecureBytes.random(count: 32), SecureBytes.random(count: 32)]

    private static func keys(layers: [SecureBytes] = layers, salt: [UInt8] = salt) throws -> ContentKeys {
        try ContentKeys(registryName: "reg1", salt: salt, layerKeys: layers)
    }

    /// Seals `content` through the closures; returns the object, the sealed bytes and the progress reports.
    private static func seal(_ content: [UInt8], keys: ContentKeys,
                             expectedDigest: String? = nil) throws -> (ContentObject, [UInt8], [Int64]) {
        var sealed: [UInt8] = []
        var offset = 0
        var reports: [Int64] = []
        let object = try SealedContentPipeline.seal(
            keys: keys, expectedDigest: expectedDigest, progress: { reports.append($0) },
            read: { buffer in
                let count = min(buffer.count, content.count - offset)
                content.withUnsafeBytes {
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count]))
                }
                offset += count
                return count
            },
            write: { sealed.append(contentsOf: $0) })
        return (object, sealed, reports)
    }

    /// Opens `sealed` as `object`; returns the plaintext handed to `consume`.
    private static func open(_ sealed: [UInt8], as object: ContentObject, keys: ContentKeys) throws -> [UInt8] {
        var plaintext: [UInt8] = []
        try SealedContentPipeline.open(
            object, keys: keys, sealedSize: Int64(sealed.count), progress: nil,
            read: { buffer, offset in
                let start = Int(offset)
                let count = max(0, min(buffer.count, sealed.count - start))
                sealed.withUnsafeBytes {
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<start + count]))
                }
                return count
            },
            consume: { plaintext.append(contentsOf: $0) })
        return plaintext
    }

    private static func content(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    private static func tamperMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as CMKError {
            return error.code == "ContentTampered" ? error.message : "other CMKError: \(error)"
        } catch {
            return "other error: \(error)"
        }
    }

    @Test("content seals and opens back to the same bytes, digest, size and object id",
          arguments: [0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 2 * chunk + 5])
    func roundTrip(size: Int) throws {
        let keys = try Self.keys()
        let content = Self.content(size)
        let (object, sealed, reports) = try Self.seal(content, keys: keys)
        let digest = ContentDigest.prefix + SHA256.hex(SHA256.hash(content))
        #expect(object == ContentObject(digest: digest, size: Int64(size), objectID: try keys.objectID(for: digest)))
        #expect(reports.last == Int64(size))
        #expect(reports == reports.sorted())
        #expect(sealed.count > size, "every record carries a tag per layer")
        #expect(try Self.open(sealed, as: object, keys: keys) == content)
    }

    @Test("a platform-only registry seals with one layer, and the two-layer keys do not open it")
    func singleLayer() throws {
        let platformOnly = try Self.keys(layers: [Self.layers[0]])
        let content = Self.content(3000)
        let (object, sealed, _) = try Self.seal(content, keys: platformOnly)
        #expect(try Self.open(sealed, as: object, keys: platformOnly) == content)
        let message = Self.tamperMessage { _ = try Self.open(sealed, as: object, keys: try Self.keys()) }
        #expect(message?.contains("its header is invalid or not this registry's") == true)
    }

    @Test("an expected digest that differs stops the seal; a matching one passes")
    func expectedDigest() throws {
        let keys = try Self.keys()
        let content = Self.content(5000)
        let digest = ContentDigest.prefix + SHA256.hex(SHA256.hash(content))
        #expect(try Self.seal(content, keys: keys, expectedDigest: digest).0.digest == digest)
        let other = ContentDigest.prefix + String(repeating: "0", count: 64)
        let error = #expect(throws: CMKError.self) { try Self.seal(content, keys: keys, expectedDigest: other) }
        #expect(error?.code == "DigestMismatch")
        #expect(error?.message.contains("but \(other) was expected") == true)
    }

    @Test("a flipped byte in any record fails that record's authentication")
    func flippedByte() throws {
        let keys = try Self.keys()
        let (object, sealed, _) = try Self.seal(Self.content(2 * Self.chunk + 5), keys: keys)
        var damaged = sealed
        damaged[damaged.count - 3] ^= 0x01
        let message = Self.tamperMessage { _ = try Self.open(damaged, as: object, keys: keys) }
        #expect(message?.contains("record 2 failed authentication") == true, "\(message ?? "no error")")
        #expect(message?.contains("in registry 'reg1' failed verification") == true)
    }

    @Test("a stream cut after its header, or after a whole record, is refused")
    func truncated() throws {
        let keys = try Self.keys()
        let (object, sealed, _) = try Self.seal(Self.content(2 * Self.chunk + 5), keys: keys)
        let headerLength = try SealedStreamReader.headerLength(of: sealed)
        let header = Array(sealed[..<headerLength])
        let headerOnly = Self.tamperMessage { _ = try Self.open(header, as: object, keys: keys) }
        #expect(headerOnly?.contains("it ends right after its header (truncated)") == true)
        let recordLength = Self.chunk + SealedStreamFormat.tagLength * 2
        let oneRecord = Array(sealed[..<(headerLength + recordLength)])
        let cut = Self.tamperMessage { _ = try Self.open(oneRecord, as: object, keys: keys) }
        #expect(cut?.contains("record 0 failed authentication") == true, "\(cut ?? "no error")")
    }

    @Test("another object of the same registry in its place opens but fails the digest and size check")
    func swappedObject() throws {
        let keys = try Self.keys()
        let (object, _, _) = try Self.seal(Self.content(4000), keys: keys)
        let (_, otherSealed, _) = try Self.seal(Self.content(4001), keys: keys)
        let message = Self.tamperMessage { _ = try Self.open(otherSealed, as: object, keys: keys) }
        #expect(message?.contains("it decrypts to 4001 bytes with digest") == true, "\(message ?? "no error")")
        #expect(message?.contains("another object was put in its place") == true)
    }

    @Test("a source that returns fewer bytes than its size promised is reported as changed")
    func shortRead() throws {
        let keys = try Self.keys()
        let (object, sealed, _) = try Self.seal(Self.content(2 * Self.chunk), keys: keys)
        let message = Self.tamperMessage {
            try SealedContentPipeline.open(object, keys: keys, sealedSize: Int64(sealed.count + 100), progress: nil,
                                           read: { buffer, offset in
                                               let start = Int(offset)
                                               let count = max(0, min(buffer.count, sealed.count - start))
                                               sealed.withUnsafeBytes {
                                                   buffer.copyMemory(from: UnsafeRawBufferPointer(
                                                       rebasing: $0[start..<start + count]))
                                               }
                                               return count
                                           },
                                           consume: { _ in })
        }
        #expect(message?.contains("it changed size while being read") == true, "\(message ?? "no error")")
    }

    @Test("errors of the I/O closures reach the caller unchanged")
    func ioErrors() throws {
        struct Broken: Error, Equatable {
            let side: String
        }
        let keys = try Self.keys()
        #expect(throws: Broken(side: "read")) {
            try SealedContentPipeline.seal(keys: keys, expectedDigest: nil, progress: nil,
                                           read: { _ in throw Broken(side: "read") }, write: { _ in })
        }
        #expect(throws: Broken(side: "write")) {
            try SealedContentPipeline.seal(keys: keys, expectedDigest: nil, progress: nil,
                                           read: { _ in 0 }, write: { _ in throw Broken(side: "write") })
        }
        let (object, sealed, _) = try Self.seal(Self.content(10), keys: keys)
        #expect(throws: Broken(side: "consume")) {
            try SealedContentPipeline.open(object, keys: keys, sealedSize: Int64(sealed.count), progress: nil,
                                           read: { buffer, offset in
                                               sealed.withUnsafeBytes {
                                                   let start = Int(offset)
                                                   let count = min(buffer.count, sealed.count - start)
                                                   buffer.copyMemory(from: UnsafeRawBufferPointer(
                                                       rebasing: $0[start..<start + count]))
                                                   return count
                                               }
                                           },
                                           consume: { _ in throw Broken(side: "consume") })
        }
    }
}

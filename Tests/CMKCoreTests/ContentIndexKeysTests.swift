import CMKCrypto
import Testing

@testable import CMKCore

/// The keys of the sealed content index: deterministic, domain-separated tokens; sealed values that open only
/// with the same registry's keys and at the same row.
@Suite("Content index keys")
struct ContentIndexKeysTests {
    private static let salt = SecureRandom.bytes(count: 32)
    private static let platformLayer = SecureBytes.random(count: 32)
    private static let dek = SecureBytes.random(count: 32)

    private static func keys(salt: [UInt8] = salt, layers: [SecureBytes] = [platformLayer, dek]) throws -> ContentKeys {
        try ContentKeys(registryName: "reg1", salt: salt, layerKeys: layers)
    }

    @Test("tokens are deterministic per registry keys and separate kinds and part boundaries")
    func tokens() throws {
        let index = try Self.keys().index
        let again = try Self.keys().index
        #expect(try index.token(.repository, "app") == again.token(.repository, "app"))
        #expect(try index.token(.repository, "app").count == 32)
        #expect(try index.token(.repository, "app") != index.token(.tag, "app"))
        #expect(try index.token(.repository, "app") != index.token(.repository, "App"))
        #expect(try index.token(.tag, "a", "bc") != index.token(.tag, "ab", "c"))
        #expect(try index.token(.tag, "a", "bc") != index.token(.tag, "a", "bc", ""))
        #expect(try index.token(.digest, "sha256:00") != Self.keys(layers: [Self.platformLayer]).index
                    .token(.digest, "sha256:00"), "without the DEK the tokens differ")
        #expect(try index.token(.digest, "sha256:00") != Self.keys(salt: SecureRandom.bytes(count: 32)).index
                    .token(.digest, "sha256:00"), "another registry's tokens differ")
    }

    @Test("object ids are keyed: the same for the same keys, different without the DEK")
    func objectIDs() throws {
        let digest = "sha256:" + String(repeating: "0", count: 64)
        let id = try Self.keys().objectID(for: digest)
        #expect(id.count == 64)
        #expect(try Self.keys().objectID(for: digest) == id)
        #expect(try Self.keys(layers: [Self.platformLayer]).objectID(for: digest) != id)
        #expect(!id.contains(String(repeating: "0", count: 16)))
    }

    @Test("a sealed value opens with the same keys at the same row, and every seal differs")
    func roundTrip() throws {
        let index = try Self.keys().index
        let row: [[UInt8]] = [Array("content_tags".utf8), [1, 2, 3], [4]]
        let value = Array(#"{"name":"v1"}"#.utf8)
        let sealed = try index.seal(value, row: row)
        #expect(try index.open(sealed, row: row) == value)
        #expect(try Self.keys().index.open(sealed, row: row) == value, "keys derived again open it")
        #expect(try index.seal(value, row: row) != sealed, "a random nonce per seal")
        #expect(sealed.count == 1 + 12 + 64 + 16, "padded to 64 bytes")
        #expect(try index.open(index.seal([], row: row), row: row) == [])
        #expect(try index.open(index.seal([0x80, 0], row: row), row: row) == [0x80, 0], "bytes like padding survive")
    }

    @Test("sealed lengths hide value lengths within a 64-byte block", arguments: [0, 1, 62, 63, 64, 127, 200])
    func padding(length: Int) throws {
        let index = try Self.keys().index
        let value = [UInt8](repeating: 0x61, count: length)
        let sealed = try index.seal(value, row: [[1]])
        #expect(sealed.count == 1 + 12 + 16 + (length / 64 + 1) * 64)
        #expect(try index.open(sealed, row: [[1]]) == value)
    }

    /// Ways a sealed value can fail to open.
    enum Misuse: String, CaseIterable, Sendable {
        case platformLayerOnly, wrongDEK, otherRegistry, otherRow, splitRowDifferently, flippedBit, truncated,
             unknownVersion
    }

    @Test("a wrong key, another row or a damaged value cannot open a sealed value", arguments: Misuse.allCases)
    func misuse(_ misuse: Misuse) throws {
        let row: [[UInt8]] = [Array("content_repositories".utf8), [9, 9]]
        var sealed = try Self.keys().index.seal(Array("secret-repository".utf8), row: row)
        var index = try Self.keys().index
        var openRow = row
        switch misuse {
        case .platformLayerOnly: index = try Self.keys(layers: [Self.platformLayer]).index
        case .wrongDEK: index = try Self.keys(layers: [Self.platformLayer, .random(count: 32)]).index
        case .otherRegistry: index = try Self.keys(salt: SecureRandom.bytes(count: 32)).index
        case .otherRow: openRow = [Array("content_repositories".utf8), [9, 8]]
        case .splitRowDifferently: openRow = [Array("content_repositories".utf8), [9], [9]]
        case .flippedBit: sealed[sealed.count / 2] ^= 0x01
        case .truncated: sealed.removeLast()
        case .unknownVersion: sealed[0] = 2
        }
        let error = #expect(throws: CMKError.self) { try index.open(sealed, row: openRow) }
        #expect(error?.code == "ContentIndexTampered")
        #expect(error?.message.contains("registry 'reg1'") == true)
        #expect(error?.hint?.contains("fsck") == true)
    }

    @Test("descriptions never show key material")
    func descriptions() throws {
        let keys = try Self.keys()
        #expect(keys.index.description == "ContentIndexKeys(registry: reg1)")
        #expect(keys.description == "ContentKeys(registry: reg1, layers: 2)")
    }
}

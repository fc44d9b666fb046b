import Foundation
import Testing

@testable import CMKCrypto

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "FIPS 180-2 known answers",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func knownAnswers(input: String, expected: String) {
        let bytes = Array(input.utf8)
        #expect(SHA256.hex(SHA256.hash(bytes)) == expected)
        #expect(SHA256.hex(SHA256.hash(Data(bytes))) == expected)
        #expect(SHA256.hex(bytes.withUnsafeBytes { SHA256.hash($0) }) == expected)
    }

    @Test("incremental hashing in any split equals one-shot")
    func incremental() {
        let data = SecureRandom.bytes(count: 10_000)
        let expected = SHA256.hash(data)
        for pieceSize in [1, 7, 64, 1000, 10_000] {
            let hasher = SHA256Hasher()
            var offset = 0
            while offset < data.count {
                hasher.update(Array(data[offset..<min(offset + pieceSize, data.count)]))
                offset += pieceSize
            }
            hasher.update([])
            #expect(hasher.finalize() == expected, "piece size \(pieceSize)")
        }
    }

    @Test("a million 'a' (FIPS 180-2)")
    func millionA() {
        let hasher = SHA256Hasher()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 {
            block.withUnsafeBytes { hasher.update($0) }
        }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("hex is lowercase, two digits per byte")
    func hex() {
        #expect(SHA256.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hex([]) == "")
    }
}

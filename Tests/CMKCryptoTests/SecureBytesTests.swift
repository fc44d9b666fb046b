import Testing

@testable import CMKCrypto

@Suite("SecureBytes and SecureRandom")
struct SecureBytesTests {
    @Test("== compares content and length")
    func equality() {
        let bytes: [UInt8] = [1, 2, 3, 4]
        #expect(SecureBytes(bytes) == SecureBytes(bytes))
        #expect(SecureBytes(bytes) != SecureBytes([1, 2, 3, 5]))
        #expect(SecureBytes(bytes) != SecureBytes([1, 2, 3]))
        #expect(SecureBytes([]) == SecureBytes([]))
        let copied = bytes.withUnsafeBytes { SecureBytes(copying: $0) }
        #expect(copied == SecureBytes(bytes))
        #expect(TestSupport.array(copied) == bytes)
    }

    @Test("description, debugDescription and reflection never show the content")
    func hidesContent() {
        let secret = SecureBytes([0xde, 0xad, 0xbe, 0xef])
        #expect(secret.description == "SecureBytes(4 bytes)")
        #expect(secret.debugDescription == "SecureBytes(4 bytes)")
        #expect("\(secret)" == "SecureBytes(4 bytes)")
        var dumped = ""
        dump(secret, to: &dumped)
        // 0xde 0xad 0xbe 0xef in decimal or hex must not appear.
        #expect(!["222", "173", "190", "239", "dead", "beef"].contains { dumped.contains($0) }, "dump: \(dumped)")
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test("random bytes have the requested length and differ between calls", arguments: [0, 1, 32, 1000])
    func random(count: Int) {
        let first = SecureBytes.random(count: count)
        let second = SecureBytes.random(count: count)
        #expect(first.count == count)
        #expect(SecureRandom.bytes(count: count).count == count)
        if count >= 16 {
            #expect(first != second)
            #expect(SecureRandom.bytes(count: count) != SecureRandom.bytes(count: count))
        }
    }

    @Test("concatenated secure bytes hold the parts in order")
    func concatenation() {
        let joined = SecureBytes(concatenating: [SecureBytes([1, 2]), SecureBytes([]), SecureBytes([3])])
        #expect(joined == SecureBytes([1, 2, 3]))
        #expect(SecureBytes(concatenating: []).count == 0)
    }
}

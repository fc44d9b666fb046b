import Testing

@testable import CMKCrypto

@Suite("HMAC-SHA256")
struct HMACTests {
    /// RFC 4231 test cases 1, 2, 3 and 6 (case 5 is a truncated output; 4 and 7 add nothing new here).
    @Test(
        "RFC 4231 known answers",
        arguments: [
            ("1: short key", String(repeating: "0b", count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            ("2: key shorter than the output", SHA256.hex(Array("Jefe".utf8)),
             Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ("3: 50 bytes of 0xdd", String(repeating: "aa", count: 20), [UInt8](repeating: 0xdd, count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ("6: key longer than a block", String(repeating: "aa", count: 131),
             Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ]
    )
    func knownAnswers(name: String, keyHex: String, message: [UInt8], expected: String) throws {
        let key = SecureBytes(TestSupport.bytes(hex: keyHex))
        let code = try HMACSHA256.authenticationCode(for: message, key: key)
        #expect(SHA256.hex(code) == expected, "RFC 4231 case \(name)")
        #expect(try HMACSHA256.isValid(code, for: message, key: key))
    }

    @Test("an empty message is authenticated like any other")
    func emptyMessage() throws {
        let code = try HMACSHA256.authenticationCode(for: [], key: SecureBytes(Array("k".utf8)))
        #expect(SHA256.hex(code) == "8bb990c40a7d61cb97597a942125025be50ac8beb74436e3735b98893a7f6620")
    }

    @Test("a different key, message or code does not verify")
    func rejectsWrongInputs() throws {
        let key = SecureBytes.random(count: 32)
        let message = Array("registry index token".utf8)
        let code = try HMACSHA256.authenticationCode(for: message, key: key)
        #expect(try !HMACSHA256.isValid(code, for: message, key: SecureBytes.random(count: 32)))
        #expect(try !HMACSHA256.isValid(code, for: message + [0], key: key))
        var flipped = code
        flipped[31] ^= 1
        #expect(try !HMACSHA256.isValid(flipped, for: message, key: key))
        #expect(try !HMACSHA256.isValid(Array(code.prefix(16)), for: message, key: key))
    }

    @Test("an empty key is refused with a clear error")
    func emptyKey() {
        #expect(throws: CryptoError.invalidKey("HMAC-SHA256 needs a non-empty key")) {
            try HMACSHA256.authenticationCode(for: [1], key: SecureBytes([]))
        }
    }
}

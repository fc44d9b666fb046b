import Foundation
import Testing

@testable import CMKCrypto

@Suite("RSA public keys: DER, PEM, JWK")
struct RSAPublicKeyTests {
    @Test("DER round trip gives an equal key")
    func derRoundTrip() throws {
        let key = sharedKey2048.publicKey
        let reloaded = try RSAPublicKey(derRepresentation: key.derRepresentation)
        #expect(reloaded == key)
        #expect(reloaded.derRepresentation == key.derRepresentation)
        #expect(reloaded.modulusBitCount == 2048)
        #expect(key != otherKey2048.publicKey)
    }

    @Test("JWK round trip gives an equal key")
    func jwkRoundTrip() throws {
        let key = sharedKey2048.publicKey
        let jwk = key.jwk
        #expect(jwk.e == "AQAB")
        // 256 modulus bytes in unpadded base64url are 342 characters, with no padding or standard-base64 symbols.
        #expect(jwk.n.count == 342)
        #expect(!jwk.n.contains("=") && !jwk.n.contains("+") && !jwk.n.contains("/"))
        let reloaded = try RSAPublicKey(jwkModulus: jwk.n, exponent: jwk.e)
        #expect(reloaded == key)
        #expect(reloaded.jwk == jwk)
        // A wrapped secret made with the JWK-imported key opens with the original private key.
        let secret = SecureRandom.bytes(count: 32)
        let wrapped = try reloaded.wrap(secret, algorithm: .rsaOAEP256)
        #expect(TestSupport.array(try sharedKey2048.unwrap(wrapped, algorithm: .rsaOAEP256)) == secret)
    }

    @Test("JWK modulus with a leading zero byte is the same key")
    func jwkLeadingZero() throws {
        let key = sharedKey2048.publicKey
        var modulus = Base64URL.decode(key.jwk.n)!
        #expect(modulus.first != 0)
        modulus.insert(0, at: 0)
        let padded = try RSAPublicKey(jwkModulus: Base64URL.encode(modulus), exponent: "AQAB")
        #expect(padded == key)
    }

    @Test("malformed JWK members are refused with invalidKey")
    func invalidJWK() throws {
        let n = sharedKey2048.publicKey.jwk.n
        let cases: [(String, String)] = [
            ("", "AQAB"),
            ("AAAA", "AQAB"),
            (n + "=", "AQAB"),
            (n.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "+/", "AQAB"),
            ("not base64!", "AQAB"),
            (n, ""),
            (n, "AQ"),  // e = 1
            (n, "AQA"),  // e = 256, even
        ]
        for (modulus, exponent) in cases {
            #expect(throws: CryptoError.self, "n=\(modulus.prefix(12))… e=\(exponent)") {
                try RSAPublicKey(jwkModulus: modulus, exponent: exponent)
            }
        }
    }

    @Test("PEM is SubjectPublicKeyInfo with 64-column lines")
    func pem() throws {
        let pem = sharedKey2048.publicKey.pemRepresentation
        let lines = pem.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "-----BEGIN PUBLIC KEY-----")
        #expect(lines.dropLast().last == "-----END PUBLIC KEY-----")
        #expect(lines.last == "")
        let body = lines.dropFirst().dropLast(2)
        #expect(body.dropLast().allSatisfy { $0.count == 64 })
        let der = Data(base64Encoded: body.joined())
        #expect(der.map { [UInt8]($0) } == sharedKey2048.publicKey.derRepresentation)
    }

    @Test("DER that is not an RSA SubjectPublicKeyInfo is refused")
    func invalidDER() throws {
        let der = sharedKey2048.publicKey.derRepresentation
        var corrupted = der
        corrupted[0] = 0x31
        for bytes in [[], Array(der.dropLast()), der + [0], corrupted, SecureRandom.bytes(count: 64)] {
            #expect(throws: CryptoError.self) {
                try RSAPublicKey(derRepresentation: bytes)
            }
        }
    }
}

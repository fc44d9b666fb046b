import Testing

@_spi(KeySealing) @testable import CMKCrypto

@Suite("RSA private keys: generation, unwrap, Wycheproof OAEP")
struct RSAPrivateKeyTests {
    @Test(
        "Wycheproof RSA-OAEP decryption vectors",
        arguments: [
            "rsa_oaep_2048_sha1_mgf1sha1_test.json",
            "rsa_oaep_2048_sha256_mgf1sha256_test.json",
            "rsa_oaep_3072_sha256_mgf1sha256_test.json",
            "rsa_oaep_4096_sha256_mgf1sha256_test.json",
        ]
    )
    func wycheproofOAEP(fileName: String) throws {
        let file = try WycheproofFile<RSAOAEPGroup>.load(fileName)
        let selected = file.testGroups.reduce(0) { $0 + $1.tests.count }
        var tally = WycheproofTally()
        var labelled = 0
        for group in file.testGroups {
            #expect(group.mgf == "MGF1" && group.mgfSha == group.sha, "\(fileName): unexpected MGF \(group.mgfSha)")
            let algorithm: KeyWrapAlgorithm = group.sha == "SHA-1" ? .rsaOAEP : .rsaOAEP256
            #expect(["SHA-1", "SHA-256"].contains(group.sha), "\(fileName): unexpected hash \(group.sha)")
            let key = try RSAPrivateKey(pkcs8DER: SecureBytes(TestSupport.bytes(hex: group.privateKeyPkcs8)))
            #expect(key.publicKey.modulusBitCount == group.keySize)
            for vector in group.tests {
                let where_ = "\(fileName) tcId \(vector.tcId) (\(vector.comment))"
                let label = TestSupport.bytes(hex: vector.label)
                labelled += label.isEmpty ? 0 : 1
                let ciphertext = TestSupport.bytes(hex: vector.ct)
                let result: Result<SecureBytes, Error> = Result {
                    try key.unwrap(ciphertext, algorithm: algorithm, label: label)
                }
                switch vector.result {
                case .valid:
                    let message = TestSupport.bytes(hex: vector.msg)
                    #expect((try? result.get()).map(TestSupport.array) == message, "\(where_): wrong plaintext")
                    tally.valid += 1
                case .invalid:
                    #expect(
                        throws: CryptoError.decryptionFailed, "\(where_): invalid vector must be decryptionFailed"
                    ) { try result.get() }
                    tally.invalid += 1
                case .acceptable:
                    if (try? result.get()) != nil {
                        tally.acceptableSucceeded += 1
                    } else {
                        tally.acceptableFailed += 1
                    }
                }
            }
        }
        print("wycheproof \(fileName): \(tally), \(labelled) with a non-empty OAEP label")
        #expect(tally.checked > 0)
        #expect(tally.checked == selected)
        #expect(selected == file.numberOfTests)
    }

    @Test("generation of 2048 and 3072 bits", arguments: [2048, 3072])
    func generate(bitCount: Int) throws {
        let key = try RSAPrivateKey.generate(bitCount: bitCount)
        #expect(key.publicKey.modulusBitCount == bitCount)
        #expect(key.publicKey.jwk.e == "AQAB")
        let dek = SecureBytes.random(count: 32)
        let wrapped = try key.publicKey.wrap(TestSupport.array(dek), algorithm: .rsaOAEP256)
        #expect(wrapped.count == bitCount / 8)
        #expect(try key.unwrap(wrapped, algorithm: .rsaOAEP256) == dek)
    }

    @Test("generation of 4096 bits (the only 4096-bit generation in the suite)")
    func generate4096() throws {
        let key = try RSAPrivateKey.generate(bitCount: 4096)
        #expect(key.publicKey.modulusBitCount == 4096)
        let dek = SecureBytes.random(count: 32)
        for algorithm in KeyWrapAlgorithm.allCases {
            let wrapped = try key.publicKey.wrap(TestSupport.array(dek), algorithm: algorithm)
            #expect(wrapped.count == 512)
            #expect(try key.unwrap(wrapped, algorithm: algorithm) == dek)
        }
    }

    @Test("sizes other than 2048/3072/4096 are refused", arguments: [1024, 512, 8192, 0, -1, 2047, 2049])
    func refusedSizes(bitCount: Int) {
        #expect(throws: CryptoError.unsupportedKeySize(bitCount)) {
            try RSAPrivateKey.generate(bitCount: bitCount)
        }
        let message = CryptoError.unsupportedKeySize(bitCount).description
        #expect(message == "unsupported RSA key size \(bitCount) bits: use one of 2048, 3072, 4096")
    }

    @Test("wrap and unwrap round trip", arguments: KeyWrapAlgorithm.allCases)
    func roundTrip(algorithm: KeyWrapAlgorithm) throws {
        let key = sharedKey2048
        for length in [0, 1, 16, 32] {
            let secret = SecureRandom.bytes(count: length)
            let wrapped = try key.publicKey.wrap(secret, algorithm: algorithm)
            #expect(wrapped.count == 256)
            #expect(TestSupport.array(try key.unwrap(wrapped, algorithm: algorithm)) == secret)
            // Randomised padding: the same secret never wraps to the same bytes twice.
            #expect(try key.publicKey.wrap(secret, algorithm: algorithm) != wrapped)
        }
    }

    @Test("plaintext longer than the scheme allows is refused", arguments: KeyWrapAlgorithm.allCases)
    func tooLong(algorithm: KeyWrapAlgorithm) throws {
        let limit = 256 - algorithm.paddingOverhead
        _ = try sharedKey2048.publicKey.wrap(SecureRandom.bytes(count: limit), algorithm: algorithm)
        #expect(throws: CryptoError.self) {
            try sharedKey2048.publicKey.wrap(SecureRandom.bytes(count: limit + 1), algorithm: algorithm)
        }
    }

    @Test("wrong key, wrong algorithm, corrupt or truncated ciphertext: one indistinct error",
          arguments: KeyWrapAlgorithm.allCases)
    func indistinctFailures(algorithm: KeyWrapAlgorithm) throws {
        let dek = SecureRandom.bytes(count: 32)
        let wrapped = try sharedKey2048.publicKey.wrap(dek, algorithm: algorithm)
        var corruptions: [(String, [UInt8])] = []
        for position in [0, 1, 100, 255] {
            var corrupt = wrapped
            corrupt[position] ^= 0x04
            corruptions.append(("bit flipped at \(position)", corrupt))
        }
        corruptions.append(("truncated", Array(wrapped.dropLast())))
        corruptions.append(("extended", wrapped + [0]))
        corruptions.append(("empty", []))
        corruptions.append(("all zero", [UInt8](repeating: 0, count: 256)))
        corruptions.append(("all 0xff (above the modulus)", [UInt8](repeating: 0xff, count: 256)))
        for (name, ciphertext) in corruptions {
            expectRefused(ciphertext, key: sharedKey2048, algorithm: algorithm, dek: dek, "\(algorithm.rawValue), \(name)")
        }
        expectRefused(wrapped, key: otherKey2048, algorithm: algorithm, dek: dek, "\(algorithm.rawValue), wrong key")
        for other in KeyWrapAlgorithm.allCases where other != algorithm {
            expectRefused(wrapped, key: sharedKey2048, algorithm: other, dek: dek,
                          "\(algorithm.rawValue) opened as \(other.rawValue)")
        }
    }

    /// Unwrapping `ciphertext` fails with the one indistinct error. PKCS #1 v1.5 padding has no integrity check, so
    /// an RSA1_5 unwrap of the wrong bytes can pass by chance, returning garbage: an OAEP ciphertext, whose padded
    /// block always starts with 0x00, opens as RSA1_5 about once in 400 tries (the next byte is 0x02 one time in
    /// 256, and a zero separator usually follows), other wrong bytes about once in 100,000. What must never happen
    /// is that garbage comes back as the key that was wrapped.
    private func expectRefused(_ ciphertext: [UInt8], key: RSAPrivateKey, algorithm: KeyWrapAlgorithm, dek: [UInt8],
                               _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let opened = try key.unwrap(ciphertext, algorithm: algorithm)
            #expect(algorithm == .rsa1_5, "\(comment): opened", sourceLocation: sourceLocation)
            #expect(opened.withUnsafeBytes { [UInt8]($0) } != dek, "\(comment): opened as the wrapped key", sourceLocation: sourceLocation)
        } catch {
            #expect(error as? CryptoError == .decryptionFailed, "\(comment): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("PKCS #8 DER and PEM through the KeySealing SPI round trip")
    func pkcs8RoundTrip() throws {
        let der = sharedKey2048.pkcs8DERRepresentation()
        let reloaded = try RSAPrivateKey(pkcs8DER: der)
        #expect(reloaded.publicKey == sharedKey2048.publicKey)
        #expect(reloaded.pkcs8DERRepresentation() == der)
        let dek = SecureRandom.bytes(count: 32)
        let wrapped = try sharedKey2048.publicKey.wrap(dek, algorithm: .rsaOAEP256)
        #expect(TestSupport.array(try reloaded.unwrap(wrapped, algorithm: .rsaOAEP256)) == dek)

        let pem = String(decoding: TestSupport.array(sharedKey2048.pemRepresentation), as: UTF8.self)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(pem.hasSuffix("-----END PRIVATE KEY-----\n"))
    }

    @Test("garbage is not a private key")
    func invalidPrivateKey() {
        for bytes in [[], [0x30, 0x03, 0x02, 0x01, 0x00], SecureRandom.bytes(count: 300)] as [[UInt8]] {
            #expect(throws: CryptoError.invalidKey("not a DER PKCS #8 or PKCS #1 RSA private key")) {
                try RSAPrivateKey(pkcs8DER: SecureBytes(bytes))
            }
        }
    }
}

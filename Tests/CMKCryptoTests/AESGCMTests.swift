import Testing

@testable import CMKCrypto

@Suite("AES-256-GCM")
struct AESGCMTests {
    @Test("Wycheproof aes_gcm_test.json: every 256-bit-key vector")
    func wycheproof() throws {
        let file = try WycheproofFile<AEADGroup>.load("aes_gcm_test.json")
        let groups = file.testGroups.filter { $0.keySize == 256 }
        let selected = groups.reduce(0) { $0 + $1.tests.count }
        var tally = WycheproofTally()
        for group in groups {
            #expect(group.tagSize == 128, "aes_gcm_test.json: unexpected tag size \(group.tagSize)")
            for vector in group.tests {
                check(vector, tally: &tally)
            }
        }
        print("wycheproof aes_gcm_test.json (keySize 256): \(tally)")
        #expect(tally.checked > 0)
        #expect(tally.checked + tally.skipped.count == selected)
        // Only the 257-byte IV vector exceeds OpenSSL 3.0's GCM IV limit; anything else skipped is a regression.
        #expect(tally.skipped.count <= 1)
    }

    private func check(_ vector: AEADVector, tally: inout WycheproofTally) {
        let where_ = "aes_gcm_test.json tcId \(vector.tcId) (\(vector.comment))"
        let key = SecureBytes(TestSupport.bytes(hex: vector.key))
        let iv = TestSupport.bytes(hex: vector.iv)
        let aad = TestSupport.bytes(hex: vector.aad)
        let message = TestSupport.bytes(hex: vector.msg)
        let ciphertext = TestSupport.bytes(hex: vector.ct)
        let tag = TestSupport.bytes(hex: vector.tag)

        if iv.count > AESGCMCipher.maximumNonceByteCount {
            // OpenSSL 3.0's GCM provider stores at most 128 IV bytes; the API must refuse clearly, not misbehave.
            #expect(throws: CryptoError.self, "\(where_): oversized IV must be refused") {
                try AESGCM.seal(message, key: key, nonce: iv, authenticating: aad)
            }
            tally.skipped[vector.tcId] = "\(iv.count)-byte IV exceeds OpenSSL 3.0's 128-byte GCM IV limit"
            return
        }

        let sealed = try? AESGCM.seal(message, key: key, nonce: iv, authenticating: aad)
        let opened = try? AESGCM.open(ciphertext, tag: tag, key: key, nonce: iv, authenticating: aad)
        switch vector.result {
        case .valid:
            #expect(sealed?.ciphertext == ciphertext, "\(where_): ciphertext differs")
            #expect(sealed?.tag == tag, "\(where_): tag differs")
            #expect(opened == message, "\(where_): open did not return the message")
            tally.valid += 1
        case .invalid:
            // An invalid vector may be a bad tag (open must fail) or bad parameters (both must fail).
            #expect(opened == nil, "\(where_): invalid vector was accepted by open")
            if iv.isEmpty {
                #expect(sealed == nil, "\(where_): seal accepted an empty IV")
            }
            tally.invalid += 1
        case .acceptable:
            if opened == message {
                tally.acceptableSucceeded += 1
            } else {
                tally.acceptableFailed += 1
            }
        }
    }

    @Test("round trip with a 12-byte nonce")
    func roundTrip() throws {
        let key = SecureBytes.random(count: 32)
        let nonce = SecureRandom.bytes(count: 12)
        let message = SecureRandom.bytes(count: 1000)
        let sealed = try AESGCM.seal(message, key: key, nonce: nonce, authenticating: [1, 2, 3])
        #expect(sealed.ciphertext.count == message.count)
        #expect(sealed.tag.count == 16)
        #expect(sealed.ciphertext != message)
        let opened = try AESGCM.open(
            sealed.ciphertext, tag: sealed.tag, key: key, nonce: nonce, authenticating: [1, 2, 3]
        )
        #expect(opened == message)
    }

    @Test("anything that does not authenticate is decryptionFailed")
    func tampering() throws {
        let key = SecureBytes.random(count: 32)
        let nonce = SecureRandom.bytes(count: 12)
        let message = Array("layer bytes".utf8)
        let aad = Array("digest".utf8)
        let sealed = try AESGCM.seal(message, key: key, nonce: nonce, authenticating: aad)
        var flippedCiphertext = sealed.ciphertext
        flippedCiphertext[3] ^= 0x01
        var flippedTag = sealed.tag
        flippedTag[15] ^= 0x80
        var otherNonce = nonce
        otherNonce[0] ^= 1
        func open(
            _ ciphertext: [UInt8], tag: [UInt8], key: SecureBytes = key, nonce: [UInt8] = nonce, aad: [UInt8] = aad
        ) throws -> [UInt8] {
            try AESGCM.open(ciphertext, tag: tag, key: key, nonce: nonce, authenticating: aad)
        }
        let attempts: [(String, () throws -> [UInt8])] = [
            ("wrong key", { try open(sealed.ciphertext, tag: sealed.tag, key: .random(count: 32)) }),
            ("flipped ciphertext", { try open(flippedCiphertext, tag: sealed.tag) }),
            ("flipped tag", { try open(sealed.ciphertext, tag: flippedTag) }),
            ("short tag", { try open(sealed.ciphertext, tag: Array(sealed.tag.prefix(12))) }),
            ("other nonce", { try open(sealed.ciphertext, tag: sealed.tag, nonce: otherNonce) }),
            ("other aad", { try open(sealed.ciphertext, tag: sealed.tag, aad: []) }),
            ("truncated", { try open(Array(sealed.ciphertext.dropLast()), tag: sealed.tag) }),
        ]
        for (name, attempt) in attempts {
            #expect(throws: CryptoError.decryptionFailed, "\(name)") { try attempt() }
        }
    }

    @Test("keys that are not 32 bytes are refused", arguments: [0, 16, 24, 31, 33, 64])
    func keyLength(count: Int) {
        let key = SecureBytes(SecureRandom.bytes(count: count))
        #expect(throws: CryptoError.invalidKey("AES-256-GCM needs a 32-byte key, got \(count) bytes")) {
            try AESGCM.seal([1], key: key, nonce: SecureRandom.bytes(count: 12), authenticating: [])
        }
    }
}

import Testing

@testable import CMKCrypto

@Suite("HKDF-SHA256")
struct HKDFTests {
    @Test("Wycheproof hkdf_sha256_test.json: every vector")
    func wycheproof() throws {
        let file = try WycheproofFile<HKDFGroup>.load("hkdf_sha256_test.json")
        let vectors = file.testGroups.flatMap(\.tests)
        var tally = WycheproofTally()
        for vector in vectors {
            let where_ = "hkdf_sha256_test.json tcId \(vector.tcId) (\(vector.comment))"
            let derived = try? HKDF.deriveKey(
                inputKeyMaterial: SecureBytes(TestSupport.bytes(hex: vector.ikm)),
                salt: TestSupport.bytes(hex: vector.salt),
                info: TestSupport.bytes(hex: vector.info),
                outputByteCount: vector.size
            )
            switch vector.result {
            case .valid:
                let expected = TestSupport.bytes(hex: vector.okm)
                #expect(derived.map(TestSupport.array) == expected, "\(where_): output differs")
                tally.valid += 1
            case .invalid:
                #expect(derived == nil, "\(where_): invalid vector was accepted")
                tally.invalid += 1
            case .acceptable:
                if derived != nil {
                    tally.acceptableSucceeded += 1
                } else {
                    tally.acceptableFailed += 1
                }
            }
        }
        print("wycheproof hkdf_sha256_test.json: \(tally)")
        #expect(tally.checked > 0)
        #expect(tally.checked == vectors.count)
        #expect(vectors.count == file.numberOfTests)
    }

    @Test("output lengths outside 1...8160 are refused with a clear error", arguments: [0, -1, 8161])
    func outputLength(count: Int) {
        let expected = CryptoError.invalidInput(
            "HKDF-SHA256 output length \(count) is out of range: use 1 to 8160 bytes"
        )
        #expect(throws: expected) {
            try HKDF.deriveKey(inputKeyMaterial: .random(count: 32), salt: [], info: [], outputByteCount: count)
        }
    }

    @Test("empty salt equals 32 zero bytes (RFC 5869)")
    func emptySalt() throws {
        let ikm = SecureBytes.random(count: 32)
        let empty = try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: [7], outputByteCount: 32)
        let zeros = try HKDF.deriveKey(
            inputKeyMaterial: ikm, salt: [UInt8](repeating: 0, count: 32), info: [7], outputByteCount: 32
        )
        let otherSalt = try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [1], info: [7], outputByteCount: 32)
        #expect(empty == zeros)
        #expect(empty != otherSalt)
    }
}

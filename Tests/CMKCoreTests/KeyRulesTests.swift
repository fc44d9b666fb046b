import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// Key Vault key rules: types and sizes, versions, soft delete, and the data plane's encrypt/decrypt.
@Suite("Key rules")
struct KeyRulesTests {
    private func rsaRequest(_ name: String = "knew", size: Int?) -> KeyCreateRequest {
        var request = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: name)
        request.size = size
        return request
    }

    @Test("RSA sizes other than 2048, 3072 and 4096 are refused", arguments: [512, 1024, 2047, 8192])
    func unsupportedRSASize(bits: Int) throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createKey(rsaRequest(size: bits)) }

        #expect(error.code == "BadParameter")
        #expect(error.message.hasPrefix("RSA key size \(bits) is not supported."))
        #expect(error.hint == "Pass --size 2048, 3072 or 4096.")
        #expect(session.world == before)
    }

    @Test("the supported RSA sizes are exactly 2048, 3072 and 4096")
    func supportedRSASizes() {
        #expect(Session.rsaKeySizes == [2048, 3072, 4096])
    }

    @Test("a 3072-bit RSA key is created with real key material")
    func rsa3072() throws {
        let session = CoreFixture.session()

        let (key, version) = try session.createKey(rsaRequest(size: 3072))

        #expect(version.keyType == .rsa)
        #expect(version.keySize == 3072)
        #expect(try RSAPublicKey(derRepresentation: version.publicKeyDER).modulusBitCount == 3072)
        #expect(key.versions == [version])
        #expect(version.keyOps == ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"])
    }

    @Test("a key without --size is RSA 2048 and names itself by a versioned kid")
    func defaultKey() throws {
        let session = CoreFixture.session()
        let key = try #require(session.world.keys.first { $0.vaultName == CoreFixture.policyVault && $0.name == "k1" })

        #expect(key.current.keyType == .rsa)
        #expect(key.current.keySize == 2048)
        let kid = key.current.identifier(vaultName: key.vaultName, keyName: key.name)
        #expect(kid.range(of: #"^https://kvpolicy\.vault\.azure\.net/keys/k1/[0-9a-f]{32}$"#,
                          options: .regularExpression) != nil)
        #expect(key.versions.count == 2)
        #expect(key.versions[0].version != key.versions[1].version)
    }

    @Test("EC keys are allowed in a vault with a known curve and no size")
    func ecKeys() throws {
        let session = CoreFixture.session()
        var request = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "ec384")
        request.keyType = .ec
        request.curve = "p-384"

        let (_, version) = try session.createKey(request)

        #expect(version.curve == "P-384")
        #expect(version.keySize == nil)
        #expect(version.keyOps == ["sign", "verify"])
    }

    @Test("mismatched key parameters are refused")
    func mismatchedParameters() throws {
        let session = CoreFixture.session()
        let before = session.world
        var ecWithSize = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        ecWithSize.keyType = .ec
        ecWithSize.size = 2048
        var rsaWithCurve = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        rsaWithCurve.curve = "P-256"
        var unknownCurve = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        unknownCurve.keyType = .ec
        unknownCurve.curve = "P-224"
        var hsmOnStandard = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        hsmOnStandard.keyType = .rsaHSM
        var oct = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        oct.keyType = .oct
        var unknownOp = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "bad")
        unknownOp.keyType = .ec
        unknownOp.operations = ["sign", "fly"]

        for (request, fragment) in [
            (ecWithSize, "--size applies to RSA keys only"), (rsaWithCurve, "--curve applies to EC keys only"),
            (unknownCurve, "Curve P-224 is not supported"), (hsmOnStandard, "need a premium vault"),
            (oct, "only supported by Managed HSM"), (unknownOp, "'fly' is not a valid value for '--ops'"),
        ] {
            let error = try #require(throws: CMKError.self) { try session.createKey(request) }
            #expect(error.message.contains(fragment), "\(request.keyType) \(error)")
        }
        #expect(session.world == before)
    }

    @Test("on an RBAC vault the operator needs a role to create keys")
    func operatorNeedsRoleOnRbacVault() throws {
        let session = CoreFixture.session()
        session.world.roleAssignments.removeAll()
        let before = session.world
        var request = KeyCreateRequest(vaultName: CoreFixture.rbacVault, name: "eckey")
        request.keyType = .ec

        let error = try #require(throws: CMKError.self) { try session.createKey(request) }

        #expect(error.code == "ForbiddenByRbac")
        #expect(error.message.contains("Action: 'Microsoft.KeyVault/vaults/keys/create/action'"))
        #expect(session.world == before)
    }

    @Test("deleting a key keeps it recoverable until the scheduled purge date")
    func deleteKeyIsSoft() throws {
        let session = CoreFixture.session()

        let key = try session.deleteKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName)

        #expect(key.deletion?.scheduledPurgeDate == CoreFixture.start.addingTimeInterval(90 * 86_400))
        #expect(key.recoveryId == "https://kvpolicy.vault.azure.net/deletedkeys/k1")
        #expect(try session.listDeletedKeys(vaultName: CoreFixture.policyVault).map(\.name) == ["k1"])
        #expect(try !session.listKeys(vaultName: CoreFixture.policyVault).contains { $0.name == "k1" })
        let show = try #require(throws: CMKError.self) {
            try session.showKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil)
        }
        #expect(show.code == "KeyDeleted")
        let recovered = try session.recoverKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName)
        #expect(!recovered.isDeleted)
    }

    @Test("a key that does not exist is named in Key Vault's words")
    func missingKey() throws {
        let session = CoreFixture.session()

        let error = try #require(throws: CMKError.self) {
            try session.showKey(vaultName: CoreFixture.policyVault, name: "nokey", version: nil)
        }

        #expect(error.description.hasPrefix(
            "(KeyNotFound) A key with (name/id) nokey was not found in this key vault."))
        #expect(error.category == .notFound)
    }

    @Test("encrypt and decrypt round-trip with every wrap algorithm", arguments: KeyWrapAlgorithm.allCases)
    func encryptDecrypt(algorithm: KeyWrapAlgorithm) throws {
        let session = CoreFixture.session()
        let plaintext = Array("a 32-byte data-encryption key!!!".utf8)

        let (ciphertext, kid) = try session.encrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                                    version: nil, algorithm: algorithm, plaintext: plaintext)
        let (decrypted, decryptKid) = try session.decrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                                          version: nil, algorithm: algorithm, ciphertext: ciphertext)

        #expect(ciphertext.count == 256)
        #expect(kid == session.keyURL(versionIndex: 1))
        #expect(decryptKid == kid)
        #expect(decrypted == SecureBytes(plaintext))
    }

    @Test("ciphertext of one version does not decrypt with another")
    func wrongVersionFailsToDecrypt() throws {
        let session = CoreFixture.session()
        let versions = session.world.keys.first { $0.vaultName == CoreFixture.policyVault && $0.name == "k1" }!.versions
        let (ciphertext, _) = try session.encrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                                  version: versions[0].version, algorithm: .rsaOAEP256,
                                                  plaintext: [1, 2, 3])

        let error = try #require(throws: CMKError.self) {
            try session.decrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                version: versions[1].version, algorithm: .rsaOAEP256, ciphertext: ciphertext)
        }

        #expect(error.message.contains("could not be decrypted"))
    }

    @Test("private keys are sealed under the vault master key: another does not open them, the platform key is no part")
    func vaultMasterKeyBindsPrivateKeys() throws {
        let session = CoreFixture.session()
        let (ciphertext, _) = try session.encrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                                  version: nil, algorithm: .rsaOAEP256, plaintext: [9, 9])
        let otherVault = Session(world: session.world, wallClock: CoreFixture.start,
                                 platformKey: CoreFixture.platformKey, vaultMasterKey: SecureBytes.random(count: 32))
        let error = try #require(throws: CMKError.self) {
            try otherVault.decrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                   algorithm: .rsaOAEP256, ciphertext: ciphertext)
        }
        #expect(error.code == "KeyMaterialCorrupt")

        let otherPlatform = Session(world: session.world, wallClock: CoreFixture.start,
                                    platformKey: SecureBytes.random(count: 32),
                                    vaultMasterKey: CoreFixture.vaultMasterKey)
        let plaintext = try otherPlatform.decrypt(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName,
                                                  version: nil, algorithm: .rsaOAEP256, ciphertext: ciphertext)
        #expect(plaintext.plaintext.withUnsafeBytes { Array($0) } == [9, 9])
    }

    @Test("rotating a key adds a version that becomes current, with the policy's expiry")
    func rotateKeyAppliesExpiry() throws {
        let session = CoreFixture.session()
        try session.updateRotationPolicy(
            vaultName: CoreFixture.rbacVault, name: CoreFixture.keyName,
            lifetimeActions: [.init(action: .rotate, timeAfterCreate: ISODuration("P90D"), timeBeforeExpiry: nil)],
            expiryTime: ISODuration("P1Y"))

        let (key, version) = try session.rotateKey(vaultName: CoreFixture.rbacVault, name: CoreFixture.keyName)

        #expect(key.versions.count == 2)
        #expect(key.current == version)
        #expect(version.keySize == 2048)
        #expect(version.expires == Timestamp.parse("2027-11-23T10:00:00Z"))
    }
}

import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// `az acr encryption rotate-key`: the DEK is re-wrapped, never replaced, and the registry records the new version.
@Suite("Registry key rotation")
struct RegistryKeyRotationTests {
    @Test("rotating to a new version re-wraps the same DEK and records version and time")
    func rotateToNewVersion() throws {
        let creation = try CoreFixture.pinnedRegistrySession()
        let dekBefore = try creation.unwrappedDEK()
        let wrappedBefore = try creation.requireRegistry("cmkreg").encryption!.wrappedDEK
        let later = CoreFixture.session(after: creation, seconds: 3_600)
        let newVersion = later.keyURL(versionIndex: 1)

        let rotated = try later.rotateRegistryKey(name: "cmkreg", resourceGroup: nil, keyEncryptionKey: newVersion,
                                                  identity: nil)

        let encryption = try #require(rotated.encryption)
        #expect(encryption.versionedKeyIdentifier == newVersion)
        #expect(encryption.keyIdentifier == newVersion)
        #expect(encryption.keyRotationEnabled == false)
        #expect(encryption.lastKeyRotationTimestamp == CoreFixture.start.addingTimeInterval(3_600))
        #expect(encryption.wrappedDEK != wrappedBefore)
        #expect(try later.requireRegistry("cmkreg") == rotated)
        #expect(try later.unwrappedDEK() == dekBefore)
    }

    @Test("the DEK after rotation needs the new version: disabling the old one does not matter")
    func rotatedDEKUsesNewVersion() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let dek = try session.unwrappedDEK()
        try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil,
                                      keyEncryptionKey: session.keyURL(versionIndex: 1), identity: nil)
        var disable = KeyAttributesUpdate()
        disable.enabled = false
        let oldVersion = session.world.keys.first { $0.vaultName == CoreFixture.policyVault }!.versions[0].version
        try session.setKeyAttributes(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: oldVersion,
                                     disable)

        #expect(try session.unwrappedDEK() == dek)
    }

    @Test("rotating to the versionless id turns automatic rotation on")
    func rotateToVersionless() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let dek = try session.unwrappedDEK()

        let rotated = try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil,
                                                    keyEncryptionKey: session.keyURL(), identity: nil)

        #expect(rotated.encryption?.keyRotationEnabled == true)
        #expect(rotated.encryption?.versionedKeyIdentifier == session.keyURL(versionIndex: 1))
        #expect(try session.unwrappedDEK() == dek)
    }

    @Test("rotate-key on a registry without CMK is a usage error")
    func rotateWithoutCMK() throws {
        let session = CoreFixture.session()
        try session.createRegistry(
            RegistryCreateRequest(name: "plain1", resourceGroup: CoreFixture.group, sku: .premium))
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.rotateRegistryKey(name: "plain1", resourceGroup: nil,
                                          keyEncryptionKey: session.keyURL(), identity: nil)
        }

        #expect(error.category == .usage)
        #expect(error.code == nil)
        #expect(error.message == "usage error: key rotation is only applicable to registries with CMK enabled")
        #expect(session.world == before)
    }

    @Test("rotating to a key the identity may not use changes nothing")
    func rotateToUngrantedKey() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil,
                                          keyEncryptionKey: session.keyURL(vault: CoreFixture.rbacVault), identity: nil)
        }

        #expect(error.code == "ForbiddenByRbac")
        #expect(error.message.contains("could not be rotated"))
        #expect(session.world == before)
    }

    @Test("rotating to an EC key is refused and changes nothing")
    func rotateToECKey() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil,
                                          keyEncryptionKey: session.keyURL(key: CoreFixture.ecKeyName), identity: nil)
        }

        #expect(error.code == "KeyTypeNotSupported")
        #expect(session.world == before)
    }

    @Test("rotating to the system identity needs one assigned")
    func rotateToMissingSystemIdentity() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil, keyEncryptionKey: nil,
                                          identity: "[system]")
        }

        #expect(error.message.contains("has no system-assigned identity"))
        #expect(error.hint == "az acr identity assign --identities [system] --name cmkreg")
        #expect(session.world == before)
    }

    @Test("rotating to a granted system identity moves encryption to it and keeps the DEK")
    func rotateToSystemIdentity() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let dek = try session.unwrappedDEK()
        let registry = try session.assignRegistryIdentities(name: "cmkreg", resourceGroup: nil,
                                                            identities: ["[system]"])
        let systemPrincipal = try #require(registry.identity.systemPrincipalId)
        try session.setPolicy(vaultName: CoreFixture.policyVault, resourceGroup: nil, objectId: systemPrincipal,
                              applicationId: nil, keys: CoreFixture.registryKeyPermissions, secrets: nil,
                              certificates: nil, storage: nil)

        let rotated = try session.rotateRegistryKey(name: "cmkreg", resourceGroup: nil, keyEncryptionKey: nil,
                                                    identity: "[system]")

        #expect(rotated.encryption?.identity == "system")
        #expect(rotated.encryption?.keyIdentifier == session.keyURL(versionIndex: 0))
        try session.deletePolicy(vaultName: CoreFixture.policyVault, resourceGroup: nil,
                                 objectId: session.fixtureIdentity.principalId, applicationId: nil)
        #expect(try session.unwrappedDEK() == dek)
    }

    @Test("the rotate use case: a new version, pinned or followed; contradictions and empty requests are usage errors")
    func rotateUseCase() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let dek = try session.unwrappedDEK()
        let pinned = try session.rotate(RotationRequest(registry: "cmkreg", newVersion: true))
        #expect(pinned.dataKeyUnwraps)
        #expect(pinned.encryption.keyRotationEnabled == false, "a pinned registry stays pinned")
        #expect(pinned.encryption.versionedKeyIdentifier != pinned.before.versionedKeyIdentifier)
        #expect(pinned.actions.first?.hasPrefix("az keyvault key rotate") == true)
        #expect(try session.unwrappedDEK() == dek)

        let followed = try session.rotate(RotationRequest(registry: "cmkreg", newVersion: true, mode: .automatic))
        #expect(followed.encryption.keyRotationEnabled)
        #expect(followed.actions.count == 2)

        for request in [RotationRequest(registry: "cmkreg", newVersion: true, keyIdentifier: session.keyURL()),
                        RotationRequest(registry: "cmkreg")] {
            let error = try #require(throws: CMKError.self) { try session.rotate(request) }
            #expect(error.category == .usage, "\(error)")
        }
    }
}

import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// Registry creation with a customer-managed key: each seed rule refuses cleanly, naming its cause, and leaves the
/// world as it was; the documented grants let creation through.
@Suite("Registry CMK rules")
struct RegistryRulesTests {
    @Test("CMK is refused on Basic and Standard", arguments: [RegistrySKU.basic, .standard])
    func cmkNeedsPremium(sku: RegistrySKU) throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var request = session.cmkRequest(keyURL: session.keyURL())
        request.sku = sku
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createRegistry(request) }

        #expect(error.code == "CMKNotSupported")
        #expect(error.category == .badRequest)
        #expect(error.message.contains("Premium"))
        #expect(error.message.contains(sku.rawValue))
        #expect(session.world == before)
    }

    @Test("--identity and --key-encryption-key only together", arguments: [true, false])
    func identityAndKeyGoTogether(identityOnly: Bool) throws {
        let session = CoreFixture.session()
        var request = session.cmkRequest(keyURL: session.keyURL())
        if identityOnly { request.keyEncryptionKey = nil } else { request.identity = nil }
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createRegistry(request) }

        #expect(error.category == .usage)
        #expect(error.message == "Usage error: --identity and --key-encryption-key must be both supplied")
        #expect(session.world == before)
    }

    @Test("the identity must exist")
    func identityMustExist() throws {
        let session = CoreFixture.session()
        var request = session.cmkRequest(keyURL: session.keyURL())
        request.identity = "no-such-identity"
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createRegistry(request) }

        #expect(error.category == .notFound)
        #expect(error.code == "ResourceNotFound")
        #expect(error.message.contains("Microsoft.ManagedIdentity/userAssignedIdentities/no-such-identity"))
        #expect(session.world == before)
    }

    @Test("a key URL that is not a Key Vault key is refused")
    func keyURLMustParse() throws {
        let session = CoreFixture.session()
        let request = session.cmkRequest(keyURL: "https://kvpolicy.vault.azure.net/secrets/k1")
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createRegistry(request) }

        #expect(error.code == "InvalidKeyIdentifier")
        #expect(session.world == before)
    }

    @Test("an EC key is allowed in the vault but refused as a registry's key")
    func ecKeyRefusedForCMK() throws {
        let session = CoreFixture.session()
        let ecKey = try #require(session.world.keys.first { $0.name == CoreFixture.ecKeyName })
        #expect(ecKey.current.keyType == .ec)
        #expect(ecKey.current.curve == "P-256")
        try session.grantIdentityPolicy()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(key: CoreFixture.ecKeyName)))
        }

        #expect(error.code?.rawValue == AccessDenial.Code.keyTypeNotSupported.rawValue)
        #expect(error.message.contains("RSA or RSA-HSM"))
        #expect(error.message.contains("cmkreg"))
        #expect(error.hint?.contains("RSA") == true)
        #expect(session.world == before)
    }

    @Test("without an access policy creation fails with ForbiddenByPolicy and the set-policy fix")
    func noAccessPolicy() throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }

        #expect(error.code == "ForbiddenByPolicy")
        #expect(error.category == .forbidden)
        #expect(error.message.contains("The registry 'cmkreg' could not be created"))
        #expect(error.message.contains("does not have keys get permission on key vault 'kvpolicy;location=eastus'"))
        #expect(error.hint?.contains("az keyvault set-policy --name kvpolicy") == true)
        #expect(session.world == before)
    }

    @Test("a policy missing one of get, wrapKey, unwrapKey is not enough", arguments: ["get", "wrapKey", "unwrapKey"])
    func policyMissingOnePermission(missing: String) throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy(CoreFixture.registryKeyPermissions.filter { $0 != missing })
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }

        #expect(error.code == "ForbiddenByPolicy")
        #expect(error.message.contains("keys \(missing) permission"))
        #expect(session.world == before)
    }

    @Test("without a role on an RBAC vault creation fails with ForbiddenByRbac")
    func noRoleOnRbacVault() throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: CoreFixture.rbacVault)))
        }

        #expect(error.code == "ForbiddenByRbac")
        #expect(error.message.contains("Caller is not authorized to perform action on resource."))
        #expect(error.message.contains("DecisionReason: 'DeniedWithNoValidRBAC'"))
        #expect(error.hint?.contains("Key Vault Crypto Service Encryption User") == true)
        #expect(session.world == before)
    }

    @Test("a role that grants no key use (Key Vault Reader) is not enough")
    func readerRoleIsNotEnough() throws {
        let session = CoreFixture.session()
        session.grantIdentityRole("Key Vault Reader")
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: CoreFixture.rbacVault)))
        }

        #expect(error.code == "ForbiddenByRbac")
        #expect(session.world == before)
    }

    @Test("a firewall with Deny and no AzureServices bypass blocks creation")
    func firewallWithoutBypass() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var update = VaultUpdateRequest()
        update.defaultAction = "Deny"
        update.bypass = "None"
        try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, update)
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }

        #expect(error.code == "ForbiddenByFirewall")
        #expect(error.message.contains("caller is not a trusted service"))
        #expect(error.hint == "az keyvault update --name kvpolicy --bypass AzureServices")
        #expect(session.world == before)
    }

    @Test("a firewall with Deny but the AzureServices bypass lets the registry through")
    func firewallWithBypass() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var update = VaultUpdateRequest()
        update.defaultAction = "Deny"
        update.bypass = "AzureServices"
        try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, update)

        let registry = try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))

        #expect(registry.isCMK)
    }

    @Test("a disabled key is refused with KeyDisabled")
    func disabledKey() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var update = KeyAttributesUpdate()
        update.enabled = false
        try session.setKeyAttributes(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                     update)
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }

        #expect(error.code == "KeyDisabled")
        #expect(error.message.contains("disabled key"))
        #expect(error.hint?.contains("--enabled true") == true)
        #expect(session.world == before)
    }

    @Test("an expired key is refused with KeyExpired")
    func expiredKey() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var update = KeyAttributesUpdate()
        update.expires = CoreFixture.start.addingTimeInterval(-60)
        try session.setKeyAttributes(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                     update)
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }

        #expect(error.code == "KeyExpired")
        #expect(error.message.contains("expired at 2026-11-23T09:59:00+00:00"))
        #expect(session.world == before)
    }

    @Test("a policy granting get, wrapKey and unwrapKey lets creation succeed")
    func policyGrantSucceeds() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()

        let registry = try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))

        let encryption = try #require(registry.encryption)
        let identity = session.fixtureIdentity
        #expect(encryption.identity == identity.clientId)
        #expect(encryption.versionedKeyIdentifier == session.keyURL(versionIndex: 1))
        #expect(encryption.wrapAlgorithm == "RSA-OAEP-256")
        #expect(encryption.lastKeyRotationTimestamp == CoreFixture.start)
        #expect(registry.identity.type == "UserAssigned")
        #expect(registry.identity.userAssigned.map(\.principalId) == [identity.principalId])
        #expect(session.world.registries == [registry])
        #expect(try session.unwrappedDEK().count == 32)
    }

    @Test(
        "a vault-scope role granting wrap and unwrap lets creation succeed",
        arguments: ["Key Vault Crypto Service Encryption User", "Key Vault Crypto User"]
    )
    func roleGrantSucceeds(role: String) throws {
        let session = CoreFixture.session()
        session.grantIdentityRole(role)

        let registry = try session.createRegistry(
            session.cmkRequest(keyURL: session.keyURL(vault: CoreFixture.rbacVault)))

        let pinned = session.keyURL(vault: CoreFixture.rbacVault, versionIndex: 0)
        #expect(registry.encryption?.versionedKeyIdentifier == pinned)
        #expect(try session.unwrappedDEK().count == 32)
    }

    @Test("a role on another vault does not cover this one")
    func roleOnOtherVaultDoesNotCover() throws {
        let session = CoreFixture.session()
        session.grantIdentityRole(vault: CoreFixture.policyVault)
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: CoreFixture.rbacVault)))
        }

        #expect(error.code == "ForbiddenByRbac")
        #expect(session.world == before)
    }

    @Test("an RBAC vault ignores access policies, an access-policy vault ignores roles")
    func accessModelsDoNotMix() throws {
        let session = CoreFixture.session()
        session.grantIdentityRole(vault: CoreFixture.policyVault)
        let vaultIndex = try #require(session.world.vaults.firstIndex { $0.name == CoreFixture.rbacVault })
        session.world.vaults[vaultIndex].accessPolicies.append(AccessPolicy(
            tenantId: session.world.account.tenantId, objectId: session.fixtureIdentity.principalId, keys: ["all"]))

        let onPolicyVault = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        }
        let onRbacVault = try #require(throws: CMKError.self) {
            try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: CoreFixture.rbacVault)))
        }

        #expect(onPolicyVault.code == "ForbiddenByPolicy")
        #expect(onRbacVault.code == "ForbiddenByRbac")
    }

    @Test("a versionless key id turns automatic rotation on, a versioned one off", arguments: [false, true])
    func keyRotationEnabledFollowsKeyID(versioned: Bool) throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        let url = versioned ? session.keyURL(versionIndex: 0) : session.keyURL()

        let registry = try session.createRegistry(session.cmkRequest(keyURL: url))

        let encryption = try #require(registry.encryption)
        #expect(encryption.keyRotationEnabled == !versioned)
        #expect(encryption.keyIdentifier == url)
        // A versionless id wraps with the current version; a versioned one with exactly the version named.
        #expect(encryption.versionedKeyIdentifier == session.keyURL(versionIndex: versioned ? 0 : 1))
    }

    @Test("content trust is refused on a CMK registry and allowed on a Premium one without CMK")
    func contentTrust() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        try session.createRegistry(
            RegistryCreateRequest(name: "plain1", resourceGroup: CoreFixture.group, sku: .premium))
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.setContentTrust(registryName: "cmkreg", resourceGroup: nil, enabled: true)
        }

        #expect(error.code == "BlockedForEncryptionEnabledRegistry")
        #expect(error.message.hasPrefix("this feature 'ContenTrust' is currently not supported when encryption is "
            + "enable for the resource cmkreg."))
        #expect(session.world == before)
        let plain = try session.setContentTrust(registryName: "plain1", resourceGroup: nil, enabled: true)
        #expect(plain.trustPolicyEnabled)
    }

    @Test("CMK cannot be dropped by moving the registry off Premium")
    func cmkRegistryStaysPremium() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.updateRegistry(name: "cmkreg", resourceGroup: nil, sku: .standard, adminEnabled: nil,
                                       defaultAction: nil, publicNetworkEnabled: nil, tags: nil)
        }

        #expect(error.code == "CMKNotSupported")
        #expect(session.world == before)
    }
}

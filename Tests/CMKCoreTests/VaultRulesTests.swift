import Foundation
import Testing

@testable import CMKCore

/// Key Vault's own rules: soft-delete retention, irreversible purge protection, reserved names while soft-deleted,
/// access policies versus RBAC, and the recovery level keys report.
@Suite("Vault rules")
struct VaultRulesTests {
    private func vaultRequest(_ name: String = "kvnew", retention: Int? = nil, purgeProtection: Bool? = nil)
        -> VaultCreateRequest
    {
        var request = VaultCreateRequest(name: name, resourceGroup: CoreFixture.group)
        request.retentionDays = retention
        request.enablePurgeProtection = purgeProtection
        request.enableRbacAuthorization = false
        return request
    }

    @Test("retention outside 7-90 days is refused", arguments: [0, 6, 91, 365])
    func retentionOutOfRange(days: Int) throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createVault(vaultRequest(retention: days)) }

        #expect(error.category == .badRequest)
        #expect(error.message.contains("between 7 and 90 days; \(days) was given"))
        #expect(session.world == before)
    }

    @Test("retention of 7 and 90 days is accepted, 90 by default", arguments: [7, 90, nil])
    func retentionInRange(days: Int?) throws {
        let session = CoreFixture.session()

        let vault = try session.createVault(vaultRequest(retention: days))

        #expect(vault.softDeleteRetentionInDays == (days ?? 90))
        #expect(vault.enablePurgeProtection == nil)
    }

    @Test("retention cannot be changed once set")
    func retentionIsImmutable() throws {
        let session = CoreFixture.session()
        var update = VaultUpdateRequest()
        update.retentionDays = 30
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, update)
        }

        #expect(error.message == "The property \"softDeleteRetentionInDays\" has been set already and it can't be "
            + "modified.")
        #expect(session.world == before)
        update.retentionDays = 90
        #expect(try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, update)
            .softDeleteRetentionInDays == 90)
    }

    @Test("purge protection can be turned on but never off")
    func purgeProtectionIsIrreversible() throws {
        let session = CoreFixture.session()
        var enable = VaultUpdateRequest()
        enable.enablePurgeProtection = true
        #expect(try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, enable).purgeProtected)
        var disable = VaultUpdateRequest()
        disable.enablePurgeProtection = false
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, disable)
        }

        #expect(error.message == "The property \"enablePurgeProtection\" cannot be set to false. Enabling the purge "
            + "protection for a vault is an irreversible action.")
        #expect(session.world == before)
    }

    @Test("soft delete cannot be turned off")
    func softDeleteCannotBeDisabled() throws {
        let session = CoreFixture.session()
        var update = VaultUpdateRequest()
        update.enableSoftDelete = false
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, update)
        }

        #expect(error.message.contains("\"enableSoftDelete\" cannot be set to false"))
        #expect(session.world == before)
    }

    @Test("deleting a vault soft-deletes it until now plus the retention period")
    func deleteIsSoft() throws {
        let session = CoreFixture.session()
        try session.createVault(vaultRequest(retention: 7))

        try session.deleteVault(name: "kvnew", resourceGroup: nil)

        let vault = try #require(session.world.vaults.first { $0.name == "kvnew" })
        #expect(vault.deletion == Deletion(deletedAt: CoreFixture.start,
                                           scheduledPurgeDate: CoreFixture.start.addingTimeInterval(7 * 86_400)))
        #expect(session.deletedVaults.map(\.name) == ["kvnew"])
        let error = try #require(throws: CMKError.self) { try session.showVault(name: "kvnew", resourceGroup: nil) }
        #expect(error.code == "VaultDeleted")
        #expect(error.hint == "az keyvault recover --name kvnew")
    }

    @Test("purging a vault under purge protection is refused in Key Vault's words")
    func purgeRefusedUnderPurgeProtection() throws {
        let session = CoreFixture.session()
        try session.createVault(vaultRequest(purgeProtection: true))
        try session.deleteVault(name: "kvnew", resourceGroup: nil)
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.purgeVault(name: "kvnew") }

        #expect(error.description == "(MethodNotAllowed) Operation 'DeletedVaultPurge' is not allowed.")
        #expect(session.world == before)
        let event = try #require(session.auditEvents.last)
        #expect(event.operationName == "VaultPurge")
        #expect(event.resultSignature == "MethodNotAllowed")
        #expect(try session.recoverVault(name: "kvnew").isDeleted == false)
    }

    @Test("purging a vault without purge protection destroys it and its keys and frees the name")
    func purgeWithoutPurgeProtection() throws {
        let session = CoreFixture.session()
        try session.deleteVault(name: CoreFixture.policyVault, resourceGroup: nil)

        try session.purgeVault(name: CoreFixture.policyVault)

        #expect(!session.world.vaults.contains { $0.name == CoreFixture.policyVault })
        #expect(!session.world.keys.contains { $0.vaultName == CoreFixture.policyVault })
        #expect(session.world.purgeRecords.map(\.name).sorted()
            == ["kvpolicy", "kvpolicy/k1", "kvpolicy/kec"])
        let recovery = try #require(throws: CMKError.self) { try session.recoverVault(name: CoreFixture.policyVault) }
        #expect(recovery.category == .notFound)
        try session.createVault(vaultRequest(CoreFixture.policyVault))
        #expect(!session.world.purgeRecords.contains { $0.kind == .vault })
    }

    @Test("purging a key under purge protection is refused with the Forbidden text")
    func keyPurgeRefusedUnderPurgeProtection() throws {
        let session = CoreFixture.session()
        try session.createVault(vaultRequest("kvpp", purgeProtection: true))
        var ecKey = KeyCreateRequest(vaultName: "kvpp", name: "eckey")
        ecKey.keyType = .ec
        try session.createKey(ecKey)
        try session.deleteKey(vaultName: "kvpp", name: "eckey")
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.purgeKey(vaultName: "kvpp", name: "eckey") }

        #expect(error.description == "(Forbidden) Operation \"purge\" is not allowed because purge protection is "
            + "enabled for this vault. Key Vault service will automatically purge it after the retention period has "
            + "passed. Vault: kvpp;location=eastus")
        #expect(error.category == .forbidden)
        #expect(session.world == before)
    }

    @Test("a soft-deleted vault's name cannot be reused")
    func deletedVaultNameIsReserved() throws {
        let session = CoreFixture.session()
        try session.deleteVault(name: CoreFixture.policyVault, resourceGroup: nil)
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.createVault(vaultRequest(CoreFixture.policyVault))
        }

        #expect(error.category == .conflict)
        #expect(error.message.hasPrefix("A vault with the same name already exists in deleted state."))
        #expect(error.hint?.contains("az keyvault recover --name kvpolicy") == true)
        #expect(error.hint?.contains("az keyvault purge --name kvpolicy") == true)
        #expect(session.world == before)
    }

    @Test("a soft-deleted key's name cannot be reused")
    func deletedKeyNameIsReserved() throws {
        let session = CoreFixture.session()
        try session.deleteKey(vaultName: CoreFixture.policyVault, name: CoreFixture.ecKeyName)
        var request = KeyCreateRequest(vaultName: CoreFixture.policyVault, name: CoreFixture.ecKeyName)
        request.keyType = .ec
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createKey(request) }

        #expect(error.category == .conflict)
        #expect(error.message == "Key kec is currently in a deleted but recoverable state, and its name cannot be "
            + "reused; in this state, the key can only be recovered or purged.")
        #expect(session.world == before)
    }

    @Test("set-policy on an RBAC vault is refused with a hint naming both fixes")
    func setPolicyOnRbacVault() throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) {
            try session.setPolicy(vaultName: CoreFixture.rbacVault, resourceGroup: nil,
                                  objectId: session.fixtureIdentity.principalId, applicationId: nil,
                                  keys: CoreFixture.registryKeyPermissions, secrets: nil, certificates: nil,
                                  storage: nil)
        }

        #expect(error.message == "Cannot set policies to a vault with '--enable-rbac-authorization' specified")
        let hint = try #require(error.hint)
        #expect(hint.contains("az role assignment create --assignee \(session.fixtureIdentity.principalId)"))
        #expect(hint.contains("Key Vault Crypto Service Encryption User"))
        #expect(hint.contains("--enable-rbac-authorization false"))
        #expect(session.world == before)
    }

    @Test("delete-policy on an RBAC vault or without a matching entry is refused")
    func deletePolicyRefusals() throws {
        let session = CoreFixture.session()
        let before = session.world
        let principal = session.fixtureIdentity.principalId

        let onRbac = try #require(throws: CMKError.self) {
            try session.deletePolicy(vaultName: CoreFixture.rbacVault, resourceGroup: nil, objectId: principal,
                                     applicationId: nil)
        }
        let noMatch = try #require(throws: CMKError.self) {
            try session.deletePolicy(vaultName: CoreFixture.policyVault, resourceGroup: nil, objectId: principal,
                                     applicationId: nil)
        }

        #expect(onRbac.message == "Cannot delete policies to a vault with '--enable-rbac-authorization' specified")
        #expect(noMatch.message == "No matching policies found")
        #expect(session.world == before)
    }

    @Test("set-policy replaces the key permissions of an existing entry")
    func setPolicyReplacesPermissions() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy(["get"])

        let vault = try session.setPolicy(vaultName: CoreFixture.policyVault, resourceGroup: nil,
                                          objectId: session.fixtureIdentity.principalId, applicationId: nil,
                                          keys: ["wrapKey", "unwrapKey"], secrets: nil, certificates: nil,
                                          storage: nil)

        let entries = vault.accessPolicies.filter { $0.objectId == session.fixtureIdentity.principalId }
        #expect(entries.map(\.keys) == [["wrapKey", "unwrapKey"]])
    }

    @Test("an access-policy vault grants its creator every key permission, an RBAC vault grants none")
    func creatorPermissions() throws {
        let session = CoreFixture.session()
        let operatorId = session.world.account.operatorObjectId
        let policyVault = try session.showVault(name: CoreFixture.policyVault, resourceGroup: nil)
        let rbacVault = try session.showVault(name: CoreFixture.rbacVault, resourceGroup: nil)

        let creatorEntry = try #require(policyVault.accessPolicies.first { $0.objectId == operatorId })
        #expect(Set(creatorEntry.keys) == Set(AccessPolicy.allKeyPermissions.filter { $0 != "all" }))
        #expect(rbacVault.accessPolicies.isEmpty)
    }

    @Test(
        "recoveryLevel follows retention and purge protection",
        arguments: [
            (90, false, "Recoverable+Purgeable"), (90, true, "Recoverable"),
            (30, false, "CustomizedRecoverable+Purgeable"), (7, true, "CustomizedRecoverable"),
        ]
    )
    func recoveryLevel(retention: Int, purgeProtection: Bool, expected: String) throws {
        let session = CoreFixture.session()

        let vault = try session.createVault(vaultRequest(retention: retention, purgeProtection: purgeProtection))

        #expect(vault.recoveryLevel == expected)
    }

    @Test("invalid vault names are refused", arguments: ["kv", "1vault", "my--vault", "vault-", "my_vault"])
    func invalidVaultNames(name: String) throws {
        let session = CoreFixture.session()
        let before = session.world

        let error = try #require(throws: CMKError.self) { try session.createVault(vaultRequest(name)) }

        #expect(error.code == "VaultNameNotValid")
        #expect(session.world == before)
    }
}

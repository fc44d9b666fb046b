import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// One way of cutting a registry off its key (seed 000's revocation methods), with its matching recovery.
enum Revocation: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case deletePolicy, removeRole, disableKey, deleteKey, purgeKey, deleteVault, deleteRbacVault, deleteIdentity
    case removeIdentityFromRegistry, firewallDenyWithoutBypass

    var testDescription: String { rawValue }

    var vault: String {
        switch self {
        case .removeRole, .deleteRbacVault: return CoreFixture.rbacVault
        default: return CoreFixture.policyVault
        }
    }

    /// The code an unwrap of the registry's DEK is refused with afterwards.
    var expectedCode: AccessDenial.Code {
        switch self {
        case .deletePolicy: return .forbiddenByPolicy
        case .removeRole: return .forbiddenByRbac
        case .disableKey: return .keyDisabled
        case .deleteKey: return .keyDeleted
        case .purgeKey: return .keyPurged
        case .deleteVault, .deleteRbacVault: return .vaultDeleted
        case .deleteIdentity: return .identityNotFound
        case .removeIdentityFromRegistry: return .identityNotAssigned
        case .firewallDenyWithoutBypass: return .forbiddenByFirewall
        }
    }

    /// Whether some operator action gives the registry its key back.
    var isRecoverable: Bool { self != .purgeKey && self != .deleteIdentity }

    func revoke(_ session: Session) throws {
        let principalId = session.fixtureIdentity.principalId
        switch self {
        case .deletePolicy:
            try session.deletePolicy(vaultName: vault, resourceGroup: nil, objectId: principalId, applicationId: nil)
        case .removeRole:
            let before = session.world.roleAssignments.count
            session.world.roleAssignments.removeAll { $0.principalId == principalId }
            precondition(session.world.roleAssignments.count == before - 1, "the fixture role was not found")
        case .disableKey:
            var update = KeyAttributesUpdate()
            update.enabled = false
            try session.setKeyAttributes(vaultName: vault, name: CoreFixture.keyName, version: nil, update)
        case .deleteKey:
            try session.deleteKey(vaultName: vault, name: CoreFixture.keyName)
        case .purgeKey:
            try session.deleteKey(vaultName: vault, name: CoreFixture.keyName)
            try session.purgeKey(vaultName: vault, name: CoreFixture.keyName)
        case .deleteVault, .deleteRbacVault:
            try session.deleteVault(name: vault, resourceGroup: nil)
        case .deleteIdentity:
            try session.deleteIdentity(name: CoreFixture.identityName, resourceGroup: CoreFixture.group)
        case .removeIdentityFromRegistry:
            try session.removeRegistryIdentities(name: "cmkreg", resourceGroup: nil,
                                                 identities: [CoreFixture.identityName])
        case .firewallDenyWithoutBypass:
            var update = VaultUpdateRequest()
            update.defaultAction = "Deny"
            update.bypass = "None"
            try session.updateVault(name: vault, resourceGroup: nil, update)
        }
    }

    /// The documented way back; only called when `isRecoverable`.
    func recover(_ session: Session) throws {
        switch self {
        case .deletePolicy:
            try session.grantIdentityPolicy()
        case .removeRole:
            session.grantIdentityRole()
        case .disableKey:
            var update = KeyAttributesUpdate()
            update.enabled = true
            try session.setKeyAttributes(vaultName: vault, name: CoreFixture.keyName, version: nil, update)
        case .deleteKey:
            try session.recoverKey(vaultName: vault, name: CoreFixture.keyName)
        case .deleteVault:
            try session.recoverVault(name: vault)
        case .deleteRbacVault:
            // Soft-deleting a vault deletes its RBAC assignments for good: the role must be granted again.
            try session.recoverVault(name: vault)
            session.grantIdentityRole()
        case .removeIdentityFromRegistry:
            try session.assignRegistryIdentities(name: "cmkreg", resourceGroup: nil,
                                                 identities: [CoreFixture.identityName])
        case .firewallDenyWithoutBypass:
            var update = VaultUpdateRequest()
            update.bypass = "AzureServices"
            try session.updateVault(name: vault, resourceGroup: nil, update)
        case .purgeKey, .deleteIdentity:
            preconditionFailure("\(self) has no recovery")
        }
    }
}

/// Revocation is cryptographic: after each method the vault refuses to unwrap the registry's DEK with a stable code,
/// and after the matching recovery the very same DEK comes back.
@Suite("Revocation and recovery")
struct RevocationTests {
    /// A CMK registry `cmkreg` whose identity is granted on `vault`, using the key's versionless id.
    private func cmkSession(vault: String) throws -> Session {
        let session = CoreFixture.session()
        if vault == CoreFixture.rbacVault {
            session.grantIdentityRole()
        } else {
            try session.grantIdentityPolicy()
        }
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(vault: vault)))
        return session
    }

    @Test("each revocation refuses the unwrap with its code and is audited", arguments: Revocation.allCases)
    func revocationRefusesUnwrap(revocation: Revocation) throws {
        let session = try cmkSession(vault: revocation.vault)
        _ = try session.unwrappedDEK()
        try revocation.revoke(session)
        let revoked = session.world

        #expect(try session.unwrapDenialCode() == revocation.expectedCode)
        #expect(session.world == revoked)
        let event = try #require(session.auditEvents.last)
        #expect(event.operationName == "KeyUnwrap")
        #expect(event.detail == revocation.expectedCode.rawValue)
        #expect(event.registry == "cmkreg")
        #expect(!event.succeeded)
    }

    @Test(
        "the matching recovery unwraps the same DEK again",
        arguments: Revocation.allCases.filter(\.isRecoverable)
    )
    func recoveryRestoresTheSameDEK(revocation: Revocation) throws {
        let session = try cmkSession(vault: revocation.vault)
        let dek = try session.unwrappedDEK()
        try revocation.revoke(session)
        #expect(try session.unwrapDenialCode() == revocation.expectedCode)

        try revocation.recover(session)

        #expect(try session.unwrappedDEK() == dek)
        #expect(session.auditEvents.last?.succeeded == true)
    }

    @Test("recovering an RBAC vault does not bring its role assignments back")
    func recoveredRbacVaultNeedsTheRoleAgain() throws {
        let session = try cmkSession(vault: CoreFixture.rbacVault)
        try session.deleteVault(name: CoreFixture.rbacVault, resourceGroup: nil)
        #expect(!session.world.roleAssignments.contains { $0.principalId == session.fixtureIdentity.principalId })

        try session.recoverVault(name: CoreFixture.rbacVault)

        #expect(try session.unwrapDenialCode() == .forbiddenByRbac)
    }

    @Test("a purged key cannot be recovered; the DEK stays out of reach")
    func purgedKeyIsFinal() throws {
        let session = try cmkSession(vault: CoreFixture.policyVault)
        try Revocation.purgeKey.revoke(session)
        let purged = session.world

        let error = try #require(throws: CMKError.self) {
            try session.recoverKey(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName)
        }

        #expect(error.code == "KeyNotFound")
        #expect(session.world == purged)
        #expect(try session.unwrapDenialCode() == .keyPurged)
    }

    @Test("a deleted identity stays gone: one re-created with the same name is a different principal")
    func recreatedIdentityDoesNotRecover() throws {
        let session = try cmkSession(vault: CoreFixture.policyVault)
        try Revocation.deleteIdentity.revoke(session)

        let recreated = try session.createIdentity(name: CoreFixture.identityName, resourceGroup: CoreFixture.group,
                                                   location: nil, tags: nil)

        #expect(try session.requireRegistry("cmkreg").encryption?.identity != recreated.clientId)
        #expect(try session.unwrapDenialCode() == .identityNotFound)
    }

    @Test("an expired key still unwraps the registry's DEK but no longer wraps")
    func expiredKeyUnwrapsButDoesNotWrap() throws {
        let session = try cmkSession(vault: CoreFixture.policyVault)
        let dek = try session.unwrappedDEK()
        var update = KeyAttributesUpdate()
        update.expires = CoreFixture.start.addingTimeInterval(60)
        try session.setKeyAttributes(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                     update)
        let later = CoreFixture.session(after: session, seconds: 120)
        let principal = try later.encryptionPrincipal(for: later.requireRegistry("cmkreg")).get()

        let unwrap = AccessEvaluator.evaluate(.unwrapKey, vaultName: CoreFixture.policyVault,
                                              keyName: CoreFixture.keyName, by: principal, in: later.world,
                                              at: later.now)
        let wrap = AccessEvaluator.evaluate(.wrapKey, vaultName: CoreFixture.policyVault,
                                            keyName: CoreFixture.keyName, by: principal, in: later.world, at: later.now)

        #expect(throws: Never.self) { try unwrap.get() }
        #expect(wrap.failure?.code == .keyExpired)
        #expect(try later.unwrappedDEK() == dek)
        let rotation = try #require(throws: CMKError.self) {
            try later.rotateRegistryKey(name: "cmkreg", resourceGroup: nil, keyEncryptionKey: nil, identity: nil)
        }
        #expect(rotation.code == "KeyExpired")
    }
}

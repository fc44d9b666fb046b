import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// Key Vault's audit log: every data-plane call is recorded, allowed or denied, and so are management changes.
@Suite("Audit events")
struct AuditEventTests {
    @Test("authorize records an allowed call with the versioned key id")
    func allowedCall() throws {
        let session = CoreFixture.session()

        _ = try session.authorize(.get, vaultName: "KVPolicy", keyName: CoreFixture.keyName,
                                  as: session.signedInOperator).get()

        #expect(session.auditEvents == [AuditEvent(
            time: CoreFixture.start, vaultName: "kvpolicy", operationName: "KeyGet", resultSignature: "OK",
            callerObjectId: session.world.account.operatorObjectId, caller: "operator@acrcmk.local",
            keyId: session.keyURL(versionIndex: 1), detail: nil, registry: nil)])
    }

    @Test("authorize records a denied call with its code and the registry it was made for")
    func deniedCall() throws {
        let session = CoreFixture.session()
        let identity = session.fixtureIdentity
        let principal = Principal(objectId: identity.principalId, tenantId: identity.tenantId,
                                  applicationId: identity.clientId, kind: .registry(name: "cmkreg"),
                                  displayName: "registry cmkreg (identity id1)")
        let before = session.world

        let denial = try #require(session.authorize(.unwrapKey, vaultName: CoreFixture.policyVault,
                                                    keyName: CoreFixture.keyName, as: principal).failure)

        #expect(denial.code == .forbiddenByPolicy)
        #expect(session.auditEvents == [AuditEvent(
            time: CoreFixture.start, vaultName: "kvpolicy", operationName: "KeyUnwrap", resultSignature: "Forbidden",
            callerObjectId: identity.principalId, caller: "registry cmkreg (identity id1)",
            keyId: "https://kvpolicy.vault.azure.net/keys/k1", detail: "ForbiddenByPolicy", registry: "cmkreg")])
        #expect(session.world == before)
    }

    @Test("a CMK registry's creation is audited as get, wrap and unwrap by its identity")
    func registryCreationTrail() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        let afterGrant = session.auditEvents.count

        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))

        let trail = session.auditEvents.dropFirst(afterGrant)
        #expect(trail.map(\.operationName) == ["KeyGet", "KeyWrap", "KeyUnwrap"])
        #expect(trail.allSatisfy { $0.succeeded && $0.registry == "cmkreg" })
        #expect(trail.allSatisfy { $0.callerObjectId == session.fixtureIdentity.principalId })
        #expect(trail.allSatisfy { $0.keyId == session.keyURL(versionIndex: 1) })
    }

    @Test("a refused registry creation leaves its denied call on the record")
    func refusedCreationIsAudited() throws {
        let session = CoreFixture.session()

        #expect(throws: CMKError.self) { try session.createRegistry(session.cmkRequest(keyURL: session.keyURL())) }

        let event = try #require(session.auditEvents.last)
        #expect(event.operationName == "KeyGet")
        #expect(event.resultSignature == "Forbidden")
        #expect(event.detail == "ForbiddenByPolicy")
        #expect(event.registry == "cmkreg")
    }

    @Test("each unwrap of a registry's DEK is a new audited call: nothing is cached")
    func everyUnwrapIsAudited() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        let before = session.auditEvents.count

        for _ in 0..<3 { _ = try session.unwrappedDEK() }

        #expect(session.auditEvents.count == before + 3)
        #expect(session.auditEvents.suffix(3).allSatisfy { $0.operationName == "KeyUnwrap" && $0.succeeded })
    }

    @Test("an unwrap refused before reaching the vault is recorded as Unauthorized")
    func identityFailureIsAudited() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL()))
        try session.deleteIdentity(name: CoreFixture.identityName, resourceGroup: CoreFixture.group)

        #expect(try session.unwrapDenialCode() == .identityNotFound)

        let event = try #require(session.auditEvents.last)
        #expect(event.resultSignature == "Unauthorized")
        #expect(event.detail == "IdentityNotFound")
        #expect(event.keyId == session.keyURL(versionIndex: 1))
    }

    @Test("management changes are audited: policy changes, firewall changes, disabling a key")
    func managementEvents() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        var firewall = VaultUpdateRequest()
        firewall.bypass = "None"
        try session.updateVault(name: CoreFixture.policyVault, resourceGroup: nil, firewall)
        var disable = KeyAttributesUpdate()
        disable.enabled = false
        try session.setKeyAttributes(vaultName: CoreFixture.policyVault, name: CoreFixture.keyName, version: nil,
                                     disable)

        let names = session.auditEvents.filter { $0.keyId == nil }.map(\.operationName)
        #expect(names == ["VaultAccessPolicyChange", "VaultFirewallChange", "VaultPatch", "KeyDisable"])
        #expect(session.auditEvents.first?.detail == "set-policy for \(session.fixtureIdentity.principalId)")
    }
}

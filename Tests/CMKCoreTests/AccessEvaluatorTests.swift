import Foundation
import Testing

@testable import CMKCore

/// Permission evaluation as a pure function over a `World`: its order of checks, its access models and its codes.
@Suite("AccessEvaluator")
struct AccessEvaluatorTests {
    /// The fixture world with the fixture identity granted get/wrapKey/unwrapKey on `kvpolicy` and the Crypto Service
    /// Encryption User role on `kvrbac`; tests change it further as plain values.
    private func grantedWorld() throws -> World {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy()
        session.grantIdentityRole()
        return session.world
    }

    private var identity: ManagedIdentity {
        CoreFixture.world.identities.first { $0.name == CoreFixture.identityName }!
    }

    private var registryPrincipal: Principal {
        Principal(objectId: identity.principalId, tenantId: identity.tenantId, applicationId: identity.clientId,
                  kind: .registry(name: "cmkreg"), displayName: "registry cmkreg (identity id1)")
    }

    private func evaluate(_ operation: KeyOperation, vault: String = CoreFixture.policyVault,
                          key: String? = CoreFixture.keyName, version: String? = nil, by principal: Principal? = nil,
                          in world: World, at now: Date = CoreFixture.start) -> Result<KeyAccess, AccessDenial> {
        AccessEvaluator.evaluate(operation, vaultName: vault, keyName: key, version: version,
                                 by: principal ?? registryPrincipal, in: world, at: now)
    }

    private func keyVersionIndex(_ world: World, vault: String = CoreFixture.policyVault) -> (Int, Int) {
        let keyIndex = world.keys.firstIndex { $0.vaultName == vault && $0.name == CoreFixture.keyName }!
        return (keyIndex, world.keys[keyIndex].versions.count - 1)
    }

    @Test("a granted identity may get, wrap and unwrap with the current version", arguments: [
        KeyOperation.get, .wrapKey, .unwrapKey,
    ])
    func granted(operation: KeyOperation) throws {
        let world = try grantedWorld()

        let access = try evaluate(operation, in: world).get()

        #expect(access.vault.name == CoreFixture.policyVault)
        #expect(access.version == world.keys[keyVersionIndex(world).0].current)
    }

    @Test("the policy grants only what it lists", arguments: [KeyOperation.encrypt, .decrypt, .delete, .purge])
    func policyGrantsOnlyListed(operation: KeyOperation) throws {
        let denial = try #require(evaluate(operation, in: grantedWorld()).failure)

        #expect(denial.code == .forbiddenByPolicy)
        #expect(denial.message.contains("does not have keys \(operation.policyPermission) permission"))
        #expect(denial.message.contains("appid=\(identity.clientId);oid=\(identity.principalId);"
            + "iss=https://sts.windows.net/\(identity.tenantId)/"))
    }

    @Test("policy permissions compare case-insensitively and 'all' grants everything")
    func policyPermissionSpelling() throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy(["GET", "WRAPKEY"])
        #expect(evaluate(.wrapKey, in: session.world).failure == nil)
        #expect(evaluate(.unwrapKey, in: session.world).failure?.code == .forbiddenByPolicy)

        try session.grantIdentityPolicy(["all"])
        for operation in KeyOperation.allCases {
            #expect(evaluate(operation, in: session.world).failure == nil, "\(operation)")
        }
    }

    @Test(
        "Crypto Service Encryption User grants read, wrap and unwrap only",
        arguments: KeyOperation.allCases
    )
    func serviceEncryptionUserRole(operation: KeyOperation) throws {
        let granted: Set<KeyOperation> = [.get, .list, .wrapKey, .unwrapKey]

        let result = evaluate(operation, vault: CoreFixture.rbacVault, in: try grantedWorld())

        #expect((result.failure == nil) == granted.contains(operation))
        if let denial = result.failure {
            #expect(denial.code == .forbiddenByRbac)
            #expect(denial.message.contains("Action: '\(operation.dataAction)'"))
        }
    }

    @Test("Crypto User also grants encrypt and decrypt but not delete")
    func cryptoUserRole() throws {
        let session = CoreFixture.session()
        session.grantIdentityRole("Key Vault Crypto User")

        #expect(evaluate(.encrypt, vault: CoreFixture.rbacVault, in: session.world).failure == nil)
        #expect(evaluate(.decrypt, vault: CoreFixture.rbacVault, in: session.world).failure == nil)
        #expect(evaluate(.delete, vault: CoreFixture.rbacVault, in: session.world).failure?.code == .forbiddenByRbac)
    }

    @Test("roles apply at the vault, its parents and the key, not elsewhere")
    func roleScopes() throws {
        let world = CoreFixture.world
        let vault = world.vaults.first { $0.name == CoreFixture.rbacVault }!
        let vaultID = vault.id(subscriptionId: world.account.subscriptionId)
        let groupScope = "\(world.account.subscriptionPath)/resourceGroups/\(CoreFixture.group)"
        let cases: [(scope: String, grants: Bool)] = [
            (vaultID, true), (vaultID.uppercased() + "/", true), (groupScope, true),
            (world.account.subscriptionPath, true),
            ("\(vaultID)/keys/\(CoreFixture.keyName)", true), ("\(vaultID)/keys/other", false),
            ("\(groupScope)/providers/Microsoft.KeyVault/vaults/kvrbac2", false), (vaultID + "x", false),
        ]
        for (scope, grants) in cases {
            let session = CoreFixture.session()
            session.world.roleAssignments.append(session.roleAssignment(
                "Key Vault Crypto Service Encryption User", principalId: identity.principalId, scope: scope))

            let result = evaluate(.unwrapKey, vault: CoreFixture.rbacVault, in: session.world)

            #expect((result.failure == nil) == grants, "scope \(scope)")
        }
    }

    @Test("a role held by another principal grants nothing")
    func roleOfAnotherPrincipal() throws {
        let session = CoreFixture.session()
        session.world.roleAssignments.append(session.roleAssignment(
            "Key Vault Crypto Service Encryption User", principalId: Identifiers.guid(),
            scope: session.vaultID(CoreFixture.rbacVault)))

        #expect(evaluate(.unwrapKey, vault: CoreFixture.rbacVault, in: session.world).failure?.code == .forbiddenByRbac)
    }

    @Test("a vault that never existed and one that was purged are told apart")
    func missingVaults() throws {
        var world = try grantedWorld()
        world.purgeRecords.append(PurgeRecord(kind: .vault, name: "kvgone", purgedAt: CoreFixture.start))

        let never = try #require(evaluate(.unwrapKey, vault: "kvnever", in: world).failure)
        let purged = try #require(evaluate(.unwrapKey, vault: "kvgone", in: world).failure)

        #expect(never.code == .vaultNotFound)
        #expect(never.message.contains("no such host: kvnever.vault.azure.net"))
        #expect(purged.code == .vaultNotFound)
        #expect(purged.message.contains("was purged"))
    }

    @Test("checks run in order: deleted vault, firewall, permission, key state")
    func orderOfChecks() throws {
        var world = try grantedWorld()
        let vaultIndex = world.vaults.firstIndex { $0.name == CoreFixture.policyVault }!
        let (keyIndex, versionIndex) = keyVersionIndex(world)
        world.keys[keyIndex].versions[versionIndex].enabled = false
        world.keys[keyIndex].versions[versionIndex].expires = CoreFixture.start.addingTimeInterval(-1)
        #expect(evaluate(.wrapKey, in: world).failure?.code == .keyDisabled)

        world.vaults[vaultIndex].accessPolicies.removeAll { $0.objectId == identity.principalId }
        #expect(evaluate(.wrapKey, in: world).failure?.code == .forbiddenByPolicy)

        world.vaults[vaultIndex].networkAcls = NetworkAcls(defaultAction: "Deny", bypass: "None")
        #expect(evaluate(.wrapKey, in: world).failure?.code == .forbiddenByFirewall)

        world.vaults[vaultIndex].deletion = Deletion(deletedAt: CoreFixture.start,
                                                     scheduledPurgeDate: CoreFixture.start)
        let deleted = try #require(evaluate(.wrapKey, in: world).failure)
        #expect(deleted.code == .vaultDeleted)
        #expect(deleted.message.contains("az keyvault recover --name kvpolicy"))
    }

    @Test("the firewall admits trusted services through Allow or the AzureServices bypass", arguments: [
        ("Allow", "None", true), ("Deny", "AzureServices", true), ("deny", "Logging, AzureServices", true),
        ("Deny", "None", false),
    ])
    func firewall(defaultAction: String, bypass: String, admits: Bool) throws {
        var world = try grantedWorld()
        let vaultIndex = world.vaults.firstIndex { $0.name == CoreFixture.policyVault }!
        world.vaults[vaultIndex].networkAcls = NetworkAcls(defaultAction: defaultAction, bypass: bypass)

        let result = evaluate(.unwrapKey, in: world)

        #expect((result.failure == nil) == admits)
        #expect(result.failure.map { $0.code == .forbiddenByFirewall } ?? true)
    }

    @Test("key state: not found, unknown version, deleted, purged")
    func keyState() throws {
        var world = try grantedWorld()
        let (keyIndex, _) = keyVersionIndex(world)

        #expect(evaluate(.unwrapKey, key: "nokey", in: world).failure?.code == .keyNotFound)
        let unknownVersion = try #require(evaluate(.unwrapKey, version: String(repeating: "0", count: 32),
                                                   in: world).failure)
        #expect(unknownVersion.code == .keyNotFound)
        #expect(unknownVersion.message.contains("k1/00000000000000000000000000000000"))

        world.keys[keyIndex].deletion = Deletion(deletedAt: CoreFixture.start, scheduledPurgeDate: CoreFixture.start)
        #expect(evaluate(.unwrapKey, in: world).failure?.code == .keyDeleted)
        #expect(evaluate(.get, in: world).failure?.code == .keyDeleted)

        world.keys.remove(at: keyIndex)
        world.purgeRecords.append(PurgeRecord(kind: .key, name: "kvpolicy/k1", purgedAt: CoreFixture.start))
        let purged = try #require(evaluate(.unwrapKey, in: world).failure)
        #expect(purged.code == .keyPurged)
        #expect(purged.code.isPermanent)
    }

    @Test("outside nbf/exp wrap and encrypt stop, unwrap and decrypt keep working", arguments: [
        KeyOperation.wrapKey, .encrypt, .unwrapKey, .decrypt,
    ])
    func validityPeriod(operation: KeyOperation) throws {
        let session = CoreFixture.session()
        try session.grantIdentityPolicy(["all"])
        var world = session.world
        let (keyIndex, versionIndex) = keyVersionIndex(world)
        let bound = operation == .wrapKey || operation == .encrypt

        world.keys[keyIndex].versions[versionIndex].expires = CoreFixture.start
        #expect(evaluate(operation, in: world).failure?.code == (bound ? .keyExpired : nil))
        #expect(evaluate(operation, in: world, at: CoreFixture.start.addingTimeInterval(-1)).failure == nil)

        world.keys[keyIndex].versions[versionIndex].expires = nil
        world.keys[keyIndex].versions[versionIndex].notBefore = CoreFixture.start.addingTimeInterval(1)
        #expect(evaluate(operation, in: world).failure?.code == (bound ? .keyNotYetValid : nil))
    }

    @Test("a disabled version refuses every use of key material but not get")
    func disabledVersion() throws {
        var world = try grantedWorld()
        let (keyIndex, versionIndex) = keyVersionIndex(world)
        world.keys[keyIndex].versions[versionIndex].enabled = false

        #expect(evaluate(.unwrapKey, in: world).failure?.code == .keyDisabled)
        #expect(evaluate(.get, in: world).failure == nil)
        // Other versions are not affected.
        let older = world.keys[keyIndex].versions[0].version
        #expect(evaluate(.unwrapKey, version: older, in: world).failure == nil)
    }

    @Test("an EC key is readable but cannot wrap; an RSA key without wrapKey in key_ops cannot either")
    func keyTypeAndOps() throws {
        var world = try grantedWorld()
        #expect(evaluate(.get, key: CoreFixture.ecKeyName, in: world).failure == nil)
        #expect(evaluate(.wrapKey, key: CoreFixture.ecKeyName, in: world).failure?.code == .keyTypeNotSupported)

        let (keyIndex, versionIndex) = keyVersionIndex(world)
        world.keys[keyIndex].versions[versionIndex].keyOps = ["encrypt", "decrypt"]
        let denial = try #require(evaluate(.wrapKey, in: world).failure)
        #expect(denial.code == .operationNotAllowed)
        #expect(denial.message.contains("[encrypt, decrypt]"))
    }

    @Test("each denial maps to its audit result signature and error category")
    func denialMapping() {
        let expected: [AccessDenial.Code: (String, CMKError.Category)] = [
            .identityNotFound: ("NotFound", .notFound), .vaultNotFound: ("NotFound", .notFound),
            .keyNotFound: ("NotFound", .notFound), .keyPurged: ("NotFound", .notFound),
            .keyTypeNotSupported: ("BadRequest", .badRequest), .operationNotAllowed: ("BadRequest", .badRequest),
            .forbiddenByPolicy: ("Forbidden", .forbidden), .forbiddenByRbac: ("Forbidden", .forbidden),
            .forbiddenByFirewall: ("Forbidden", .forbidden), .keyDisabled: ("Forbidden", .forbidden),
            .keyExpired: ("Forbidden", .forbidden), .keyDeleted: ("Forbidden", .forbidden),
            .vaultDeleted: ("Forbidden", .forbidden), .identityNotAssigned: ("Forbidden", .forbidden),
            .keyNotYetValid: ("Forbidden", .forbidden), .vaultUnreachable: ("ServiceUnavailable", .forbidden),
        ]
        #expect(Set(expected.keys) == Set(AccessDenial.Code.allCases))
        for (code, (signature, category)) in expected {
            let error = AccessDenial(code, "why").asError
            #expect(code.resultSignature == signature, "\(code)")
            #expect(error.category == category, "\(code)")
            #expect(error.description == "(\(code.rawValue)) why")
        }
    }

    @Test("every denial code has a remedy; the recoverable ones name the command to run")
    func remedies() {
        let key = KeyIdentifier(vaultName: "kv1", keyName: "k1", version: nil)
        func fix(_ code: AccessDenial.Code) -> String { Remedies.fix(for: code, registry: "cmkreg", key: key) }

        #expect(AccessDenial.Code.allCases.allSatisfy { !fix($0).isEmpty })
        #expect(fix(.vaultDeleted) == "az keyvault recover --name kv1")
        #expect(fix(.forbiddenByFirewall) == "az keyvault update --name kv1 --bypass AzureServices")
        #expect(fix(.forbiddenByPolicy).hasSuffix("--key-permissions get unwrapKey wrapKey"))
        #expect(fix(.forbiddenByRbac).contains("--role \"Key Vault Crypto Service Encryption User\""))
        #expect(fix(.keyDeleted) == "az keyvault key recover --name k1 --vault-name kv1")
        #expect(fix(.keyDisabled) == "az keyvault key set-attributes --name k1 --vault-name kv1 --enabled true")
        #expect(fix(.identityNotAssigned).hasSuffix("--name cmkreg"))
        #expect(fix(.keyPurged).hasPrefix("Not recoverable"))
    }
}

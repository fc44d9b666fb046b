import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// A prepared simulated Azure that every CMKCore test starts from.
///
/// RSA key generation is the slow part of these tests, so the keys are generated once per test process and the
/// resulting `World` is shared: each test opens its own `Session` over a copy of it, with the same platform key
/// (the private keys in the world are sealed with it).
///
/// The world holds a resource group `rg`, an identity `id1` without any grant, an access-policy vault `kvpolicy`
/// (no purge protection) with RSA key `k1` in two versions and EC key `kec`, and an RBAC vault `kvrbac` with RSA key
/// `k1` in one version. The operator holds Key Vault Administrator at subscription scope, as `Session` documents.
enum CoreFixture {
    /// 2026-11-23T10:00:00Z: the wall clock of every fixture session unless a test moves it.
    static let start = Date(timeIntervalSince1970: 1_795_428_000)
    static let platformKey = SecureBytes.random(count: 32)
    static let vaultMasterKey = SecureBytes.random(count: 32)

    static let group = "rg"
    static let identityName = "id1"
    static let policyVault = "kvpolicy"
    static let rbacVault = "kvrbac"
    static let keyName = "k1"
    static let ecKeyName = "kec"

    /// The permissions the seeds grant a registry's identity on an access-policy vault.
    static let registryKeyPermissions = ["get", "wrapKey", "unwrapKey"]

    static let world: World = makeWorld()

    /// A new unit of work over the shared world, at `date` (the fixture's start by default).
    static func session(at date: Date = start) -> Session {
        Session(world: world, wallClock: date,
                platformKey: platformKey, vaultMasterKey: vaultMasterKey)
    }

    /// A later command over the state an earlier one left, as the store would hand it over.
    /// A session holding the CMK registry `cmkreg` on version 1 (index 0) of `kvpolicy/k1`, pinned by a versioned
    /// key id, its identity granted get, wrapKey and unwrapKey.
    static func pinnedRegistrySession() throws -> Session {
        let session = session()
        try session.grantIdentityPolicy()
        try session.createRegistry(session.cmkRequest(keyURL: session.keyURL(versionIndex: 0)))
        return session
    }

    static func session(after earlier: Session, seconds: TimeInterval) -> Session {
        Session(world: earlier.world, wallClock: earlier.now.addingTimeInterval(seconds),
                platformKey: platformKey, vaultMasterKey: vaultMasterKey)
    }

    private static func makeWorld() -> World {
        let session = Session(world: World(account: Account.generate()), wallClock: start,
                platformKey: platformKey, vaultMasterKey: vaultMasterKey)
        do {
            try session.createGroup(name: group, location: "East US", tags: nil)
            try session.createIdentity(name: identityName, resourceGroup: group, location: nil, tags: nil)
            session.world.roleAssignments.append(session.roleAssignment(
                "Key Vault Administrator", principalId: session.world.account.operatorObjectId,
                scope: session.world.account.subscriptionPath))

            var policyRequest = VaultCreateRequest(name: policyVault, resourceGroup: group)
            policyRequest.enableRbacAuthorization = false
            try session.createVault(policyRequest)
            try session.createKey(KeyCreateRequest(vaultName: policyVault, name: keyName))
            try session.rotateKey(vaultName: policyVault, name: keyName)
            var ecRequest = KeyCreateRequest(vaultName: policyVault, name: ecKeyName)
            ecRequest.keyType = .ec
            try session.createKey(ecRequest)

            var rbacRequest = VaultCreateRequest(name: rbacVault, resourceGroup: group)
            rbacRequest.enableRbacAuthorization = true
            try session.createVault(rbacRequest)
            try session.createKey(KeyCreateRequest(vaultName: rbacVault, name: keyName))
        } catch {
            fatalError("CoreFixture could not build its world: \(error)")
        }
        return session.world
    }
}

/// Test-side shortcuts over a session of the fixture world.
extension Session {
    var fixtureIdentity: ManagedIdentity {
        world.identities.first { $0.name == CoreFixture.identityName }!
    }

    /// A role assignment value, as `az role assignment create` would store it.
    func roleAssignment(_ role: String, principalId: String, scope: String) -> RoleAssignment {
        RoleAssignment(name: Identifiers.guid(), scope: scope, principalId: principalId,
                       principalType: "ServicePrincipal", roleName: role, description: nil, condition: nil,
                       createdOn: now, createdBy: world.account.operatorObjectId)
    }

    func vaultID(_ vaultName: String) -> String {
        world.vaults.first { $0.name == vaultName }!.id(subscriptionId: world.account.subscriptionId)
    }

    /// Grants the fixture identity `role` at the scope of `vaultName`.
    func grantIdentityRole(_ role: String = "Key Vault Crypto Service Encryption User",
                           vault vaultName: String = CoreFixture.rbacVault) {
        world.roleAssignments.append(roleAssignment(role, principalId: fixtureIdentity.principalId,
                                                    scope: vaultID(vaultName)))
    }

    /// Grants the fixture identity key permissions on the access-policy vault.
    func grantIdentityPolicy(_ keys: [String] = CoreFixture.registryKeyPermissions) throws {
        try setPolicy(vaultName: CoreFixture.policyVault, resourceGroup: nil, objectId: fixtureIdentity.principalId,
                      applicationId: nil, keys: keys, secrets: nil, certificates: nil, storage: nil)
    }

    func keyURL(vault vaultName: String = CoreFixture.policyVault, key keyName: String = CoreFixture.keyName,
                versionIndex: Int? = nil) -> String {
        let key = world.keys.first { $0.vaultName == vaultName && $0.name == keyName }!
        guard let versionIndex else { return key.versionlessIdentifier }
        return key.versions[versionIndex].identifier(vaultName: vaultName, keyName: keyName)
    }

    func cmkRequest(name: String = "cmkreg", keyURL: String) -> RegistryCreateRequest {
        var request = RegistryCreateRequest(name: name, resourceGroup: CoreFixture.group, sku: .premium)
        request.identity = CoreFixture.identityName
        request.keyEncryptionKey = keyURL
        return request
    }

    /// The registry's DEK as the vault unwraps it for the registry's identity; a refusal fails the test.
    func unwrappedDEK(_ registryName: String = "cmkreg", sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [UInt8]
    {
        switch try unwrapRegistryDEK(requireRegistry(registryName)) {
        case .success(let dek):
            return dek.withUnsafeBytes { [UInt8]($0) }
        case .failure(let denial):
            Issue.record("expected the DEK of \(registryName) to unwrap, got \(denial)", sourceLocation: sourceLocation)
            throw denial
        }
    }

    /// The code of the refusal when the registry's DEK is unwrapped, or `nil` when it unwraps.
    func unwrapDenialCode(_ registryName: String = "cmkreg") throws -> AccessDenial.Code? {
        if case .failure(let denial) = try unwrapRegistryDEK(requireRegistry(registryName)) { return denial.code }
        return nil
    }
}

extension Result {
    /// The error of a failed result, `nil` on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

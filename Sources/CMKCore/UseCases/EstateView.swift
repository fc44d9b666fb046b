import Foundation

/// One registry of the estate as a picture shows it: what it is encrypted with, through which identity and vault,
/// and whether that chain works now.
public struct EstateEntry: Sendable {
    public var registry: Registry
    /// The encryption identity's name (a user-assigned identity), `system`, or nil without CMK.
    public var identityName: String?
    /// The key the registry is configured with, parsed.
    public var key: KeyIdentifier?
    /// The vault holding it, when it exists.
    public var vault: KeyVault?
    /// How many versions the key has (0 when the key is gone).
    public var keyVersions: Int
    /// `check-health`'s report.
    public var health: HealthReport
}

extension Session {
    /// Every registry with its encryption chain and its health, as `check-health` finds it.
    ///
    /// Looking is not a vault call: the key unwraps that decide health are made, but the audit events they would
    /// record are left out, so a picture refreshed every few seconds does not flood the vault's audit trail.
    public func estate() throws -> [EstateEntry] {
        let recorded = auditEvents.count
        defer { discardAuditEvents(after: recorded) }
        return try world.registries.sorted { $0.name < $1.name }.map { registry in
            let key = registry.encryption.flatMap { KeyIdentifier.parse($0.keyIdentifier) }
            let vault = key.flatMap { key in liveVaults.first { $0.resourceName == ResourceName(key.vaultName) } }
            let vaultKey = key.flatMap { key in
                world.keys[vault: ResourceName(key.vaultName), name: ResourceName(key.keyName)].flatMap {
                    $0.isDeleted ? nil : $0
                }
            }
            var identityName = registry.encryption?.identity
            if let clientId = identityName, clientId != "system" {
                identityName = world.identities.first { $0.clientId.lowercased() == clientId.lowercased() }?.name
                    ?? clientId
            }
            return EstateEntry(registry: registry, identityName: identityName, key: key, vault: vault,
                               keyVersions: vaultKey?.versions.count ?? 0,
                               health: try checkHealth(registryName: registry.name))
        }
    }
}

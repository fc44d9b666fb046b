/// One registry as `acrcmk status` shows it: its record, its health, and how much it holds.
public struct RegistryStatus: Sendable {
    public var registry: Registry
    public var health: HealthReport
    /// Read from the index without its keys, so they show while a key is revoked (as Azure's registry metrics do).
    public var counts: ContentCounts
    /// The encryption identity as people name it: the user-assigned identity's name, `system`, or its client id
    /// when no identity of this state home has it (deleted).
    public var identityName: String?

    /// Replicas cannot sync while the data key does not unwrap.
    public var replicasBlocked: Bool { health.unwrapSucceeded == false }
    /// `auto` (versionless key id), `manual` (versioned), or nil without CMK.
    public var rotation: String? { registry.encryption.map { $0.keyRotationEnabled ? "auto" : "manual" } }
}

extension RegistryContent {
    /// Every registry, by name, with a real health check (one audited unwrap for each CMK registry) and its
    /// content counts, in one transaction.
    public func status() throws -> [RegistryStatus] {
        try store.perform { session in
            try session.world.registries.sorted { $0.name < $1.name }.map { registry in
                let identity = registry.encryption.map { encryption in
                    session.world.identities.first { $0.clientId == encryption.identity }?.name ?? encryption.identity
                }
                return RegistryStatus(
                    registry: registry, health: try session.checkHealth(registryName: registry.name),
                    counts: try content.counts(scope: ContentKeys.scope(forSalt: registry.contentKeySalt)),
                    identityName: identity)
            }
        }
    }
}

import Foundation

/// The sync status of a geo-replica, as `az acr replication` prints `status`.
public struct ReplicationStatus: Sendable, Equatable {
    /// `Ready`, or `Syncing blocked` while the registry's customer-managed key is out of reach.
    public var displayStatus: String
    public var message: String?
    public var timestamp: Date

    public var isBlocked: Bool { displayStatus != "Ready" }
}

/// `az acr replication`: geo-replicas of a Premium registry, which all share its customer-managed key.
extension Session {
    public static let replicaBlockedStatus = "Syncing blocked"

    /// Adds a replica in another region.
    ///
    /// - Parameters:
    ///   - registryName: The registry (`--registry/-r`).
    ///   - location: The replica's region (`--location/-l`); not the registry's home region.
    ///   - name: The replica's name; defaults to the location.
    /// - Throws: `CMKError` for a non-Premium registry, the home region, a taken name or region.
    @discardableResult
    public func createReplication(
        registryName: String, resourceGroup: String?, location: String, name: String?,
        regionEndpointEnabled: Bool = true, zoneRedundancy: Bool = false,
        tags: [String: String]? = nil
    ) throws -> Replication {
        let registry = try requireRegistry(registryName, resourceGroup: resourceGroup)
        guard registry.sku == .premium else {
            throw CMKError.badRequest(
                .badRequest,
                "Replications are only supported for managed registries in "
                    + "Premium SKU.", hint: "az acr update --name \(registry.name) --sku Premium")
        }
        let region = try Validation.location(location)
        guard region != registry.location.lowercased() else {
            throw CMKError.badRequest(
                .badRequest,
                "Replication could not be created in the same location as the "
                    + "registry.",
                hint: "The home region '\(registry.location)' already serves the registry; pick "
                    + "another region.")
        }
        let replicaName = name ?? region
        guard replicaName.count >= 5, replicaName.count <= 50,
            replicaName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw CMKError.usage(
                "argument error: Replication name must be 5-50 alphanumeric characters; "
                    + "'\(replicaName)' is not.")
        }
        if registry.replications.contains(where: {
            $0.location == region || $0.resourceName == ResourceName(replicaName)
        }) {
            throw CMKError.conflict(
                .conflict,
                "The registry '\(registry.name)' already has a replication named "
                    + "'\(replicaName)' or in location '\(region)'.")
        }
        let replication = Replication(
            name: replicaName, location: region, regionEndpointEnabled: regionEndpointEnabled,
            zoneRedundancy: zoneRedundancy ? "Enabled" : "Disabled", createdAt: now,
            tags: tags ?? [:])
        world.registries[registryIndex(registry.name)!].replications.append(replication)
        return replication
    }

    public func listReplications(registryName: String, resourceGroup: String?) throws -> [Replication] {
        try requireRegistry(registryName, resourceGroup: resourceGroup).replications
    }

    public func showReplication(registryName: String, resourceGroup: String?, name: String) throws -> Replication {
        let registry = try requireRegistry(registryName, resourceGroup: resourceGroup)
        let name = ResourceName(name)
        guard let replication = registry.replications.first(where: { $0.resourceName == name }) else {
            throw CMKError(
                .notFound, code: .resourceNotFound,
                "The replication '\(name)' of registry "
                    + "'\(registry.name)' could not be found.",
                hint: "az acr replication list --registry \(registry.name)")
        }
        return replication
    }

    public func deleteReplication(registryName: String, resourceGroup: String?, name: String) throws {
        let registry = try requireRegistry(registryName, resourceGroup: resourceGroup)
        let replication = try showReplication(registryName: registry.name, resourceGroup: nil, name: name)
        world.registries[registryIndex(registry.name)!].replications.removeAll { $0.name == replication.name }
    }

    /// The sync status every replica of `registry` shares: replicas sync content sealed under the registry's
    /// data key, so while that key cannot be unwrapped (the CMK revoked) every replica is blocked.
    ///
    /// Each call is one real unwrap through the vault as the registry's identity, audited like any other.
    public func replicationStatus(of registry: Registry) throws -> ReplicationStatus {
        guard registry.isCMK else { return ReplicationStatus(displayStatus: "Ready", message: nil, timestamp: now) }
        switch try unwrapRegistryDEK(registry) {
        case .success:
            return ReplicationStatus(displayStatus: "Ready", message: nil, timestamp: now)
        case .failure(let denial):
            return ReplicationStatus(
                displayStatus: Self.replicaBlockedStatus,
                message: "Geo-replication sync: Blocked. The registry's customer-managed key is "
                    + "out of reach: \(denial.description)", timestamp: now)
        }
    }
}

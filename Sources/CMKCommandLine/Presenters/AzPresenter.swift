import CMKCore
import Foundation
import JSON

/// The JSON az prints for each simulated resource: CMKCore's `ResourceProjection`, as az's SDK models render it.
///
/// Shapes are never built here: the projection is what Azure returns, shared with ARM's `reference()`. What
/// is az's own is how it prints them: models that flatten `properties` (registries, identities, role
/// assignments) print their members at the top level, and az adds `resourceGroup`.
struct AzPresenter {
    let world: World

    private var projection: ResourceProjection { ResourceProjection(world: world) }

    /// An ARM resource as az prints it.
    ///
    /// - Parameters:
    ///   - resource: The resource as ARM returns it.
    ///   - flattening: Whether az's SDK model flattens `properties` into the resource (`__flattened_items`).
    ///   - resourceGroup: What az adds as `resourceGroup` (a name, or `null` for a resource outside any group);
    ///     nil adds nothing.
    /// - Returns: The object with its keys in code point order, as az's sorted output shows them.
    static func azResource(_ resource: JSONValue, flattening: Bool, resourceGroup: JSONValue?) -> JSONValue {
        guard case .object(var object) = resource else { return resource }
        if flattening, let properties = object["properties"]?.objectValue {
            object["properties"] = nil
            for (key, value) in properties {
                precondition(object[key] == nil, "property '\(key)' collides with a top-level field")
                object[key] = value
            }
        }
        if let resourceGroup { object["resourceGroup"] = resourceGroup }
        return .object(JSONObject(object.sortedPairs.map { ($0.key, $0.value) }))
    }

    // MARK: - Account, groups, identities

    /// `az account show`: the signed-in account of the local profile, not an ARM resource.
    func account() -> JSONValue {
        [
            "environmentName": "AzureCloud", "homeTenantId": .string(world.account.tenantId),
            "id": .string(world.account.subscriptionId), "isDefault": true, "managedByTenants": [],
            "name": .string(world.account.subscriptionName), "state": "Enabled",
            "tenantId": .string(world.account.tenantId),
            "user": ["name": .string(world.account.operatorName), "type": "user"],
        ]
    }

    func group(_ group: ResourceGroup) -> JSONValue {
        projection.resourceGroup(group)
    }

    func identity(_ identity: ManagedIdentity) -> JSONValue {
        Self.azResource(
            projection.identity(identity), flattening: true, resourceGroup: .string(identity.resourceGroup))
    }

    // MARK: - Key Vault

    func vault(_ vault: KeyVault) -> JSONValue {
        Self.azResource(projection.vault(vault), flattening: false, resourceGroup: .string(vault.resourceGroup))
    }

    func deletedVault(_ vault: KeyVault) -> JSONValue {
        projection.deletedVault(vault)
    }

    func key(_ key: VaultKey, _ version: KeyVersion) -> JSONValue {
        projection.keyBundle(key, version)
    }

    func keyListItem(_ key: VaultKey, _ version: KeyVersion, versioned: Bool) -> JSONValue {
        projection.keyItem(key, version, versioned: versioned)
    }

    func rotationPolicy(_ key: VaultKey, _ policy: RotationPolicy) -> JSONValue {
        projection.rotationPolicy(key, policy)
    }

    // MARK: - RBAC

    /// An assignment as `create` prints it, or as `list` does: without null fields, with the role's and the
    /// principal's names.
    func roleAssignment(_ assignment: RoleAssignment, forList: Bool) -> JSONValue {
        let printed = Self.azResource(projection.roleAssignment(assignment), flattening: true, resourceGroup: nil)
        guard forList, var object = printed.objectValue else { return printed }
        for key in object.keys where object[key] == .null { object[key] = nil }
        object["roleDefinitionName"] = .string(assignment.roleName)
        object["principalName"] = JSONValue(principalName(assignment.principalId))
        return .object(object)
    }

    private func principalName(_ objectId: String) -> String? {
        if objectId == world.account.operatorObjectId { return world.account.operatorName }
        return world.identities.first { $0.principalId == objectId }.map(\.clientId)
    }

    // MARK: - Container registry

    func registry(_ registry: Registry) -> JSONValue {
        Self.azResource(
            projection.registry(registry), flattening: true, resourceGroup: .string(registry.resourceGroup))
    }

    func encryption(_ registry: Registry) -> JSONValue {
        projection.registryEncryption(registry)
    }

    func registryIdentity(_ registry: Registry) -> JSONValue {
        projection.registryIdentity(registry)
    }
}

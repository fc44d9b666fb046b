/// `az group` and `az identity`.
extension Session {
    /// Creates a resource group, or updates the tags of an existing one (ARM PUT semantics).
    @discardableResult
    public func createGroup(name: String, location: String, tags: [String: String]?) throws -> ResourceGroup {
        try Validation.resourceGroupName(name)
        let normalised = try Validation.location(location)
        if let index = groupIndex(name) {
            if world.resourceGroups[index].location != normalised {
                throw CMKError.conflict(
                    .invalidResourceGroupLocation,
                    "Invalid resource group location '\(normalised)'. The Resource group already exists in location "
                        + "'\(world.resourceGroups[index].location)' in resource group '\(name)'.")
            }
            if let tags { world.resourceGroups[index].tags = tags }
            return world.resourceGroups[index]
        }
        let group = ResourceGroup(name: name, location: normalised, tags: tags)
        world.resourceGroups.append(group)
        return group
    }

    /// Deletes a group and everything in it; vaults in it are soft-deleted, as ARM does.
    public func deleteGroup(name: String) throws {
        guard let index = groupIndex(name) else { throw CMKError.resourceGroupNotFound(name, creatingIn: false) }
        let group = ResourceName(world.resourceGroups[index].name)
        for registry in world.registries where ResourceName(registry.resourceGroup) == group {
            try deleteRegistry(name: registry.name, resourceGroup: nil)
        }
        for vault in world.vaults where ResourceName(vault.resourceGroup) == group && !vault.isDeleted {
            try deleteVault(name: vault.name, resourceGroup: nil)
        }
        world.identities.removeAll { ResourceName($0.resourceGroup) == group }
        world.roleAssignments.removeAll { $0.scope.lowercased().contains("/resourcegroups/\(group.folded)") }
        world.resourceGroups.remove(at: index)
    }

    /// Creates a user-assigned identity, or updates the tags of an existing one.
    @discardableResult
    public func createIdentity(name: String, resourceGroup: String, location: String?, tags: [String: String]?) throws
        -> ManagedIdentity
    {
        let group = try requireGroup(resourceGroup)
        try Validation.identityName(name)
        if let index = identityIndex(name: name, resourceGroup: group.name) {
            if let tags { world.identities[index].tags = tags }
            return world.identities[index]
        }
        let identity = ManagedIdentity(
            name: name, resourceGroup: group.name, location: try self.location(location, group: group),
            clientId: Identifiers.guid(), principalId: Identifiers.guid(),
            tenantId: world.account.tenantId, tags: tags)
        world.identities.append(identity)
        return identity
    }

    public func showIdentity(name: String, resourceGroup: String) throws -> ManagedIdentity {
        _ = try requireGroup(resourceGroup, creatingIn: false)
        guard let index = identityIndex(name: name, resourceGroup: resourceGroup) else {
            throw CMKError.resourceNotFound(
                type: ManagedIdentity.resourceType, name: name, resourceGroup: resourceGroup)
        }
        return world.identities[index]
    }

    /// Deletes an identity. Registries that encrypt with it lose access to their key: that is revocation.
    public func deleteIdentity(name: String, resourceGroup: String) throws {
        let identity = try showIdentity(name: name, resourceGroup: resourceGroup)
        world.identities.removeAll { $0 == identity }
        // Azure removes role assignments of a deleted principal lazily; they no longer match anyone.
    }
}

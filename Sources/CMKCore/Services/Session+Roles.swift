import Foundation

/// `az role assignment`: RBAC grants that matter to Key Vaults with RBAC authorization.
extension Session {
    /// A principal az's `--assignee` can name: an object id, an identity's client id, or the operator's name.
    func resolveAssignee(_ assignee: String) throws -> (objectId: String, type: String) {
        let needle = assignee.lowercased()
        if needle == world.account.operatorObjectId || needle == world.account.operatorName.lowercased() {
            return (world.account.operatorObjectId, "User")
        }
        let byPrincipal = world.identities.rows(where: "principal_id", equals: needle)
            .filter { $0.principalId == needle }
        let byClient = world.identities.rows(where: "client_id", equals: needle).filter { $0.clientId == needle }
        if let identity = (byPrincipal + byClient).first {
            return (identity.principalId, "ServicePrincipal")
        }
        if let registry = world.registries.first(where: { $0.identity.systemPrincipalId == needle }) {
            return (registry.identity.systemPrincipalId!, "ServicePrincipal")
        }
        throw CMKError.badRequest(
            nil,
            "Cannot find user or service principal in graph database for '\(assignee)'. If the "
                + "assignee is an appId, make sure the corresponding service principal is created with 'az ad sp create "
                + "--id \(assignee)'.",
            hint: "Pass the principal id printed by 'az identity show --query principalId -o tsv'.")
    }

    /// Checks that a scope is this subscription or a resource in it.
    func validateScope(_ scope: String) throws -> String {
        let trimmed = scope.trimmingSuffix("/")
        guard trimmed.lowercased().hasPrefix(world.account.subscriptionPath.lowercased()) else {
            throw CMKError.badRequest(
                .invalidScope,
                "The scope '\(scope)' is not valid: it must start with "
                    + "\(world.account.subscriptionPath).",
                hint: "Use the resource id, e.g. "
                    + "$(az keyvault show --name <vault> --query id -o tsv).")
        }
        let lower = trimmed.lowercased()
        if let range = lower.range(of: "/providers/microsoft.keyvault/vaults/") {
            let name = String(trimmed[range.upperBound...]).split(separator: "/").first.map(String.init) ?? ""
            guard vaultIndex(name) != nil else {
                throw CMKError.resourceNotFound(type: KeyVault.resourceType, name: name, resourceGroup: nil)
            }
        }
        return trimmed
    }

    @discardableResult
    public func createRoleAssignment(
        role: String, scope: String, assignee: String?, assigneeObjectId: String?,
        principalType: String?, description: String?, condition: String?
    ) throws
        -> RoleAssignment
    {
        guard (assignee == nil) != (assigneeObjectId == nil) else {
            throw CMKError.usage("usage error: --assignee STRING | --assignee-object-id GUID")
        }
        guard let definition = RoleDefinition.find(role) else {
            throw CMKError.badRequest(
                nil, "Role '\(role)' doesn't exist.",
                hint: "Built-in roles here: " + RoleDefinition.builtIn.map { "'\($0.name)'" }.joined(separator: ", "))
        }
        let validScope = try validateScope(scope)
        let principal: (objectId: String, type: String)
        if let assignee {
            principal = try resolveAssignee(assignee)
        } else {
            principal = (assigneeObjectId!.lowercased(), principalType ?? "ServicePrincipal")
        }
        let principalAssignments = world.roleAssignments.rows(where: "principal_id",
                                                              equals: principal.objectId.lowercased())
        if let existing = principalAssignments.first(where: {
            $0.principalId == principal.objectId && $0.roleName == definition.name
                && $0.scope.lowercased() == validScope.lowercased()
        }) {
            return existing
        }
        let assignment = RoleAssignment(
            name: Identifiers.guid(), scope: validScope, principalId: principal.objectId,
            principalType: principal.type, roleName: definition.name,
            description: description, condition: condition, createdOn: now,
            createdBy: world.account.operatorObjectId)
        world.roleAssignments.append(assignment)
        return assignment
    }

    /// Assignments matching every filter given; `includeInherited` also returns those at parent scopes.
    public func listRoleAssignments(
        assignee: String?, role: String?, scope: String?, resourceGroup: String?,
        includeInherited: Bool
    ) throws -> [RoleAssignment] {
        let principalId = try assignee.map { try resolveAssigneeForFilter($0) }
        let roleName = try role.map { reference -> String in
            guard let definition = RoleDefinition.find(reference) else {
                throw CMKError.badRequest(nil, "Role '\(reference)' doesn't exist.")
            }
            return definition.name
        }
        let groupScope = resourceGroup.map { "\(world.account.subscriptionPath)/resourceGroups/\($0)".lowercased() }
        return world.roleAssignments.filter { assignment in
            if let principalId, assignment.principalId.lowercased() != principalId.lowercased() { return false }
            if let roleName, assignment.roleName != roleName { return false }
            let assignmentScope = assignment.scope.lowercased()
            if let scope = scope?.lowercased().trimmingSuffix("/") {
                let exact = assignmentScope == scope
                let inherited = includeInherited && assignment.covers(scope)
                if !(exact || inherited) { return false }
            }
            if let groupScope, !(assignmentScope == groupScope || assignmentScope.hasPrefix(groupScope + "/")) {
                return false
            }
            return true
        }
    }

    /// An assignee in a filter: an unknown GUID is still a valid filter (it simply matches nothing).
    private func resolveAssigneeForFilter(_ assignee: String) throws -> String {
        if let resolved = try? resolveAssignee(assignee) { return resolved.objectId }
        if UUID(uuidString: assignee) != nil { return assignee.lowercased() }
        return try resolveAssignee(assignee).objectId
    }

    /// Deletes matching assignments; az's messages when no filter is given or nothing matches.
    @discardableResult
    public func deleteRoleAssignments(
        ids: [String], assignee: String?, role: String?, scope: String?,
        resourceGroup: String?
    ) throws -> [RoleAssignment] {
        if ids.isEmpty, assignee == nil, role == nil, scope == nil, resourceGroup == nil {
            throw CMKError.usage(
                "Please provide at least one of these arguments: --ids, --assignee, --assignee-object-id, "
                    + "--role, --resource-group, --scope")
        }
        var doomed: [RoleAssignment]
        if !ids.isEmpty {
            let wanted = Set(ids.map { $0.lowercased() })
            doomed = world.roleAssignments.filter { wanted.contains($0.id.lowercased()) }
        } else {
            doomed = try listRoleAssignments(
                assignee: assignee, role: role, scope: scope, resourceGroup: resourceGroup,
                includeInherited: false)
        }
        guard !doomed.isEmpty else {
            throw CMKError.badRequest(nil, "No matched assignments were found to delete")
        }
        world.roleAssignments.removeAll { assignment in doomed.contains(assignment) }
        for assignment in doomed {
            if let range = assignment.scope.lowercased().range(of: "/providers/microsoft.keyvault/vaults/") {
                let vault =
                    String(assignment.scope[range.upperBound...]).split(separator: "/").first.map(String.init) ?? ""
                recordManagement(
                    "RoleAssignmentDelete", vault: vault,
                    detail: "\(assignment.roleName) removed from \(assignment.principalId)")
            }
        }
        return doomed
    }
}

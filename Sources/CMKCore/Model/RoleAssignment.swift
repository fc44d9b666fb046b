import Foundation

/// An Azure RBAC role assignment.
public struct RoleAssignment: Sendable, Codable, Equatable {
    /// The assignment's GUID name.
    public var name: String
    public var scope: String
    public var principalId: String
    public var principalType: String
    public var roleName: String
    public var description: String?
    public var condition: String?
    public var createdOn: Date
    public var createdBy: String?

    public init(
        name: String, scope: String, principalId: String, principalType: String, roleName: String,
        description: String?, condition: String?, createdOn: Date, createdBy: String?
    ) {
        self.name = name
        self.scope = scope
        self.principalId = principalId
        self.principalType = principalType
        self.roleName = roleName
        self.description = description
        self.condition = condition
        self.createdOn = createdOn
        self.createdBy = createdBy
    }

    public static let resourceType = "Microsoft.Authorization/roleAssignments"

    public var id: String { "\(scope)/providers/\(Self.resourceType)/\(name)" }

    /// Whether the assignment applies at `resourceID`: its scope is that resource or one of its parents.
    public func covers(_ resourceID: String) -> Bool {
        let scope = self.scope.lowercased().trimmingSuffix("/")
        let target = resourceID.lowercased()
        return target == scope || target.hasPrefix(scope + "/")
    }
}

/// A built-in role and what it lets a principal do.
public struct RoleDefinition: Sendable, Equatable {
    public var name: String
    public var guid: String
    public var actions: [String]
    public var dataActions: [String]

    /// Whether a data action such as `Microsoft.KeyVault/vaults/keys/unwrap/action` is granted (wildcards as Azure).
    public func grantsDataAction(_ action: String) -> Bool {
        dataActions.contains { pattern in Self.matches(pattern: pattern, action: action) }
    }

    /// Azure's action patterns: `*` stands for any run of characters, case-insensitively.
    static func matches(pattern: String, action: String) -> Bool {
        let pieces = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(action.lowercased())
        guard rest.hasPrefix(pieces[0]) else { return false }
        rest = rest.dropFirst(pieces[0].count)
        if pieces.count == 1 { return rest.isEmpty }
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(pieces.last!)
    }

    public func definitionId(subscriptionId: String) -> String {
        "/subscriptions/\(subscriptionId)/providers/Microsoft.Authorization/roleDefinitions/\(guid)"
    }

    /// The built-in roles the seeds use, with Azure's GUIDs and data actions.
    public static let builtIn: [RoleDefinition] = [
        RoleDefinition(name: "Owner", guid: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", actions: ["*"], dataActions: []),
        RoleDefinition(
            name: "Contributor", guid: "b24988ac-6180-42a0-ab88-20f7382dd24c", actions: ["*"], dataActions: []),
        RoleDefinition(
            name: "Reader", guid: "acdd72a7-3385-48ef-bd42-f606fba81ae7", actions: ["*/read"], dataActions: []),
        RoleDefinition(
            name: "AcrPull", guid: "7f951dda-4ed3-4680-a7ca-43fe172d538d",
            actions: ["Microsoft.ContainerRegistry/registries/pull/read"], dataActions: []),
        RoleDefinition(
            name: "AcrPush", guid: "8311e382-0749-4cb8-b61a-304f252e45ec",
            actions: [
                "Microsoft.ContainerRegistry/registries/pull/read",
                "Microsoft.ContainerRegistry/registries/push/write",
            ], dataActions: []),
        RoleDefinition(
            name: "AcrDelete", guid: "c2f4ef07-c644-48eb-af81-4b1b4947fb11",
            actions: ["Microsoft.ContainerRegistry/registries/artifacts/delete"], dataActions: []),
        RoleDefinition(
            name: "Key Vault Administrator", guid: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
            actions: ["Microsoft.KeyVault/vaults/read"], dataActions: ["Microsoft.KeyVault/vaults/*"]),
        RoleDefinition(
            name: "Key Vault Crypto Officer", guid: "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
            actions: ["Microsoft.KeyVault/vaults/read"],
            dataActions: ["Microsoft.KeyVault/vaults/keys/*", "Microsoft.KeyVault/vaults/keyrotationpolicies/*"]),
        RoleDefinition(
            name: "Key Vault Crypto User", guid: "12338af0-0e69-4776-bea7-57ae8d297424", actions: [],
            dataActions: [
                "Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/update/action",
                "Microsoft.KeyVault/vaults/keys/backup/action", "Microsoft.KeyVault/vaults/keys/encrypt/action",
                "Microsoft.KeyVault/vaults/keys/decrypt/action", "Microsoft.KeyVault/vaults/keys/wrap/action",
                "Microsoft.KeyVault/vaults/keys/unwrap/action", "Microsoft.KeyVault/vaults/keys/sign/action",
                "Microsoft.KeyVault/vaults/keys/verify/action",
            ]),
        RoleDefinition(
            name: "Key Vault Crypto Service Encryption User", guid: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
            actions: [],
            dataActions: [
                "Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/wrap/action",
                "Microsoft.KeyVault/vaults/keys/unwrap/action",
            ]),
        RoleDefinition(
            name: "Key Vault Reader", guid: "21090545-7ca7-4776-b22c-e363652d74d2",
            actions: ["Microsoft.KeyVault/vaults/read"],
            dataActions: ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"]),
    ]

    /// Finds a built-in role by name (case-insensitive), GUID or full definition id.
    public static func find(_ reference: String) -> RoleDefinition? {
        let needle = reference.lowercased()
        return builtIn.first { role in
            role.name.lowercased() == needle || role.guid == needle || needle.hasSuffix("/roledefinitions/\(role.guid)")
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

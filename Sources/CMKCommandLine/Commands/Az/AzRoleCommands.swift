import CMKCore
import JSON

/// `az role assignment`.
enum AzRoleCommands {
    static let assignee = Option<String?>(
        "assignee", valueName: "assignee",
        help: "Represent a user, group, or service principal: object id, client id or name.")
    static let assigneeObjectId = Option<String?>(
        "assignee-object-id", valueName: "id",
        help: "Use this parameter instead of '--assignee' to bypass Graph API lookup.")
    static let role = Option<String?>("role", valueName: "role", help: "Role name or id.")
    static let scope = Option<String?>(
        "scope", valueName: "scope", help: "Scope at which the role assignment applies, e.g. a vault's resource id.")
    static let includeInherited = Option<Bool>(
        flag: "include-inherited", help: "Include assignments applied on parent scopes.")
    static let all = Option<Bool>(flag: "all", help: "Show all assignments under the current subscription.")
    static let ids = Option<[String]?>("ids", help: "Space-separated role assignment ids.")

    /// The options of `az role assignment create`.
    enum Create {
        static let role = AzRoleCommands.role.required()
        static let scope = AzRoleCommands.scope.required()
        static let assigneePrincipalType = Option<String?>(
            "assignee-principal-type", valueName: "type", help: "The principal type.",
            allowedValues: ["User", "Group", "ServicePrincipal", "ForeignGroup"])
        static let description = Option<String?>("description", help: "Description of role assignment.")
        static let condition = Option<String?>(
            "condition", help: "Condition under which the user can be granted permission.")
        static let name = Option<String?>("name", short: "n", help: "A GUID for the role assignment.", hidden: true)
    }

    static var spec: CommandSpec {
        CommandSpec(
            "role", abstract: "Manage Azure role-based access control (Azure RBAC).", dialect: .az,
            subcommands: [
                CommandSpec(
                    "assignment", abstract: "Manage role assignments.", dialect: .az,
                    subcommands: [
                        CommandSpec(
                            "create", abstract: "Create a new role assignment for a user, group, or service principal.",
                            dialect: .az,
                            options: [
                                Create.role, Create.scope, assignee, assigneeObjectId, Create.assigneePrincipalType,
                                Create.description, Create.condition, Create.name,
                            ],
                            examples: [
                                "az role assignment create --assignee $identityPrincipalID --role \"Key Vault Crypto "
                                    + "Service Encryption User\" --scope $keyvaultID"
                            ],
                            handler: { context in
                                if context[assigneeObjectId] != nil, context[Create.assigneePrincipalType] == nil {
                                    context.warn(
                                        "In order to avoid a Graph API lookup, please also provide "
                                            + "--assignee-principal-type.")
                                }
                                return try context.perform { session in
                                    let assignment = try session.createRoleAssignment(
                                        role: context[Create.role], scope: context[Create.scope],
                                        assignee: context[assignee], assigneeObjectId: context[assigneeObjectId],
                                        principalType: context[Create.assigneePrincipalType],
                                        description: context[Create.description],
                                        condition: context[Create.condition])
                                    return CommandOutput(
                                        AzPresenter(world: session.world).roleAssignment(assignment, forList: false))
                                }
                            }),
                        CommandSpec(
                            "list", abstract: "List role assignments.", dialect: .az,
                            options: [
                                assignee, assigneeObjectId, role, scope, AzOptions.resourceGroup, includeInherited, all,
                            ],
                            handler: { context in
                                try context.perform { session in
                                    let list = try session.listRoleAssignments(
                                        assignee: context[assignee] ?? context[assigneeObjectId], role: context[role],
                                        scope: context[scope], resourceGroup: context[AzOptions.resourceGroup],
                                        includeInherited: context[includeInherited])
                                    let presenter = AzPresenter(world: session.world)
                                    return CommandOutput(
                                        .array(list.map { presenter.roleAssignment($0, forList: true) }))
                                }
                            }),
                        CommandSpec(
                            "delete", abstract: "Delete role assignments.", dialect: .az,
                            options: [
                                ids, assignee, assigneeObjectId, role, scope, AzOptions.resourceGroup, AzOptions.yes,
                            ],
                            examples: [
                                "az role assignment delete --assignee <identity-principal-id> --role \"Key Vault "
                                    + "Crypto Service Encryption User\" --scope <key-vault-resource-id>"
                            ],
                            handler: { context in
                                _ = try context.perform { session in
                                    try session.deleteRoleAssignments(
                                        ids: context[ids] ?? [],
                                        assignee: context[assignee] ?? context[assigneeObjectId],
                                        role: context[role], scope: context[scope],
                                        resourceGroup: context[AzOptions.resourceGroup])
                                }
                                return .empty
                            }),
                    ])
            ])
    }
}

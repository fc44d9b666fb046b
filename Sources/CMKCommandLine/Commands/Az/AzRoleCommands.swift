import CMKCore
import JSON

/// `az role assignment`.
enum AzRoleCommands {
    static var spec: CommandSpec {
        let assignee = OptionSpec(
            "assignee", valueName: "assignee",
            help: "Represent a user, group, or service principal: object id, client id or name.")
        let assigneeObjectId = OptionSpec(
            "assignee-object-id", valueName: "id",
            help: "Use this parameter instead of '--assignee' to bypass Graph API lookup.")
        let role = OptionSpec("role", valueName: "role", help: "Role name or id.")
        let scope = OptionSpec(
            "scope", valueName: "scope", help: "Scope at which the role assignment applies, e.g. a vault's resource id."
        )
        return CommandSpec(
            "role", abstract: "Manage Azure role-based access control (Azure RBAC).", dialect: .az,
            subcommands: [
                CommandSpec(
                    "assignment", abstract: "Manage role assignments.", dialect: .az,
                    subcommands: [
                        CommandSpec(
                            "create", abstract: "Create a new role assignment for a user, group, or service principal.",
                            dialect: .az,
                            options: [
                                {
                                    var o = role; o.isRequired = true; return o
                                }(),
                                {
                                    var o = scope; o.isRequired = true; return o
                                }(), assignee, assigneeObjectId,
                                OptionSpec(
                                    "assignee-principal-type", valueName: "type", help: "The principal type.",
                                    allowedValues: ["User", "Group", "ServicePrincipal", "ForeignGroup"]),
                                OptionSpec("description", help: "Description of role assignment."),
                                OptionSpec(
                                    "condition", help: "Condition under which the user can be granted permission."),
                                OptionSpec("name", short: "n", help: "A GUID for the role assignment.", hidden: true),
                            ],
                            examples: [
                                "az role assignment create --assignee $identityPrincipalID --role \"Key Vault Crypto "
                                    + "Service Encryption User\" --scope $keyvaultID"
                            ],
                            handler: { context in
                                if context.arguments.has("assignee-object-id"),
                                    !context.arguments.has("assignee-principal-type")
                                {
                                    context.warn(
                                        "In order to avoid a Graph API lookup, please also provide "
                                            + "--assignee-principal-type.")
                                }
                                return try context.perform { session in
                                    let assignment = try session.createRoleAssignment(
                                        role: context.required("role"), scope: context.required("scope"),
                                        assignee: context.arguments.string("assignee"),
                                        assigneeObjectId: context.arguments.string("assignee-object-id"),
                                        principalType: context.arguments.string("assignee-principal-type"),
                                        description: context.arguments.string("description"),
                                        condition: context.arguments.string("condition"))
                                    return CommandOutput(
                                        AzPresenter(world: session.world).roleAssignment(assignment, forList: false))
                                }
                            }),
                        CommandSpec(
                            "list", abstract: "List role assignments.", dialect: .az,
                            options: [
                                assignee, assigneeObjectId, role, scope, AzOptions.resourceGroup,
                                .flag("include-inherited", help: "Include assignments applied on parent scopes."),
                                .flag("all", help: "Show all assignments under the current subscription."),
                            ],
                            handler: { context in
                                try context.perform { session in
                                    let list = try session.listRoleAssignments(
                                        assignee: context.arguments.string("assignee")
                                            ?? context.arguments.string("assignee-object-id"),
                                        role: context.arguments.string("role"),
                                        scope: context.arguments.string("scope"),
                                        resourceGroup: context.arguments.string("resource-group"),
                                        includeInherited: context.arguments.flag("include-inherited"))
                                    let presenter = AzPresenter(world: session.world)
                                    return CommandOutput(
                                        .array(list.map { presenter.roleAssignment($0, forList: true) }))
                                }
                            }),
                        CommandSpec(
                            "delete", abstract: "Delete role assignments.", dialect: .az,
                            options: [
                                OptionSpec("ids", arity: .multiple, help: "Space-separated role assignment ids."),
                                assignee, assigneeObjectId, role, scope, AzOptions.resourceGroup, AzOptions.yes,
                            ],
                            examples: [
                                "az role assignment delete --assignee <identity-principal-id> --role \"Key Vault "
                                    + "Crypto Service Encryption User\" --scope <key-vault-resource-id>"
                            ],
                            handler: { context in
                                _ = try context.perform { session in
                                    try session.deleteRoleAssignments(
                                        ids: context.arguments.strings("ids"),
                                        assignee: context.arguments.string("assignee")
                                            ?? context.arguments.string("assignee-object-id"),
                                        role: context.arguments.string("role"),
                                        scope: context.arguments.string("scope"),
                                        resourceGroup: context.arguments.string("resource-group"))
                                }
                                return .empty
                            }),
                    ])
            ])
    }
}

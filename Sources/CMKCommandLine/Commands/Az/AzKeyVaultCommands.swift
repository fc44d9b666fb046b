import CMKCore
import Foundation
import JSON

/// `az keyvault` and `az keyvault key`.
enum AzKeyVaultCommands {
    static let vaultName = AzOptions.name("Name of the Vault.")
    static let networkOptions: [OptionSpec] = [
        OptionSpec(
            "default-action", valueName: "action", help: "Default action to apply when no rule matches.",
            allowedValues: ["Allow", "Deny"]),
        OptionSpec(
            "bypass", valueName: "bypass", help: "Bypass traffic for space-separated uses.",
            allowedValues: ["AzureServices", "None"]),
        OptionSpec(
            "public-network-access", valueName: "access",
            help: "Whether the vault accepts traffic from public internet.",
            allowedValues: ["Enabled", "Disabled"]),
    ]

    static var spec: CommandSpec {
        CommandSpec(
            "keyvault", abstract: "Manage KeyVault keys, secrets, and certificates.", dialect: .az,
            subcommands: [
                create, show, update, delete, purge, recover, list, listDeleted, setPolicy, deletePolicy,
                KeyCommands.spec,
            ])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a Vault.", dialect: .az,
            options: [
                vaultName, AzOptions.requiredResourceGroup, AzOptions.location,
                OptionSpec("sku", help: "Required. SKU details.", allowedValues: ["standard", "premium"]),
                OptionSpec(
                    "retention-days", valueName: "days",
                    help: "Soft delete data retention days. It accepts >=7 and <=90. Defaults to 90."),
                OptionSpec(
                    "enable-purge-protection", arity: .threeState,
                    help:
                        "Property specifying whether protection against purge is enabled for this vault. Irreversible once on."
                ),
                OptionSpec(
                    "enable-rbac-authorization", arity: .threeState,
                    help: "Use Azure RBAC for data-plane authorization (default true, as in az since 2.61; "
                        + "`acrcmk config set keyvault.rbac-by-default false` gives the older default)."),
                .flag(
                    "no-self-perms",
                    help: "Don't add permissions for the current user/service principal in the new vault."),
                OptionSpec(
                    "enable-soft-delete", arity: .threeState, help: "Deprecated: soft delete is always on.",
                    hidden: true),
                AzOptions.tags, .flag("no-wait", help: "Accepted; the simulation finishes at once."),
            ]
                + networkOptions,
            examples: [
                "az keyvault create --name <key-vault-name> --resource-group <resource-group-name> --enable-purge-protection"
            ],
            handler: { context in
                if context.arguments.bool("enable-soft-delete") == false {
                    throw CommandFailure(
                        "Soft delete cannot be turned off: it is always on for Key Vaults.", category: .usage)
                }
                return try context.perform { session in
                    var request = VaultCreateRequest(
                        name: context.required("name"),
                        resourceGroup: context.required("resource-group"))
                    request.location = context.arguments.string("location")
                    request.sku = context.arguments.string("sku") ?? "standard"
                    request.retentionDays = try context.integer("retention-days")
                    request.enablePurgeProtection = context.arguments.bool("enable-purge-protection")
                    request.enableRbacAuthorization = context.arguments.bool("enable-rbac-authorization")
                    request.defaultAction = context.arguments.string("default-action")
                    request.bypass = context.arguments.string("bypass")
                    request.noSelfPermissions = context.arguments.flag("no-self-perms")
                    request.publicNetworkAccess = context.arguments.string("public-network-access")
                    request.tags = context.tags()
                    return CommandOutput(AzPresenter(world: session.world).vault(try session.createVault(request)))
                }
            })
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Show details of a Vault.", dialect: .az, options: [vaultName, AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    CommandOutput(
                        AzPresenter(world: session.world).vault(
                            try session.showVault(
                                name: context.required("name"),
                                resourceGroup: context.arguments.string("resource-group"))))
                }
            })
    }

    static var update: CommandSpec {
        CommandSpec(
            "update", abstract: "Update the properties of a Vault.", dialect: .az,
            options: [
                vaultName, AzOptions.resourceGroup,
                OptionSpec(
                    "enable-purge-protection", arity: .threeState,
                    help: "Turn on purge protection. It can never be turned off again."),
                OptionSpec(
                    "enable-soft-delete", arity: .threeState, help: "Soft delete is always on; only true is accepted."),
                OptionSpec(
                    "retention-days", valueName: "days", help: "Soft delete retention: fixed once the vault exists."),
                OptionSpec(
                    "enable-rbac-authorization", arity: .threeState,
                    help: "Use Azure RBAC for data-plane authorization."),
                AzOptions.tags,
            ] + networkOptions,
            examples: [
                "az keyvault update --name <key-vault-name> --resource-group <resource-group-name> --bypass AzureServices"
            ],
            handler: { context in
                try context.perform { session in
                    var request = VaultUpdateRequest()
                    request.enablePurgeProtection = context.arguments.bool("enable-purge-protection")
                    request.enableSoftDelete = context.arguments.bool("enable-soft-delete")
                    request.retentionDays = try context.integer("retention-days")
                    request.enableRbacAuthorization = context.arguments.bool("enable-rbac-authorization")
                    request.defaultAction = context.arguments.string("default-action")
                    request.bypass = context.arguments.string("bypass")
                    request.publicNetworkAccess = context.arguments.string("public-network-access")
                    request.tags = context.tags()
                    let vault = try session.updateVault(
                        name: context.required("name"),
                        resourceGroup: context.arguments.string("resource-group"), request)
                    return CommandOutput(AzPresenter(world: session.world).vault(vault))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete a Vault (soft delete: recoverable until the retention period ends).",
            dialect: .az, options: [vaultName, AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    try session.deleteVault(
                        name: context.required("name"),
                        resourceGroup: context.arguments.string("resource-group"))
                }
                return .empty
            })
    }

    static var purge: CommandSpec {
        CommandSpec(
            "purge", abstract: "Permanently delete the specified Vault. Refused while purge protection holds.",
            dialect: .az, options: [vaultName, AzOptions.location],
            handler: { context in
                try context.perform { session in try session.purgeVault(name: context.required("name")) }
                return .empty
            })
    }

    static var recover: CommandSpec {
        CommandSpec(
            "recover", abstract: "Recover a Vault in the soft-deleted state.", dialect: .az,
            options: [vaultName, AzOptions.resourceGroup, AzOptions.location],
            examples: ["az keyvault recover --name <key-vault-name>"],
            handler: { context in
                try context.perform { session in
                    CommandOutput(
                        AzPresenter(world: session.world).vault(
                            try session.recoverVault(name: context.required("name"))))
                }
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List Vaults.", dialect: .az,
            options: [
                AzOptions.resourceGroup,
                OptionSpec("resource-type", help: "vault or hsm."),
            ],
            handler: { context in
                try context.perform { session in
                    let group = context.arguments.string("resource-group")?.lowercased()
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(
                            session.liveVaults
                                .filter { group == nil || $0.resourceGroup.lowercased() == group }.map(presenter.vault))
                    )
                }
            })
    }

    static var listDeleted: CommandSpec {
        CommandSpec(
            "list-deleted", abstract: "Get information about the deleted Vaults in a subscription.", dialect: .az,
            options: [
                OptionSpec(
                    "resource-type",
                    help: "When --resource-type is not present the command will list all deleted Vaults.",
                    allowedValues: ["vault", "hsm"])
            ],
            handler: { context in
                try context.perform { session in
                    if context.arguments.string("resource-type") == "hsm" { return CommandOutput(.array([])) }
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(session.deletedVaults.map(presenter.deletedVault)))
                }
            })
    }

    static let principalOptions: [OptionSpec] = [
        OptionSpec(
            "object-id", valueName: "id", help: "A GUID that identifies the principal that will receive permissions."),
        OptionSpec("spn", help: "Name of a service principal that will receive permissions."),
        OptionSpec("upn", help: "Name of a user principal that will receive permissions."),
        OptionSpec(
            "application-id", valueName: "id",
            help: "Application ID of the client making request on behalf of a principal."),
    ]

    /// Exactly one of `--object-id`, `--spn`, `--upn`, resolved to an object id.
    static func principal(_ context: CommandContext, _ session: Session) throws -> String {
        let given = ["object-id", "spn", "upn"].filter { context.arguments.has($0) }
        guard given.count == 1 else {
            throw CommandFailure("specify exactly one: --object-id, --spn, --upn", category: .usage)
        }
        let value = context.arguments.string(given[0])!
        guard !value.isEmpty else {
            throw CommandFailure(
                "--\(given[0]) is empty. If it came from a shell variable, check that the variable is set "
                    + "(e.g. identityPrincipalID=$(az identity show ... --query principalId -o tsv)).",
                category: .usage)
        }
        if given[0] == "upn", value.lowercased() == session.world.account.operatorName.lowercased() {
            return session.world.account.operatorObjectId
        }
        if given[0] == "spn",
            let identity = session.world.identities.first(where: { $0.clientId == value.lowercased() })
        {
            return identity.principalId
        }
        return value.lowercased()
    }

    static var setPolicy: CommandSpec {
        let permission = { (name: String, help: String, values: [String]) in
            OptionSpec(
                "\(name)-permissions", arity: .multiple, valueName: "permissions", help: help, allowedValues: values)
        }
        return CommandSpec(
            "set-policy", abstract: "Update security policy settings for a Key Vault.", dialect: .az,
            options: [vaultName, AzOptions.resourceGroup] + principalOptions + [
                permission("key", "Space-separated list of key permissions to assign.", AccessPolicy.allKeyPermissions),
                permission(
                    "secret", "Space-separated list of secret permissions to assign.",
                    ["all", "backup", "delete", "get", "list", "purge", "recover", "restore", "set"]),
                permission(
                    "certificate", "Space-separated list of certificate permissions to assign.",
                    [
                        "all", "backup", "create", "delete", "deleteissuers", "get", "getissuers", "import",
                        "list", "listissuers", "managecontacts", "manageissuers", "purge", "recover",
                        "restore", "setissuers", "update",
                    ]),
                permission(
                    "storage", "Space-separated list of storage permissions to assign.",
                    [
                        "all", "backup", "delete", "deletesas", "get", "getsas", "list", "listsas", "purge",
                        "recover", "regeneratekey", "restore", "set", "setsas", "update",
                    ]),
            ],
            examples: [
                "az keyvault set-policy --resource-group <resource-group-name> --name <key-vault-name> "
                    + "--object-id $identityPrincipalID --key-permissions get unwrapKey wrapKey"
            ],
            handler: { context in
                let categories = ["key", "secret", "certificate", "storage"].map { "\($0)-permissions" }
                guard categories.contains(where: { context.arguments.has($0) }) else {
                    throw CommandFailure(
                        "specify at least one: --key-permissions, --secret-permissions, "
                            + "--certificate-permissions --storage-permissions", category: .usage)
                }
                return try context.perform { session in
                    let objectId = try principal(context, session)
                    func values(_ option: String) -> [String]? {
                        context.arguments.has(option) ? context.arguments.strings(option) : nil
                    }
                    let vault = try session.setPolicy(
                        vaultName: context.required("name"), resourceGroup: context.arguments.string("resource-group"),
                        objectId: objectId, applicationId: context.arguments.string("application-id"),
                        keys: values("key-permissions"), secrets: values("secret-permissions"),
                        certificates: values("certificate-permissions"), storage: values("storage-permissions"))
                    return CommandOutput(AzPresenter(world: session.world).vault(vault))
                }
            })
    }

    static var deletePolicy: CommandSpec {
        CommandSpec(
            "delete-policy", abstract: "Delete security policy settings for a Key Vault.", dialect: .az,
            options: [vaultName, AzOptions.resourceGroup] + principalOptions,
            examples: [
                "az keyvault delete-policy --resource-group <resource-group-name> --name <key-vault-name> "
                    + "--object-id <identity-principal-id>"
            ],
            handler: { context in
                try context.perform { session in
                    let objectId = try principal(context, session)
                    let vault = try session.deletePolicy(
                        vaultName: context.required("name"), resourceGroup: context.arguments.string("resource-group"),
                        objectId: objectId, applicationId: context.arguments.string("application-id"))
                    return CommandOutput(AzPresenter(world: session.world).vault(vault))
                }
            })
    }
}

import CMKCore
import Foundation
import JSON

/// `az keyvault` and `az keyvault key`.
enum AzKeyVaultCommands {
    static let vaultName = AzOptions.name("Name of the Vault.")
    static let defaultAction = Option<String?>(
        "default-action", valueName: "action", help: "Default action to apply when no rule matches.",
        allowedValues: ["Allow", "Deny"])
    static let bypass = Option<String?>(
        "bypass", valueName: "bypass", help: "Bypass traffic for space-separated uses.",
        allowedValues: ["AzureServices", "None"])
    static let publicNetworkAccess = Option<String?>(
        "public-network-access", valueName: "access", help: "Whether the vault accepts traffic from public internet.",
        allowedValues: ["Enabled", "Disabled"])
    static let networkOptions: [any CommandOption] = [defaultAction, bypass, publicNetworkAccess]

    static var spec: CommandSpec {
        CommandSpec(
            "keyvault", abstract: "Manage KeyVault keys, secrets, and certificates.", dialect: .az,
            subcommands: [
                create, show, update, delete, purge, recover, list, listDeleted, setPolicy, deletePolicy,
                AzNetworkRuleCommands.spec, KeyCommands.spec,
            ])
    }

    /// The options of `az keyvault create`.
    enum Create {
        static let sku = Option<String?>("sku", help: "Required. SKU details.", allowedValues: ["standard", "premium"])
        static let retentionDays = Option<Int?>(
            "retention-days", valueName: "days",
            help: "Soft delete data retention days. It accepts >=7 and <=90. Defaults to 90.")
        static let enablePurgeProtection = Option<Bool?>(
            threeState: "enable-purge-protection",
            help: "Property specifying whether protection against purge is enabled for this vault. "
                + "Irreversible once on.")
        static let enableRbacAuthorization = Option<Bool?>(
            threeState: "enable-rbac-authorization",
            help: "Use Azure RBAC for data-plane authorization (default true, as in az since 2.61; "
                + "`acrcmk config set keyvault.rbac-by-default false` gives the older default).")
        static let noSelfPerms = Option<Bool>(
            flag: "no-self-perms",
            help: "Don't add permissions for the current user/service principal in the new vault.")
        static let enableSoftDelete = Option<Bool?>(
            threeState: "enable-soft-delete", help: "Deprecated: soft delete is always on.", hidden: true)
        static let noWait = Option<Bool>(flag: "no-wait", help: "Accepted; the simulation finishes at once.")
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a Vault.", dialect: .az,
            options: [
                vaultName, AzOptions.requiredResourceGroup, AzOptions.location, Create.sku, Create.retentionDays,
                Create.enablePurgeProtection, Create.enableRbacAuthorization, Create.noSelfPerms,
                Create.enableSoftDelete, AzOptions.tags, Create.noWait,
            ] + networkOptions,
            examples: [
                "az keyvault create --name <key-vault-name> --resource-group <resource-group-name> --enable-purge-protection"
            ],
            handler: { context in
                if context[Create.enableSoftDelete] == false {
                    throw CommandFailure(
                        "Soft delete cannot be turned off: it is always on for Key Vaults.", category: .usage)
                }
                return try context.perform { session in
                    var request = VaultCreateRequest(
                        name: context[vaultName], resourceGroup: context[AzOptions.requiredResourceGroup])
                    request.location = context[AzOptions.location]
                    request.sku = context[Create.sku] ?? "standard"
                    request.retentionDays = context[Create.retentionDays]
                    request.enablePurgeProtection = context[Create.enablePurgeProtection]
                    request.enableRbacAuthorization = context[Create.enableRbacAuthorization]
                    request.defaultAction = context[defaultAction]
                    request.bypass = context[bypass]
                    request.noSelfPermissions = context[Create.noSelfPerms]
                    request.publicNetworkAccess = context[publicNetworkAccess]
                    request.tags = context[AzOptions.tags]
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
                                name: context[vaultName], resourceGroup: context[AzOptions.resourceGroup])))
                }
            })
    }

    /// The options of `az keyvault update`.
    enum Update {
        static let enablePurgeProtection = Option<Bool?>(
            threeState: "enable-purge-protection", help: "Turn on purge protection. It can never be turned off again.")
        static let enableSoftDelete = Option<Bool?>(
            threeState: "enable-soft-delete", help: "Soft delete is always on; only true is accepted.")
        static let retentionDays = Option<Int?>(
            "retention-days", valueName: "days", help: "Soft delete retention: fixed once the vault exists.")
        static let enableRbacAuthorization = Option<Bool?>(
            threeState: "enable-rbac-authorization", help: "Use Azure RBAC for data-plane authorization.")
    }

    static var update: CommandSpec {
        CommandSpec(
            "update", abstract: "Update the properties of a Vault.", dialect: .az,
            options: [
                vaultName, AzOptions.resourceGroup, Update.enablePurgeProtection, Update.enableSoftDelete,
                Update.retentionDays, Update.enableRbacAuthorization, AzOptions.tags,
            ] + networkOptions + AzGenericUpdate.options,
            examples: [
                "az keyvault update --name <key-vault-name> --resource-group <resource-group-name> --bypass AzureServices",
                "az keyvault update --name <key-vault-name> --set properties.enablePurgeProtection=true",
            ],
            handler: { context in
                try context.perform { session in
                    var request = VaultUpdateRequest()
                    request.enablePurgeProtection = context[Update.enablePurgeProtection]
                    request.enableSoftDelete = context[Update.enableSoftDelete]
                    request.retentionDays = context[Update.retentionDays]
                    request.enableRbacAuthorization = context[Update.enableRbacAuthorization]
                    request.defaultAction = context[defaultAction]
                    request.bypass = context[bypass]
                    request.publicNetworkAccess = context[publicNetworkAccess]
                    request.tags = context[AzOptions.tags]
                    let generic = AzGenericUpdate(context, resource: "vault")
                    if !generic.isEmpty {
                        let current = try session.showVault(
                            name: context[vaultName], resourceGroup: context[AzOptions.resourceGroup])
                        var tags = request.tags ?? current.tags ?? [:]
                        try generic.apply(to: [
                            .init(path: "properties.enablePurgeProtection") {
                                request.enablePurgeProtection = try AzGenericUpdate.bool($0, "enablePurgeProtection")
                            },
                            .init(path: "properties.enableRbacAuthorization") {
                                request.enableRbacAuthorization = try AzGenericUpdate.bool(
                                    $0, "enableRbacAuthorization")
                            },
                            .init(path: "properties.enableSoftDelete") {
                                request.enableSoftDelete = try AzGenericUpdate.bool($0, "enableSoftDelete")
                            },
                            .init(path: "properties.softDeleteRetentionInDays") {
                                request.retentionDays = try AzGenericUpdate.int($0, "softDeleteRetentionInDays")
                            },
                            .init(path: "properties.networkAcls.defaultAction") {
                                request.defaultAction = try AzGenericUpdate.oneOf(
                                    $0, ["Allow", "Deny"], "networkAcls.defaultAction")
                            },
                            .init(path: "properties.networkAcls.bypass") {
                                request.bypass = try AzGenericUpdate.oneOf(
                                    $0, ["AzureServices", "None"], "networkAcls.bypass")
                            },
                            .init(path: "properties.publicNetworkAccess") {
                                request.publicNetworkAccess = try AzGenericUpdate.oneOf(
                                    $0, ["Enabled", "Disabled"], "publicNetworkAccess")
                            },
                        ], tags: &tags)
                        request.tags = tags
                    }
                    let vault = try session.updateVault(
                        name: context[vaultName], resourceGroup: context[AzOptions.resourceGroup], request)
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
                    try session.deleteVault(name: context[vaultName], resourceGroup: context[AzOptions.resourceGroup])
                }
                return .empty
            })
    }

    static var purge: CommandSpec {
        CommandSpec(
            "purge", abstract: "Permanently delete the specified Vault. Refused while purge protection holds.",
            dialect: .az, options: [vaultName, AzOptions.location],
            handler: { context in
                try context.perform { session in try session.purgeVault(name: context[vaultName]) }
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
                            try session.recoverVault(name: context[vaultName])))
                }
            })
    }

    /// `--resource-type` of `az keyvault list-deleted`.
    enum ResourceType: String, CaseIterable, ExpressibleByArgument {
        case vault, hsm
    }

    static let listedResourceType = Option<String?>("resource-type", help: "vault or hsm.")
    static let deletedResourceType = Option<ResourceType?>(
        "resource-type", help: "When --resource-type is not present the command will list all deleted Vaults.")

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List Vaults.", dialect: .az,
            options: [AzOptions.resourceGroup, listedResourceType],
            handler: { context in
                try context.perform { session in
                    let group = context[AzOptions.resourceGroup].map(ResourceName.init)
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(
                            session.liveVaults
                                .filter { group == nil || ResourceName($0.resourceGroup) == group }
                                .map(presenter.vault))
                    )
                }
            })
    }

    static var listDeleted: CommandSpec {
        CommandSpec(
            "list-deleted", abstract: "Get information about the deleted Vaults in a subscription.", dialect: .az,
            options: [deletedResourceType],
            handler: { context in
                try context.perform { session in
                    if context[deletedResourceType] == .hsm { return CommandOutput(.array([])) }
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(session.deletedVaults.map(presenter.deletedVault)))
                }
            })
    }

    static let objectID = Option<String?>(
        "object-id", valueName: "id", help: "A GUID that identifies the principal that will receive permissions.")
    static let spn = Option<String?>("spn", help: "Name of a service principal that will receive permissions.")
    static let upn = Option<String?>("upn", help: "Name of a user principal that will receive permissions.")
    static let applicationID = Option<String?>(
        "application-id", valueName: "id",
        help: "Application ID of the client making request on behalf of a principal.")
    static let principalOptions: [any CommandOption] = [objectID, spn, upn, applicationID]

    /// Exactly one of `--object-id`, `--spn`, `--upn`, resolved to an object id.
    static func principal(_ context: CommandContext, _ session: Session) throws -> String {
        let given = [objectID, spn, upn].compactMap { option in context[option].map { (option.spec.name, $0) } }
        guard given.count == 1, let (name, value) = given.first else {
            throw CommandFailure("specify exactly one: --object-id, --spn, --upn", category: .usage)
        }
        guard !value.isEmpty else {
            throw CommandFailure(
                "--\(name) is empty. If it came from a shell variable, check that the variable is set "
                    + "(e.g. identityPrincipalID=$(az identity show ... --query principalId -o tsv)).",
                category: .usage)
        }
        if name == upn.spec.name, value.lowercased() == session.world.account.operatorName.lowercased() {
            return session.world.account.operatorObjectId
        }
        if name == spn.spec.name,
            let identity = session.world.identities.first(where: { $0.clientId == value.lowercased() })
        {
            return identity.principalId
        }
        return value.lowercased()
    }

    /// The permission options of `az keyvault set-policy`.
    enum Permissions {
        static let key = permissions(
            "key", "Space-separated list of key permissions to assign.", AccessPolicy.allKeyPermissions)
        static let secret = permissions(
            "secret", "Space-separated list of secret permissions to assign.",
            ["all", "backup", "delete", "get", "list", "purge", "recover", "restore", "set"])
        static let certificate = permissions(
            "certificate", "Space-separated list of certificate permissions to assign.",
            [
                "all", "backup", "create", "delete", "deleteissuers", "get", "getissuers", "import",
                "list", "listissuers", "managecontacts", "manageissuers", "purge", "recover",
                "restore", "setissuers", "update",
            ])
        static let storage = permissions(
            "storage", "Space-separated list of storage permissions to assign.",
            [
                "all", "backup", "delete", "deletesas", "get", "getsas", "list", "listsas", "purge",
                "recover", "regeneratekey", "restore", "set", "setsas", "update",
            ])
        static let all = [key, secret, certificate, storage]

        private static func permissions(_ kind: String, _ help: String, _ values: [String]) -> Option<[String]?> {
            Option<[String]?>("\(kind)-permissions", valueName: "permissions", help: help, allowedValues: values)
        }
    }

    static var setPolicy: CommandSpec {
        CommandSpec(
            "set-policy", abstract: "Update security policy settings for a Key Vault.", dialect: .az,
            options: [vaultName, AzOptions.resourceGroup] + principalOptions + Permissions.all,
            examples: [
                "az keyvault set-policy --resource-group <resource-group-name> --name <key-vault-name> "
                    + "--object-id $identityPrincipalID --key-permissions get unwrapKey wrapKey"
            ],
            handler: { context in
                guard Permissions.all.contains(where: { context[$0] != nil }) else {
                    throw CommandFailure(
                        "specify at least one: --key-permissions, --secret-permissions, "
                            + "--certificate-permissions --storage-permissions", category: .usage)
                }
                return try context.perform { session in
                    let objectId = try principal(context, session)
                    let vault = try session.setPolicy(
                        vaultName: context[vaultName], resourceGroup: context[AzOptions.resourceGroup],
                        objectId: objectId, applicationId: context[applicationID],
                        keys: context[Permissions.key], secrets: context[Permissions.secret],
                        certificates: context[Permissions.certificate], storage: context[Permissions.storage])
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
                        vaultName: context[vaultName], resourceGroup: context[AzOptions.resourceGroup],
                        objectId: objectId, applicationId: context[applicationID])
                    return CommandOutput(AzPresenter(world: session.world).vault(vault))
                }
            })
    }
}

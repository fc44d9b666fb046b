import CMKCore
import JSON

/// `az acr`: registries, encryption, identities, content-trust configuration.
enum AzAcrCommands {
    static let registryName = Option<String>(
        "name", short: "n", valueName: "name",
        help: "The name of the container registry. It should be specified in lower case.")

    /// `--zone-redundancy`.
    enum ZoneRedundancy: String, CaseIterable, ExpressibleByArgument {
        case enabled = "Enabled", disabled = "Disabled"
    }

    /// The options `create` and `update` share.
    static let adminEnabled = Option<Bool?>(
        threeState: "admin-enabled", help: "Indicates whether the admin user is enabled.")
    static let publicNetworkEnabled = Option<Bool?>(
        threeState: "public-network-enabled", help: "Allow public network access.")
    static let anonymousPullEnabled = Option<Bool?>(
        threeState: "anonymous-pull-enabled",
        help: "Allow pulls without credentials (Standard and Premium); `acrcmk serve` honours it.")

    /// The options of `az acr create`.
    enum Create {
        static let sku = Option<RegistrySKU>("sku", help: "The SKU of the container registry.")
        static let identity = Option<String?>(
            "identity",
            help: "Name or resource id of a user-assigned identity to use for "
                + "customer-managed key encryption. Requires --key-encryption-key.")
        static let keyEncryptionKey = Option<String?>(
            "key-encryption-key", valueName: "url",
            help: "Key vault key URI. A versionless URI turns on automatic rotation; a versioned "
                + "one means manual rotation. Requires --identity.")
        static let defaultAction = Option<String?>(
            "default-action", help: "Default action when no rules apply (Premium).", allowedValues: ["Allow", "Deny"])
        static let zoneRedundancy = Option<ZoneRedundancy?>("zone-redundancy", help: "Zone redundancy (Premium).")
        static let workspace = Option<String?>(
            "workspace", help: "Log Analytics workspace (accepted, not simulated).", hidden: true)
    }

    static var spec: CommandSpec {
        CommandSpec(
            "acr", abstract: "Manage private registries with Azure Container Registries.", dialect: .az,
            subcommands: [
                create, show, update, delete, list, encryption, identity, config,
                AzAcrHealthCommand.spec, AzReplicationCommands.spec,
                AzAcrContentCommands.repositorySpec, AzAcrContentCommands.manifestSpec,
                AzAcrAuthCommands.login, AzAcrAuthCommands.credential,
            ])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create an Azure Container Registry.", dialect: .az,
            options: [
                registryName, AzOptions.requiredResourceGroup, Create.sku, AzOptions.location, Create.identity,
                Create.keyEncryptionKey, adminEnabled, Create.defaultAction, publicNetworkEnabled,
                Create.zoneRedundancy, Create.workspace, AzOptions.tags, anonymousPullEnabled,
            ],
            examples: [
                "az acr create --resource-group <resource-group-name> --name <container-registry-name> "
                    + "--identity $identityID --key-encryption-key $keyID --sku Premium"
            ],
            handler: { context in
                try context.perform { session in
                    var request = RegistryCreateRequest(
                        name: context[registryName], resourceGroup: context[AzOptions.requiredResourceGroup],
                        sku: context[Create.sku])
                    request.location = context[AzOptions.location]
                    request.identity = context[Create.identity]
                    request.keyEncryptionKey = context[Create.keyEncryptionKey]
                    request.adminEnabled = context[adminEnabled] ?? false
                    request.defaultAction = context[Create.defaultAction]
                    request.publicNetworkEnabled = context[publicNetworkEnabled]
                    request.zoneRedundancy = context[Create.zoneRedundancy] == .enabled
                    request.tags = context[AzOptions.tags]
                    var registry = try session.createRegistry(request)
                    if let anonymous = context[anonymousPullEnabled] {
                        try session.setAnonymousPull(registry: registry.name, enabled: anonymous)
                        registry = try session.requireRegistry(registry.name)
                    }
                    return CommandOutput(AzPresenter(world: session.world).registry(registry))
                }
            })
    }

    /// A handler that prints one registry (`--name`, optional `--resource-group`) through a presenter shape.
    static func showRegistry(_ shape: @escaping @Sendable (AzPresenter, Registry) -> JSONValue) -> CommandSpec.Handler {
        { context in
            try context.perform { session in
                let registry = try session.requireRegistry(
                    context[registryName], resourceGroup: context[AzOptions.resourceGroup])
                return CommandOutput(shape(AzPresenter(world: session.world), registry))
            }
        }
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Get the details of an Azure Container Registry.", dialect: .az,
            options: [registryName, AzOptions.resourceGroup],
            handler: showRegistry { $0.registry($1) })
    }

    /// The options of `az acr update` that `create` does not have in the same form.
    enum Update {
        static let sku = Option<RegistrySKU?>("sku", help: "The SKU of the container registry.")
        static let defaultAction = Option<String?>(
            "default-action", help: "Default action when no rules apply.", allowedValues: ["Allow", "Deny"])
    }

    static var update: CommandSpec {
        CommandSpec(
            "update", abstract: "Update an Azure Container Registry (settings other than encryption).", dialect: .az,
            options: [
                registryName, AzOptions.resourceGroup, Update.sku, adminEnabled, Update.defaultAction,
                publicNetworkEnabled, AzOptions.tags, anonymousPullEnabled,
            ] + AzGenericUpdate.options,
            examples: ["az acr update --name myregistry --tags team=platform",
                       "az acr update --name myregistry --set adminUserEnabled=false --set tags.env=test",
                       "az acr update --name myregistry --anonymous-pull-enabled true"],
            handler: { context in
                try context.perform { session in
                    var sku = context[Update.sku], admin = context[adminEnabled]
                    var defaultAction = context[Update.defaultAction], publicNetwork = context[publicNetworkEnabled]
                    var tags = context[AzOptions.tags]
                    var anonymousPull = context[anonymousPullEnabled]
                    let generic = AzGenericUpdate(context, resource: "registry")
                    if !generic.isEmpty {
                        let current = try session.requireRegistry(
                            context[registryName], resourceGroup: context[AzOptions.resourceGroup])
                        var merged = tags ?? current.tags ?? [:]
                        try generic.apply(to: [
                            .init(path: "adminUserEnabled") { admin = try AzGenericUpdate.bool($0, "adminUserEnabled") },
                            .init(path: "sku.name") {
                                sku = RegistrySKU(rawValue: try AzGenericUpdate.oneOf(
                                    $0, RegistrySKU.allCases.map(\.rawValue), "sku.name"))
                            },
                            .init(path: "networkRuleSet.defaultAction") {
                                defaultAction = try AzGenericUpdate.oneOf($0, ["Allow", "Deny"],
                                                                          "networkRuleSet.defaultAction")
                            },
                            .init(path: "anonymousPullEnabled") {
                                anonymousPull = try AzGenericUpdate.bool($0, "anonymousPullEnabled")
                            },
                            .init(path: "publicNetworkAccess") {
                                publicNetwork = try AzGenericUpdate.oneOf(
                                    $0, ["Enabled", "Disabled"], "publicNetworkAccess") == "Enabled"
                            },
                        ], tags: &merged)
                        tags = merged
                    }
                    let registry = try session.updateRegistry(
                        name: context[registryName], resourceGroup: context[AzOptions.resourceGroup],
                        sku: sku, adminEnabled: admin, defaultAction: defaultAction,
                        publicNetworkEnabled: publicNetwork, tags: tags)
                    if let anonymousPull {
                        try session.setAnonymousPull(registry: registry.name, enabled: anonymousPull)
                    }
                    return CommandOutput(AzPresenter(world: session.world).registry(
                        try session.requireRegistry(registry.name)))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete an Azure Container Registry.", dialect: .az,
            options: [registryName, AzOptions.resourceGroup, AzOptions.yes],
            examples: ["az acr delete --name <registry-name> --resource-group <resource-group-name> --yes"],
            handler: { context in
                let name = context[registryName]
                try context.confirm("Are you sure you want to delete the registry '\(name)'?")
                try context.perform { session in
                    try session.deleteRegistry(name: name, resourceGroup: context[AzOptions.resourceGroup])
                }
                return .empty
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List container registries.", dialect: .az, options: [AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    let registries = try session.listRegistries(resourceGroup: context[AzOptions.resourceGroup])
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(registries.map(presenter.registry)))
                }
            })
    }

    /// The options of `az acr encryption rotate-key`.
    enum RotateKey {
        static let keyEncryptionKey = Option<String?>(
            "key-encryption-key", valueName: "url",
            help: "Key vault key URI. A versionless URI switches to automatic rotation.")
        static let identity = Option<String?>(
            "identity",
            help: "Client id, name or resource id of a managed identity with "
                + "access to the key vault, or '[system]'.")
    }

    static var encryption: CommandSpec {
        CommandSpec(
            "encryption", abstract: "Manage container registry encryption.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "show", abstract: "Show the container registry's encryption details.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup],
                    examples: ["az acr encryption show --name <container-registry-name>"],
                    handler: showRegistry { $0.encryption($1) }),
                CommandSpec(
                    "rotate-key", abstract: "Rotate (update) the container registry's encryption key.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup, RotateKey.keyEncryptionKey, RotateKey.identity],
                    examples: [
                        "az acr encryption rotate-key --name myregistry --key-encryption-key "
                            + "https://myvault.vault.azure.net/keys/mykey"
                    ],
                    handler: { context in
                        try context.perform { session in
                            let registry = try session.rotateRegistryKey(
                                name: context[registryName], resourceGroup: context[AzOptions.resourceGroup],
                                keyEncryptionKey: context[RotateKey.keyEncryptionKey],
                                identity: context[RotateKey.identity])
                            return CommandOutput(AzPresenter(world: session.world).registry(registry))
                        }
                    }),
            ])
    }

    static let identities = Option<[String]?>(
        "identities",
        help: "Space-separated identities. Use '[system]' to refer to the system assigned identity."
    ).required()

    static var identity: CommandSpec {
        CommandSpec(
            "identity", abstract: "Manage service (managed) identities for a container registry.",
            dialect: .az,
            subcommands: [
                CommandSpec(
                    "assign", abstract: "Assign a managed identity to a container registry.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup, identities],
                    handler: { context in
                        try context.perform { session in
                            let registry = try session.assignRegistryIdentities(
                                name: context[registryName], resourceGroup: context[AzOptions.resourceGroup],
                                identities: context[identities])
                            return CommandOutput(AzPresenter(world: session.world).registry(registry))
                        }
                    }),
                CommandSpec(
                    "show", abstract: "Show the container registry's identity details.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup],
                    handler: showRegistry { $0.registryIdentity($1) }),
                CommandSpec(
                    "remove", abstract: "Remove a managed identity from a container registry.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup, identities],
                    handler: { context in
                        try context.perform { session in
                            let before = try session.requireRegistry(context[registryName])
                            let registry = try session.removeRegistryIdentities(
                                name: context[registryName], resourceGroup: context[AzOptions.resourceGroup],
                                identities: context[identities])
                            if before.isCMK, case .failure = session.encryptionPrincipal(for: registry) {
                                context.warn(
                                    "The removed identity encrypts this registry: it can no longer reach its key "
                                        + "and push, pull and listing will fail until the identity is reassigned.")
                            }
                            return CommandOutput(AzPresenter(world: session.world).registry(registry))
                        }
                    }),
            ])
    }

    /// The options of `az acr config content-trust update`.
    enum ContentTrust {
        enum Status: String, CaseIterable, ExpressibleByArgument {
            case disabled, enabled
        }

        static let registry = Option<String>(
            "registry", short: "r", help: "The name of the container registry.")
        static let status = Option<Status?>("status", help: "Indicates whether content-trust is enabled.")
    }

    static var config: CommandSpec {
        CommandSpec(
            "config", abstract: "Configure policies for Azure Container Registries.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "content-trust", abstract: "Manage content-trust policy for Azure Container Registries.",
                    dialect: .az,
                    subcommands: [
                        CommandSpec(
                            "update", abstract: "Update content-trust policy for an Azure Container Registry.",
                            dialect: .az,
                            options: [ContentTrust.registry, AzOptions.resourceGroup, ContentTrust.status],
                            handler: { context in
                                try context.perform { session in
                                    let registry = try session.setContentTrust(
                                        registryName: context[ContentTrust.registry],
                                        resourceGroup: context[AzOptions.resourceGroup],
                                        enabled: context[ContentTrust.status] == .enabled)
                                    return CommandOutput([
                                        "status": .string(registry.trustPolicyEnabled ? "enabled" : "disabled"),
                                        "type": "Notary",
                                    ])
                                }
                            })
                    ])
            ])
    }
}

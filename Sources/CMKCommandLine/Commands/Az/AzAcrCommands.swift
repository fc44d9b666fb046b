import CMKCore
import JSON

/// `az acr`: registries, encryption, identities, content-trust configuration.
enum AzAcrCommands {
    static let registryName = OptionSpec(
        "name", short: "n", valueName: "name",
        help: "The name of the container registry. It should be specified in lower case.",
        required: true)

    static var spec: CommandSpec {
        CommandSpec(
            "acr", abstract: "Manage private registries with Azure Container Registries.", dialect: .az,
            subcommands: [
                create, show, update, delete, list, encryption, identity, config,
                AzAcrHealthCommand.spec, AzReplicationCommands.spec,
                AzAcrContentCommands.repositorySpec, AzAcrContentCommands.manifestSpec,
            ])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create an Azure Container Registry.", dialect: .az,
            options: [
                registryName, AzOptions.requiredResourceGroup,
                OptionSpec(
                    "sku", help: "The SKU of the container registry.", required: true,
                    allowedValues: RegistrySKU.allCases.map(\.rawValue)),
                AzOptions.location,
                OptionSpec(
                    "identity",
                    help: "Name or resource id of a user-assigned identity to use for "
                        + "customer-managed key encryption. Requires --key-encryption-key."),
                OptionSpec(
                    "key-encryption-key", valueName: "url",
                    help: "Key vault key URI. A versionless URI turns on automatic rotation; a versioned "
                        + "one means manual rotation. Requires --identity."),
                OptionSpec("admin-enabled", arity: .threeState, help: "Indicates whether the admin user is enabled."),
                OptionSpec(
                    "default-action", help: "Default action when no rules apply (Premium).",
                    allowedValues: ["Allow", "Deny"]),
                OptionSpec("public-network-enabled", arity: .threeState, help: "Allow public network access."),
                OptionSpec(
                    "zone-redundancy", help: "Zone redundancy (Premium).", allowedValues: ["Enabled", "Disabled"]),
                OptionSpec("workspace", help: "Log Analytics workspace (accepted, not simulated).", hidden: true),
                AzOptions.tags,
            ],
            examples: [
                "az acr create --resource-group <resource-group-name> --name <container-registry-name> "
                    + "--identity $identityID --key-encryption-key $keyID --sku Premium"
            ],
            handler: { context in
                try context.perform { session in
                    var request = RegistryCreateRequest(
                        name: context.required("name"),
                        resourceGroup: context.required("resource-group"),
                        sku: RegistrySKU(rawValue: context.required("sku"))!)
                    request.location = context.arguments.string("location")
                    request.identity = context.arguments.string("identity")
                    request.keyEncryptionKey = context.arguments.string("key-encryption-key")
                    request.adminEnabled = context.arguments.bool("admin-enabled") ?? false
                    request.defaultAction = context.arguments.string("default-action")
                    request.publicNetworkEnabled = context.arguments.bool("public-network-enabled")
                    request.zoneRedundancy = context.arguments.string("zone-redundancy") == "Enabled"
                    request.tags = context.tags()
                    let registry = try session.createRegistry(request)
                    return CommandOutput(AzPresenter(world: session.world).registry(registry))
                }
            })
    }

    /// A handler that prints one registry (`--name`, optional `--resource-group`) through a presenter shape.
    static func showRegistry(_ shape: @escaping @Sendable (AzPresenter, Registry) -> JSONValue) -> CommandSpec.Handler {
        { context in
            try context.perform { session in
                let registry = try session.requireRegistry(
                    context.required("name"), resourceGroup: context.arguments.string("resource-group"))
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

    static var update: CommandSpec {
        CommandSpec(
            "update", abstract: "Update an Azure Container Registry (settings other than encryption).", dialect: .az,
            options: [
                registryName, AzOptions.resourceGroup,
                OptionSpec(
                    "sku", help: "The SKU of the container registry.",
                    allowedValues: RegistrySKU.allCases.map(\.rawValue)),
                OptionSpec("admin-enabled", arity: .threeState, help: "Indicates whether the admin user is enabled."),
                OptionSpec(
                    "default-action", help: "Default action when no rules apply.", allowedValues: ["Allow", "Deny"]),
                OptionSpec("public-network-enabled", arity: .threeState, help: "Allow public network access."),
                AzOptions.tags,
            ],
            handler: { context in
                try context.perform { session in
                    let registry = try session.updateRegistry(
                        name: context.required("name"), resourceGroup: context.arguments.string("resource-group"),
                        sku: context.arguments.string("sku").flatMap(RegistrySKU.init(rawValue:)),
                        adminEnabled: context.arguments.bool("admin-enabled"),
                        defaultAction: context.arguments.string("default-action"),
                        publicNetworkEnabled: context.arguments.bool("public-network-enabled"), tags: context.tags())
                    return CommandOutput(AzPresenter(world: session.world).registry(registry))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete an Azure Container Registry.", dialect: .az,
            options: [registryName, AzOptions.resourceGroup, AzOptions.yes],
            examples: ["az acr delete --name <registry-name> --resource-group <resource-group-name> --yes"],
            handler: { context in
                let name = context.required("name")
                try context.confirm("Are you sure you want to delete the registry '\(name)'?")
                try context.perform { session in
                    try session.deleteRegistry(name: name, resourceGroup: context.arguments.string("resource-group"))
                }
                return .empty
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List container registries.", dialect: .az, options: [AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    let registries = try session.listRegistries(
                        resourceGroup: context.arguments.string("resource-group"))
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(registries.map(presenter.registry)))
                }
            })
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
                    options: [
                        registryName, AzOptions.resourceGroup,
                        OptionSpec(
                            "key-encryption-key", valueName: "url",
                            help: "Key vault key URI. A versionless URI switches to automatic rotation."),
                        OptionSpec(
                            "identity",
                            help: "Client id, name or resource id of a managed identity with "
                                + "access to the key vault, or '[system]'."),
                    ],
                    examples: [
                        "az acr encryption rotate-key --name myregistry --key-encryption-key "
                            + "https://myvault.vault.azure.net/keys/mykey"
                    ],
                    handler: { context in
                        try context.perform { session in
                            let registry = try session.rotateRegistryKey(
                                name: context.required("name"),
                                resourceGroup: context.arguments.string("resource-group"),
                                keyEncryptionKey: context.arguments.string("key-encryption-key"),
                                identity: context.arguments.string("identity"))
                            return CommandOutput(AzPresenter(world: session.world).registry(registry))
                        }
                    }),
            ])
    }

    static var identity: CommandSpec {
        let identities = OptionSpec(
            "identities", arity: .multiple,
            help: "Space-separated identities. Use '[system]' to "
                + "refer to the system assigned identity.", required: true)
        return CommandSpec(
            "identity", abstract: "Manage service (managed) identities for a container registry.",
            dialect: .az,
            subcommands: [
                CommandSpec(
                    "assign", abstract: "Assign a managed identity to a container registry.", dialect: .az,
                    options: [registryName, AzOptions.resourceGroup, identities],
                    handler: { context in
                        try context.perform { session in
                            let registry = try session.assignRegistryIdentities(
                                name: context.required("name"),
                                resourceGroup: context.arguments.string("resource-group"),
                                identities: context.arguments.strings("identities"))
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
                            let before = try session.requireRegistry(context.required("name"))
                            let registry = try session.removeRegistryIdentities(
                                name: context.required("name"),
                                resourceGroup: context.arguments.string("resource-group"),
                                identities: context.arguments.strings("identities"))
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
                            options: [
                                OptionSpec(
                                    "registry", short: "r", help: "The name of the container registry.",
                                    required: true),
                                AzOptions.resourceGroup,
                                OptionSpec(
                                    "status", help: "Indicates whether content-trust is enabled.",
                                    allowedValues: ["disabled", "enabled"]),
                            ],
                            handler: { context in
                                try context.perform { session in
                                    let registry = try session.setContentTrust(
                                        registryName: context.required("registry"),
                                        resourceGroup: context.arguments.string("resource-group"),
                                        enabled: context.arguments.string("status") == "enabled")
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

import CMKCore
import JSON

/// `az acr replication`: geo-replicas of a Premium registry, sharing its customer-managed key.
enum AzReplicationCommands {
    static let registry = OptionSpec(
        "registry", short: "r", valueName: "registry",
        help: "The name of the container registry. It should be specified in lower case.",
        required: true)

    static var spec: CommandSpec {
        CommandSpec(
            "replication", abstract: "Manage geo-replicated regions of Azure Container Registries.",
            dialect: .az, subcommands: [create, list, show, delete])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a replicated region for an Azure Container Registry.", dialect: .az,
            options: [
                registry,
                {
                    var o = AzOptions.location; o.isRequired = true; return o
                }(),
                AzOptions.name("The name of the replication. Default to the location name.", required: false),
                AzOptions.resourceGroup,
                OptionSpec(
                    "region-endpoint-enabled", arity: .threeState,
                    help: "Allow routing to this replication (default true)."),
                OptionSpec(
                    "global-endpoint-routing", arity: .threeState,
                    help: "Deprecated name of --region-endpoint-enabled.", hidden: true),
                OptionSpec("zone-redundancy", help: "Zone redundancy.", allowedValues: ["Enabled", "Disabled"]),
                AzOptions.tags,
            ],
            examples: ["az acr replication create --registry myregistry --location eastus"],
            handler: { context in
                try context.perform { session in
                    let name = context.required("registry")
                    let group = context.arguments.string("resource-group")
                    let replication = try session.createReplication(
                        registryName: name, resourceGroup: group, location: context.required("location"),
                        name: context.arguments.string("name"),
                        regionEndpointEnabled: context.arguments.bool("region-endpoint-enabled")
                            ?? context.arguments.bool("global-endpoint-routing") ?? true,
                        zoneRedundancy: context.arguments.string("zone-redundancy") == "Enabled",
                        tags: context.tags())
                    let registry = try session.requireRegistry(name)
                    let status = try session.replicationStatus(of: registry)
                    return CommandOutput(
                        AzPresenter(world: session.world)
                            .replication(replication, of: registry, status: status))
                }
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List all of the regions for a geo-replicated container registry.", dialect: .az,
            options: [registry, AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    let registry = try session.requireRegistry(
                        context.required("registry"),
                        resourceGroup: context.arguments.string("resource-group"))
                    let status = try registry.replications.isEmpty ? nil : session.replicationStatus(of: registry)
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(
                        .array(
                            registry.replications.map {
                                presenter.replication($0, of: registry, status: status!)
                            }))
                }
            })
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Get the details of a replicated region.", dialect: .az,
            options: [registry, AzOptions.name("The name of the replication."), AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    let group = context.arguments.string("resource-group")
                    let replication = try session.showReplication(
                        registryName: context.required("registry"), resourceGroup: group,
                        name: context.required("name"))
                    let registry = try session.requireRegistry(context.required("registry"))
                    return CommandOutput(
                        AzPresenter(world: session.world).replication(
                            replication, of: registry, status: try session.replicationStatus(of: registry)))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete a replicated region from an Azure Container Registry.", dialect: .az,
            options: [
                registry, AzOptions.name("The name of the replication."), AzOptions.resourceGroup,
                AzOptions.yes,
            ],
            handler: { context in
                try context.perform { session in
                    try session.deleteReplication(
                        registryName: context.required("registry"),
                        resourceGroup: context.arguments.string("resource-group"),
                        name: context.required("name"))
                }
                return .empty
            })
    }
}

extension AzPresenter {
    /// A replication as az prints it: flattened, with the registry's group.
    func replication(_ replication: Replication, of registry: Registry, status: ReplicationStatus) -> JSONValue {
        Self.azResource(
            ResourceProjection(world: world).replication(replication, of: registry, status: status),
            flattening: true, resourceGroup: .string(registry.resourceGroup))
    }
}

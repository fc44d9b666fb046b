import CMKCore
import JSON

/// `az acr replication`: geo-replicas of a Premium registry, sharing its customer-managed key.
enum AzReplicationCommands {
    static let registry = Option<String>(
        "registry", short: "r", valueName: "registry",
        help: "The name of the container registry. It should be specified in lower case.")
    static let replicationName = AzOptions.name("The name of the replication.")

    /// The options of `az acr replication create`.
    enum Create {
        static let location = AzOptions.location.required()
        static let name = AzOptions.optionalName("The name of the replication. Default to the location name.")
        static let regionEndpointEnabled = Option<Bool?>(
            threeState: "region-endpoint-enabled", help: "Allow routing to this replication (default true).")
        static let globalEndpointRouting = Option<Bool?>(
            threeState: "global-endpoint-routing", help: "Deprecated name of --region-endpoint-enabled.", hidden: true)
        static let zoneRedundancy = Option<AzAcrCommands.ZoneRedundancy?>("zone-redundancy", help: "Zone redundancy.")
    }

    static var spec: CommandSpec {
        CommandSpec(
            "replication", abstract: "Manage geo-replicated regions of Azure Container Registries.",
            dialect: .az, subcommands: [create, list, show, delete])
    }

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Create a replicated region for an Azure Container Registry.", dialect: .az,
            options: [
                registry, Create.location, Create.name, AzOptions.resourceGroup, Create.regionEndpointEnabled,
                Create.globalEndpointRouting, Create.zoneRedundancy, AzOptions.tags,
            ],
            examples: ["az acr replication create --registry myregistry --location eastus"],
            handler: { context in
                try context.perform { session in
                    let name = context[Self.registry]
                    let replication = try session.createReplication(
                        registryName: name, resourceGroup: context[AzOptions.resourceGroup],
                        location: context[Create.location], name: context[Create.name],
                        regionEndpointEnabled: context[Create.regionEndpointEnabled]
                            ?? context[Create.globalEndpointRouting] ?? true,
                        zoneRedundancy: context[Create.zoneRedundancy] == .enabled, tags: context[AzOptions.tags])
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
                        context[Self.registry], resourceGroup: context[AzOptions.resourceGroup])
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
            options: [registry, replicationName, AzOptions.resourceGroup],
            handler: { context in
                try context.perform { session in
                    let replication = try session.showReplication(
                        registryName: context[Self.registry], resourceGroup: context[AzOptions.resourceGroup],
                        name: context[replicationName])
                    let registry = try session.requireRegistry(context[Self.registry])
                    return CommandOutput(
                        AzPresenter(world: session.world).replication(
                            replication, of: registry, status: try session.replicationStatus(of: registry)))
                }
            })
    }

    static var delete: CommandSpec {
        CommandSpec(
            "delete", abstract: "Delete a replicated region from an Azure Container Registry.", dialect: .az,
            options: [registry, replicationName, AzOptions.resourceGroup, AzOptions.yes],
            handler: { context in
                try context.perform { session in
                    try session.deleteReplication(
                        registryName: context[Self.registry], resourceGroup: context[AzOptions.resourceGroup],
                        name: context[replicationName])
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

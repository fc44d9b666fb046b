import CMKCore
import JSON

/// `az account`, `az group`, `az identity`.
enum AzGroupCommands {
    static let newGroupName = AzOptions.name("Name of the new resource group.")
    static let groupName = AzOptions.name("The resource group name.")
    static let groupLocation = AzOptions.location.required()
    static let noWait = Option<Bool>(flag: "no-wait", help: "Accepted; the simulation finishes at once.")
    static let identityName = AzOptions.name("The name of the identity resource.")

    static var account: CommandSpec {
        CommandSpec(
            "account", abstract: "Manage Azure subscription information.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "show", abstract: "Get the details of a subscription (the simulated one of this state home).",
                    dialect: .az,
                    handler: { context in
                        try context.perform { session in CommandOutput(AzPresenter(world: session.world).account()) }
                    }),
                CommandSpec(
                    "list-locations",
                    abstract: "List the regions a resource can be created in (Azure's public cloud; name, id, type).",
                    dialect: .az,
                    examples: ["az account list-locations --query [].name -o tsv"],
                    handler: { context in
                        try context.perform { session in
                            let subscription = session.world.account.subscriptionId
                            return CommandOutput(value: .array(Validation.locations.map { name in
                                [
                                    "id": .string("/subscriptions/\(subscription)/locations/\(name)"),
                                    "name": .string(name), "type": "Region",
                                ]
                            }))
                        }
                    }),
            ])
    }

    static var group: CommandSpec {
        CommandSpec(
            "group", abstract: "Manage resource groups and template deployments.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "create", abstract: "Create a new resource group.", dialect: .az,
                    options: [newGroupName, groupLocation, AzOptions.tags],
                    examples: ["az group create --name MyResourceGroup --location westus"],
                    handler: { context in
                        try context.perform { session in
                            let group = try session.createGroup(
                                name: context[newGroupName], location: context[groupLocation],
                                tags: context[AzOptions.tags])
                            return CommandOutput(AzPresenter(world: session.world).group(group))
                        }
                    }),
                CommandSpec(
                    "show", abstract: "Gets a resource group.", dialect: .az,
                    options: [groupName],
                    handler: { context in
                        try context.perform { session in
                            CommandOutput(
                                AzPresenter(world: session.world).group(try session.requireGroup(context[groupName])))
                        }
                    }),
                CommandSpec(
                    "list", abstract: "List resource groups.", dialect: .az,
                    handler: { context in
                        try context.perform { session in
                            let presenter = AzPresenter(world: session.world)
                            return CommandOutput(.array(session.world.resourceGroups.map(presenter.group)))
                        }
                    }),
                CommandSpec(
                    "delete", abstract: "Delete a resource group and everything in it (vaults are soft-deleted).",
                    dialect: .az,
                    options: [groupName, AzOptions.yes, noWait],
                    handler: { context in
                        try context.confirm("Are you sure you want to perform this operation?")
                        try context.perform { session in try session.deleteGroup(name: context[groupName]) }
                        return .empty
                    }),
            ])
    }

    static var identity: CommandSpec {
        CommandSpec(
            "identity", abstract: "Manage Managed Identities.", dialect: .az,
            subcommands: [
                CommandSpec(
                    "create", abstract: "Create an identity.", dialect: .az,
                    options: [identityName, AzOptions.requiredResourceGroup, AzOptions.location, AzOptions.tags],
                    examples: ["az identity create --name MyIdentity --resource-group MyResourceGroup"],
                    handler: { context in
                        try context.perform { session in
                            let identity = try session.createIdentity(
                                name: context[identityName], resourceGroup: context[AzOptions.requiredResourceGroup],
                                location: context[AzOptions.location], tags: context[AzOptions.tags])
                            return CommandOutput(AzPresenter(world: session.world).identity(identity))
                        }
                    }),
                CommandSpec(
                    "show", abstract: "Show an identity.", dialect: .az,
                    options: [identityName, AzOptions.requiredResourceGroup],
                    handler: { context in
                        try context.perform { session in
                            let identity = try session.showIdentity(
                                name: context[identityName], resourceGroup: context[AzOptions.requiredResourceGroup])
                            return CommandOutput(AzPresenter(world: session.world).identity(identity))
                        }
                    }),
                CommandSpec(
                    "list", abstract: "List identities.", dialect: .az, options: [AzOptions.resourceGroup],
                    handler: { context in
                        try context.perform { session in
                            let group = context[AzOptions.resourceGroup]
                            if let group { _ = try session.requireGroup(group) }
                            let wanted = group.map(ResourceName.init)
                            let presenter = AzPresenter(world: session.world)
                            return CommandOutput(
                                .array(
                                    session.world.identities
                                        .filter { wanted == nil || ResourceName($0.resourceGroup) == wanted }
                                        .map(presenter.identity)))
                        }
                    }),
                CommandSpec(
                    "delete", abstract: "Delete an identity. Registries encrypting with it lose their key.",
                    dialect: .az,
                    options: [identityName, AzOptions.requiredResourceGroup],
                    handler: { context in
                        try context.perform { session in
                            try session.deleteIdentity(
                                name: context[identityName], resourceGroup: context[AzOptions.requiredResourceGroup])
                        }
                        return .empty
                    }),
            ])
    }
}

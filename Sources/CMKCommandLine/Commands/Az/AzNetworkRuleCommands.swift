import CMKCore
import JSON

/// `az keyvault network-rule add|remove|list`: a vault's IP rules (Key Vault's network security tutorial).
enum AzNetworkRuleCommands {
    static let vaultName = AzKeyVaultCommands.vaultName
    static let ipAddress = Option<[String]?>(
        "ip-address", valueName: "ip",
        help: "IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]...")
    static let subnet = Option<String?>(
        "subnet", help: "Name or ID of subnet. Virtual networks are not simulated: refused with a note.")
    static let vnetName = Option<String?>(
        "vnet-name", valueName: "name", help: "Name of a virtual network (not simulated: refused with a note).")
    static let noWait = Option<Bool>(
        flag: "no-wait", help: "Do not wait for the long-running operation to finish (acrcmk always finishes).")

    static var spec: CommandSpec {
        CommandSpec(
            "network-rule", abstract: "Manage network ACLs for vault or managed hsm.", dialect: .az,
            subcommands: [change("add"), change("remove"), list])
    }

    /// The IP addresses a change names; a virtual-network rule is refused, since no network is simulated.
    static func addresses(_ context: CommandContext) throws -> [String] {
        if context[subnet] != nil || context[vnetName] != nil {
            throw CommandFailure(
                "Virtual-network rules are not simulated by acrcmk: give --ip-address, or rely on the trusted-"
                    + "services bypass (--bypass AzureServices) that registries use.",
                hint: "See acrcmk's docs/differences-from-azure.md, \"Vault firewall\".")
        }
        guard let ips = context[ipAddress], !ips.isEmpty else {
            throw CommandFailure("usage error: --ip-address | --subnet [--vnet-name]", category: .usage)
        }
        if context[noWait] { context.warn("--no-wait: acrcmk finished the operation before returning.") }
        return ips
    }

    static func change(_ verb: String) -> CommandSpec {
        let adding = verb == "add"
        return CommandSpec(
            verb,
            abstract: adding ? "Add a network rule to the network ACLs for a Key Vault."
                : "Remove a network rule from the network ACLs for a Key Vault.",
            dialect: .az,
            options: [vaultName, AzOptions.resourceGroup, ipAddress, subnet, vnetName, noWait],
            examples: ["az keyvault network-rule \(verb) --name mykeyvault --ip-address 203.0.113.0/24"],
            handler: { context in
                let ips = try addresses(context)
                return try context.perform { session in
                    let name = context[vaultName], group = context[AzOptions.resourceGroup]
                    let vault = adding
                        ? try session.addVaultNetworkRules(name: name, resourceGroup: group, ipAddresses: ips)
                        : try session.removeVaultNetworkRules(name: name, resourceGroup: group, ipAddresses: ips)
                    return CommandOutput(AzPresenter(world: session.world).vault(vault))
                }
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List the network rules from the network ACLs for a Key Vault.", dialect: .az,
            options: [vaultName, AzOptions.resourceGroup],
            examples: ["az keyvault network-rule list --name mykeyvault --query ipRules[].value -o tsv"],
            handler: { context in
                try context.perform { session in
                    let vault = try session.showVault(
                        name: context[vaultName], resourceGroup: context[AzOptions.resourceGroup])
                    return CommandOutput([
                        "ipRules": .array(vault.networkAcls.ipRules.map { ["value": .string($0)] }),
                        "virtualNetworkRules": [],
                    ])
                }
            })
    }
}

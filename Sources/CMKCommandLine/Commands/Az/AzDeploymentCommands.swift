import CMKCore
import Foundation
import JSON

/// `az deployment group`: ARM template deployments into a resource group.
enum AzDeploymentCommands {
    static var spec: CommandSpec {
        CommandSpec(
            "deployment", abstract: "Manage Azure Resource Manager template deployment at subscription scope.",
            dialect: .az,
            subcommands: [
                CommandSpec(
                    "group",
                    abstract: "Manage Azure Resource Manager template deployment at resource "
                        + "group.", dialect: .az, subcommands: [create, show, list])
            ])
    }

    /// `--mode`.
    enum Mode: String, CaseIterable, ExpressibleByArgument {
        case incremental = "Incremental", complete = "Complete"
    }

    /// The options of `az deployment group create`.
    enum Create {
        static let templateFile = Option<String>(
            "template-file", short: "f", valueName: "file", help: "The path to the template file.")
        static let parameters = Option<[String]?>(
            "parameters", short: "p", valueName: "parameters",
            help: "Parameters as KEY=VALUE pairs, or @file.json with a parameters file "
                + "({\"parameters\": {\"k\": {\"value\": ...}}}).")
        static let name = AzOptions.optionalName("The deployment name. Default to template file base name.")
        static let mode = Option<Mode?>("mode", help: "The deployment mode.")
        static let noWait = Option<Bool>(flag: "no-wait", help: "Accepted; the simulation finishes at once.")
    }

    static let deploymentName = AzOptions.name("The deployment name.")

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Start a deployment at resource group.",
            discussion: "All or nothing: if any resource fails, nothing the template declares is left behind.",
            dialect: .az,
            options: [
                AzOptions.requiredResourceGroup, Create.templateFile, Create.parameters, Create.name, Create.mode,
                Create.noWait,
            ],
            examples: [
                "az deployment group create --resource-group <resource-group-name> --template-file "
                    + "CMKtemplate.json --parameters registry_name=<registry-name> "
                    + "identity_name=<managed-identity-name> vault_name=<key-vault-name> "
                    + "kek_id=<key-vault-key-id>"
            ],
            handler: { context in
                if context[Create.mode] == .complete {
                    throw CommandFailure(
                        "Complete mode is not simulated: it would delete every resource of "
                            + "the group the template does not declare.",
                        hint: "Use --mode Incremental (the default).", category: .usage)
                }
                let path = context[Create.templateFile]
                let expanded = NSString(string: path).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: expanded),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw CommandFailure(
                        "Failed to read the template file '\(path)': no such file or not "
                            + "UTF-8 text.", hint: "Check the path given to --template-file.",
                        category: .usage)
                }
                let parameters = try parameterArguments(context[Create.parameters] ?? [])
                let fileName = (expanded as NSString).lastPathComponent
                let name = context[Create.name] ?? (fileName as NSString).deletingPathExtension
                return try context.perform { session in
                    let deployment = try session.deployTemplate(
                        DeploymentRequest(
                            resourceGroup: context[AzOptions.requiredResourceGroup], name: name, templateText: text,
                            templateFile: fileName, parameters: parameters))
                    return CommandOutput(AzPresenter(world: session.world).deployment(deployment))
                }
            })
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Show a deployment at resource group.", dialect: .az,
            options: [AzOptions.requiredResourceGroup, deploymentName],
            handler: { context in
                try context.perform { session in
                    let deployment = try session.showDeployment(
                        name: context[deploymentName], resourceGroup: context[AzOptions.requiredResourceGroup])
                    return CommandOutput(AzPresenter(world: session.world).deployment(deployment))
                }
            })
    }

    static var list: CommandSpec {
        CommandSpec(
            "list", abstract: "List deployments at resource group.", dialect: .az,
            options: [AzOptions.requiredResourceGroup],
            handler: { context in
                try context.perform { session in
                    let deployments = try session.listDeployments(
                        resourceGroup: context[AzOptions.requiredResourceGroup])
                    let presenter = AzPresenter(world: session.world)
                    return CommandOutput(.array(deployments.map(presenter.deployment)))
                }
            })
    }

    /// `--parameters` values: `k=v` pairs, or the JSON of a parameters file (az has already read `@file`).
    static func parameterArguments(_ values: [String]) throws -> [DeploymentParameterArgument] {
        var result: [DeploymentParameterArgument] = []
        for value in values {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("{") {
                do {
                    result += try DeploymentParameterArgument.parseFile(trimmed)
                } catch let error as CMKError {
                    throw CommandFailure(
                        code: error.code,
                        "Failed to parse the parameters given to --parameters: "
                            + error.message, hint: error.hint, category: .usage)
                }
                continue
            }
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw CommandFailure(
                    "Unable to parse parameter: \(value). Pass KEY=VALUE pairs or @params.json.",
                    category: .usage)
            }
            result.append(
                DeploymentParameterArgument(
                    name: String(value[..<equals]),
                    value: .string(String(value[value.index(after: equals)...])),
                    isText: true))
        }
        return result
    }
}

extension AzPresenter {
    /// `az deployment group create|show` output: the deployment, not flattened, with its group.
    func deployment(_ deployment: Deployment) -> JSONValue {
        Self.azResource(
            ResourceProjection(world: world).deployment(deployment), flattening: false,
            resourceGroup: .string(deployment.resourceGroup))
    }
}

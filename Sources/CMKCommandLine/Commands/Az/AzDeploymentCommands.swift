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

    static var create: CommandSpec {
        CommandSpec(
            "create", abstract: "Start a deployment at resource group.",
            discussion: "All or nothing: if any resource fails, nothing the template declares is left behind.",
            dialect: .az,
            options: [
                AzOptions.requiredResourceGroup,
                OptionSpec(
                    "template-file", short: "f", valueName: "file",
                    help: "The path to the template file.", required: true),
                OptionSpec(
                    "parameters", short: "p", arity: .multiple, valueName: "parameters",
                    help: "Parameters as KEY=VALUE pairs, or @file.json with a parameters file "
                        + "({\"parameters\": {\"k\": {\"value\": ...}}})."),
                AzOptions.name(
                    "The deployment name. Default to template file base name.",
                    required: false),
                OptionSpec("mode", help: "The deployment mode.", allowedValues: ["Incremental", "Complete"]),
                .flag("no-wait", help: "Accepted; the simulation finishes at once."),
            ],
            examples: [
                "az deployment group create --resource-group <resource-group-name> --template-file "
                    + "CMKtemplate.json --parameters registry_name=<registry-name> "
                    + "identity_name=<managed-identity-name> vault_name=<key-vault-name> "
                    + "kek_id=<key-vault-key-id>"
            ],
            handler: { context in
                if context.arguments.string("mode") == "Complete" {
                    throw CommandFailure(
                        "Complete mode is not simulated: it would delete every resource of "
                            + "the group the template does not declare.",
                        hint: "Use --mode Incremental (the default).", category: .usage)
                }
                let path = context.required("template-file")
                let expanded = NSString(string: path).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: expanded),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw CommandFailure(
                        "Failed to read the template file '\(path)': no such file or not "
                            + "UTF-8 text.", hint: "Check the path given to --template-file.",
                        category: .usage)
                }
                let parameters = try parameterArguments(context.arguments.strings("parameters"))
                let fileName = (expanded as NSString).lastPathComponent
                let name = context.arguments.string("name") ?? (fileName as NSString).deletingPathExtension
                return try context.perform { session in
                    let deployment = try session.deployTemplate(
                        DeploymentRequest(
                            resourceGroup: context.required("resource-group"), name: name, templateText: text,
                            templateFile: fileName, parameters: parameters))
                    return CommandOutput(AzPresenter(world: session.world).deployment(deployment))
                }
            })
    }

    static var show: CommandSpec {
        CommandSpec(
            "show", abstract: "Show a deployment at resource group.", dialect: .az,
            options: [AzOptions.requiredResourceGroup, AzOptions.name("The deployment name.")],
            handler: { context in
                try context.perform { session in
                    let deployment = try session.showDeployment(
                        name: context.required("name"),
                        resourceGroup: context.required("resource-group"))
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
                    let deployments = try session.listDeployments(resourceGroup: context.required("resource-group"))
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
    /// `az deployment group create|show` output.
    func deployment(_ deployment: Deployment) -> JSONValue {
        let subscriptionId = world.account.subscriptionId
        let id =
            "/subscriptions/\(subscriptionId)/resourceGroups/\(deployment.resourceGroup)/providers/"
            + "Microsoft.Resources/deployments/\(deployment.name)"
        var parameters = JSONObject()
        for parameter in deployment.parameterValues ?? [] {
            var entry: JSONObject = ["type": .string(Self.armTypeName(parameter.type))]
            if !parameter.isSecure { entry["value"] = parameter.value ?? .null }
            parameters[parameter.name] = .object(entry)
        }
        var outputs = JSONObject()
        for output in deployment.outputs ?? [] {
            outputs[output.name] = ["type": .string(Self.armTypeName(output.type)), "value": output.value]
        }
        let outputResources: [JSONValue] = deployment.outputResources.map {
            ["id": .string($0), "resourceGroup": .string(deployment.resourceGroup)]
        }
        let dependencies: [JSONValue] = (deployment.dependencies ?? []).map { dependency in
            let target = TemplateResourceID.parse(dependency.id)
            return [
                "dependsOn": .array(
                    dependency.dependsOn.map { dependsOn in
                        let parsed = TemplateResourceID.parse(dependsOn)
                        return [
                            "id": .string(dependsOn), "resourceGroup": .string(deployment.resourceGroup),
                            "resourceName": JSONValue(parsed?.names.joined(separator: "/")),
                            "resourceType": JSONValue(parsed?.type),
                        ]
                    }),
                "id": .string(dependency.id), "resourceGroup": .string(deployment.resourceGroup),
                "resourceName": JSONValue(target?.names.joined(separator: "/")),
                "resourceType": JSONValue(target?.type),
            ]
        }
        var namespaces: [String: [String]] = [:]
        for resource in deployment.outputResources.compactMap(TemplateResourceID.parse) {
            let parts = resource.type.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if !(namespaces[parts[0]]?.contains(parts[1]) ?? false) {
                namespaces[parts[0], default: []].append(parts[1])
            }
        }
        let providers: [JSONValue] = namespaces.keys.sorted().map { namespace in
            [
                "id": nil, "namespace": .string(namespace), "providerAuthorizationConsentState": nil,
                "registrationPolicy": nil, "registrationState": nil,
                "resourceTypes": .array(
                    namespaces[namespace]!.map { type in
                        [
                            "aliases": nil, "apiProfiles": nil, "apiVersions": nil, "capabilities": nil,
                            "defaultApiVersion": nil, "locationMappings": nil, "locations": [], "properties": nil,
                            "resourceType": .string(type), "zoneMappings": nil,
                        ]
                    }),
            ]
        }
        return [
            "id": .string(id), "location": nil, "name": .string(deployment.name),
            "properties": [
                "correlationId": JSONValue(deployment.correlationId), "debugSetting": nil,
                "dependencies": .array(dependencies), "diagnostics": nil, "duration": "PT0S",
                "error": deployment.error.map { ["code": "DeploymentFailed", "message": .string($0)] } ?? nil,
                "mode": .string(deployment.mode ?? "Incremental"), "onErrorDeployment": nil,
                "outputResources": .array(outputResources), "outputs": outputs.isEmpty ? nil : .object(outputs),
                "parameters": parameters.isEmpty ? nil : .object(parameters), "parametersLink": nil,
                "providers": .array(providers), "provisioningState": .string(deployment.provisioningState),
                "templateHash": JSONValue(deployment.templateHash), "templateLink": nil,
                "timestamp": Self.time(deployment.timestamp), "validatedResources": nil,
            ],
            "resourceGroup": .string(deployment.resourceGroup), "tags": nil,
            "type": "Microsoft.Resources/deployments",
        ]
    }

    /// ARM reports parameter types capitalised: `String`, `SecureString`, `Int`, `Bool`, `Array`, `Object`.
    static func armTypeName(_ declared: String) -> String {
        switch declared.lowercased() {
        case "securestring": return "SecureString"
        case "secureobject": return "SecureObject"
        default: return declared.prefix(1).uppercased() + declared.dropFirst().lowercased()
        }
    }
}

import Foundation

/// A parameter value given to `az deployment group create`: typed text (`k=v`) or a JSON value (a parameters file).
public struct DeploymentParameterArgument: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
    /// Text from `k=v`, converted to the declared type (`int`, `bool`, `array`, ...) when the template is read.
    public var isText: Bool

    public init(name: String, value: TemplateValue, isText: Bool) {
        self.name = name
        self.value = value
        self.isText = isText
    }

    /// Reads a parameters file: `{"parameters": {"k": {"value": ...}}}` (the az/ARM shape) or `{"k": {"value": ...}}`.
    ///
    /// - Throws: `CMKError` naming the line and column of a malformed file or entry.
    public static func parseFile(_ text: String) throws -> [DeploymentParameterArgument] {
        let root = try TemplateNode.parse(text)
        let container = root.member("parameters") ?? root
        guard case .object(let members) = container.kind else {
            throw CMKError.badRequest(
                .invalidParameterFile,
                "The parameters file must hold a JSON object "
                    + "(\(container.position)).", hint: "Write {\"parameters\": {\"name\": {\"value\": \"...\"}}}.")
        }
        return try members.map { member in
            guard let value = member.value.member("value") else {
                throw CMKError.badRequest(
                    .invalidParameterFile,
                    "The parameter '\(member.key)' in the parameters "
                        + "file has no 'value' (\(member.value.position)); Key Vault references are not simulated.",
                    hint: "Write \"\(member.key)\": {\"value\": ...}.")
            }
            return DeploymentParameterArgument(name: member.key, value: value.literalValue, isText: false)
        }
    }
}

/// What `az deployment group create` asks for.
public struct DeploymentRequest: Sendable {
    public var resourceGroup: String
    public var name: String
    public var templateText: String
    /// The template's file name, used in messages.
    public var templateFile: String
    /// Later arguments win, as with az.
    public var parameters: [DeploymentParameterArgument]

    public init(
        resourceGroup: String, name: String, templateText: String, templateFile: String,
        parameters: [DeploymentParameterArgument]
    ) {
        self.resourceGroup = resourceGroup
        self.name = name
        self.templateText = templateText
        self.templateFile = templateFile
        self.parameters = parameters
    }
}

/// `az deployment group`: ARM template deployments, applied all or nothing through the same services as the CLI.
extension Session {
    /// A resource of the template, named and placed in dependency order before anything is deployed.
    private struct PlannedResource {
        var index: Int
        var node: TemplateNode
        var id: TemplateResourceID
        var deploys: Bool
        var dependsOn: [Int] = []

        var label: String { id.qualifiedName }
    }

    /// Deploys an ARM template into a resource group, all or nothing.
    ///
    /// Parameters are checked against their declarations, resources are ordered by `dependsOn` and by the
    /// `reference()`/`resourceId()` calls that name other resources of the template, and each one is created
    /// through the same service as its az command, so the same rules hold (Premium, RSA keys, key access...).
    /// Any failure restores the world as it was: no resource is left behind and no deployment is recorded.
    ///
    /// - Parameter request: The template text, its file name for messages, and the parameter values.
    /// - Returns: The recorded deployment.
    /// - Throws: `CMKError` (`InvalidTemplate` for template mistakes) naming the resource, the expression and
    ///   its line and column in the template file.
    @discardableResult
    public func deployTemplate(_ request: DeploymentRequest) throws -> Deployment {
        let group = try requireGroup(request.resourceGroup)
        let template: TemplateNode
        do {
            template = try TemplateNode.parse(request.templateText)
        } catch var error as CMKError {
            error.message = "The template file '\(request.templateFile)' is not valid: " + error.message
            throw error
        }
        let before = world
        do {
            return try deploy(template, request: request, group: group)
        } catch {
            world = before
            throw error
        }
    }

    public func showDeployment(name: String, resourceGroup: String) throws -> Deployment {
        _ = try requireGroup(resourceGroup)
        guard
            let deployment = world.deployments.first(where: {
                $0.name.lowercased() == name.lowercased() && $0.resourceGroup.lowercased() == resourceGroup.lowercased()
            })
        else {
            throw CMKError(
                .notFound, code: .deploymentNotFound,
                "Deployment '\(name)' could not be found.",
                hint: "List deployments with 'az deployment group list --resource-group \(resourceGroup)'.")
        }
        return deployment
    }

    public func listDeployments(resourceGroup: String) throws -> [Deployment] {
        _ = try requireGroup(resourceGroup)
        return world.deployments.filter { $0.resourceGroup.lowercased() == resourceGroup.lowercased() }
    }

    // MARK: - Planning

    private func deploy(_ template: TemplateNode, request: DeploymentRequest, group: ResourceGroup) throws
        -> Deployment
    {
        let file = request.templateFile
        guard case .object = template.kind, let resourcesNode = template.member("resources"),
            case .array(let resourceNodes) = resourcesNode.kind
        else {
            throw CMKError.badRequest(
                .invalidTemplate,
                "Deployment template validation failed: the template "
                    + "'\(file)' has no 'resources' array.",
                hint: "An ARM template is an object with \"resources\": [...].")
        }
        let environment = TemplateExpressionEvaluator.Environment(
            subscriptionId: world.account.subscriptionId, subscriptionName: world.account.subscriptionName,
            tenantId: world.account.tenantId, resourceGroupName: group.name, resourceGroupLocation: group.location,
            deploymentName: request.name, reference: { _, _ in .null })
        let evaluator = TemplateExpressionEvaluator(environment: environment, variables: template.member("variables"))
        let parameters = try resolveParameters(template, request: request, evaluator: evaluator)

        var planned: [PlannedResource] = []
        for (index, node) in resourceNodes.enumerated() {
            planned.append(try plan(node, index: index, group: group, evaluator: evaluator, file: file))
        }
        evaluator.environment.reference = { [unowned self] target, full in
            try self.templateReference(target, full: full, planned: planned, group: group)
        }
        try addDependencies(&planned, evaluator: evaluator, file: file)
        let order = try dependencyOrder(planned, file: file)

        var deployed: [String] = []
        for index in order where planned[index].deploys {
            let resource = planned[index]
            let value: TemplateValue
            do {
                value = try evaluator.evaluate(resource.node)
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, resource: resource, file: file)
            }
            do {
                try apply(value, resource: resource, group: group)
            } catch var error as CMKError {
                error.message =
                    "The deployment '\(request.name)' failed at resource '\(resource.label)' "
                    + "(\(file) \(resource.node.position)) and was rolled back; nothing was created. " + error.message
                throw error
            }
            deployed.append(resource.id.description)
        }

        var outputs: [DeploymentOutput] = []
        for member in template.member("outputs")?.members ?? [] {
            let type = member.value.member("type")?.string ?? "String"
            guard let valueNode = member.value.member("value") else { continue }
            do {
                outputs.append(DeploymentOutput(name: member.key, type: type, value: try evaluator.evaluate(valueNode)))
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, what: "The template output '\(member.key)'", file: file)
            }
        }

        var record = Deployment(
            name: request.name, resourceGroup: group.name, provisioningState: "Succeeded", timestamp: now,
            outputResources: deployed,
            parameters: Dictionary(parameters.map { ($0.name, $0.value?.text ?? "") }, uniquingKeysWith: { $1 }),
            error: nil)
        record.mode = "Incremental"
        record.correlationId = Identifiers.guid()
        record.templateHash = String(TemplateUniqueString.murmur64(Array(request.templateText.utf8)))
        record.parameterValues = parameters
        record.outputs = outputs.isEmpty ? nil : outputs
        record.dependencies = order.filter { planned[$0].deploys && !planned[$0].dependsOn.isEmpty }.map { index in
            DeploymentDependency(
                id: planned[index].id.description,
                dependsOn: planned[index].dependsOn.map { planned[$0].id.description })
        }
        world.deployments.removeAll {
            $0.name.lowercased() == record.name.lowercased() && $0.resourceGroup.lowercased() == group.name.lowercased()
        }
        world.deployments.append(record)
        return record
    }

    /// Final parameter values in template order: supplied ones converted to their declared type, else defaults.
    private func resolveParameters(
        _ template: TemplateNode, request: DeploymentRequest,
        evaluator: TemplateExpressionEvaluator
    ) throws -> [DeploymentParameter] {
        let definitions = template.member("parameters")?.members ?? []
        var supplied: [String: DeploymentParameterArgument] = [:]
        for argument in request.parameters { supplied[argument.name.lowercased()] = argument }
        let unknown = request.parameters.map(\.name).filter { name in
            !definitions.contains { $0.key.lowercased() == name.lowercased() }
        }
        if !unknown.isEmpty {
            throw CMKError.badRequest(
                .invalidTemplate,
                "Deployment template validation failed: 'The following "
                    + "parameters were supplied, but do not correspond to any parameters defined in the template: "
                    + unknown.map { "'\($0)'" }.joined(separator: ", ") + "'.",
                hint: "The template '\(request.templateFile)' declares: "
                    + definitions.map(\.key).joined(separator: ", ") + ".")
        }
        var result: [DeploymentParameter] = []
        for definition in definitions {
            let declaredType = definition.value.member("type")?.string ?? "string"
            let where_ = "at line '\(definition.value.position.line)' and column '\(definition.value.position.column)'"
            var value: TemplateValue
            if let argument = supplied[definition.key.lowercased()] {
                guard let converted = Self.convert(argument, to: declaredType) else {
                    throw CMKError.badRequest(
                        .invalidTemplate,
                        "Deployment template validation failed: 'The "
                            + "provided value '\(argument.value.text)' for the template parameter '\(definition.key)' "
                            + "\(where_) is not valid. Expected a value of type '\(declaredType)'.'")
                }
                value = converted
            } else if let defaultNode = definition.value.member("defaultValue") {
                do {
                    value = try evaluator.evaluate(defaultNode)
                } catch let failure as TemplateEvaluationFailure {
                    throw invalidTemplate(
                        failure,
                        what: "The default value of the template parameter "
                            + "'\(definition.key)'", file: request.templateFile)
                }
            } else {
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'The value for "
                        + "the template parameter '\(definition.key)' \(where_) is not provided. Please see "
                        + "https://aka.ms/arm-create-parameter-file for usage details.'",
                    hint: "Pass it: --parameters \(definition.key)=<value>")
            }
            if let allowed = definition.value.member("allowedValues")?.literalValue.arrayValue, !allowed.contains(value)
            {
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'The provided "
                        + "value '\(value.text)' for the template parameter '\(definition.key)' \(where_) is not valid. "
                        + "The parameter value is not part of the allowed value(s): '"
                        + allowed.map(\.text).joined(separator: ",") + "'.'")
            }
            evaluator.setParameter(definition.key, value)
            let secure = declaredType.lowercased().hasPrefix("secure")
            result.append(DeploymentParameter(name: definition.key, type: declaredType, value: secure ? nil : value))
            if secure { value = .null }
        }
        return result
    }

    /// A supplied value as the declared type, or `nil` when it cannot be one.
    private static func convert(_ argument: DeploymentParameterArgument, to declaredType: String) -> TemplateValue? {
        let value = argument.value
        switch declaredType.lowercased() {
        case "string", "securestring":
            if argument.isText { return value }
            return value.stringValue.map(TemplateValue.string)
        case "int":
            return value.intValue.map { .number(Double($0)) }
        case "bool":
            return value.boolValue.map(TemplateValue.bool)
        case "array", "object", "secureobject":
            var parsed = value
            if argument.isText, let text = value.stringValue {
                guard let node = try? TemplateNode.parse(text) else { return nil }
                parsed = node.literalValue
            }
            let wantsArray = declaredType.lowercased() == "array"
            return (wantsArray ? parsed.arrayValue != nil : parsed.objectValue != nil) ? parsed : nil
        default:
            return value
        }
    }

    private func plan(
        _ node: TemplateNode, index: Int, group: ResourceGroup, evaluator: TemplateExpressionEvaluator,
        file: String
    ) throws -> PlannedResource {
        let label = "#\(index + 1)"
        func text(_ member: String) throws -> String {
            guard let field = node.member(member) else {
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'The template "
                        + "resource \(label) at line '\(node.position.line)' and column '\(node.position.column)' has no "
                        + "'\(member)'.'")
            }
            do {
                return try evaluator.evaluate(field).text
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, what: "The template resource \(label)", file: file)
            }
        }
        let type = try text("type")
        let name = try text("name")
        if let children = node.member("resources"), !children.elements.isEmpty {
            throw CMKError.badRequest(
                .invalidTemplate,
                "Deployment template validation failed: 'The template "
                    + "resource '\(name)' at line '\(node.position.line)' and column '\(node.position.column)' has nested "
                    + "resources, which are not simulated.'",
                hint: "Declare child resources at the top level with a "
                    + "'parent/child' name and a dependsOn on the parent.")
        }
        let names = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let segments = type.split(separator: "/").count - 1
        guard segments >= 1, names.count == segments, !names.contains(where: \.isEmpty) else {
            throw CMKError.badRequest(
                .invalidTemplate,
                "Deployment template validation failed: 'The template "
                    + "resource '\(name)' for type '\(type)' at line '\(node.position.line)' and column "
                    + "'\(node.position.column)' has incorrect segment lengths. A nested resource type must have "
                    + "identical number of segments as its resource name.'")
        }
        var deploys = true
        if let condition = node.member("condition") {
            do {
                deploys = try evaluator.evaluate(condition).boolValue ?? true
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, what: "The condition of template resource '\(name)'", file: file)
            }
        }
        let id = TemplateResourceID(
            subscriptionId: world.account.subscriptionId, resourceGroup: group.name,
            type: type, names: names)
        return PlannedResource(index: index, node: node, id: id, deploys: deploys)
    }

    /// The template resource a `dependsOn` entry or a `reference()`/`resourceId()` names: by id, `type/name` or name.
    private func templateResource(named text: String, in planned: [PlannedResource]) -> Int? {
        if let id = TemplateResourceID.parse(text) {
            return planned.firstIndex { $0.id.matches(id) }
        }
        let lower = text.lowercased()
        return planned.firstIndex {
            $0.id.names.joined(separator: "/").lowercased() == lower || $0.label.lowercased() == lower
        }
    }

    private func addDependencies(
        _ planned: inout [PlannedResource], evaluator: TemplateExpressionEvaluator,
        file: String
    ) throws {
        for index in planned.indices {
            var dependencies: [Int] = []
            for entry in planned[index].node.member("dependsOn")?.elements ?? [] {
                let target: String
                do {
                    target = try evaluator.evaluate(entry).text
                } catch let failure as TemplateEvaluationFailure {
                    throw invalidTemplate(failure, resource: planned[index], file: file)
                }
                guard let found = templateResource(named: target, in: planned) else {
                    throw CMKError.badRequest(
                        .invalidTemplate,
                        "Deployment template validation failed: 'The "
                            + "resource '\(target)' is not defined in the template' (dependsOn of '\(planned[index].label)' "
                            + "at \(file) \(entry.position)).")
                }
                if found != index { dependencies.append(found) }
            }
            for target in Self.referencedTargets(planned[index].node, evaluator: evaluator) {
                if let found = templateResource(named: target, in: planned), found != index {
                    dependencies.append(found)
                }
            }
            var seen = Set<Int>()
            planned[index].dependsOn = dependencies.filter { seen.insert($0).inserted }
        }
    }

    /// What `reference()` and `resourceId()` calls in a resource name, as far as they can be known before deploying.
    private static func referencedTargets(_ node: TemplateNode, evaluator: TemplateExpressionEvaluator) -> [String] {
        var strings: [String] = []
        func collect(_ node: TemplateNode) {
            switch node.kind {
            case .string(let text): strings.append(text)
            case .array(let items): items.forEach(collect)
            case .object(let members):
                for member in members where member.key.lowercased() != "dependson" {
                    strings.append(member.key)
                    collect(member.value)
                }
            default: break
            }
        }
        collect(node)
        var targets: [String] = []
        for text in strings {
            guard case .expression(let expression)? = try? TemplateExpression.content(of: text) else { continue }
            for call in expression.calls {
                switch call.name.lowercased() {
                case "resourceid":
                    if let value = try? evaluator.evaluate(.call(name: call.name, arguments: call.arguments)) {
                        targets.append(value.text)
                    }
                case "reference":
                    if let first = call.arguments.first, let value = try? evaluator.evaluate(first) {
                        targets.append(value.text)
                    }
                default: break
                }
            }
        }
        return targets
    }

    /// Among resources free to go, ARM runs them in parallel; run grants before the registries that rely on them.
    ///
    /// Seed 002's template has the registry depend only on its identity while the access policy granting that
    /// identity the key comes later: in Azure both are in flight at once and the registry's key check succeeds.
    private static func deploymentRank(_ resource: PlannedResource) -> Int {
        switch resource.id.type.lowercased() {
        case ManagedIdentity.resourceType.lowercased(): return 0
        case KeyVault.resourceType.lowercased(): return 1
        case KeyVault.resourceType.lowercased() + "/keys": return 2
        case KeyVault.resourceType.lowercased() + "/accesspolicies", "microsoft.authorization/roleassignments": return 3
        case Registry.resourceType.lowercased(): return 4
        default: return 5
        }
    }

    /// Each resource after what it depends on; among those free to go, by kind and then template order.
    /// A cycle is refused with its path.
    private func dependencyOrder(_ planned: [PlannedResource], file: String) throws -> [Int] {
        var order: [Int] = []
        var placed = Set<Int>()
        while order.count < planned.count {
            let ready = planned.indices.filter { index in
                !placed.contains(index) && planned[index].dependsOn.allSatisfy(placed.contains)
            }
            guard
                let next = ready.min(by: {
                    (Self.deploymentRank(planned[$0]), $0) < (Self.deploymentRank(planned[$1]), $1)
                })
            else {
                let cycle = Self.findCycle(planned, among: Set(planned.indices).subtracting(placed))
                let path = cycle.map { planned[$0].label }.joined(separator: " -> ")
                let first = planned[cycle[0]]
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'Circular "
                        + "dependency detected on resource: '\(first.id.description)' at line '\(first.node.position.line)' "
                        + "and column '\(first.node.position.column)' of \(file). Circular dependency path: \(path).'",
                    hint: "Remove one of the dependsOn entries or reference() calls along that path.")
            }
            order.append(next)
            placed.insert(next)
        }
        return order
    }

    /// A dependency cycle among `remaining` (each of which waits on another), closed: `[a, b, a]`.
    private static func findCycle(_ planned: [PlannedResource], among remaining: Set<Int>) -> [Int] {
        var path: [Int] = [remaining.min()!]
        while true {
            let current = path.last!
            let next = planned[current].dependsOn.first { remaining.contains($0) }!
            if let start = path.firstIndex(of: next) { return Array(path[start...]) + [next] }
            path.append(next)
        }
    }

    private func invalidTemplate(_ failure: TemplateEvaluationFailure, resource: PlannedResource, file: String)
        -> CMKError
    {
        invalidTemplate(failure, what: "The template resource '\(resource.label)'", file: file)
    }

    /// ARM's InvalidTemplate text, naming what failed, where in the file, and the expression.
    private func invalidTemplate(_ failure: TemplateEvaluationFailure, what: String, file: String) -> CMKError {
        let place = failure.position.map { " at line '\($0.line)' and column '\($0.column)'" } ?? ""
        let expression = failure.expression.map { " Expression: '\($0)'." } ?? ""
        let reason = failure.message.hasSuffix(".") ? failure.message : failure.message + "."
        let help = reason.contains("Please see") ? "" : " Please see https://aka.ms/arm-functions for usage details."
        return CMKError.badRequest(
            .invalidTemplate,
            "Deployment template validation failed: '\(what)\(place) of "
                + "\(file) is not valid: \(reason)\(expression)\(help)'")
    }

    // MARK: - reference()

    /// `reference()`: the current state of a resource in the world, shaped as ARM returns it.
    private func templateReference(_ target: String, full: Bool, planned: [PlannedResource], group: ResourceGroup)
        throws -> TemplateValue
    {
        let id: TemplateResourceID
        if let parsed = TemplateResourceID.parse(target) {
            id = parsed
        } else if let index = templateResource(named: target, in: planned) {
            id = planned[index].id
        } else {
            throw TemplateExpressionError(
                "The template function 'reference' could not find a resource named "
                    + "'\(target)'; pass a resource id such as resourceId('<type>', '<name>')")
        }
        let groupName = id.resourceGroup ?? group.name
        let notFound = CMKError.resourceNotFound(
            type: id.type, name: id.names.joined(separator: "/"),
            resourceGroup: groupName)
        var properties = TemplateObject()
        var resource: TemplateObject = [
            "id": .string(id.description),
            "name": .string(id.names.joined(separator: "/")), "type": .string(id.type),
        ]
        switch id.type.lowercased() {
        case ManagedIdentity.resourceType.lowercased():
            guard let index = identityIndex(name: id.names[0], resourceGroup: groupName) else { throw notFound }
            let identity = world.identities[index]
            properties = [
                "tenantId": .string(identity.tenantId), "principalId": .string(identity.principalId),
                "clientId": .string(identity.clientId),
            ]
            resource["location"] = .string(identity.location)
        case KeyVault.resourceType.lowercased():
            guard let index = vaultIndex(id.names[0]) else { throw notFound }
            let vault = world.vaults[index]
            properties = [
                "vaultUri": .string(vault.vaultURI), "tenantId": .string(vault.tenantId),
                "sku": .object(["family": "A", "name": .string(vault.sku)]),
                "enableSoftDelete": true, "softDeleteRetentionInDays": .number(Double(vault.softDeleteRetentionInDays)),
                "enablePurgeProtection": vault.enablePurgeProtection.map(TemplateValue.bool) ?? .null,
                "enableRbacAuthorization": .bool(vault.enableRbacAuthorization),
                "accessPolicies": .array(
                    vault.accessPolicies.map { policy in
                        .object([
                            "tenantId": .string(policy.tenantId), "objectId": .string(policy.objectId),
                            "permissions": .object(["keys": .array(policy.keys.map(TemplateValue.string))]),
                        ])
                    }),
                "networkAcls": .object([
                    "defaultAction": .string(vault.networkAcls.defaultAction),
                    "bypass": .string(vault.networkAcls.bypass),
                ]),
                "provisioningState": "Succeeded",
            ]
            resource["location"] = .string(vault.location)
        case KeyVault.resourceType.lowercased() + "/keys":
            guard id.names.count == 2, let index = keyIndex(vaultName: id.names[0], name: id.names[1]),
                !world.keys[index].isDeleted
            else { throw notFound }
            let key = world.keys[index]
            let current = key.current
            properties = [
                "kty": .string(current.keyType.rawValue),
                "keySize": current.keySize.map { .number(Double($0)) } ?? .null,
                "keyOps": .array(current.keyOps.map(TemplateValue.string)),
                "keyUri": .string(key.versionlessIdentifier),
                "keyUriWithVersion": .string(current.identifier(vaultName: key.vaultName, keyName: key.name)),
                "attributes": .object(["enabled": .bool(current.enabled)]),
            ]
        case Registry.resourceType.lowercased():
            guard let index = registryIndex(id.names[0]) else { throw notFound }
            let registry = world.registries[index]
            var encryption: TemplateObject = ["status": registry.isCMK ? "enabled" : "disabled"]
            if let settings = registry.encryption {
                encryption["keyVaultProperties"] = .object([
                    "identity": .string(settings.identity), "keyIdentifier": .string(settings.keyIdentifier),
                    "versionedKeyIdentifier": .string(settings.versionedKeyIdentifier),
                    "keyRotationEnabled": .bool(settings.keyRotationEnabled),
                ])
            }
            properties = [
                "loginServer": .string(registry.loginServer), "provisioningState": "Succeeded",
                "adminUserEnabled": .bool(registry.adminUserEnabled), "encryption": .object(encryption),
            ]
            resource["location"] = .string(registry.location)
            var assigned = TemplateObject()
            for identity in registry.identity.userAssigned {
                assigned[identity.resourceID] = .object([
                    "clientId": .string(identity.clientId),
                    "principalId": .string(identity.principalId),
                ])
            }
            resource["identity"] = .object([
                "type": .string(registry.identity.type),
                "principalId": registry.identity.systemPrincipalId.map(TemplateValue.string) ?? .null,
                "userAssignedIdentities": .object(assigned),
            ])
        default:
            throw TemplateExpressionError("reference() to a resource of type '\(id.type)' is not simulated")
        }
        resource["properties"] = .object(properties)
        return full ? .object(resource) : .object(properties)
    }

    // MARK: - Applying resources

    private func apply(_ value: TemplateValue, resource: PlannedResource, group: ResourceGroup) throws {
        let type = resource.id.type.lowercased()
        switch type {
        case ManagedIdentity.resourceType.lowercased():
            try createIdentity(
                name: resource.id.names[0], resourceGroup: group.name,
                location: value["location"]?.stringValue, tags: Self.tags(value["tags"]))
        case KeyVault.resourceType.lowercased():
            try applyVault(value, name: resource.id.names[0], group: group)
        case KeyVault.resourceType.lowercased() + "/keys":
            try applyKey(value, vaultName: resource.id.names[0], keyName: resource.id.names[1])
        case KeyVault.resourceType.lowercased() + "/accesspolicies":
            try applyAccessPolicies(value, vaultName: resource.id.names[0], operation: resource.id.names[1])
        case "microsoft.authorization/roleassignments":
            try applyRoleAssignment(value, name: resource.id.names[0], group: group)
        case Registry.resourceType.lowercased():
            try applyRegistry(value, name: resource.id.names[0], group: group)
        default:
            throw CMKError.badRequest(
                .noRegisteredProviderFound,
                "The resource type '\(resource.id.type)' is not "
                    + "simulated. Supported: \(ManagedIdentity.resourceType), \(KeyVault.resourceType), "
                    + "\(KeyVault.resourceType)/keys, \(KeyVault.resourceType)/accessPolicies, "
                    + "Microsoft.Authorization/roleAssignments, \(Registry.resourceType).")
        }
    }

    private static func tags(_ value: TemplateValue?) -> [String: String]? {
        guard let object = value?.objectValue else { return nil }
        return Dictionary(object.members.map { ($0.key, $0.value.text) }, uniquingKeysWith: { $1 })
    }

    private static func strings(_ value: TemplateValue?) -> [String]? {
        value?.arrayValue?.map(\.text)
    }

    private func applyVault(_ value: TemplateValue, name: String, group: ResourceGroup) throws {
        let properties = value["properties"] ?? .object(TemplateObject())
        if properties["enableSoftDelete"]?.boolValue == false {
            throw CMKError.badRequest(.badRequest, "The property \"enableSoftDelete\" cannot be set to false.")
        }
        let rbac = properties["enableRbacAuthorization"]?.boolValue ?? false
        if vaultIndex(name) != nil {
            var update = VaultUpdateRequest()
            update.enablePurgeProtection = properties["enablePurgeProtection"]?.boolValue
            update.retentionDays = properties["softDeleteRetentionInDays"]?.intValue
            update.enableRbacAuthorization = rbac
            update.defaultAction = properties["networkAcls"]?["defaultAction"]?.stringValue
            update.bypass = properties["networkAcls"]?["bypass"]?.stringValue
            update.tags = Self.tags(value["tags"])
            try updateVault(name: name, resourceGroup: group.name, update)
        } else {
            var request = VaultCreateRequest(name: name, resourceGroup: group.name)
            request.location = value["location"]?.stringValue
            request.sku = properties["sku"]?["name"]?.stringValue ?? "standard"
            request.retentionDays = properties["softDeleteRetentionInDays"]?.intValue
            request.enablePurgeProtection = properties["enablePurgeProtection"]?.boolValue
            request.enableRbacAuthorization = rbac
            request.defaultAction = properties["networkAcls"]?["defaultAction"]?.stringValue
            request.bypass = properties["networkAcls"]?["bypass"]?.stringValue
            request.publicNetworkAccess = properties["publicNetworkAccess"]?.stringValue
            // ARM grants exactly the template's access policies; the deployer gets no entry of its own.
            request.noSelfPermissions = true
            request.tags = Self.tags(value["tags"])
            try createVault(request)
        }
        if !rbac {
            for entry in properties["accessPolicies"]?.arrayValue ?? [] {
                try applyPolicyEntry(entry, vaultName: name, merge: false)
            }
        }
    }

    private func applyPolicyEntry(_ entry: TemplateValue, vaultName: String, merge: Bool) throws {
        guard let objectId = entry["objectId"]?.stringValue, !objectId.isEmpty else {
            throw CMKError.badRequest(.badRequest, "An access policy entry of vault '\(vaultName)' has no objectId.")
        }
        let applicationId = entry["applicationId"]?.stringValue
        let permissions = entry["permissions"]
        var keys = Self.strings(permissions?["keys"])
        var secrets = Self.strings(permissions?["secrets"])
        var certificates = Self.strings(permissions?["certificates"])
        var storage = Self.strings(permissions?["storage"])
        if merge, let vault = try? requireVault(vaultName),
            let existing = vault.accessPolicies.first(where: {
                $0.objectId.lowercased() == objectId.lowercased()
                    && $0.applicationId?.lowercased() == applicationId?.lowercased()
            })
        {
            func union(_ old: [String], _ new: [String]?) -> [String]? {
                guard let new else { return nil }
                return old + new.filter { item in !old.contains { $0.lowercased() == item.lowercased() } }
            }
            keys = union(existing.keys, keys)
            secrets = union(existing.secrets, secrets)
            certificates = union(existing.certificates, certificates)
            storage = union(existing.storage, storage)
        }
        try setPolicy(
            vaultName: vaultName, resourceGroup: nil, objectId: objectId, applicationId: applicationId,
            keys: keys, secrets: secrets, certificates: certificates, storage: storage)
    }

    /// `vaults/accessPolicies` named `<vault>/add`, `/replace` or `/remove`.
    private func applyAccessPolicies(_ value: TemplateValue, vaultName: String, operation: String) throws {
        let entries = value["properties"]?["accessPolicies"]?.arrayValue ?? []
        switch operation.lowercased() {
        case "add":
            for entry in entries { try applyPolicyEntry(entry, vaultName: vaultName, merge: true) }
        case "replace":
            let vault = try requireVault(vaultName)
            if vault.enableRbacAuthorization {
                throw CMKError.badRequest(
                    nil,
                    "Cannot set policies to a vault with '--enable-rbac-authorization' "
                        + "specified")
            }
            world.vaults[vaultIndex(vaultName)!].accessPolicies = []
            for entry in entries { try applyPolicyEntry(entry, vaultName: vaultName, merge: false) }
        case "remove":
            for entry in entries {
                try deletePolicy(
                    vaultName: vaultName, resourceGroup: nil, objectId: entry["objectId"]?.text ?? "",
                    applicationId: entry["applicationId"]?.stringValue)
            }
        default:
            throw CMKError.badRequest(
                .invalidTemplate,
                "The access policy operation '\(operation)' is not valid; "
                    + "name the resource '<vault>/add', '<vault>/replace' or '<vault>/remove'.")
        }
    }

    /// A key through ARM: the control plane creates it, so the vault's data-plane permissions are not asked.
    private func applyKey(_ value: TemplateValue, vaultName: String, keyName: String) throws {
        let vault = try requireVault(vaultName)
        if let index = keyIndex(vaultName: vault.name, name: keyName), !world.keys[index].isDeleted { return }
        let properties = value["properties"] ?? .object(TemplateObject())
        var request = KeyCreateRequest(vaultName: vault.name, name: keyName)
        if let kty = properties["kty"]?.stringValue {
            guard let type = KeyType(azName: kty) else {
                throw CMKError.badRequest(
                    .badParameter,
                    "The key type '\(kty)' is not valid. Allowed values: "
                        + KeyType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            request.keyType = type
        }
        request.size = properties["keySize"]?.intValue
        request.curve = properties["curveName"]?.stringValue
        request.operations = Self.strings(properties["keyOps"])
        let attributes = properties["attributes"]
        request.disabled = attributes?["enabled"]?.boolValue == false
        request.expires = attributes?["exp"]?.intValue.map { Date(timeIntervalSince1970: Double($0)) }
        request.notBefore = attributes?["nbf"]?.intValue.map { Date(timeIntervalSince1970: Double($0)) }
        request.tags = Self.tags(value["tags"])
        let vaultPosition = vaultIndex(vault.name)!
        let policies = world.vaults[vaultPosition].accessPolicies
        if !vault.enableRbacAuthorization {
            world.vaults[vaultPosition].accessPolicies.append(
                AccessPolicy(
                    tenantId: world.account.tenantId, objectId: world.account.operatorObjectId, keys: ["create"]))
        }
        defer { world.vaults[vaultPosition].accessPolicies = policies }
        try createKey(request)
    }

    private func applyRoleAssignment(_ value: TemplateValue, name: String, group: ResourceGroup) throws {
        let properties = value["properties"] ?? .object(TemplateObject())
        guard let role = properties["roleDefinitionId"]?.stringValue,
            let principalId = properties["principalId"]?.stringValue
        else {
            throw CMKError.badRequest(
                .invalidRoleAssignment,
                "A role assignment needs properties.roleDefinitionId "
                    + "and properties.principalId.")
        }
        let groupScope = "\(world.account.subscriptionPath)/resourceGroups/\(group.name)"
        var scope = value["scope"]?.stringValue ?? properties["scope"]?.stringValue ?? groupScope
        if !scope.hasPrefix("/") {
            // The short form `Microsoft.KeyVault/vaults/kv1`: namespace, then type/name pairs in this group.
            let parts = scope.split(separator: "/").map(String.init)
            let types = [parts[0]] + stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
            let names = stride(from: 2, to: parts.count, by: 2).map { parts[$0] }
            scope =
                TemplateResourceID(
                    subscriptionId: world.account.subscriptionId, resourceGroup: group.name,
                    type: types.joined(separator: "/"), names: names
                ).description
        }
        let before = Set(world.roleAssignments.map(\.name))
        let assignment = try createRoleAssignment(
            role: role, scope: scope, assignee: nil, assigneeObjectId: principalId,
            principalType: properties["principalType"]?.stringValue,
            description: properties["description"]?.stringValue,
            condition: properties["condition"]?.stringValue)
        if !before.contains(assignment.name), UUID(uuidString: name) != nil,
            let index = world.roleAssignments.firstIndex(where: { $0.name == assignment.name })
        {
            world.roleAssignments[index].name = name.lowercased()
        }
    }

    private func applyRegistry(_ value: TemplateValue, name: String, group: ResourceGroup) throws {
        let properties = value["properties"] ?? .object(TemplateObject())
        guard let skuName = value["sku"]?["name"]?.stringValue,
            let sku = RegistrySKU.allCases.first(where: { $0.rawValue.lowercased() == skuName.lowercased() })
        else {
            throw CMKError.badRequest(.invalidSku, "The registry '\(name)' needs sku.name Basic, Standard or Premium.")
        }
        let identityIDs = value["identity"]?["userAssignedIdentities"]?.objectValue?.keys ?? []
        let identityType = value["identity"]?["type"]?.stringValue?.lowercased() ?? "none"
        let encryption = properties["encryption"]
        let wantsCMK = encryption?["status"]?.stringValue?.lowercased() == "enabled"
        var encryptionIdentityID: String?
        var keyIdentifier: String?
        if wantsCMK {
            guard let key = encryption?["keyVaultProperties"]?["keyIdentifier"]?.stringValue, !key.isEmpty else {
                throw CMKError.badRequest(
                    .invalidEncryption,
                    "encryption.status is enabled but "
                        + "encryption.keyVaultProperties.keyIdentifier is empty.",
                    hint: "Pass the key URL, e.g. --parameters kek_id=https://<vault>.vault.azure.net/keys/<key>.")
            }
            let clientId = encryption?["keyVaultProperties"]?["identity"]?.stringValue ?? ""
            for id in identityIDs {
                let identity = try resolveIdentity(id, defaultResourceGroup: group.name)
                if identity.clientId.lowercased() == clientId.lowercased() { encryptionIdentityID = id }
            }
            guard encryptionIdentityID != nil else {
                throw CMKError.badRequest(
                    .invalidEncryptionIdentity,
                    "The encryption identity '\(clientId)' is not the "
                        + "client id of one of the registry's user-assigned identities.",
                    hint: "Set keyVaultProperties.identity to reference(<identity id>).clientId and list that identity "
                        + "in identity.userAssignedIdentities.")
            }
            keyIdentifier = key
        }
        let trustEnabled = properties["policies"]?["trustPolicy"]?["status"]?.stringValue?.lowercased() == "enabled"
        let defaultAction = properties["networkRuleSet"]?["defaultAction"]?.stringValue
        let adminEnabled = properties["adminUserEnabled"]?.boolValue ?? false
        let publicNetwork = properties["publicNetworkAccess"]?.stringValue.map { $0.lowercased() != "disabled" }

        if let existing = registryIndex(name).map({ world.registries[$0] }) {
            if wantsCMK, !existing.isCMK {
                throw CMKError.badRequest(
                    .cmkNotSupported,
                    "Encryption with a customer-managed key can only be "
                        + "enabled when a registry is created; '\(existing.name)' already exists without it.")
            }
            if let keyIdentifier, let current = existing.encryption,
                current.keyIdentifier.lowercased() != keyIdentifier.lowercased()
            {
                try rotateRegistryKey(
                    name: name, resourceGroup: group.name, keyEncryptionKey: keyIdentifier,
                    identity: encryptionIdentityID)
            }
            try updateRegistry(
                name: name, resourceGroup: group.name, sku: sku, adminEnabled: adminEnabled,
                defaultAction: defaultAction, publicNetworkEnabled: publicNetwork,
                tags: Self.tags(value["tags"]))
        } else {
            var request = RegistryCreateRequest(name: name, resourceGroup: group.name, sku: sku)
            request.location = value["location"]?.stringValue
            request.identity = encryptionIdentityID
            request.keyEncryptionKey = keyIdentifier
            request.adminEnabled = adminEnabled
            // Allow is the default; only a Deny needs the Premium-only network rule set.
            if let defaultAction, defaultAction.lowercased() != "allow" { request.defaultAction = defaultAction }
            request.publicNetworkEnabled = publicNetwork
            request.zoneRedundancy = properties["zoneRedundancy"]?.stringValue?.lowercased() == "enabled"
            request.tags = Self.tags(value["tags"])
            try createRegistry(request)
        }
        let others =
            identityIDs.filter { $0 != encryptionIdentityID }
            + (identityType.contains("systemassigned") ? ["[system]"] : [])
        if !others.isEmpty {
            try assignRegistryIdentities(name: name, resourceGroup: group.name, identities: others)
        }
        if trustEnabled {
            try setContentTrust(registryName: name, resourceGroup: group.name, enabled: true)
        }
        let index = registryIndex(name)!
        if let status = properties["policies"]?["quarantinePolicy"]?["status"]?.stringValue {
            world.registries[index].quarantinePolicyEnabled = status.lowercased() == "enabled"
        }
        if let retention = properties["policies"]?["retentionPolicy"] {
            if let days = retention["days"]?.intValue { world.registries[index].retentionDays = days }
            if let status = retention["status"]?.stringValue {
                world.registries[index].retentionPolicyEnabled = status.lowercased() == "enabled"
            }
        }
    }
}

import Foundation
import JSON

/// A parameter value given to `az deployment group create`: typed text (`k=v`) or a JSON value (a parameters file).
public struct DeploymentParameterArgument: Sendable, Equatable {
    public var name: String
    public var value: JSONValue
    /// Text from `k=v`, converted to the declared type (`int`, `bool`, `array`, ...) when the template is read.
    public var isText: Bool

    public init(name: String, value: JSONValue, isText: Bool) {
        self.name = name
        self.value = value
        self.isText = isText
    }

    /// Reads a parameters file: `{"parameters": {"k": {"value": ...}}}` (the az/ARM shape) or `{"k": {"value": ...}}`.
    ///
    /// - Throws: `CMKError` naming the line and column of a malformed file or entry.
    public static func parseFile(_ text: String) throws -> [DeploymentParameterArgument] {
        let root = try TemplateNode.parse(text)
        let container = root[ignoringCase: "parameters"] ?? root
        guard case .object = container.value else {
            throw CMKError.badRequest(
                .invalidParameterFile,
                "The parameters file must hold a JSON object "
                    + "(\(container.position)).", hint: "Write {\"parameters\": {\"name\": {\"value\": \"...\"}}}.")
        }
        return try container.members.map { member in
            guard let value = member.value[ignoringCase: "value"] else {
                throw CMKError.badRequest(
                    .invalidParameterFile,
                    "The parameter '\(member.key)' in the parameters "
                        + "file has no 'value' (\(member.value.position)); Key Vault references are not simulated.",
                    hint: "Write \"\(member.key)\": {\"value\": ...}.")
            }
            return DeploymentParameterArgument(name: member.key, value: value.value, isText: false)
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
        _ = try requireGroup(resourceGroup, creatingIn: false)
        let (name, group) = (ResourceName(name), ResourceName(resourceGroup))
        guard
            let deployment = world.deployments.first(where: {
                $0.resourceName == name && ResourceName($0.resourceGroup) == group
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
        _ = try requireGroup(resourceGroup, creatingIn: false)
        return world.deployments.filter { ResourceName($0.resourceGroup) == ResourceName(resourceGroup) }
    }

    // MARK: - Planning

    private func deploy(_ template: TemplateNode, request: DeploymentRequest, group: ResourceGroup) throws
        -> Deployment
    {
        let file = request.templateFile
        guard case .object = template.value, let resourcesNode = template[ignoringCase: "resources"],
            case .array = resourcesNode.value
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
        let evaluator = TemplateExpressionEvaluator(
            environment: environment, variables: template[ignoringCase: "variables"])
        let parameters = try resolveParameters(template, request: request, evaluator: evaluator)

        var planned: [PlannedResource] = []
        for (index, node) in resourcesNode.elements.enumerated() {
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
            let value: JSONValue
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
        for member in template[ignoringCase: "outputs"]?.members ?? [] {
            let type = member.value[ignoringCase: "type"]?.value.stringValue ?? "String"
            guard let valueNode = member.value[ignoringCase: "value"] else { continue }
            do {
                outputs.append(DeploymentOutput(name: member.key, type: type, value: try evaluator.evaluate(valueNode)))
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, what: "The template output '\(member.key)'", file: file)
            }
        }

        var record = Deployment(
            name: request.name, resourceGroup: group.name, provisioningState: "Succeeded", timestamp: now,
            outputResources: deployed,
            parameters: Dictionary(parameters.map { ($0.name, $0.value?.armText ?? "") }, uniquingKeysWith: { $1 }),
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
        let (replaced, replacedGroup) = (record.resourceName, group.resourceName)
        world.deployments.removeAll {
            $0.resourceName == replaced && ResourceName($0.resourceGroup) == replacedGroup
        }
        world.deployments.append(record)
        return record
    }

    /// Final parameter values in template order: supplied ones converted to their declared type, else defaults.
    private func resolveParameters(
        _ template: TemplateNode, request: DeploymentRequest,
        evaluator: TemplateExpressionEvaluator
    ) throws -> [DeploymentParameter] {
        let definitions = template[ignoringCase: "parameters"]?.members ?? []
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
            let declaredType = definition.value[ignoringCase: "type"]?.value.stringValue ?? "string"
            let where_ = "at line '\(definition.value.position.line)' and column '\(definition.value.position.column)'"
            var value: JSONValue
            if let argument = supplied[definition.key.lowercased()] {
                guard let converted = Self.convert(argument, to: declaredType) else {
                    throw CMKError.badRequest(
                        .invalidTemplate,
                        "Deployment template validation failed: 'The "
                            + "provided value '\(argument.value.armText)' for the template parameter "
                            + "'\(definition.key)' "
                            + "\(where_) is not valid. Expected a value of type '\(declaredType)'.'")
                }
                value = converted
            } else if let defaultNode = definition.value[ignoringCase: "defaultValue"] {
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
            if let allowed = definition.value[ignoringCase: "allowedValues"]?.value.arrayValue, !allowed.contains(value)
            {
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'The provided "
                        + "value '\(value.armText)' for the template parameter '\(definition.key)' \(where_) "
                        + "is not valid. "
                        + "The parameter value is not part of the allowed value(s): '"
                        + allowed.map(\.armText).joined(separator: ",") + "'.'")
            }
            evaluator.setParameter(definition.key, value)
            let secure = declaredType.lowercased().hasPrefix("secure")
            result.append(DeploymentParameter(name: definition.key, type: declaredType, value: secure ? nil : value))
            if secure { value = .null }
        }
        return result
    }

    /// A supplied value as the declared type, or `nil` when it cannot be one.
    private static func convert(_ argument: DeploymentParameterArgument, to declaredType: String) -> JSONValue? {
        let value = argument.value
        switch declaredType.lowercased() {
        case "string", "securestring":
            if argument.isText { return value }
            return value.stringValue.map(JSONValue.string)
        case "int":
            return value.armInt.map { .number(Double($0)) }
        case "bool":
            return value.armBool.map(JSONValue.bool)
        case "array", "object", "secureobject":
            var parsed = value
            if argument.isText, let text = value.stringValue {
                guard let node = try? JSONValue.parse(text) else { return nil }
                parsed = node
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
            guard let field = node[ignoringCase: member] else {
                throw CMKError.badRequest(
                    .invalidTemplate,
                    "Deployment template validation failed: 'The template "
                        + "resource \(label) at line '\(node.position.line)' and column "
                        + "'\(node.position.column)' has no "
                        + "'\(member)'.'")
            }
            do {
                return try evaluator.evaluate(field).armText
            } catch let failure as TemplateEvaluationFailure {
                throw invalidTemplate(failure, what: "The template resource \(label)", file: file)
            }
        }
        let type = try text("type")
        let name = try text("name")
        if let children = node[ignoringCase: "resources"], !children.elements.isEmpty {
            throw CMKError.badRequest(
                .invalidTemplate,
                "Deployment template validation failed: 'The template "
                    + "resource '\(name)' at line '\(node.position.line)' and column "
                    + "'\(node.position.column)' has nested "
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
        if let condition = node[ignoringCase: "condition"] {
            do {
                deploys = try evaluator.evaluate(condition).armBool ?? true
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
        let wanted = ResourceName(text)
        return planned.firstIndex {
            ResourceName($0.id.names.joined(separator: "/")) == wanted || ResourceName($0.label) == wanted
        }
    }

    private func addDependencies(
        _ planned: inout [PlannedResource], evaluator: TemplateExpressionEvaluator,
        file: String
    ) throws {
        for index in planned.indices {
            var dependencies: [Int] = []
            for entry in planned[index].node[ignoringCase: "dependsOn"]?.elements ?? [] {
                let target: String
                do {
                    target = try evaluator.evaluate(entry).armText
                } catch let failure as TemplateEvaluationFailure {
                    throw invalidTemplate(failure, resource: planned[index], file: file)
                }
                guard let found = templateResource(named: target, in: planned) else {
                    throw CMKError.badRequest(
                        .invalidTemplate,
                        "Deployment template validation failed: 'The "
                            + "resource '\(target)' is not defined in the template' "
                            + "(dependsOn of '\(planned[index].label)' "
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
            switch node.value {
            case .string(let text): strings.append(text)
            case .array: node.elements.forEach(collect)
            case .object:
                for member in node.members where member.key.lowercased() != "dependson" {
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
                        targets.append(value.armText)
                    }
                case "reference":
                    if let first = call.arguments.first, let value = try? evaluator.evaluate(first) {
                        targets.append(value.armText)
                    }
                default: break
                }
            }
        }
        return targets
    }

    /// Among resources free to go, ARM runs them in parallel; run grants before the registries that rely on them.
    ///
    /// Microsoft's setup guide's template has the registry depend only on its identity while the access policy granting that
    /// identity the key comes later: in Azure both are in flight at once and the registry's key check succeeds.
    private static func deploymentRank(_ resource: PlannedResource) -> Int {
        switch resource.id.type.lowercased() {
        case ManagedIdentity.resourceType.lowercased(): return 0
        case KeyVault.resourceType.lowercased(): return 1
        case KeyVault.resourceType.lowercased() + "/keys": return 2
        case KeyVault.resourceType.lowercased() + "/accesspolicies", RoleAssignment.resourceType.lowercased(): return 3
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
                        + "dependency detected on resource: '\(first.id.description)' "
                        + "at line '\(first.node.position.line)' "
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
        let expression = failure.shownExpression.map { " Expression: '\($0)'." } ?? ""
        let reason = failure.message.hasSuffix(".") ? failure.message : failure.message + "."
        let help = reason.contains("Please see") ? "" : " Please see https://aka.ms/arm-functions for usage details."
        return CMKError.badRequest(
            .invalidTemplate,
            "Deployment template validation failed: '\(what)\(place) of "
                + "\(file) is not valid: \(reason)\(expression)\(help)'")
    }

    // MARK: - reference()

    /// `reference()`: the current state of a resource in the world, as ARM returns it.
    ///
    /// The shape is `ResourceProjection`'s, the same that `az ... show` prints: the whole resource with 'Full',
    /// else its `properties`.
    private func templateReference(_ target: String, full: Bool, planned: [PlannedResource], group: ResourceGroup)
        throws -> JSONValue
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
        let projection = ResourceProjection(world: world)
        let resource: JSONValue
        switch id.type.lowercased() {
        case ManagedIdentity.resourceType.lowercased():
            guard let index = identityIndex(name: id.names[0], resourceGroup: groupName) else { throw notFound }
            resource = projection.identity(world.identities[index])
        case KeyVault.resourceType.lowercased():
            guard let index = vaultIndex(id.names[0]) else { throw notFound }
            resource = projection.vault(world.vaults[index])
        case KeyVault.resourceType.lowercased() + "/keys":
            guard id.names.count == 2, let index = keyIndex(vaultName: id.names[0], name: id.names[1]),
                !world.keys[index].isDeleted
            else { throw notFound }
            resource = projection.key(world.keys[index])
        case RoleAssignment.resourceType.lowercased():
            guard let assignment = world.roleAssignments[key: ResourceName(id.names[0])] else { throw notFound }
            resource = projection.roleAssignment(assignment)
        case Registry.resourceType.lowercased():
            guard let index = registryIndex(id.names[0]) else { throw notFound }
            resource = projection.registry(world.registries[index])
        default:
            throw TemplateExpressionError("reference() to a resource of type '\(id.type)' is not simulated")
        }
        return full ? resource : resource["properties"] ?? .object(JSONObject())
    }

    // MARK: - Applying resources

    private func apply(_ value: JSONValue, resource: PlannedResource, group: ResourceGroup) throws {
        let type = resource.id.type.lowercased()
        switch type {
        case ManagedIdentity.resourceType.lowercased():
            try createIdentity(
                name: resource.id.names[0], resourceGroup: group.name,
                location: value[ignoringCase: "location"]?.stringValue, tags: Self.tags(value[ignoringCase: "tags"]))
        case KeyVault.resourceType.lowercased():
            try applyVault(value, name: resource.id.names[0], group: group)
        case KeyVault.resourceType.lowercased() + "/keys":
            try applyKey(value, vaultName: resource.id.names[0], keyName: resource.id.names[1])
        case KeyVault.resourceType.lowercased() + "/accesspolicies":
            try applyAccessPolicies(value, vaultName: resource.id.names[0], operation: resource.id.names[1])
        case RoleAssignment.resourceType.lowercased():
            try applyRoleAssignment(value, name: resource.id.names[0], group: group)
        case Registry.resourceType.lowercased():
            try applyRegistry(value, name: resource.id.names[0], group: group)
        default:
            throw CMKError.badRequest(
                .noRegisteredProviderFound,
                "The resource type '\(resource.id.type)' is not "
                    + "simulated. Supported: \(ManagedIdentity.resourceType), \(KeyVault.resourceType), "
                    + "\(KeyVault.resourceType)/keys, \(KeyVault.resourceType)/accessPolicies, "
                    + "\(RoleAssignment.resourceType), \(Registry.resourceType).")
        }
    }

    private static func tags(_ value: JSONValue?) -> [String: String]? {
        guard let object = value?.objectValue else { return nil }
        return Dictionary(object.map { ($0.key, $0.value.armText) }, uniquingKeysWith: { $1 })
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        value?.arrayValue?.map(\.armText)
    }

    private func applyVault(_ value: JSONValue, name: String, group: ResourceGroup) throws {
        let properties = value[ignoringCase: "properties"] ?? .object(JSONObject())
        if properties[ignoringCase: "enableSoftDelete"]?.armBool == false {
            throw CMKError.badRequest(.badRequest, "The property \"enableSoftDelete\" cannot be set to false.")
        }
        let rbac = properties[ignoringCase: "enableRbacAuthorization"]?.armBool ?? false
        if vaultIndex(name) != nil {
            var update = VaultUpdateRequest()
            update.enablePurgeProtection = properties[ignoringCase: "enablePurgeProtection"]?.armBool
            update.retentionDays = properties[ignoringCase: "softDeleteRetentionInDays"]?.armInt
            update.enableRbacAuthorization = rbac
            update.defaultAction = properties[ignoringCase: "networkAcls", "defaultAction"]?.stringValue
            update.bypass = properties[ignoringCase: "networkAcls", "bypass"]?.stringValue
            update.tags = Self.tags(value[ignoringCase: "tags"])
            try updateVault(name: name, resourceGroup: group.name, update)
        } else {
            var request = VaultCreateRequest(name: name, resourceGroup: group.name)
            request.location = value[ignoringCase: "location"]?.stringValue
            request.sku = properties[ignoringCase: "sku", "name"]?.stringValue ?? "standard"
            request.retentionDays = properties[ignoringCase: "softDeleteRetentionInDays"]?.armInt
            request.enablePurgeProtection = properties[ignoringCase: "enablePurgeProtection"]?.armBool
            request.enableRbacAuthorization = rbac
            request.defaultAction = properties[ignoringCase: "networkAcls", "defaultAction"]?.stringValue
            request.bypass = properties[ignoringCase: "networkAcls", "bypass"]?.stringValue
            request.publicNetworkAccess = properties[ignoringCase: "publicNetworkAccess"]?.stringValue
            // ARM grants exactly the template's access policies; the deployer gets no entry of its own.
            request.noSelfPermissions = true
            request.tags = Self.tags(value[ignoringCase: "tags"])
            try createVault(request)
        }
        if !rbac {
            for entry in properties[ignoringCase: "accessPolicies"]?.arrayValue ?? [] {
                try applyPolicyEntry(entry, vaultName: name, merge: false)
            }
        }
    }

    private func applyPolicyEntry(_ entry: JSONValue, vaultName: String, merge: Bool) throws {
        guard let objectId = entry[ignoringCase: "objectId"]?.stringValue, !objectId.isEmpty else {
            throw CMKError.badRequest(.badRequest, "An access policy entry of vault '\(vaultName)' has no objectId.")
        }
        let applicationId = entry[ignoringCase: "applicationId"]?.stringValue
        let permissions = entry[ignoringCase: "permissions"]
        var keys = Self.strings(permissions?[ignoringCase: "keys"])
        var secrets = Self.strings(permissions?[ignoringCase: "secrets"])
        var certificates = Self.strings(permissions?[ignoringCase: "certificates"])
        var storage = Self.strings(permissions?[ignoringCase: "storage"])
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
    private func applyAccessPolicies(_ value: JSONValue, vaultName: String, operation: String) throws {
        let entries = value[ignoringCase: "properties", "accessPolicies"]?.arrayValue ?? []
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
                    vaultName: vaultName, resourceGroup: nil, objectId: entry[ignoringCase: "objectId"]?.armText ?? "",
                    applicationId: entry[ignoringCase: "applicationId"]?.stringValue)
            }
        default:
            throw CMKError.badRequest(
                .invalidTemplate,
                "The access policy operation '\(operation)' is not valid; "
                    + "name the resource '<vault>/add', '<vault>/replace' or '<vault>/remove'.")
        }
    }

    /// A key through ARM: the control plane creates it, so the vault's data-plane permissions are not asked.
    private func applyKey(_ value: JSONValue, vaultName: String, keyName: String) throws {
        let vault = try requireVault(vaultName)
        if let index = keyIndex(vaultName: vault.name, name: keyName), !world.keys[index].isDeleted { return }
        let properties = value[ignoringCase: "properties"] ?? .object(JSONObject())
        var request = KeyCreateRequest(vaultName: vault.name, name: keyName)
        if let kty = properties[ignoringCase: "kty"]?.stringValue {
            guard let type = KeyType(azName: kty) else {
                throw CMKError.badRequest(
                    .badParameter,
                    "The key type '\(kty)' is not valid. Allowed values: "
                        + KeyType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            request.keyType = type
        }
        request.size = properties[ignoringCase: "keySize"]?.armInt
        request.curve = properties[ignoringCase: "curveName"]?.stringValue
        request.operations = Self.strings(properties[ignoringCase: "keyOps"])
        let attributes = properties[ignoringCase: "attributes"]
        request.disabled = attributes?[ignoringCase: "enabled"]?.armBool == false
        request.expires = attributes?[ignoringCase: "exp"]?.armInt.map { Date(timeIntervalSince1970: Double($0)) }
        request.notBefore = attributes?[ignoringCase: "nbf"]?.armInt.map { Date(timeIntervalSince1970: Double($0)) }
        request.tags = Self.tags(value[ignoringCase: "tags"])
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

    private func applyRoleAssignment(_ value: JSONValue, name: String, group: ResourceGroup) throws {
        let properties = value[ignoringCase: "properties"] ?? .object(JSONObject())
        guard let role = properties[ignoringCase: "roleDefinitionId"]?.stringValue,
            let principalId = properties[ignoringCase: "principalId"]?.stringValue
        else {
            throw CMKError.badRequest(
                .invalidRoleAssignment,
                "A role assignment needs properties.roleDefinitionId "
                    + "and properties.principalId.")
        }
        let groupScope = "\(world.account.subscriptionPath)/resourceGroups/\(group.name)"
        var scope =
            value[ignoringCase: "scope"]?.stringValue ?? properties[ignoringCase: "scope"]?.stringValue ?? groupScope
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
            principalType: properties[ignoringCase: "principalType"]?.stringValue,
            description: properties[ignoringCase: "description"]?.stringValue,
            condition: properties[ignoringCase: "condition"]?.stringValue)
        if !before.contains(assignment.name), UUID(uuidString: name) != nil,
            let index = world.roleAssignments.firstIndex(where: { $0.name == assignment.name })
        {
            world.roleAssignments[index].name = name.lowercased()
        }
    }

    private func applyRegistry(_ value: JSONValue, name: String, group: ResourceGroup) throws {
        let properties = value[ignoringCase: "properties"] ?? .object(JSONObject())
        guard let skuName = value[ignoringCase: "sku", "name"]?.stringValue,
            let sku = RegistrySKU.allCases.first(where: { $0.rawValue.lowercased() == skuName.lowercased() })
        else {
            throw CMKError.badRequest(.invalidSku, "The registry '\(name)' needs sku.name Basic, Standard or Premium.")
        }
        let identityIDs = value[ignoringCase: "identity", "userAssignedIdentities"]?.objectValue?.keys ?? []
        let identityType = value[ignoringCase: "identity", "type"]?.stringValue?.lowercased() ?? "none"
        let encryption = properties[ignoringCase: "encryption"]
        let wantsCMK = encryption?[ignoringCase: "status"]?.stringValue?.lowercased() == "enabled"
        var encryptionIdentityID: String?
        var keyIdentifier: String?
        if wantsCMK {
            guard let key = encryption?[ignoringCase: "keyVaultProperties", "keyIdentifier"]?.stringValue,
                !key.isEmpty
            else {
                throw CMKError.badRequest(
                    .invalidEncryption,
                    "encryption.status is enabled but "
                        + "encryption.keyVaultProperties.keyIdentifier is empty.",
                    hint: "Pass the key URL, e.g. --parameters kek_id=https://<vault>.vault.azure.net/keys/<key>.")
            }
            let clientId = encryption?[ignoringCase: "keyVaultProperties", "identity"]?.stringValue ?? ""
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
        let trustStatus = properties[ignoringCase: "policies", "trustPolicy", "status"]?.stringValue
        let trustEnabled = trustStatus?.lowercased() == "enabled"
        let defaultAction = properties[ignoringCase: "networkRuleSet", "defaultAction"]?.stringValue
        let adminEnabled = properties[ignoringCase: "adminUserEnabled"]?.armBool ?? false
        let publicNetwork = properties[ignoringCase: "publicNetworkAccess"]?.stringValue.map {
            $0.lowercased() != "disabled"
        }

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
                tags: Self.tags(value[ignoringCase: "tags"]))
        } else {
            var request = RegistryCreateRequest(name: name, resourceGroup: group.name, sku: sku)
            request.location = value[ignoringCase: "location"]?.stringValue
            request.identity = encryptionIdentityID
            request.keyEncryptionKey = keyIdentifier
            request.adminEnabled = adminEnabled
            // Allow is the default; only a Deny needs the Premium-only network rule set.
            if let defaultAction, defaultAction.lowercased() != "allow" { request.defaultAction = defaultAction }
            request.publicNetworkEnabled = publicNetwork
            request.zoneRedundancy = properties[ignoringCase: "zoneRedundancy"]?.stringValue?.lowercased() == "enabled"
            request.tags = Self.tags(value[ignoringCase: "tags"])
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
        if let status = properties[ignoringCase: "policies", "quarantinePolicy", "status"]?.stringValue {
            world.registries[index].quarantinePolicyEnabled = status.lowercased() == "enabled"
        }
        if let retention = properties[ignoringCase: "policies", "retentionPolicy"] {
            if let days = retention[ignoringCase: "days"]?.armInt { world.registries[index].retentionDays = days }
            if let status = retention[ignoringCase: "status"]?.stringValue {
                world.registries[index].retentionPolicyEnabled = status.lowercased() == "enabled"
            }
        }
    }
}

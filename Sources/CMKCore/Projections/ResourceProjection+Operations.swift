import JSON

/// Replications, diagnostic settings, policy assignments and deployments.
extension ResourceProjection {
    /// `Microsoft.ContainerRegistry/registries/replications`; `status` is shared by every replica of the registry.
    public func replication(_ replication: Replication, of registry: Registry, status: ReplicationStatus)
        -> JSONValue
    {
        [
            "id": .string(registry.id(subscriptionId: subscriptionId) + "/replications/\(replication.name)"),
            "location": .string(replication.location), "name": .string(replication.name),
            "properties": [
                "provisioningState": "Succeeded", "regionEndpointEnabled": .bool(replication.regionEndpointEnabled),
                "status": [
                    "displayStatus": .string(status.displayStatus), "message": JSONValue(status.message),
                    "timestamp": Self.time(status.timestamp),
                ],
                "zoneRedundancy": .string(replication.zoneRedundancy),
            ],
            "systemData": systemData(created: replication.createdAt), "tags": Self.tags(replication.tags),
            "type": "Microsoft.ContainerRegistry/registries/replications",
        ]
    }

    /// `Microsoft.Insights/diagnosticSettings` of a resource.
    public func diagnosticSetting(_ setting: DiagnosticSetting) -> JSONValue {
        let retention: JSONValue = [
            "days": .number(Double(setting.retentionDays ?? 0)), "enabled": .bool(setting.retentionDays != nil),
        ]
        let groups = ["audit", "allLogs"]
        let logs: [JSONValue] = setting.categories.map { name in
            [
                "category": groups.contains(name) ? nil : .string(name),
                "categoryGroup": groups.contains(name) ? .string(name) : nil,
                "enabled": true, "retentionPolicy": retention,
            ]
        }
        let metrics: [JSONValue] = (setting.metrics ?? []).map { name in
            ["category": .string(name), "enabled": true, "retentionPolicy": retention, "timeGrain": nil]
        }
        return [
            "id": .string("\(setting.resourceID)/providers/microsoft.insights/diagnosticSettings/\(setting.name)"),
            "name": .string(setting.name),
            "properties": [
                "eventHubAuthorizationRuleId": JSONValue(setting.eventHub), "eventHubName": nil,
                "logAnalyticsDestinationType": nil, "logs": .array(logs), "marketplacePartnerId": nil,
                "metrics": .array(metrics), "serviceBusRuleId": nil,
                "storageAccountId": JSONValue(setting.storageAccount), "workspaceId": JSONValue(setting.workspace),
            ],
            "type": "Microsoft.Insights/diagnosticSettings",
        ]
    }

    /// `Microsoft.Authorization/policyAssignments` of the built-in CMK policy.
    public func policyAssignment(_ assignment: PolicyAssignment) -> JSONValue {
        [
            "id": .string("\(assignment.scope)/providers/Microsoft.Authorization/policyAssignments/\(assignment.name)"),
            "name": .string(assignment.name),
            "properties": [
                "displayName": .string(Session.cmkPolicyName), "enforcementMode": "Default",
                "parameters": ["effect": ["value": .string(assignment.effect)]],
                "policyDefinitionId": .string(Session.cmkPolicyDefinitionId), "scope": .string(assignment.scope),
            ],
            "systemData": ["createdAt": Self.time(assignment.createdAt)],
            "type": "Microsoft.Authorization/policyAssignments",
        ]
    }

    /// `Microsoft.Resources/deployments`: a template deployment, its parameters, outputs and dependencies.
    public func deployment(_ deployment: Deployment) -> JSONValue {
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
            "tags": nil, "type": "Microsoft.Resources/deployments",
        ]
    }

    /// ARM reports parameter types capitalised: `String`, `SecureString`, `Int`, `Bool`, `Array`, `Object`.
    public static func armTypeName(_ declared: String) -> String {
        switch declared.lowercased() {
        case "securestring": return "SecureString"
        case "secureobject": return "SecureObject"
        default: return declared.prefix(1).uppercased() + declared.dropFirst().lowercased()
        }
    }
}

import JSON

/// Container registries.
extension ResourceProjection {
    /// `Microsoft.ContainerRegistry/registries`.
    public func registry(_ registry: Registry) -> JSONValue {
        let properties: JSONObject = [
            "adminUserEnabled": .bool(registry.adminUserEnabled), "anonymousPullEnabled": .bool(registry.anonymousPullEnabled ?? false),
            "creationDate": Self.time(registry.creationDate), "dataEndpointEnabled": false, "dataEndpointHostNames": [],
            "encryption": registryEncryption(registry), "loginServer": .string(registry.loginServer),
            "metadataSearch": "Disabled", "networkRuleBypassOptions": "AzureServices",
            "networkRuleSet": registry.sku == .premium
                ? ["defaultAction": .string(registry.networkDefaultAction), "ipRules": []] : nil,
            "policies": [
                "azureAdAuthenticationAsArmPolicy": ["status": "enabled"],
                "exportPolicy": ["status": "enabled"],
                "quarantinePolicy": ["status": registry.quarantinePolicyEnabled ? "enabled" : "disabled"],
                "retentionPolicy": [
                    "days": .number(Double(registry.retentionDays)),
                    "lastUpdatedTime": Self.time(registry.creationDate),
                    "status": registry.retentionPolicyEnabled ? "enabled" : "disabled",
                ],
                "softDeletePolicy": [
                    "lastUpdatedTime": Self.time(registry.creationDate), "retentionDays": 7,
                    "status": "disabled",
                ],
                "trustPolicy": ["status": registry.trustPolicyEnabled ? "enabled" : "disabled", "type": "Notary"],
            ],
            "privateEndpointConnections": [], "provisioningState": "Succeeded",
            "publicNetworkAccess": .string(registry.publicNetworkAccess),
            "status": nil, "zoneRedundancy": .string(registry.zoneRedundancy),
        ]
        return [
            "id": .string(registry.id(subscriptionId: subscriptionId)), "identity": registryIdentity(registry),
            "location": .string(registry.location), "name": .string(registry.name),
            "properties": .object(properties),
            "sku": ["name": .string(registry.sku.rawValue), "tier": .string(registry.sku.rawValue)],
            "systemData": systemData(created: registry.creationDate), "tags": Self.tags(registry.tags),
            "type": .string(Registry.resourceType),
        ]
    }

    /// The registry's `properties.encryption`: the key and identity of a CMK registry, or `disabled`.
    public func registryEncryption(_ registry: Registry) -> JSONValue {
        guard let encryption = registry.encryption else { return ["keyVaultProperties": nil, "status": "disabled"] }
        return [
            "keyVaultProperties": [
                "identity": .string(encryption.identity), "keyIdentifier": .string(encryption.keyIdentifier),
                "keyRotationEnabled": .bool(encryption.keyRotationEnabled),
                "lastKeyRotationTimestamp": Self.time(encryption.lastKeyRotationTimestamp),
                "versionedKeyIdentifier": .string(encryption.versionedKeyIdentifier),
            ],
            "status": "enabled",
        ]
    }

    /// The registry's managed identities, or `null` when it has none.
    public func registryIdentity(_ registry: Registry) -> JSONValue {
        guard registry.identity.type != "None" else { return nil }
        var userAssigned = JSONObject()
        for assigned in registry.identity.userAssigned {
            userAssigned[assigned.resourceID] = [
                "clientId": .string(assigned.clientId), "principalId": .string(assigned.principalId),
            ]
        }
        return [
            "principalId": JSONValue(registry.identity.systemPrincipalId),
            "tenantId": JSONValue(registry.identity.systemTenantId),
            "type": .string(registry.identity.type),
            "userAssignedIdentities": userAssigned.isEmpty ? nil : .object(userAssigned),
        ]
    }
}

import CMKCore
import Foundation
import JSON

/// The JSON shapes az prints for each simulated resource.
struct AzPresenter {
    let world: World

    private var subscriptionId: String { world.account.subscriptionId }

    static func time(_ date: Date?) -> JSONValue { JSONValue(date.map(Timestamp.azString)) }

    static func tags(_ tags: [String: String]?) -> JSONValue {
        guard let tags else { return .null }
        return .object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    func systemData(created: Date) -> JSONValue {
        [
            "createdAt": Self.time(created), "createdBy": .string(world.account.operatorName), "createdByType": "User",
            "lastModifiedAt": Self.time(created), "lastModifiedBy": .string(world.account.operatorName),
            "lastModifiedByType": "User",
        ]
    }

    // MARK: - Account, groups, identities

    func account() -> JSONValue {
        [
            "environmentName": "AzureCloud", "homeTenantId": .string(world.account.tenantId),
            "id": .string(subscriptionId), "isDefault": true, "managedByTenants": [],
            "name": .string(world.account.subscriptionName), "state": "Enabled",
            "tenantId": .string(world.account.tenantId),
            "user": ["name": .string(world.account.operatorName), "type": "user"],
        ]
    }

    func group(_ group: ResourceGroup) -> JSONValue {
        [
            "id": .string("/subscriptions/\(subscriptionId)/resourceGroups/\(group.name)"),
            "location": .string(group.location), "managedBy": nil, "name": .string(group.name),
            "properties": ["provisioningState": "Succeeded"], "tags": Self.tags(group.tags),
            "type": "Microsoft.Resources/resourceGroups",
        ]
    }

    func identity(_ identity: ManagedIdentity) -> JSONValue {
        var object: JSONObject = [
            "clientId": .string(identity.clientId), "id": .string(identity.id(subscriptionId: subscriptionId)),
            "location": .string(identity.location), "name": .string(identity.name),
            "principalId": .string(identity.principalId), "resourceGroup": .string(identity.resourceGroup),
            "tenantId": .string(identity.tenantId), "type": .string(ManagedIdentity.resourceType),
        ]
        if let tags = identity.tags { object["tags"] = Self.tags(tags) }
        return .object(object)
    }

    // MARK: - Key Vault

    func vault(_ vault: KeyVault) -> JSONValue {
        let policies: [JSONValue] = vault.accessPolicies.map { policy in
            [
                "applicationId": JSONValue(policy.applicationId), "objectId": .string(policy.objectId),
                "permissions": [
                    "certificates": Self.strings(policy.certificates), "keys": Self.strings(policy.keys),
                    "secrets": Self.strings(policy.secrets), "storage": Self.strings(policy.storage),
                ],
                "tenantId": .string(policy.tenantId),
            ]
        }
        let properties: JSONObject = [
            "accessPolicies": .array(policies), "createMode": nil,
            "enablePurgeProtection": JSONValue(vault.enablePurgeProtection),
            "enableRbacAuthorization": .bool(vault.enableRbacAuthorization), "enableSoftDelete": true,
            "enabledForDeployment": false, "enabledForDiskEncryption": nil, "enabledForTemplateDeployment": nil,
            "hsmPoolResourceId": nil,
            "networkAcls": [
                "bypass": .string(vault.networkAcls.bypass), "defaultAction": .string(vault.networkAcls.defaultAction),
                "ipRules": .array(vault.networkAcls.ipRules.map { ["value": .string($0)] }), "virtualNetworkRules": [],
            ],
            "privateEndpointConnections": nil, "provisioningState": "Succeeded",
            "publicNetworkAccess": .string(vault.publicNetworkAccess),
            "sku": ["family": "A", "name": .string(vault.sku)],
            "softDeleteRetentionInDays": .number(Double(vault.softDeleteRetentionInDays)),
            "tenantId": .string(vault.tenantId), "vaultUri": .string(vault.vaultURI),
        ]
        return [
            "id": .string(vault.id(subscriptionId: subscriptionId)), "location": .string(vault.location),
            "name": .string(vault.name), "properties": .object(properties),
            "resourceGroup": .string(vault.resourceGroup),
            "systemData": systemData(created: vault.createdAt), "tags": Self.tags(vault.tags ?? [:]),
            "type": .string(KeyVault.resourceType),
        ]
    }

    func deletedVault(_ vault: KeyVault) -> JSONValue {
        [
            "id": .string(
                "/subscriptions/\(subscriptionId)/providers/Microsoft.KeyVault/locations/\(vault.location)"
                    + "/deletedVaults/\(vault.name)"),
            "name": .string(vault.name),
            "properties": [
                "deletionDate": Self.time(vault.deletion?.deletedAt), "location": .string(vault.location),
                "purgeProtectionEnabled": .bool(vault.purgeProtected),
                "scheduledPurgeDate": Self.time(vault.deletion?.scheduledPurgeDate),
                "tags": Self.tags(vault.tags ?? [:]),
                "vaultId": .string(vault.id(subscriptionId: subscriptionId)),
            ],
            "type": "Microsoft.KeyVault/deletedVaults",
        ]
    }

    private func vault(named name: String) -> KeyVault? {
        world.vaults.first { $0.name == name }
    }

    func keyAttributes(_ key: VaultKey, _ version: KeyVersion) -> JSONObject {
        let vault = vault(named: key.vaultName)
        return [
            "created": Self.time(version.created), "enabled": .bool(version.enabled),
            "expires": Self.time(version.expires),
            "exportable": false, "hsmPlatform": nil, "keySize": JSONValue(version.keySize),
            "notBefore": Self.time(version.notBefore),
            "recoverableDays": JSONValue(vault?.softDeleteRetentionInDays),
            "recoveryLevel": JSONValue(vault?.recoveryLevel), "updated": Self.time(version.updated),
        ]
    }

    /// The JSON Web Key of a version: public fields only; private ones are always null.
    func jwk(_ key: VaultKey, _ version: KeyVersion) -> JSONObject {
        var jwk: JSONObject = [
            "crv": JSONValue(version.curve), "d": nil, "dp": nil, "dq": nil, "e": nil, "k": nil,
            "keyOps": Self.strings(version.keyOps),
            "kid": .string(version.identifier(vaultName: key.vaultName, keyName: key.name)),
            "kty": .string(version.keyType.rawValue), "n": nil, "p": nil, "q": nil, "qi": nil, "t": nil, "x": nil,
            "y": nil,
        ]
        if let publicJWK = version.publicJWK {
            jwk["n"] = .string(publicJWK.n)
            jwk["e"] = .string(publicJWK.e)
        }
        return jwk
    }

    func key(_ key: VaultKey, _ version: KeyVersion) -> JSONValue {
        var object: JSONObject = [
            "attributes": .object(keyAttributes(key, version)), "key": .object(jwk(key, version)), "managed": nil,
            "releasePolicy": nil, "tags": Self.tags(version.tags ?? key.tags),
        ]
        if let deletion = key.deletion {
            object["deletedDate"] = Self.time(deletion.deletedAt)
            object["scheduledPurgeDate"] = Self.time(deletion.scheduledPurgeDate)
            object["recoveryId"] = .string(key.recoveryId)
        }
        return .object(object)
    }

    func keyListItem(_ key: VaultKey, _ version: KeyVersion, versioned: Bool) -> JSONValue {
        var attributes = keyAttributes(key, version)
        attributes["attestation"] = nil
        attributes["keySize"] = nil
        var object: JSONObject = [
            "attributes": .object(attributes), "keySize": JSONValue(version.keySize),
            "kid": .string(
                versioned
                    ? version.identifier(vaultName: key.vaultName, keyName: key.name)
                    : key.versionlessIdentifier),
            "managed": nil, "name": .string(key.name), "releasePolicy": nil,
            "tags": Self.tags(version.tags ?? key.tags),
        ]
        if let deletion = key.deletion {
            object["deletedDate"] = Self.time(deletion.deletedAt)
            object["scheduledPurgeDate"] = Self.time(deletion.scheduledPurgeDate)
            object["recoveryId"] = .string(key.recoveryId)
        }
        return .object(object)
    }

    func rotationPolicy(_ key: VaultKey, _ policy: RotationPolicy) -> JSONValue {
        [
            "createdOn": Self.time(policy.createdOn), "expiresIn": JSONValue(policy.expiryTime?.text),
            "id": .string("\(key.versionlessIdentifier)/rotationpolicy"),
            "lifetimeActions": .array(
                policy.lifetimeActions.map { action in
                    [
                        "action": .string(action.action.rawValue),
                        "timeAfterCreate": JSONValue(action.timeAfterCreate?.text),
                        "timeBeforeExpiry": JSONValue(action.timeBeforeExpiry?.text),
                    ]
                }),
            "updatedOn": Self.time(policy.updatedOn),
        ]
    }

    // MARK: - RBAC

    func roleAssignment(_ assignment: RoleAssignment, forList: Bool) -> JSONValue {
        let definition = RoleDefinition.find(assignment.roleName)
        var object: JSONObject = [
            "condition": JSONValue(assignment.condition),
            "conditionVersion": JSONValue(assignment.condition.map { _ in "2.0" }),
            "createdBy": JSONValue(assignment.createdBy), "createdOn": Self.time(assignment.createdOn),
            "delegatedManagedIdentityResourceId": nil, "description": JSONValue(assignment.description),
            "id": .string(assignment.id), "name": .string(assignment.name),
            "principalId": .string(assignment.principalId),
            "principalType": .string(assignment.principalType),
            "roleDefinitionId": JSONValue(definition?.definitionId(subscriptionId: subscriptionId)),
            "scope": .string(assignment.scope), "type": "Microsoft.Authorization/roleAssignments",
            "updatedBy": JSONValue(assignment.createdBy), "updatedOn": Self.time(assignment.createdOn),
        ]
        guard forList else { return .object(object) }
        for key in object.keys where object[key] == .null { object[key] = nil }
        object["roleDefinitionName"] = .string(assignment.roleName)
        object["principalName"] = JSONValue(principalName(assignment.principalId))
        return .object(object)
    }

    private func principalName(_ objectId: String) -> String? {
        if objectId == world.account.operatorObjectId { return world.account.operatorName }
        return world.identities.first { $0.principalId == objectId }.map(\.clientId)
    }

    // MARK: - Container registry

    func registry(_ registry: Registry) -> JSONValue {
        let id = registry.id(subscriptionId: subscriptionId)
        var userAssigned = JSONObject()
        for assigned in registry.identity.userAssigned {
            userAssigned[assigned.resourceID] = [
                "clientId": .string(assigned.clientId), "principalId": .string(assigned.principalId),
            ]
        }
        let identity: JSONValue =
            registry.identity.type == "None"
            ? nil
            : [
                "principalId": JSONValue(registry.identity.systemPrincipalId),
                "tenantId": JSONValue(registry.identity.systemTenantId),
                "type": .string(registry.identity.type),
                "userAssignedIdentities": userAssigned.isEmpty ? nil : .object(userAssigned),
            ]
        return [
            "adminUserEnabled": .bool(registry.adminUserEnabled), "anonymousPullEnabled": false,
            "creationDate": Self.time(registry.creationDate), "dataEndpointEnabled": false, "dataEndpointHostNames": [],
            "encryption": encryption(registry), "id": .string(id), "identity": identity,
            "location": .string(registry.location), "loginServer": .string(registry.loginServer),
            "metadataSearch": "Disabled", "name": .string(registry.name),
            "networkRuleBypassOptions": "AzureServices",
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
            "resourceGroup": .string(registry.resourceGroup),
            "sku": ["name": .string(registry.sku.rawValue), "tier": .string(registry.sku.rawValue)],
            "status": nil, "systemData": systemData(created: registry.creationDate), "tags": Self.tags(registry.tags),
            "type": .string(Registry.resourceType), "zoneRedundancy": .string(registry.zoneRedundancy),
        ]
    }

    func encryption(_ registry: Registry) -> JSONValue {
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

    func registryIdentity(_ registry: Registry) -> JSONValue {
        if case .object(let object) = self.registry(registry), let identity = object["identity"] { return identity }
        return nil
    }
}

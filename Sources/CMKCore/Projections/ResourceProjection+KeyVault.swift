import Foundation
import JSON

/// Key Vault: vaults and keys under ARM, and keys as Key Vault's data plane returns them.
extension ResourceProjection {
    /// `Microsoft.KeyVault/vaults`.
    public func vault(_ vault: KeyVault) -> JSONValue {
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
            "systemData": systemData(created: vault.createdAt), "tags": Self.tags(vault.tags ?? [:]),
            "type": .string(KeyVault.resourceType),
        ]
    }

    /// `Microsoft.KeyVault/deletedVaults`: a soft-deleted vault, listed by location rather than group.
    public func deletedVault(_ vault: KeyVault) -> JSONValue {
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

    /// `Microsoft.KeyVault/vaults/keys`: the key's current version under ARM, as a template's `reference()`
    /// sees it. Its attributes are the data plane's (`keyAttributes`), with times in Unix seconds.
    public func key(_ key: VaultKey) -> JSONValue {
        let vault = world.vaults[key: ResourceName(key.vaultName)]
        let current = key.current
        func seconds(_ date: Date?) -> JSONValue {
            date.map { .number($0.timeIntervalSince1970.rounded(.down)) } ?? nil
        }
        var properties: JSONObject = [
            "attributes": [
                "created": seconds(current.created), "enabled": .bool(current.enabled),
                "exp": seconds(current.expires), "exportable": false, "nbf": seconds(current.notBefore),
                "recoveryLevel": JSONValue(vault?.recoveryLevel), "updated": seconds(current.updated),
            ],
            "keyOps": Self.strings(current.keyOps), "keySize": JSONValue(current.keySize),
            "keyUri": .string(key.versionlessIdentifier),
            "keyUriWithVersion": .string(current.identifier(vaultName: key.vaultName, keyName: key.name)),
            "kty": .string(current.keyType.rawValue),
        ]
        if let curve = current.curve { properties["curveName"] = .string(curve) }
        let vaultID = vault?.id(subscriptionId: subscriptionId)
            ?? "/subscriptions/\(subscriptionId)/providers/\(KeyVault.resourceType)/\(key.vaultName)"
        return [
            "id": .string("\(vaultID)/keys/\(key.name)"), "location": JSONValue(vault?.location),
            "name": .string(key.name), "properties": .object(properties),
            "tags": Self.tags(current.tags ?? key.tags), "type": .string(KeyVault.resourceType + "/keys"),
        ]
    }

    /// A key version's attributes as Key Vault's data plane returns them.
    public func keyAttributes(_ key: VaultKey, _ version: KeyVersion) -> JSONObject {
        let vault = world.vaults[key: ResourceName(key.vaultName)]
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
    public func jsonWebKey(_ key: VaultKey, _ version: KeyVersion) -> JSONObject {
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

    /// A key version as Key Vault's data plane returns it (`GET {vault}/keys/{name}/{version}`): attributes, the
    /// JSON Web Key, tags, and for a deleted key when it was deleted and will be purged.
    public func keyBundle(_ key: VaultKey, _ version: KeyVersion) -> JSONValue {
        var object: JSONObject = [
            "attributes": .object(keyAttributes(key, version)), "key": .object(jsonWebKey(key, version)),
            "managed": nil, "releasePolicy": nil, "tags": Self.tags(version.tags ?? key.tags),
        ]
        if let deletion = key.deletion {
            object["deletedDate"] = Self.time(deletion.deletedAt)
            object["scheduledPurgeDate"] = Self.time(deletion.scheduledPurgeDate)
            object["recoveryId"] = .string(key.recoveryId)
        }
        return .object(object)
    }

    /// A key or key version in a data-plane listing: its attributes and identifier, without the key material.
    ///
    /// - Parameter versioned: Name the version (`list-versions`) rather than the key (`list`).
    public func keyItem(_ key: VaultKey, _ version: KeyVersion, versioned: Bool) -> JSONValue {
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

    /// A key's rotation policy as the data plane returns it.
    public func rotationPolicy(_ key: VaultKey, _ policy: RotationPolicy) -> JSONValue {
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
}

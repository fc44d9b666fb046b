import Foundation
import JSON

/// Key Vault's keys data plane as its REST API returns it (api-version 7.x and 2025-07-01): what the Azure SDKs
/// parse. It differs from what az prints (`keyBundle`): JSON Web Key members are snake_case (`key_ops`), times are
/// Unix seconds, unset members are left out, and deleted keys carry `recoveryId`, `deletedDate` and
/// `scheduledPurgeDate`.
///
/// Identifiers are built on `vaultURL` (`https://<vault>.vault.azure.net` by default): a server that was reached by
/// another host name (`<vault>.vault.azure.net:8443`) passes that, so clients that follow a `kid` reach it again.
extension ResourceProjection {
    /// A time as Key Vault's REST API writes it: whole Unix seconds.
    static func unixTime(_ date: Date) -> JSONValue {
        .number(date.timeIntervalSince1970.rounded(.down))
    }

    /// `https://<vault>.vault.azure.net`, the vault URL identifiers are built on when no other is given.
    public static func canonicalVaultURL(_ vaultName: String) -> String {
        "https://\(vaultName).vault.azure.net"
    }

    /// A key version's `attributes`.
    public func restKeyAttributes(_ key: VaultKey, _ version: KeyVersion) -> JSONObject {
        var attributes: JSONObject = [
            "enabled": .bool(version.enabled), "created": Self.unixTime(version.created),
            "updated": Self.unixTime(version.updated), "exportable": false,
        ]
        if let notBefore = version.notBefore { attributes["nbf"] = Self.unixTime(notBefore) }
        if let expires = version.expires { attributes["exp"] = Self.unixTime(expires) }
        if let vault = world.vaults[key: ResourceName(key.vaultName)] {
            attributes["recoveryLevel"] = .string(vault.recoveryLevel)
            attributes["recoverableDays"] = .number(Double(vault.softDeleteRetentionInDays))
        }
        return attributes
    }

    /// The public JSON Web Key of a version (`kid`, `kty`, `key_ops`, `n`, `e`); private members never appear.
    public func restJSONWebKey(_ key: VaultKey, _ version: KeyVersion, vaultURL: String? = nil) -> JSONObject {
        let base = vaultURL ?? Self.canonicalVaultURL(key.vaultName)
        var jwk: JSONObject = [
            "kid": .string("\(base)/keys/\(key.name)/\(version.version)"), "kty": .string(version.keyType.rawValue),
            "key_ops": Self.strings(version.keyOps),
        ]
        if let publicJWK = version.publicJWK {
            jwk["n"] = .string(publicJWK.n)
            jwk["e"] = .string(publicJWK.e)
        }
        if let curve = version.curve { jwk["crv"] = .string(curve) }
        return jwk
    }

    /// A KeyBundle (`GET /keys/{name}/{version}`, and the answer of create, import, update, rotate), or a
    /// DeletedKeyBundle when the key is soft-deleted.
    public func restKeyBundle(_ key: VaultKey, _ version: KeyVersion, vaultURL: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "key": .object(restJSONWebKey(key, version, vaultURL: vaultURL)),
            "attributes": .object(restKeyAttributes(key, version)),
        ]
        if let tags = version.tags ?? key.tags { object["tags"] = Self.tags(tags) }
        addDeletion(key, to: &object, vaultURL: vaultURL)
        return .object(object)
    }

    /// A KeyItem or DeletedKeyItem of a listing: identifier, attributes and tags, no key material.
    ///
    /// - Parameter versioned: Name the version (`/keys/{name}/versions`) rather than the key (`/keys`).
    public func restKeyItem(_ key: VaultKey, _ version: KeyVersion, versioned: Bool, vaultURL: String? = nil)
        -> JSONValue
    {
        let base = vaultURL ?? Self.canonicalVaultURL(key.vaultName)
        var object: JSONObject = [
            "kid": .string("\(base)/keys/\(key.name)" + (versioned ? "/\(version.version)" : "")),
            "attributes": .object(restKeyAttributes(key, version)),
        ]
        if let tags = version.tags ?? key.tags { object["tags"] = Self.tags(tags) }
        addDeletion(key, to: &object, vaultURL: vaultURL)
        return .object(object)
    }

    private func addDeletion(_ key: VaultKey, to object: inout JSONObject, vaultURL: String?) {
        guard let deletion = key.deletion else { return }
        let base = vaultURL ?? Self.canonicalVaultURL(key.vaultName)
        object["recoveryId"] = .string("\(base)/deletedkeys/\(key.name)")
        object["deletedDate"] = Self.unixTime(deletion.deletedAt)
        object["scheduledPurgeDate"] = Self.unixTime(deletion.scheduledPurgeDate)
    }

    /// A key's rotation policy (`GET /keys/{name}/rotationpolicy`).
    public func restRotationPolicy(_ key: VaultKey, _ policy: RotationPolicy, vaultURL: String? = nil) -> JSONValue {
        let base = vaultURL ?? Self.canonicalVaultURL(key.vaultName)
        var attributes: JSONObject = [
            "created": Self.unixTime(policy.createdOn), "updated": Self.unixTime(policy.updatedOn),
        ]
        if let expiry = policy.expiryTime { attributes["expiryTime"] = .string(expiry.text) }
        let actions: [JSONValue] = policy.lifetimeActions.map { action in
            var trigger = JSONObject()
            if let after = action.timeAfterCreate { trigger["timeAfterCreate"] = .string(after.text) }
            if let before = action.timeBeforeExpiry { trigger["timeBeforeExpiry"] = .string(before.text) }
            return ["trigger": .object(trigger), "action": ["type": .string(action.action.rawValue)]]
        }
        return [
            "id": .string("\(base)/keys/\(key.name)/rotationpolicy"), "lifetimeActions": .array(actions),
            "attributes": .object(attributes),
        ]
    }
}

import Foundation

/// What a permitted call may use.
public struct KeyAccess: Sendable {
    public var vault: KeyVault
    public var key: VaultKey?
    public var version: KeyVersion?
}

/// Decides whether a principal may perform an operation on a vault's key now: a pure function over values.
///
/// Checks run in a fixed order and the first failure wins, so every refusal has one stable code:
/// vault exists → not soft-deleted → firewall → access policy or RBAC → key exists, not deleted → enabled →
/// within nbf/exp (wrap and encrypt only) → RSA → operation listed in `key_ops`.
public enum AccessEvaluator {
    public static func evaluate(
        _ operation: KeyOperation,
        vaultName: String,
        keyName: String?,
        version: String? = nil,
        by principal: Principal,
        in world: World,
        at now: Date
    ) -> Result<KeyAccess, AccessDenial> {
        guard let vault = world.vaults[key: ResourceName(vaultName)] else {
            if world.purgeRecords.contains(where: { $0.records(.vault, ResourceName(vaultName)) }) {
                return .failure(
                    AccessDenial(
                        .vaultNotFound,
                        "The vault '\(vaultName)' was purged and no longer exists; "
                            + "keys it held are destroyed and data wrapped by them cannot be recovered."))
            }
            return .failure(
                AccessDenial(
                    .vaultNotFound,
                    "The vault '\(vaultName)' was not found "
                        + "(no such host: \(vaultName).vault.azure.net)."))
        }
        if let deletion = vault.deletion {
            return .failure(
                AccessDenial(
                    .vaultDeleted,
                    "Vault \(vault.name) is in a deleted but recoverable state "
                        + "(deleted \(Timestamp.azString(deletion.deletedAt)), scheduled purge "
                        + "\(Timestamp.azString(deletion.scheduledPurgeDate))). Recover it with 'az keyvault recover --name \(vault.name)'."
                ))
        }
        if principal.isTrustedAzureService, !vault.networkAcls.admitsTrustedServices {
            return .failure(
                AccessDenial(
                    .forbiddenByFirewall,
                    "Client address is not authorized and caller is not a "
                        + "trusted service.\nCaller: \(principal.callerDescription)\nVault: \(vault.name);location=\(vault.location)"
                ))
        }
        if let denial = permissionDenial(operation, vault: vault, keyName: keyName, principal: principal, world: world)
        {
            return .failure(denial)
        }
        guard let keyName else { return .success(KeyAccess(vault: vault, key: nil, version: nil)) }

        guard let key = world.keys[vault: vault.resourceName, name: ResourceName(keyName)] else {
            if world.purgeRecords.contains(where: { $0.records(.key, "\(vault.name)/\(keyName)") }) {
                return .failure(
                    AccessDenial(
                        .keyPurged,
                        "The key '\(keyName)' in vault '\(vault.name)' was purged: it is "
                            + "permanently destroyed and anything wrapped by it cannot be decrypted by anyone."))
            }
            return .failure(keyNotFound(keyName))
        }
        if key.isDeleted {
            return .failure(
                AccessDenial(
                    .keyDeleted,
                    "Key \(key.name) is currently in a deleted but recoverable state, and "
                        + "its name cannot be used; in this state, the key can only be recovered or purged. Recover it with "
                        + "'az keyvault key recover --name \(key.name) --vault-name \(vault.name)'."))
        }
        guard let keyVersion = key.version(version) else {
            return .failure(keyNotFound("\(keyName)/\(version ?? "")"))
        }
        guard operation.usesKeyMaterial else { return .success(KeyAccess(vault: vault, key: key, version: keyVersion)) }

        if !keyVersion.enabled {
            return .failure(
                AccessDenial(
                    .keyDisabled,
                    "Operation \(operation.rawValue) is not allowed on a disabled key. "
                        + "Key: \(keyVersion.identifier(vaultName: vault.name, keyName: key.name))"))
        }
        if operation.isBoundByValidityPeriod {
            if let expires = keyVersion.expires, now >= expires {
                return .failure(
                    AccessDenial(
                        .keyExpired,
                        "Operation \(operation.rawValue) is not allowed: the key expired at "
                            + "\(Timestamp.azString(expires)). Unwrap and decrypt still work; create a new version to wrap again."
                    ))
            }
            if let notBefore = keyVersion.notBefore, now < notBefore {
                return .failure(
                    AccessDenial(
                        .keyNotYetValid,
                        "Operation \(operation.rawValue) is not allowed: the key is not "
                            + "valid before \(Timestamp.azString(notBefore))."))
            }
        }
        guard keyVersion.keyType.isRSA else {
            return .failure(
                AccessDenial(
                    .keyTypeNotSupported,
                    "Operation \(operation.rawValue) is not supported for key type "
                        + "\(keyVersion.keyType.rawValue); a registry's key-encryption key must be RSA or RSA-HSM."))
        }
        if let needed = operation.requiredKeyOp, !keyVersion.allows(needed) {
            return .failure(
                AccessDenial(
                    .operationNotAllowed,
                    "Operation \(needed) is not allowed on this key: its key_ops are "
                        + "[\(keyVersion.keyOps.joined(separator: ", "))]."))
        }
        return .success(KeyAccess(vault: vault, key: key, version: keyVersion))
    }

    static func keyNotFound(_ name: String) -> AccessDenial {
        AccessDenial(
            .keyNotFound,
            "A key with (name/id) \(name) was not found in this key vault. If you recently deleted "
                + "this key you may be able to recover it using the correct recovery command. For help resolving this issue, "
                + "please see https://go.microsoft.com/fwlink/?linkid=2125182")
    }

    private static func permissionDenial(
        _ operation: KeyOperation, vault: KeyVault, keyName: String?,
        principal: Principal, world: World
    ) -> AccessDenial? {
        if vault.enableRbacAuthorization {
            let vaultID = vault.id(subscriptionId: world.account.subscriptionId)
            let resource = keyName.map { "\(vaultID)/keys/\($0)" } ?? vaultID
            let assignments = world.roleAssignments.rows(where: "principal_id", equals: principal.objectId.lowercased())
            let granted = assignments.contains { assignment in
                assignment.covers(resource)
                    && (RoleDefinition.find(assignment.roleName)?.grantsDataAction(operation.dataAction) ?? false)
            }
            if granted { return nil }
            return AccessDenial(
                .forbiddenByRbac,
                "Caller is not authorized to perform action on resource.\n"
                    + "If role assignments, deny assignments or role definitions were changed recently, please observe "
                    + "propagation time.\nCaller: \(principal.callerDescription)\nAction: '\(operation.dataAction)'\n"
                    + "Resource: '\(resource.lowercased())'\nAssignment: (not found)\nDenyAssignmentId: null\n"
                    + "DecisionReason: 'DeniedWithNoValidRBAC' \nVault: \(vault.name);location=\(vault.location)")
        }
        let granted = vault.accessPolicies.contains { policy in
            policy.objectId.lowercased() == principal.objectId.lowercased()
                && policy.grantsKeyPermission(operation.policyPermission)
        }
        if granted { return nil }
        return AccessDenial(
            .forbiddenByPolicy,
            "The user, group or application '\(principal.callerDescription)' does not "
                + "have keys \(operation.policyPermission) permission on key vault '\(vault.name);location=\(vault.location)'. "
                + "For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287")
    }
}

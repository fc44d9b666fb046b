import Foundation

/// One thing `check-health` found.
public struct HealthFinding: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        case info, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// The check that produced it, e.g. `identity`, `vault`, `unwrap`.
    public var check: String
    /// A stable code: a denial code (KeyDisabled, ForbiddenByPolicy, ...) or a health code (KEY_EXPIRING_SOON, ...).
    public var code: ErrorCode
    public var severity: Severity
    public var cause: String
    /// The exact command that fixes it, when there is one.
    public var fix: String?
}

/// What `check-health` concluded about one registry.
public struct HealthReport: Sendable {
    public var registry: String
    public var cmk: Bool
    public var findings: [HealthFinding]
    /// Whether the registry's data key actually unwrapped through the vault during the check.
    public var unwrapSucceeded: Bool?
    /// The denial that blocks the registry's key, if any.
    public var blockingDenial: AccessDenial?

    public var worst: HealthFinding.Severity? { findings.map(\.severity).max() }
    public var isHealthy: Bool { worst != .error }

    /// healthy, degraded (warnings) or unhealthy (errors).
    public var verdict: String {
        switch worst {
        case .error: return "unhealthy"
        case .warning: return "degraded"
        default: return "healthy"
        }
    }
}

extension Session {
    /// Checks a registry's encryption end to end: identity, vault, firewall, permissions, key, an actual unwrap of
    /// the data key, vault safety nets, rotation set-up and upcoming expiry.
    public func checkHealth(registryName: String, resourceGroup: String? = nil) throws -> HealthReport {
        let registry = try requireRegistry(registryName, resourceGroup: resourceGroup)
        var report = HealthReport(registry: registry.name, cmk: registry.isCMK, findings: [])
        guard let encryption = registry.encryption else {
            report.findings.append(
                HealthFinding(
                    check: "encryption", code: .cmkNotEnabled, severity: .info,
                    cause:
                        "The registry uses service-managed keys only (platform layer). CMK can only be enabled when a "
                        + "registry is created.", fix: nil))
            return report
        }
        let keyID = KeyIdentifier.parse(encryption.versionedKeyIdentifier)
        func denialFinding(_ check: String, _ denial: AccessDenial) -> HealthFinding {
            HealthFinding(
                check: check, code: denial.code.errorCode, severity: .error, cause: denial.message,
                fix: remedy(for: denial.code, registry: registry))
        }

        // Identity existence and assignment.
        switch encryptionPrincipal(for: registry) {
        case .failure(let denial):
            report.findings.append(denialFinding("identity", denial))
            report.blockingDenial = denial
            report.unwrapSucceeded = false
            return report
        case .success(let principal):
            report.findings.append(
                HealthFinding(
                    check: "identity", code: .ok, severity: .info,
                    cause: "\(principal.displayName) exists and is assigned.", fix: nil))
        }

        // Vault, firewall, permissions, key: the vault's own ordered evaluation, then a real unwrap.
        switch try unwrapRegistryDEK(registry) {
        case .success:
            report.unwrapSucceeded = true
            report.findings.append(
                HealthFinding(
                    check: "unwrap", code: .ok, severity: .info,
                    cause: "The data key unwrapped with \(encryption.versionedKeyIdentifier).",
                    fix: nil))
        case .failure(let denial):
            report.unwrapSucceeded = false
            report.blockingDenial = denial
            let check: String
            switch denial.code {
            case .vaultNotFound, .vaultDeleted, .vaultUnreachable: check = "vault"
            case .forbiddenByFirewall: check = "firewall"
            case .forbiddenByPolicy, .forbiddenByRbac: check = "permissions"
            default: check = "key"
            }
            report.findings.append(denialFinding(check, denial))
        }

        for replica in registry.replications {
            let blocked = report.unwrapSucceeded != true
            report.findings.append(
                HealthFinding(
                    check: "replication", code: blocked ? "REPLICA_SYNC_BLOCKED" : "OK",
                    severity: blocked ? .error : .info,
                    cause: blocked
                        ? "Geo-replication sync to \(replica.location) is blocked: the replica cannot decrypt content "
                            + "without the registry's key." : "Replica \(replica.location) is in sync (Ready).",
                    fix: blocked ? "Restore the key access above; replicas resume by themselves." : nil))
        }
        guard let keyID, let vault = world.vaults[key: ResourceName(keyID.vaultName)] else { return report }
        if !vault.purgeProtected {
            report.findings.append(
                HealthFinding(
                    check: "vault", code: .purgeProtectionDisabled, severity: .warning,
                    cause:
                        "Vault '\(vault.name)' has no purge protection: a purge of the key would destroy the registry's data "
                        + "for good.", fix: "az keyvault update --name \(vault.name) --enable-purge-protection true"))
        }
        if vault.networkAcls.defaultAction.lowercased() == "deny", vault.networkAcls.admitsTrustedServices {
            report.findings.append(
                HealthFinding(
                    check: "firewall", code: .ok, severity: .info,
                    cause: "The vault firewall denies by default but lets trusted Azure "
                        + "services (the registry) through.", fix: nil))
        }
        guard
            let key = world.keys[vault: vault.resourceName, name: ResourceName(keyID.keyName)], !key.isDeleted
        else { return report }
        let used = key.version(keyID.version)
        if let used, let expires = used.expires {
            if expires <= now {
                report.findings.append(
                    HealthFinding(
                        check: "key", code: .keyExpired, severity: .warning,
                        cause:
                            "The key version in use expired \(Timestamp.azString(expires)): the data key still unwraps, but "
                            + "nothing can be wrapped with it, so rotation to it or re-wrapping fails.",
                        fix: remedy(for: .keyExpired, registry: registry)))
            } else if expires.timeIntervalSince(now) <= 30 * 86_400 {
                let days = Int((expires.timeIntervalSince(now) / 86_400).rounded(.down))
                report.findings.append(
                    HealthFinding(
                        check: "key", code: .keyExpiringSoon, severity: .warning,
                        cause: "The key version in use expires in \(days) day(s), on \(Timestamp.azString(expires)).",
                        fix: encryption.keyRotationEnabled
                            ? "az keyvault key rotate --name \(key.name) --vault-name \(vault.name)"
                            : "az keyvault key rotate --name \(key.name) --vault-name \(vault.name) && az acr encryption "
                                + "rotate-key --name \(registry.name) --key-encryption-key \(key.versionlessIdentifier)"
                    ))
            }
        }
        if encryption.keyRotationEnabled {
            if key.rotationPolicy?.lifetimeActions.contains(where: { $0.action == .rotate }) != true {
                report.findings.append(
                    HealthFinding(
                        check: "rotation", code: .noRotationPolicy, severity: .info,
                        cause:
                            "Automatic rotation is on (versionless key id) but the key has no Rotate policy: new versions "
                            + "appear only when someone rotates the key.",
                        fix: "az keyvault key rotation-policy update --vault-name \(vault.name) --name \(key.name) "
                            + "--value '{\"lifetimeActions\":[{\"trigger\":{\"timeAfterCreate\":\"P90D\"},\"action\":{\"type\":\"Rotate\"}}],"
                            + "\"attributes\":{\"expiryTime\":\"P2Y\"}}'"))
            }
        } else if let used, key.current.version != used.version {
            report.findings.append(
                HealthFinding(
                    check: "rotation", code: .keyVersionBehind, severity: .warning,
                    cause:
                        "The registry uses a versioned key id (manual rotation) and does not follow new versions: it wraps "
                        + "with \(used.version) while the newest is \(key.current.version).",
                    fix: "az acr encryption rotate-key --name \(registry.name) --key-encryption-key "
                        + "\(key.versionlessIdentifier)   (versionless: automatic from then on)"))
        }
        return report
    }
}

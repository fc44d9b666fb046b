import Foundation

/// One entry of `--logs` or `--metrics` as `az monitor diagnostic-settings create` takes it.
public struct DiagnosticCategorySetting: Sendable, Equatable {
    public var category: String?
    public var categoryGroup: String?
    public var enabled: Bool
    /// `retentionPolicy.days` when `retentionPolicy.enabled` is true; 0 keeps events forever.
    public var retentionDays: Int?

    public init(category: String?, categoryGroup: String?, enabled: Bool, retentionDays: Int?) {
        self.category = category
        self.categoryGroup = categoryGroup
        self.enabled = enabled
        self.retentionDays = retentionDays
    }
}

/// What `az monitor diagnostic-settings create` asks for.
public struct DiagnosticSettingRequest: Sendable {
    public var name: String
    /// A Key Vault or registry resource id, or its bare name.
    public var resource: String
    public var logs: [DiagnosticCategorySetting] = []
    public var metrics: [DiagnosticCategorySetting] = []
    public var workspace: String?
    public var storageAccount: String?
    public var eventHub: String?

    public init(name: String, resource: String) {
        self.name = name
        self.resource = resource
    }
}

/// An alert rule together with the audit events that made it fire.
public struct FiredAlert: Sendable {
    public var rule: AlertRule
    /// Oldest first; empty when the alert has not fired.
    public var events: [AuditEvent]
}

/// Monitoring: diagnostic settings that retain a vault's audit events, and alerts on those events.
///
/// Retention rule: Key Vault always evaluates and records every call, but `acrcmk audit` shows an event of a vault
/// only if, at the event's time, a diagnostic setting of that vault sent the `AuditEvent` category (directly or via
/// the `audit` / `allLogs` groups) somewhere, and the setting's retention (if any) has not passed. Deleting the
/// setting stops retaining new events; events sent while it existed stay. Alerts are evaluated over the vault's own
/// event stream from the alert's creation, whether or not a diagnostic setting exists (`alert create` warns then).
extension Session {
    /// Alert operations: Key Vault audit operation names, plus `UnwrapDenied` (a `KeyUnwrap` that did not succeed).
    public static let alertOperations = [
        "VaultAccessPolicyChange", "KeyDelete", "KeyPurge", "KeyDisable", "RoleAssignmentDelete", "UnwrapDenied",
        "VaultDelete", "VaultPurge", "VaultFirewallChange", "KeyNearExpiry",
    ]

    private static let vaultLogCategories = ["AuditEvent", "AzurePolicyEvaluationDetails"]
    private static let registryLogCategories = ["ContainerRegistryRepositoryEvents", "ContainerRegistryLoginEvents"]
    private static let categoryGroups = ["audit", "allLogs"]

    // MARK: - Diagnostic settings

    /// Creates or replaces a diagnostic setting on a vault or registry.
    ///
    /// - Throws: `CMKError` when the resource is unknown, a category does not exist for it, nothing is enabled,
    ///   or no destination is given.
    @discardableResult
    public func createDiagnosticSetting(_ request: DiagnosticSettingRequest) throws -> DiagnosticSetting {
        let (resourceID, isVault) = try resolveMonitoredResource(request.resource)
        let known = isVault ? Self.vaultLogCategories : Self.registryLogCategories
        var categories: [String] = []
        var retentionDays: Int?
        for entry in request.logs {
            let name: String
            if let category = entry.category {
                guard let match = known.first(where: { $0.lowercased() == category.lowercased() }) else {
                    throw CMKError.badRequest(.badRequest, "Category '\(category)' is not supported for "
                        + "\(resourceID). Supported log categories: \(known.joined(separator: ", ")).",
                        hint: "Key Vault audit logs: --logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]'")
                }
                name = match
            } else if let group = entry.categoryGroup {
                guard let match = Self.categoryGroups.first(where: { $0.lowercased() == group.lowercased() }) else {
                    throw CMKError.badRequest(.badRequest, "Category group '\(group)' is not supported. Supported "
                        + "groups: \(Self.categoryGroups.joined(separator: ", ")).")
                }
                name = match
            } else {
                throw CMKError.badRequest(.badRequest, "Each --logs entry needs \"category\" or \"categoryGroup\".",
                                          hint: "--logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]'")
            }
            guard entry.enabled else { continue }
            categories.append(name)
            if let days = entry.retentionDays, days < 0 || days > 365 {
                throw CMKError.badRequest(.badRequest, "Retention days must be between 0 and 365, not \(days).")
            }
            if let days = entry.retentionDays, days > 0, ["AuditEvent", "audit", "allLogs"].contains(name) {
                retentionDays = max(retentionDays ?? 0, days)
            }
        }
        var metrics: [String] = []
        for entry in request.metrics where entry.enabled {
            guard let category = entry.category, category.lowercased() == "allmetrics" else {
                throw CMKError.badRequest(.badRequest, "Metric category '\(entry.category ?? "")' is not supported; "
                    + "use AllMetrics.")
            }
            metrics.append("AllMetrics")
        }
        if categories.isEmpty && metrics.isEmpty {
            throw CMKError.badRequest(.badRequest, "The diagnostic setting '\(request.name)' enables no log or metric "
                + "category: nothing would be sent.",
                hint: "--logs '[{\"category\": \"AuditEvent\", \"enabled\": true}]'")
        }
        if request.workspace == nil && request.storageAccount == nil && request.eventHub == nil {
            throw CMKError.badRequest(.badRequest, "A diagnostic setting needs a destination: give --workspace, "
                + "--storage-account or --event-hub.",
                hint: "e.g. --workspace /subscriptions/<sub>/resourceGroups/<rg>/providers/"
                    + "Microsoft.OperationalInsights/workspaces/<name> (any id is accepted by the simulation).")
        }
        // A create on an existing name replaces it (ARM PUT); the old one ends here so its retention window closes.
        for index in world.diagnosticSettings.indices where world.diagnosticSettings[index].deletedAt == nil
            && world.diagnosticSettings[index].resourceID.lowercased() == resourceID.lowercased()
            && world.diagnosticSettings[index].resourceName == ResourceName(request.name) {
            world.diagnosticSettings[index].deletedAt = now
        }
        let setting = DiagnosticSetting(
            name: request.name, resourceID: resourceID, categories: categories, retentionDays: retentionDays,
            workspace: request.workspace, createdAt: now, metrics: metrics, storageAccount: request.storageAccount,
            eventHub: request.eventHub, deletedAt: nil)
        world.diagnosticSettings.append(setting)
        return setting
    }

    /// The live diagnostic settings of a resource.
    public func listDiagnosticSettings(resource: String) throws -> [DiagnosticSetting] {
        let (resourceID, _) = try resolveMonitoredResource(resource)
        return world.diagnosticSettings.filter {
            $0.deletedAt == nil && $0.resourceID.lowercased() == resourceID.lowercased()
        }
    }

    public func showDiagnosticSetting(name: String, resource: String) throws -> DiagnosticSetting {
        guard let setting = try listDiagnosticSettings(resource: resource).first(where: {
            $0.resourceName == ResourceName(name)
        }) else {
            throw CMKError(.notFound, code: .resourceNotFound,
                           "The diagnostic setting '\(name)' doesn't exist on resource '\(resource)'.",
                           hint: "az monitor diagnostic-settings list --resource \(resource)")
        }
        return setting
    }

    /// Deletes a setting: events after now are no longer retained; those sent before stay.
    public func deleteDiagnosticSetting(name: String, resource: String) throws {
        let setting = try showDiagnosticSetting(name: name, resource: resource)
        let index = world.diagnosticSettings.firstIndex { $0 == setting }!
        world.diagnosticSettings[index].deletedAt = now
    }

    /// Refuses an audit query for a vault or registry this state home has never known, when no event names it:
    /// a mistyped name would otherwise read as "no events", the answer a healthy vault gives.
    ///
    /// - Parameter matched: The events the filter selected (deleted and purged resources keep theirs).
    /// - Throws: `CMKError` (not found) naming what the name is instead, or the names that exist.
    public func requireAuditSubjects(vault: String?, registry: String?, matched: [AuditEvent]) throws {
        guard matched.isEmpty else { return }
        if let vault, world.vaults[key: ResourceName(vault)] == nil,
           !world.purgeRecords.contains(where: { $0.records(.vault, ResourceName(vault)) }) {
            let known = world.vaults.map(\.name).sorted()
            let hint = world.registries[key: ResourceName(vault)] != nil
                ? "'\(vault)' is a registry: acrcmk audit --registry \(vault)"
                : known.isEmpty ? "No Key Vault exists yet in this state home."
                : "The Key Vaults here: \(known.joined(separator: ", "))."
            throw CMKError(.notFound, code: .resourceNotFound,
                           "No Key Vault named '\(vault)' exists in this state home, nor ever did.", hint: hint)
        }
        if let registry, world.registries[key: ResourceName(registry)] == nil {
            let known = world.registries.map(\.name).sorted()
            let hint = world.vaults[key: ResourceName(registry)] != nil
                ? "'\(registry)' is a Key Vault: acrcmk audit --vault \(registry)"
                : known.isEmpty ? "No registry exists yet in this state home."
                : "The registries here: \(known.joined(separator: ", "))."
            throw CMKError(.notFound, code: .resourceNotFound,
                           "No registry named '\(registry)' exists in this state home.", hint: hint)
        }
    }

    /// Whether some live diagnostic setting currently retains the vault's audit events.
    public func auditRetained(vaultName: String) -> Bool {
        auditSettings(vaultName: vaultName).contains { $0.deletedAt == nil }
    }

    /// Whether `event` was sent to a destination by a diagnostic setting and is still within its retention.
    public func isRetained(_ event: AuditEvent) -> Bool {
        auditSettings(vaultName: event.vaultName).contains { setting in
            guard setting.createdAt <= event.time else { return false }
            if let deletedAt = setting.deletedAt, event.time >= deletedAt { return false }
            if let days = setting.retentionDays, days > 0,
               event.time < now.addingTimeInterval(-Double(days) * 86_400) { return false }
            return true
        }
    }

    /// The settings, live or deleted, that send a vault's `AuditEvent` category.
    private func auditSettings(vaultName: String) -> [DiagnosticSetting] {
        let suffix = "/providers/\(KeyVault.resourceType)/\(vaultName)".lowercased()
        return world.diagnosticSettings.filter { setting in
            setting.resourceID.lowercased().hasSuffix(suffix)
                && setting.categories.contains { ["auditevent", "audit", "alllogs"].contains($0.lowercased()) }
        }
    }

    /// A vault or registry by resource id or name: its canonical id and whether it is a vault.
    private func resolveMonitoredResource(_ reference: String) throws -> (id: String, isVault: Bool) {
        let subscription = world.account.subscriptionId
        if reference.hasPrefix("/") {
            let parts = reference.split(separator: "/").map(String.init)
            let lower = parts.map { $0.lowercased() }
            if let at = lower.firstIndex(of: "microsoft.keyvault"), at + 2 < parts.count, lower[at + 1] == "vaults" {
                return (try requireVault(parts[at + 2]).id(subscriptionId: subscription), true)
            }
            if let at = lower.firstIndex(of: "microsoft.containerregistry"), at + 2 < parts.count,
               lower[at + 1] == "registries" {
                return (try requireRegistry(parts[at + 2]).id(subscriptionId: subscription), false)
            }
            throw CMKError.badRequest(.invalidResourceId, "'\(reference)' is not a Key Vault or container registry "
                + "resource id; the simulation keeps diagnostic settings for those only.",
                hint: "az keyvault show --name <vault> --query id -o tsv")
        }
        if let index = vaultIndex(reference) { return (world.vaults[index].id(subscriptionId: subscription), true) }
        if let index = registryIndex(reference) {
            return (world.registries[index].id(subscriptionId: subscription), false)
        }
        throw CMKError(.notFound, code: .resourceNotFound, "No Key Vault or container registry named '\(reference)'.",
                       hint: "Pass the resource id: az keyvault show --name <vault> --query id -o tsv")
    }

    // MARK: - Alerts

    /// Creates an alert on one operation of a vault's audit events.
    ///
    /// - Throws: `CMKError` for an unknown operation or vault, or a name already in use.
    @discardableResult
    public func createAlert(name: String, vaultName: String, operation: String) throws -> AlertRule {
        guard let canonical = Self.alertOperations.first(where: { $0.lowercased() == operation.lowercased() }) else {
            throw CMKError.usage("The operation '\(operation)' cannot be alerted on. Use one of: "
                + Self.alertOperations.joined(separator: ", ") + ".")
        }
        let vault = try requireVault(vaultName)
        guard !name.isEmpty else { throw CMKError.usage("The alert name must not be empty.") }
        if world.alertRules.contains(where: { $0.resourceName == ResourceName(name) }) {
            throw CMKError.conflict(.conflict, "An alert named '\(name)' already exists.",
                                    hint: "Pick another name, or delete it first: acrcmk alert delete --name \(name)")
        }
        let rule = AlertRule(name: name, vaultName: vault.name, operation: canonical, createdAt: now)
        world.alertRules.append(rule)
        return rule
    }

    public func deleteAlert(name: String) throws {
        guard let index = world.alertRules.firstIndex(where: { $0.resourceName == ResourceName(name) }) else {
            throw CMKError(.notFound, code: .alertNotFound, "There is no alert named '\(name)'.",
                           hint: "acrcmk alert list")
        }
        world.alertRules.remove(at: index)
    }

    /// Each alert (or the one named) with the events, among `events`, that made it fire.
    ///
    /// - Throws: `CMKError` (not found) when `name` names no alert.
    public func evaluateAlerts(over events: [AuditEvent], name: String? = nil) throws -> [FiredAlert] {
        var rules = world.alertRules
        if let name {
            rules = rules.filter { $0.resourceName == ResourceName(name) }
            if rules.isEmpty {
                throw CMKError(.notFound, code: .alertNotFound, "There is no alert named '\(name)'.",
                               hint: "acrcmk alert list")
            }
        }
        let ordered = events.sorted { $0.time < $1.time }
        return rules.map { rule in FiredAlert(rule: rule, events: ordered.filter(rule.matches)) }
    }
}

extension AlertRule {
    /// Whether an audit event triggers this alert: same vault, at or after the alert's creation, the operation
    /// succeeded (`UnwrapDenied`: a `KeyUnwrap` that did not).
    public func matches(_ event: AuditEvent) -> Bool {
        guard ResourceName(event.vaultName) == ResourceName(vaultName), event.time >= createdAt else { return false }
        if operation == "UnwrapDenied" { return event.operationName == "KeyUnwrap" && !event.succeeded }
        return event.operationName.lowercased() == operation.lowercased() && event.succeeded
    }
}

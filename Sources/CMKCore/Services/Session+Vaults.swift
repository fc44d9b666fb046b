import Foundation

/// What `az keyvault create` asks for.
public struct VaultCreateRequest: Sendable {
    public var name: String
    public var resourceGroup: String
    public var location: String?
    public var sku: String = "standard"
    public var retentionDays: Int?
    public var enablePurgeProtection: Bool?
    public var enableRbacAuthorization: Bool?
    public var defaultAction: String?
    public var bypass: String?
    public var noSelfPermissions = false
    public var publicNetworkAccess: String?
    public var tags: [String: String]?

    public init(name: String, resourceGroup: String) {
        self.name = name
        self.resourceGroup = resourceGroup
    }
}

/// What `az keyvault update` may change.
public struct VaultUpdateRequest: Sendable {
    public var enablePurgeProtection: Bool?
    public var enableSoftDelete: Bool?
    public var retentionDays: Int?
    public var enableRbacAuthorization: Bool?
    public var defaultAction: String?
    public var bypass: String?
    public var publicNetworkAccess: String?
    public var tags: [String: String]?

    public init() {}
}

/// `az keyvault`: vault lifecycle, soft delete and purge protection, access policies.
extension Session {
    /// The config switch that gives the seeds' older default (access policies) to new vaults.
    public static let rbacByDefaultConfigKey = "keyvault.rbac-by-default"

    @discardableResult
    public func createVault(_ request: VaultCreateRequest) throws -> KeyVault {
        let group = try requireGroup(request.resourceGroup)
        try Validation.vaultName(request.name)
        if let index = vaultIndex(request.name, includeDeleted: true) {
            if world.vaults[index].isDeleted {
                throw CMKError.conflict(
                    .conflictError,
                    "A vault with the same name already exists in deleted state. You "
                        + "need to either recover or purge existing key vault. Follow this link "
                        + "https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.",
                    hint: "az keyvault recover --name \(request.name)   or   az keyvault purge --name \(request.name)")
            }
            throw CMKError.conflict(.vaultAlreadyExists, "The specified vault: \(request.name) already exists")
        }
        world.purgeRecords.removeAll { $0.records(.vault, ResourceName(request.name)) }
        let retention = request.retentionDays ?? 90
        try Self.validateRetention(retention)
        let rbac =
            request.enableRbacAuthorization ?? (world.config[Self.rbacByDefaultConfigKey]?.lowercased() != "false")
        let sku = request.sku.lowercased()
        guard sku == "standard" || sku == "premium" else {
            throw CMKError.usage(
                "'\(request.sku)' is not a valid value for '--sku'. Allowed values: premium, standard.")
        }
        var policies: [AccessPolicy] = []
        if !rbac, !request.noSelfPermissions {
            policies.append(
                AccessPolicy(
                    tenantId: world.account.tenantId, objectId: world.account.operatorObjectId,
                    keys: AccessPolicy.allKeyPermissions.filter { $0 != "all" },
                    secrets: ["all"], certificates: ["all"], storage: ["all"]))
        }
        let vault = KeyVault(
            name: request.name, resourceGroup: group.name, location: try location(request.location, group: group), sku: sku,
            tenantId: world.account.tenantId, softDeleteRetentionInDays: retention,
            enablePurgeProtection: request.enablePurgeProtection == true ? true : nil,
            enableRbacAuthorization: rbac, accessPolicies: policies,
            networkAcls: NetworkAcls(
                defaultAction: request.defaultAction ?? "Allow", bypass: request.bypass ?? "AzureServices"),
            publicNetworkAccess: request.publicNetworkAccess ?? "Enabled", createdAt: now, tags: request.tags)
        world.vaults.append(vault)
        recordManagement("VaultPut", vault: vault.name)
        return vault
    }

    static func validateRetention(_ days: Int) throws {
        guard (7...90).contains(days) else {
            throw CMKError.badRequest(
                .badRequest,
                "The soft delete retention period must be between 7 and 90 days; "
                    + "\(days) was given.", hint: "Pass --retention-days with a value from 7 to 90 (default 90).")
        }
    }

    public func showVault(name: String, resourceGroup: String?) throws -> KeyVault {
        try requireVault(name, resourceGroup: resourceGroup)
    }

    @discardableResult
    public func updateVault(name: String, resourceGroup: String?, _ request: VaultUpdateRequest) throws -> KeyVault {
        let vault = try requireVault(name, resourceGroup: resourceGroup)
        var updated = vault
        if let purgeProtection = request.enablePurgeProtection {
            if !purgeProtection, vault.purgeProtected {
                throw CMKError.badRequest(
                    .badRequest,
                    "The property \"enablePurgeProtection\" cannot be set to false. "
                        + "Enabling the purge protection for a vault is an irreversible action.")
            }
            updated.enablePurgeProtection = purgeProtection ? true : vault.enablePurgeProtection
        }
        if request.enableSoftDelete == false {
            throw CMKError.badRequest(
                .badRequest,
                "The property \"enableSoftDelete\" cannot be set to false. Enabling "
                    + "the soft delete for a vault is an irreversible action.")
        }
        if let retention = request.retentionDays, retention != vault.softDeleteRetentionInDays {
            throw CMKError.badRequest(
                .badRequest,
                "The property \"softDeleteRetentionInDays\" has been set already and "
                    + "it can't be modified.")
        }
        if let rbac = request.enableRbacAuthorization { updated.enableRbacAuthorization = rbac }
        if let action = request.defaultAction { updated.networkAcls.defaultAction = action }
        if let bypass = request.bypass { updated.networkAcls.bypass = bypass }
        if let access = request.publicNetworkAccess { updated.publicNetworkAccess = access }
        if let tags = request.tags { updated.tags = tags }
        world.vaults[vaultIndex(name)!] = updated
        if updated.networkAcls != vault.networkAcls { recordManagement("VaultFirewallChange", vault: vault.name) }
        recordManagement("VaultPatch", vault: vault.name)
        return updated
    }

    /// Adds IPv4 rules to a vault's firewall (`az keyvault network-rule add`); a rule already there is kept once.
    ///
    /// A bare address is stored as its /32 range. Virtual-network rules are not simulated.
    /// - Throws: `CMKError` (bad request) for anything but an IPv4 address or CIDR range.
    @discardableResult
    public func addVaultNetworkRules(name: String, resourceGroup: String?, ipAddresses: [String]) throws -> KeyVault {
        let vault = try requireVault(name, resourceGroup: resourceGroup)
        var updated = vault
        for address in ipAddresses {
            let range = try Validation.ipv4Range(address)
            if !updated.networkAcls.ipRules.contains(range) { updated.networkAcls.ipRules.append(range) }
        }
        world.vaults[vaultIndex(name)!] = updated
        if updated.networkAcls != vault.networkAcls { recordManagement("VaultFirewallChange", vault: vault.name) }
        return updated
    }

    /// Removes IPv4 rules from a vault's firewall (`az keyvault network-rule remove`).
    ///
    /// - Throws: `CMKError` (bad request) for an address that is not an IPv4 address or range, or no rule.
    @discardableResult
    public func removeVaultNetworkRules(name: String, resourceGroup: String?, ipAddresses: [String]) throws
        -> KeyVault
    {
        let vault = try requireVault(name, resourceGroup: resourceGroup)
        var updated = vault
        for address in ipAddresses {
            let range = try Validation.ipv4Range(address)
            guard let index = updated.networkAcls.ipRules.firstIndex(of: range) else {
                let rules = vault.networkAcls.ipRules
                throw CMKError.badRequest(
                    .badRequest, "Vault '\(vault.name)' has no network rule for '\(address)'.",
                    hint: rules.isEmpty ? "It has no IP rules." : "Its IP rules: \(rules.joined(separator: ", ")).")
            }
            updated.networkAcls.ipRules.remove(at: index)
        }
        world.vaults[vaultIndex(name)!] = updated
        if updated.networkAcls != vault.networkAcls { recordManagement("VaultFirewallChange", vault: vault.name) }
        return updated
    }

    /// Soft-deletes a vault: recoverable until `scheduledPurgeDate`; its RBAC assignments are deleted for good.
    public func deleteVault(name: String, resourceGroup: String?) throws {
        let vault = try requireVault(name, resourceGroup: resourceGroup)
        let index = vaultIndex(name)!
        world.vaults[index].deletion = Deletion(
            deletedAt: now, scheduledPurgeDate: now.addingTimeInterval(Double(vault.softDeleteRetentionInDays) * 86_400)
        )
        let vaultID = vault.id(subscriptionId: world.account.subscriptionId).lowercased()
        world.roleAssignments.removeAll { $0.scope.lowercased().hasPrefix(vaultID) }
        recordManagement("VaultDelete", vault: vault.name)
    }

    /// Purges a soft-deleted vault and its keys for good; refused under purge protection.
    public func purgeVault(name: String) throws {
        guard let index = vaultIndex(name, includeDeleted: true), world.vaults[index].isDeleted else {
            throw CMKError(
                .notFound, code: .resourceNotFound, "No deleted vault named '\(name)' was found.",
                hint: "List soft-deleted vaults with 'az keyvault list-deleted'.")
        }
        let vault = world.vaults[index]
        if vault.purgeProtected {
            recordManagement("VaultPurge", vault: vault.name, result: "MethodNotAllowed")
            throw CMKError.badRequest(
                .methodNotAllowed, "Operation 'DeletedVaultPurge' is not allowed.",
                hint: "Purge protection is on: the service purges the vault by itself on "
                    + Timestamp.azString(vault.deletion!.scheduledPurgeDate) + ".")
        }
        destroyVault(at: index)
    }

    /// Removes a vault and its keys and remembers the names as purged.
    func destroyVault(at index: Int) {
        let vault = world.vaults.remove(at: index)
        for key in world.keys where key.vaultName == vault.name {
            world.purgeRecords.append(PurgeRecord(kind: .key, name: "\(vault.name)/\(key.name)", purgedAt: now))
        }
        world.keys.removeAll { $0.vaultName == vault.name }
        world.purgeRecords.append(PurgeRecord(kind: .vault, name: vault.name, purgedAt: now))
        recordManagement("VaultPurge", vault: vault.name)
    }

    @discardableResult
    public func recoverVault(name: String) throws -> KeyVault {
        guard let index = vaultIndex(name, includeDeleted: true) else {
            throw CMKError(
                .notFound, code: .resourceNotFound,
                "No deleted vault named '\(name)' was found; it may have "
                    + "been purged.", hint: "List soft-deleted vaults with 'az keyvault list-deleted'.")
        }
        guard world.vaults[index].isDeleted else {
            throw CMKError.conflict(.conflict, "The vault '\(name)' is not deleted; there is nothing to recover.")
        }
        world.vaults[index].deletion = nil
        recordManagement("VaultRecover", vault: world.vaults[index].name)
        return world.vaults[index]
    }

    public var liveVaults: [KeyVault] { world.vaults.filter { !$0.isDeleted } }
    public var deletedVaults: [KeyVault] { world.vaults.filter(\.isDeleted) }

    /// Adds or replaces an access-policy entry; refused on an RBAC vault with both ways out.
    @discardableResult
    public func setPolicy(
        vaultName: String, resourceGroup: String?, objectId: String, applicationId: String?,
        keys: [String]?, secrets: [String]?, certificates: [String]?, storage: [String]?
    ) throws -> KeyVault {
        let vault = try requireVault(vaultName, resourceGroup: resourceGroup)
        if vault.enableRbacAuthorization {
            throw CMKError.badRequest(
                nil, "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
                hint: "This vault uses Azure RBAC (the az default since 2.61). Either grant a role instead: "
                    + "az role assignment create --assignee \(objectId) --role \"Key Vault Crypto Service Encryption User\" "
                    + "--scope \(vault.id(subscriptionId: world.account.subscriptionId)) ; or create the vault with "
                    + "--enable-rbac-authorization false (or switch it: az keyvault update --name \(vault.name) "
                    + "--enable-rbac-authorization false).")
        }
        let index = vaultIndex(vaultName)!
        var policies = vault.accessPolicies
        let existing = policies.firstIndex {
            $0.objectId.lowercased() == objectId.lowercased()
                && $0.applicationId?.lowercased() == applicationId?.lowercased()
        }
        var entry =
            existing.map { policies[$0] }
            ?? AccessPolicy(tenantId: world.account.tenantId, objectId: objectId, applicationId: applicationId)
        if let keys { entry.keys = keys }
        if let secrets { entry.secrets = secrets }
        if let certificates { entry.certificates = certificates }
        if let storage { entry.storage = storage }
        if let existing { policies[existing] = entry } else { policies.append(entry) }
        world.vaults[index].accessPolicies = policies
        recordManagement("VaultAccessPolicyChange", vault: vault.name, detail: "set-policy for \(objectId)")
        return world.vaults[index]
    }

    @discardableResult
    public func deletePolicy(vaultName: String, resourceGroup: String?, objectId: String, applicationId: String?) throws
        -> KeyVault
    {
        let vault = try requireVault(vaultName, resourceGroup: resourceGroup)
        if vault.enableRbacAuthorization {
            throw CMKError.badRequest(
                nil, "Cannot delete policies to a vault with '--enable-rbac-authorization' specified",
                hint: "This vault uses Azure RBAC: remove the role assignment instead (az role assignment delete "
                    + "--assignee \(objectId) --scope \(vault.id(subscriptionId: world.account.subscriptionId))).")
        }
        let index = vaultIndex(vaultName)!
        let before = vault.accessPolicies.count
        world.vaults[index].accessPolicies.removeAll {
            $0.objectId.lowercased() == objectId.lowercased()
                && (applicationId == nil || $0.applicationId?.lowercased() == applicationId?.lowercased())
        }
        if world.vaults[index].accessPolicies.count == before {
            throw CMKError.badRequest(nil, "No matching policies found")
        }
        recordManagement("VaultAccessPolicyChange", vault: vault.name, detail: "delete-policy for \(objectId)")
        return world.vaults[index]
    }

    /// Audit events of management operations, made by the signed-in operator.
    func recordManagement(_ operation: String, vault: String, result: String = "OK", detail: String? = nil) {
        record(
            AuditEvent(
                time: now, vaultName: vault.lowercased(), operationName: operation, resultSignature: result,
                callerObjectId: world.account.operatorObjectId, caller: world.account.operatorName,
                keyId: nil, detail: detail, registry: nil))
    }
}

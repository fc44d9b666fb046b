import Foundation

/// Key rotation policies, validated as Key Vault validates them.
extension Session {
    /// The policy of a key; Key Vault answers with its default (Notify 30 days before expiry) when none was set.
    public func showRotationPolicy(vaultName: String, name: String, as principal: Principal? = nil) throws -> (VaultKey, RotationPolicy) {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(.getRotationPolicy, vaultName: vault.name, keyName: name, as: principal ?? signedInOperator)
        let key = access.key!
        let policy =
            key.rotationPolicy
            ?? RotationPolicy(
                lifetimeActions: [
                    .init(action: .notify, timeAfterCreate: nil, timeBeforeExpiry: try! ISODuration("P30D"))
                ],
                expiryTime: nil, createdOn: key.versions.first!.created, updatedOn: key.versions.first!.created)
        return (key, policy)
    }

    @discardableResult
    public func updateRotationPolicy(
        vaultName: String, name: String, lifetimeActions: [RotationPolicy.LifetimeAction],
        expiryTime: ISODuration?, as principal: Principal? = nil
    ) throws -> (VaultKey, RotationPolicy) {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(.setRotationPolicy, vaultName: vault.name, keyName: name, as: principal ?? signedInOperator)
        try Self.validateRotationPolicy(lifetimeActions: lifetimeActions, expiryTime: expiryTime)
        let index = keyIndex(vaultName: vault.name, name: access.key!.name)!
        let created = world.keys[index].rotationPolicy?.createdOn ?? now
        let policy = RotationPolicy(
            lifetimeActions: lifetimeActions, expiryTime: expiryTime, createdOn: created, updatedOn: now)
        world.keys[index].rotationPolicy = policy
        return (world.keys[index], policy)
    }

    /// Key Vault's rules: Notify only before expiry; before-expiry triggers need an expiry; rotation at least 7 days
    /// after creation or before expiry; expiry at least 28 days; one trigger per action.
    public static func validateRotationPolicy(
        lifetimeActions: [RotationPolicy.LifetimeAction], expiryTime: ISODuration?
    ) throws {
        func bad(_ message: String) -> CMKError {
            CMKError.badRequest(
                .badParameter, message,
                hint: "Example: {\"lifetimeActions\": [{\"trigger\": "
                    + "{\"timeAfterCreate\": \"P90D\"}, \"action\": {\"type\": \"Rotate\"}}], \"attributes\": {\"expiryTime\": \"P2Y\"}}"
            )
        }
        if let expiryTime, expiryTime.approximateDays < 28 {
            throw bad("Expiry period must be at least 28 days; '\(expiryTime)' is shorter.")
        }
        for action in lifetimeActions {
            switch (action.timeAfterCreate, action.timeBeforeExpiry) {
            case (nil, nil):
                throw bad("Each lifetime action needs a trigger: timeAfterCreate or timeBeforeExpiry.")
            case (.some, .some):
                throw bad("A lifetime action takes either timeAfterCreate or timeBeforeExpiry, not both.")
            case (.some(let after), nil):
                if action.action == .notify {
                    throw bad("The Notify action is only supported with timeBeforeExpiry.")
                }
                if after.approximateDays < 7 {
                    throw bad("Trigger must be at least 7 days after creation; '\(after)' is shorter.")
                }
                if let expiryTime, after.approximateDays >= expiryTime.approximateDays {
                    throw bad("timeAfterCreate '\(after)' must be shorter than the expiry time '\(expiryTime)'.")
                }
            case (nil, .some(let before)):
                guard let expiryTime else {
                    throw bad("timeBeforeExpiry needs an expiry: set attributes.expiryTime in the policy.")
                }
                if before.approximateDays < 7 {
                    throw bad("Trigger must be at least 7 days before expiry; '\(before)' is shorter.")
                }
                if before.approximateDays >= expiryTime.approximateDays {
                    throw bad("timeBeforeExpiry '\(before)' must be shorter than the expiry time '\(expiryTime)'.")
                }
            }
        }
        let rotates = lifetimeActions.filter { $0.action == .rotate }.count
        let notifies = lifetimeActions.filter { $0.action == .notify }.count
        if rotates > 1 || notifies > 1 {
            throw bad("A policy has at most one Rotate and one Notify action.")
        }
    }
}

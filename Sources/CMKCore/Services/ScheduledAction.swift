import Foundation

/// Something the scheduler runs when simulated time reaches it.
enum ScheduledAction {
    /// A rotation policy's Rotate action: a new key version.
    case rotate(VaultKey)
    /// A rotation policy's Notify action (before expiry).
    case notify(VaultKey)
    /// A registry with a versionless key id moves to the key's newest version.
    case pickUp(registry: String, version: String)
    /// A soft-deleted key's retention ended.
    case purgeKey(VaultKey)
    /// A soft-deleted vault's retention ended.
    case purgeVault(KeyVault)
}

extension World {
    /// The settings key for how long a registry with a versionless key id takes to pick up a new version.
    static let pickupLagConfigKey = "registry.rotation-pickup-lag"
    static let defaultPickupLag = "PT1H"

    /// How long a registry with a versionless key id takes to pick up a new version (a setting, one hour by default).
    var pickupLag: ISODuration {
        (try? ISODuration(config[Self.pickupLagConfigKey] ?? Self.defaultPickupLag)) ?? (try! ISODuration("PT1H"))
    }

    /// Sets `scheduledAt` of the keys named (`vault/key`, any case) to the earliest time something falls due for
    /// them.
    mutating func refreshSchedules(ofKeys names: some Sequence<ResourceName>) {
        let lag = pickupLag
        for name in names {
            guard var key = keys[key: name] else { continue }
            let due = dueActions(for: key, pickupLag: lag).map(\.0).min()
            if key.scheduledAt != due {
                key.scheduledAt = due
                keys[key: name] = key
            }
        }
    }

    /// Sets `scheduledAt` of every key (a migrated document, a changed pick-up lag).
    public mutating func refreshAllSchedules() {
        refreshSchedules(ofKeys: keys.compactMap(\.naturalKey))
    }

    /// Everything that falls due because of `key`, at the time it falls due (which may be in the past): its
    /// rotation policy's actions, the pick-up of its newest version by the registries that follow it, and its
    /// purge once soft-deleted. The earliest of these is the key's `scheduledAt`.
    func dueActions(for key: VaultKey, pickupLag: ISODuration) -> [(Date, ScheduledAction)] {
        if let deletion = key.deletion {
            return [(deletion.scheduledPurgeDate, .purgeKey(key))]
        }
        var due: [(Date, ScheduledAction)] = []
        let current = key.current
        let vaultIsLive = vaults[key: ResourceName(key.vaultName)].map { !$0.isDeleted } ?? false
        for action in vaultIsLive ? key.rotationPolicy?.lifetimeActions ?? [] : [] {
            var time: Date?
            if let after = action.timeAfterCreate { time = after.added(to: current.created) }
            if let before = action.timeBeforeExpiry, let expires = current.expires {
                time = before.subtracted(from: expires)
            }
            guard let time else { continue }
            switch action.action {
            case .rotate where key.failedRotationVersion != current.version: due.append((time, .rotate(key)))
            case .notify where current.notifiedAt == nil: due.append((time, .notify(key)))
            case .notify, .rotate: break
            }
        }
        let followed = ResourceName(key.vaultName + "/" + key.name).folded
        for registry in registries.rows(where: "rotation_key", equals: followed) {
            guard let encryption = registry.encryption,
                  !encryption.versionedKeyIdentifier.hasSuffix("/\(current.version)"),
                  encryption.failedPickupVersion != current.version
            else { continue }
            let pickUp = ScheduledAction.pickUp(registry: registry.name, version: current.version)
            due.append((pickupLag.added(to: current.created), pickUp))
        }
        return due
    }
}

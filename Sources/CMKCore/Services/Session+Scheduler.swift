import CMKCrypto
import Foundation

/// What happens while nobody is typing: rotation policies, automatic key pick-up by registries, Notify events,
/// and the purge of soft-deleted keys and vaults when their retention ends.
extension Session {
    /// The config key for how long a registry with a versionless key id takes to pick up a new version.
    public static let pickupLagConfigKey = World.pickupLagConfigKey
    public static let defaultPickupLag = World.defaultPickupLag

    /// A bound on one run, against an action that keeps falling due at the same instant.
    ///
    /// A long `clock advance` runs in segments (``ClockMove``), each a run of its own, so only a stuck action
    /// reaches it.
    static let schedulerStepLimit = 10_000

    /// How long nothing may fall due after an instant for a paused run to stop there.
    ///
    /// The clock runs with real time, so the next segment of a move starts past the pause by the real time the
    /// segment and its commit took; whatever fell due in between would run in the store's catch-up, unseen by the
    /// move. An hour of simulated time is far more than those seconds, and it keeps a rotation and the registry
    /// pick-up an hour later (the default lag) in the same segment.
    static let quietInterval: TimeInterval = 3600

    var pickupLag: ISODuration { world.pickupLag }

    /// Runs, in time order, everything that fell due up to `target`, moving `now` along; returns what happened.
    @discardableResult
    public func runScheduler(until target: Date) -> [ScheduledEvent] {
        runScheduler(until: target, pausingWhen: { false }).events
    }

    /// Runs, in time order, what falls due up to `target`, moving `now` along, unless `shouldPause` stops it first.
    ///
    /// `shouldPause` is asked at each quiet instant: before an action that falls due more than ``quietInterval``
    /// after `now`. If it answers yes the run stops there, `now` staying where the last action left it.
    /// - Returns: What happened, and whether the run paused before `target`.
    func runScheduler(until target: Date, pausingWhen shouldPause: () -> Bool)
        -> (events: [ScheduledEvent], paused: Bool)
    {
        let start = scheduledEvents.count
        // What this command changed before the clock moved (a new key, a new policy) counts from now on.
        refreshSchedules()
        var guardCount = 0
        var paused = false
        while let (time, action) = nextDueAction(before: target) {
            if time > now.addingTimeInterval(Self.quietInterval), shouldPause() {
                paused = true
                break
            }
            guardCount += 1
            if guardCount > Self.schedulerStepLimit {
                emit(
                    "SchedulerStalled", "scheduler",
                    "more than \(Self.schedulerStepLimit) events fell due before "
                        + "\(Timestamp.azString(target)); the rest did not run. Advance in smaller steps.")
                break
            }
            if time > now { setNow(time) }
            action()
            refreshSchedules()
        }
        if !paused, target > now { setNow(target) }
        if scheduledEvents.count > start { world.account.schedulerCheckpoint = now }
        return (Array(scheduledEvents[start...]), paused)
    }

    /// Catches up with real time passing between commands.
    /// Runs what fell due since the last command, stamped with its own due times rather than the later "now".
    ///
    /// Stores call this in a transaction of its own before a command's, so a command that fails never rolls
    /// back (and later repeats) what time did.
    /// - Returns: Whether anything ran.
    @discardableResult
    public func catchUpScheduler() -> Bool {
        let target = now
        refreshSchedules()
        guard nextDueAction(before: target) != nil else { return false }
        if let checkpoint = world.account.schedulerCheckpoint, checkpoint < target { setNow(checkpoint) }
        runScheduler(until: target)
        return true
    }

    /// Moves the simulated clock forward by `duration` in one run, running what falls due.
    ///
    /// `acrcmk clock advance` goes through ``ClockMove``, which splits long moves into committed segments.
    @discardableResult
    public func advanceClock(by duration: ISODuration) -> [ScheduledEvent] {
        let target = duration.added(to: now)
        return setClock(to: target)
    }

    /// Moves the simulated clock to `target` in one run (forward runs what falls due; back runs nothing).
    @discardableResult
    public func setClock(to target: Date) -> [ScheduledEvent] {
        moveClock(to: target, pausingWhen: { false }).events
    }

    /// Moves the simulated clock toward `target`, running what falls due, unless `shouldPause` stops it at a quiet
    /// instant first (see ``runScheduler(until:pausingWhen:)``); back runs nothing. The clock stays where it stopped.
    func moveClock(to target: Date, pausingWhen shouldPause: () -> Bool) -> (events: [ScheduledEvent], paused: Bool) {
        let real = now.addingTimeInterval(-world.account.clockOffset)
        var run: (events: [ScheduledEvent], paused: Bool) = ([], false)
        if target > now {
            run = runScheduler(until: target, pausingWhen: shouldPause)
        } else {
            setNow(target)
        }
        world.account.schedulerCheckpoint = now
        world.account.clockOffset = now.timeIntervalSince(real)
        return run
    }

    func emit(_ kind: String, _ resource: String, _ detail: String) {
        scheduledEvents.append(ScheduledEvent(time: now, kind: kind, resource: resource, detail: detail))
    }

    /// The earliest due action not after `target`.
    ///
    /// Reads only what is due: keys whose `scheduledAt` is not after `target` and vaults whose purge date is not,
    /// through indexed lookups, so a command in a large estate with nothing due reads no resource at all.
    private func nextDueAction(before target: Date) -> (Date, () -> Void)? {
        var candidates: [(Date, ScheduledAction)] = []
        let bound = Timestamp.sortable(target)
        for key in world.keys.rows(where: "due", atMost: bound) {
            candidates += world.dueActions(for: key, pickupLag: pickupLag).filter { $0.0 <= target }
        }
        for vault in world.vaults.rows(where: "purge_due", atMost: bound) {
            if let deletion = vault.deletion, deletion.scheduledPurgeDate <= target {
                candidates.append((deletion.scheduledPurgeDate, .purgeVault(vault)))
            }
        }
        guard let (due, action) = candidates.min(by: { $0.0 < $1.0 }) else { return nil }
        return (max(due, now), { [unowned self] in self.run(action) })
    }

    private func run(_ action: ScheduledAction) {
        switch action {
        case .rotate(let key): autoRotate(key)
        case .notify(let key): notify(key)
        case .pickUp(let registry, let version): pickUp(registry: registry, version: version)
        case .purgeKey(let key): expirePurge(key: key)
        case .purgeVault(let vault): expirePurge(vault: vault)
        }
    }

    /// Recomputes `scheduledAt` of every key this command read or changed, and of the keys the registries it
    /// touched follow (now or before), so the store's `due` index stays exact. Stores call it before commit.
    public func refreshSchedules() {
        var affected = Set(world.keys.touchedRows.compactMap(\.naturalKey))
        for registry in world.registries.touchedRows {
            if let key = registry.lookupValue("rotation_key") { affected.insert(ResourceName(key)) }
        }
        affected.formUnion(world.registries.originalLookupValues("rotation_key").map(ResourceName.init))
        world.refreshSchedules(ofKeys: affected)
    }

    /// Sets a setting of the state home; a new pick-up lag moves every key's next scheduled time.
    public func setConfig(_ key: String, to value: String?) {
        world.config[key] = value
        if key == Self.pickupLagConfigKey { world.refreshAllSchedules() }
    }

    private func autoRotate(_ key: VaultKey) {
        let policyCaller = Principal(
            objectId: "keyvault-rotation-service", tenantId: world.account.tenantId,
            applicationId: nil, kind: .signedInOperator, displayName: "Key Vault rotation policy")
        do {
            // The rotation service acts with the vault's own authority, not as a caller subject to its policies.
            let (_, version) = try appendRotatedVersion(of: key)
            record(
                AuditEvent(
                    time: now, vaultName: key.vaultName, operationName: "KeyRotate", resultSignature: "OK",
                    callerObjectId: policyCaller.objectId, caller: policyCaller.displayName,
                    keyId: version.identifier(vaultName: key.vaultName, keyName: key.name),
                    detail: "rotation policy", registry: nil))
            emit("KeyRotated", key.versionlessIdentifier, "rotation policy created version \(version.version)")
        } catch {
            if let index = keyIndex(vaultName: key.vaultName, name: key.name) {
                world.keys[index].failedRotationVersion = key.current.version
            }
            emit("KeyRotationFailed", key.versionlessIdentifier, "\(error)")
        }
    }

    private func notify(_ key: VaultKey) {
        let index = keyIndex(vaultName: key.vaultName, name: key.name)!
        let last = world.keys[index].versions.count - 1
        world.keys[index].versions[last].notifiedAt = now
        let expires = key.current.expires.map(Timestamp.azString) ?? "never"
        record(
            AuditEvent(
                time: now, vaultName: key.vaultName, operationName: "KeyNearExpiry", resultSignature: "OK",
                callerObjectId: "keyvault-rotation-service", caller: "Key Vault rotation policy",
                keyId: key.current.identifier(vaultName: key.vaultName, keyName: key.name),
                detail: "Notify: expires \(expires)", registry: nil))
        emit("KeyNearExpiry", key.versionlessIdentifier, "Notify: the current version expires \(expires)")
    }

    /// A registry configured with a versionless key id moves to the newest version: the DEK is re-wrapped.
    private func pickUp(registry name: String, version: String) {
        do {
            let registry = try rotateRegistryKey(name: name, resourceGroup: nil, keyEncryptionKey: nil, identity: nil)
            emit(
                "RegistryKeyPickedUp", registry.name,
                "now wraps its data key with \(registry.encryption!.versionedKeyIdentifier)")
        } catch {
            if let index = registryIndex(name) { world.registries[index].encryption?.failedPickupVersion = version }
            let reason = (error as? CMKError)?.code ?? "Error"
            emit(
                "RegistryKeyPickupFailed", name,
                "could not move to version \(version) (\(reason)); it keeps the "
                    + "version it has. \((error as? CMKError)?.message ?? "\(error)")")
        }
    }

    private func expirePurge(key: VaultKey) {
        guard let index = keyIndex(vaultName: key.vaultName, name: key.name), world.keys[index].isDeleted else {
            return
        }
        destroyKey(at: index)
        record(
            AuditEvent(
                time: now, vaultName: key.vaultName, operationName: "KeyPurge", resultSignature: "OK",
                callerObjectId: "keyvault-service", caller: "Key Vault (retention ended)",
                keyId: key.versionlessIdentifier,
                detail: "scheduled purge", registry: nil))
        emit("KeyPurged", key.versionlessIdentifier, "retention ended: purged for good")
        for registry in dependents(vault: ResourceName(key.vaultName), key: key.resourceName) {
            emit(
                "RegistryKeyLost", registry,
                "its key \(key.versionlessIdentifier) was purged: content is permanently "
                    + "unreadable")
        }
    }

    private func expirePurge(vault: KeyVault) {
        guard let index = vaultIndex(vault.name, includeDeleted: true), world.vaults[index].isDeleted else { return }
        destroyVault(at: index)
        emit("VaultPurged", vault.name, "retention ended: the vault and its keys are purged for good")
        for registry in dependents(vault: vault.resourceName, key: nil) {
            emit("RegistryKeyLost", registry, "its vault \(vault.name) was purged: content is permanently unreadable")
        }
    }

    /// Registries whose key lives in `vault` (and is `key`, if given).
    func dependents(vault: ResourceName, key: ResourceName?) -> [String] {
        world.registries.compactMap { registry in
            guard let id = registry.encryption.flatMap({ KeyIdentifier.parse($0.keyIdentifier) }),
                ResourceName(id.vaultName) == vault, key.map { ResourceName(id.keyName) == $0 } ?? true
            else { return nil }
            return registry.name
        }
    }
}

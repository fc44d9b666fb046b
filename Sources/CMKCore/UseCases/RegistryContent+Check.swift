import Foundation

/// What `fsck` found, and what `--repair` removed.
public struct ContentCheckReport: Sendable {
    /// An object that failed verification, or a registry whose index rows do not open.
    public struct Problem: Sendable {
        public var registry: String
        /// Empty for a registry whose index does not open.
        public var digest: String
        public var objectID: String
        public var error: CMKError
    }

    /// A registry whose key could not be unwrapped: its objects are unverifiable, not damaged.
    public struct LockedRegistry: Sendable {
        public var registry: String
        public var error: CMKError
    }

    /// How many objects the index names, in every registry.
    public var objects: Int
    public var verified: Int
    public var damaged: [Problem]
    public var missing: [Problem]
    /// Objects of locked registries.
    public var unverifiable: Int
    /// Sorted by registry name.
    public var lockedRegistries: [LockedRegistry]
    /// Sealed objects no index row names (a push killed midway).
    public var orphanFiles: [String]
    /// Objects still indexed for registries that were deleted.
    public var deletedRegistryObjects: Int
    public var repaired: Bool
    /// `--repair` was asked for but nothing was removed, because something is damaged: an orphan may then be an
    /// object whose row was lost, and removing it would turn damage into loss.
    public var repairWithheld = false
    public var removedOrphanFiles: Int
    public var removedDeletedRegistryObjects: Int
    public var removedTemporaryFiles: Int
    /// Partial files interrupted commands left behind (a pull's plaintext, an export's staging folder, a push's
    /// temporary object), removed by this command (every command removes those of commands that are gone).
    public var partialFiles = PartialFileSweep()

    /// Nothing damaged or missing (locked registries and orphans do not count).
    public var isHealthy: Bool { damaged.isEmpty && missing.isEmpty }
}

extension RegistryContent {
    /// How long an unnamed sealed object is left alone, in case a push that wrote it has yet to commit.
    public static let orphanGracePeriod: TimeInterval = 3600

    /// Verifies every sealed object of every registry whose key unwraps (decrypt and re-hash), checks each index
    /// against what the control side recorded (how many objects each registry holds, which registries were
    /// deleted), finds orphans, and with `repair` removes them: objects no row names for at least
    /// `orphanGracePeriod`, stale temporary files, and the rows and objects of registries deleted for good.
    ///
    /// Repair never acts on a guess: when anything is damaged or missing (an index that does not open or does not
    /// match its record, rows of a scope no registry ever had, a data key that does not unwrap for a reason other
    /// than the vault's refusal), nothing is removed. Damaged or missing objects are never removed.
    ///
    /// - Parameters:
    ///   - repair: Whether to remove what is orphaned.
    ///   - now: Real time, against which the age of an unnamed object is measured.
    ///   - observer: Told about the verification as one stream of every object's bytes.
    /// - Throws: Store errors; a registry that cannot be verified is reported, not thrown.
    public func check(repair: Bool, now: Date, observer: (any TransferObserver)? = nil) throws -> ContentCheckReport {
        // One transaction: the object locations, one key unwrap per registry holding content, and its opened index.
        let survey = try store.perform { session -> Survey in
            let scopes = session.contentScopes()
            var survey = Survey(locations: try content.objectLocations(), liveScopes: scopes)
            survey.deletedForGood = session.deletedContentScopes()
            for case let (scope, recorded?) in session.recordedContentObjects() {
                let held = try content.counts(scope: scope).blobs
                if held != recorded, let registry = scopes[scope] {
                    survey.miscounted[registry] = (recorded: recorded, held: held)
                }
            }
            for scope in Set(survey.locations.map(\.scope)) {
                guard let registry = scopes[scope] else { continue }
                let keys: ContentKeys
                do {
                    keys = try session.contentKeys(forRegistry: registry, action: "verified")
                } catch let error as CMKError
                            where AccessDenial.Code(rawValue: error.code?.rawValue ?? "") != nil {
                    // The vault refused: the registry is locked (revoked), its content not damaged.
                    survey.locked[registry] = error
                    continue
                } catch let error as CMKError {
                    // The data key does not unwrap although the vault allows it: its wrapped form is damaged.
                    survey.unreadable[scope] = error
                    continue
                }
                do {
                    survey.blobs[scope] = try content.blobs(keys: keys)
                    survey.keys[scope] = keys
                } catch let error as CMKError {
                    survey.unreadable[scope] = error
                }
            }
            return survey
        }
        var report = ContentCheckReport(
            objects: survey.locations.count, verified: 0, damaged: [], missing: [], unverifiable: 0,
            lockedRegistries: survey.locked.sorted { $0.key < $1.key }.map {
                ContentCheckReport.LockedRegistry(registry: $0.key, error: $0.value)
            },
            orphanFiles: [], deletedRegistryObjects: 0, repaired: repair, removedOrphanFiles: 0,
            removedDeletedRegistryObjects: 0, removedTemporaryFiles: 0)
        var deletedScopes: Set<String> = []
        let totalBytes = survey.blobs.values.joined().reduce(Int64(0)) { $0 + $1.object.size }
        observer?.streamStarted(TransferStream(role: .file, digest: nil, size: totalBytes))
        var doneBytes: Int64 = 0
        // Locations are sorted by registry then scope, so registries are checked (and reported) in that order.
        let objectCounts = Dictionary(grouping: survey.locations, by: \.scope).mapValues(\.count)
        var checked: Set<String> = []
        for (registry, counts) in survey.miscounted.sorted(by: { $0.key < $1.key }) {
            report.damaged.append(.init(registry: registry, digest: "", objectID: "", error: CMKError(
                .badRequest, code: .contentIndexTampered,
                "The content index of registry '\(registry)' holds \(counts.held) objects but the registry's record "
                    + "says \(counts.recorded): index rows were deleted or added outside acrcmk.",
                hint: "Restore registry/ and control/ from the same backup; fsck --repair removes nothing meanwhile.")))
        }
        var unknownScopes: Set<String> = []
        for location in survey.locations {
            guard survey.liveScopes[location.scope] != nil else {
                guard survey.deletedForGood.contains(location.scope) else {
                    if unknownScopes.insert(location.scope).inserted {
                        report.damaged.append(.init(registry: location.registry, digest: "", objectID: "",
                                                    error: CMKError(
                            .badRequest, code: .contentIndexTampered,
                            "Index rows under scope \(location.scope.prefix(16))… (registry name '\(location.registry)') "
                                + "belong to no registry, live or deleted: the scope or the registry's content-key "
                                + "salt was changed outside acrcmk.",
                            hint: "Restore registry/ and control/ from the same backup; nothing is removed meanwhile.")))
                    }
                    continue
                }
                deletedScopes.insert(location.scope)
                report.deletedRegistryObjects += 1
                continue
            }
            guard checked.insert(location.scope).inserted else { continue }
            if let error = survey.unreadable[location.scope] {
                report.damaged.append(.init(registry: location.registry, digest: "", objectID: "", error: error))
            }
            guard let keys = survey.keys[location.scope], let blobs = survey.blobs[location.scope] else {
                report.unverifiable += objectCounts[location.scope] ?? 0
                continue
            }
            for blob in blobs {
                let base = doneBytes
                let progress = observer.map { observer in { observer.streamProgressed(base + $0) } }
                do {
                    try content.verifyObject(blob.object, keys: keys, progress: progress)
                    report.verified += 1
                } catch let error as CMKError {
                    let problem = ContentCheckReport.Problem(registry: blob.registry, digest: blob.object.digest,
                                                             objectID: blob.object.objectID, error: error)
                    if error.code == "ContentMissing" {
                        report.missing.append(problem)
                    } else {
                        report.damaged.append(problem)
                    }
                }
                doneBytes += blob.object.size
            }
        }
        observer?.streamFinished()
        let named = Set(survey.locations.map(\.objectID))
        report.orphanFiles = try content.objectIDsOnDisk().filter { !named.contains($0) }
        report.partialFiles = content.partialFileSweep()
        guard repair else { return report }
        guard report.isHealthy else {
            report.repaired = false
            report.repairWithheld = true
            return report
        }
        // A push renames its sealed objects into place before its rows commit: an unnamed object may belong to a
        // push still running. Only objects unnamed for a while go, and the index is read again under the write lock.
        let cutoff = now.addingTimeInterval(-Self.orphanGracePeriod)
        report.removedOrphanFiles = try store.perform { _ -> Int in
            let namedNow = Set(try content.objectLocations().map(\.objectID))
            let doomed = report.orphanFiles.filter {
                !namedNow.contains($0) && (content.objectModificationDate($0).map { $0 < cutoff } ?? false)
            }
            try content.removeObjects(doomed)
            return doomed.count
        }
        report.removedTemporaryFiles = try content.removeStaleTemporaryFiles()
        report.partialFiles = content.partialFileSweep()
        let ids = try store.perform { session -> [String] in
            let stillDeleted = deletedScopes.filter { session.contentScopes()[$0] == nil }
            return try stillDeleted.flatMap { try content.deleteScope($0) }
        }
        report.removedDeletedRegistryObjects = try removeUnnamedObjects(ids)
        return report
    }

    /// What the first transaction of a check read.
    private struct Survey {
        /// Every indexed object, readable without keys.
        var locations: [ContentObjectLocation]
        var liveScopes: [String: String]
        /// By scope: the keys and opened blob rows of each registry whose index opened.
        var keys: [String: ContentKeys] = [:]
        var blobs: [String: [ContentBlobRecord]] = [:]
        /// By registry: why its key could not be unwrapped.
        var locked: [String: CMKError] = [:]
        /// By scope: why its index rows do not open, or its data key does not unwrap although the vault allows it.
        var unreadable: [String: CMKError] = [:]
        /// By registry: the object count its record holds and the count its index holds, where they differ.
        var miscounted: [String: (recorded: Int, held: Int)] = [:]
        /// Scopes of registries deleted for good.
        var deletedForGood: Set<String> = []
    }
}

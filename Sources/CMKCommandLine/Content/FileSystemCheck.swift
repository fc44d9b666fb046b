import CMKCore
import Foundation
import JMESPath

/// `acrcmk fsck`: verifies every sealed object of every registry and finds (and with `--repair` removes) orphans.
struct FileSystemCheck {
    /// How long an unnamed sealed file is left alone, in case a push that wrote it has yet to commit.
    static let orphanGracePeriod: TimeInterval = 3600

    let context: CommandContext
    let registryContent: RegistryContent
    let repair: Bool

    init(context: CommandContext, content: RegistryContent, repair: Bool) {
        self.context = context
        self.registryContent = content
        self.repair = repair
    }

    private var content: any ContentStore { registryContent.content }
    private var store: any StateStore { registryContent.store }

    func run() throws -> CommandOutput {
        // One transaction: the object locations, one key unwrap per registry holding content, and its opened index.
        let survey = try store.perform { session -> Survey in
            let scopes = session.contentScopes()
            let locations = try content.objectLocations()
            var blobs: [String: [ContentBlobRecord]] = [:]
            var opened: [String: ContentKeys] = [:]
            var locked: [String: String] = [:]
            var unreadable: [String: CMKError] = [:]
            for scope in Set(locations.map(\.scope)) {
                guard let registry = scopes[scope] else { continue }
                let keys: ContentKeys
                do {
                    keys = try session.contentKeys(forRegistry: registry, action: "verified")
                } catch let error as CMKError {
                    locked[registry] = error.description
                    continue
                }
                do {
                    blobs[scope] = try content.blobs(keys: keys)
                    opened[scope] = keys
                } catch let error as CMKError {
                    unreadable[scope] = error
                }
            }
            return Survey(locations: locations, liveScopes: scopes, keys: opened, blobs: blobs, locked: locked,
                          unreadable: unreadable)
        }
        var damaged: [JSONValue] = []
        var missing: [JSONValue] = []
        var verified = 0
        var unverifiable = 0
        var deletedRegistryObjects: [String: [String]] = [:]
        let totalBytes = survey.blobs.values.joined().reduce(Int64(0)) { $0 + $1.object.size }
        let bar = ProgressBar(context: context, label: "fsck", total: totalBytes)
        var doneBytes: Int64 = 0
        // Locations are sorted by registry then scope, so registries are checked (and reported) in that order.
        let objectCounts = Dictionary(grouping: survey.locations, by: \.scope).mapValues(\.count)
        var checked: Set<String> = []
        for location in survey.locations {
            guard survey.liveScopes[location.scope] != nil else {
                deletedRegistryObjects[location.scope, default: []].append(location.objectID)
                continue
            }
            guard checked.insert(location.scope).inserted else { continue }
            if let error = survey.unreadable[location.scope] {
                damaged.append(["registry": .string(location.registry), "digest": "", "objectId": "",
                                "error": .string(error.description)])
            }
            guard let keys = survey.keys[location.scope], let blobs = survey.blobs[location.scope] else {
                unverifiable += objectCounts[location.scope] ?? 0
                continue
            }
            for blob in blobs {
                let base = doneBytes
                do {
                    try content.verifyObject(blob.object, keys: keys,
                                             progress: bar.map { bar in { bar.update(base + $0) } })
                    verified += 1
                } catch let error as CMKError where error.code == "ContentMissing" {
                    missing.append(Self.entry(blob, error))
                } catch let error as CMKError {
                    damaged.append(Self.entry(blob, error))
                }
                doneBytes += blob.object.size
            }
        }
        bar?.finish()
        let named = Set(survey.locations.map(\.objectID))
        let orphanFiles = try content.objectIDsOnDisk().filter { !named.contains($0) }
        var removedFiles = 0
        var removedTemporary = 0
        var removedRows = 0
        if repair {
            // A push renames its sealed files into place before its rows commit: an unnamed file may belong to a
            // push still running. Only files unnamed for an hour go, and the index is read again under the write lock.
            let cutoff = Date().addingTimeInterval(-Self.orphanGracePeriod)
            removedFiles = try store.perform { _ -> Int in
                let namedNow = Set(try content.objectLocations().map(\.objectID))
                let doomed = orphanFiles.filter {
                    !namedNow.contains($0) && (content.objectModificationDate($0).map { $0 < cutoff } ?? false)
                }
                try content.removeObjects(doomed)
                return doomed.count
            }
            removedTemporary = try content.removeStaleTemporaryFiles()
            let scopes = Array(deletedRegistryObjects.keys)
            let ids = try store.perform { session -> [String] in
                let stillDeleted = scopes.filter { session.contentScopes()[$0] == nil }
                return try stillDeleted.flatMap { try content.deleteScope($0) }
            }
            removedRows = ids.count
            try content.removeObjects(ids)
        }
        let lockedList = survey.locked.sorted { $0.key < $1.key }
        let value: JSONValue = [
            "objects": .number(Double(survey.locations.count)),
            "verified": .number(Double(verified)),
            "damaged": .array(damaged),
            "missing": .array(missing),
            "unverifiable": .number(Double(unverifiable)),
            "lockedRegistries": .array(lockedList.map { ["registry": .string($0.key), "reason": .string($0.value)] }),
            "orphanFiles": .array(orphanFiles.map(JSONValue.string)),
            "deletedRegistryObjects": .number(Double(deletedRegistryObjects.values.reduce(0) { $0 + $1.count })),
            "repaired": .bool(repair),
            "removedFiles": .number(Double(removedFiles + removedRows)),
            "removedTemporaryFiles": .number(Double(removedTemporary)),
        ]
        var lines = ["Checked \(survey.locations.count) sealed objects: \(verified) verified, "
                     + "\(damaged.count) damaged, "
                     + "\(missing.count) missing, \(unverifiable) unverifiable (key unavailable)."]
        for entry in damaged + missing {
            lines.append("  DAMAGED \(entry["registry"]?.stringValue ?? "") \(entry["digest"]?.stringValue ?? ""): "
                         + (entry["error"]?.stringValue ?? ""))
        }
        for (registry, reason) in lockedList {
            lines.append("  LOCKED \(registry): \(reason)")
        }
        let deletedCount = deletedRegistryObjects.values.reduce(0) { $0 + $1.count }
        lines.append("Orphans: \(orphanFiles.count) unreferenced files, \(deletedCount) objects of deleted registries."
                     + (repair ? " Removed \(removedFiles + removedRows) files, \(removedTemporary) temporary files."
                        : (orphanFiles.isEmpty && deletedCount == 0
                            ? "" : " Run 'acrcmk fsck --repair' to remove them.")))
        let healthy = damaged.isEmpty && missing.isEmpty
        return CommandOutput(value: value, text: lines.joined(separator: "\n"),
                             exitCode: healthy ? ExitCode.success : ExitCode.failure)
    }

    private struct Survey {
        /// Every indexed object, readable without keys.
        var locations: [ContentObjectLocation]
        var liveScopes: [String: String]
        /// By scope: the keys and opened blob rows of each registry whose index opened.
        var keys: [String: ContentKeys]
        var blobs: [String: [ContentBlobRecord]]
        /// By registry: why its key could not be unwrapped.
        var locked: [String: String]
        /// By scope: why its index rows do not open although the key unwrapped.
        var unreadable: [String: CMKError]
    }

    private static func entry(_ blob: ContentBlobRecord, _ error: CMKError) -> JSONValue {
        ["registry": .string(blob.registry), "digest": .string(blob.object.digest),
         "objectId": .string(blob.object.objectID), "error": .string(error.description)]
    }
}

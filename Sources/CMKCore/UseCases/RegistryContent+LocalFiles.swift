import Foundation

/// How a pull writes what it fetched.
public enum PullFormat: Sendable, Equatable {
    /// A single-file artifact as the file it was pushed from; anything else as an OCI image layout.
    case automatic
    /// Always an OCI image layout.
    case imageLayout
}

/// What a pull wrote.
public struct PullResult: Sendable, Equatable {
    public enum Output: Sendable, Equatable {
        case file
        case imageLayout
    }

    public var registry: String
    public var reference: ImageReference
    /// The manifest pulled.
    public var digest: String
    public var mediaType: String
    /// The file or layout written (inside the given directory when a file was pulled into one).
    public var destination: String
    public var output: Output
    /// How many objects were fetched, manifests included.
    public var objects: Int
    /// The replica's location when the pull was served by a geo-replica.
    public var replicaLocation: String?
}

/// What an export wrote.
public struct ExportResult: Sendable, Equatable {
    public var registry: String
    public var repository: String
    public var destination: String
    /// Every tag of the repository, sorted.
    public var tags: [String]
    public var objects: Int
}

/// Push, import, pull and export of the caller's local paths: what a path means is decided here, the files are
/// reached through `LocalContentFiles`.
extension RegistryContent {
    /// Pushes the file or OCI image layout directory at `path`.
    ///
    /// - Throws: `CMKError` (`FileNotFound`) when nothing is at `path`; as `push(_:to:as:observer:)`.
    public func push(path: String, files: any LocalContentFiles, to registry: String, as reference: ImageReference,
                     observer: (any TransferObserver)? = nil) throws -> PushResult {
        _ = try Self.pushTag(of: reference)
        let source: PushSource
        switch files.entry(at: path) {
        case .missing:
            throw CMKError(.notFound, code: .fileNotFound, "'\(path)' does not exist.")
        case .directory:
            source = .imageLayout(files.imageLayout(at: path))
        case .file:
            source = .file(title: (path as NSString).lastPathComponent, open: { try files.openFile(at: path) })
        }
        return try push(source, to: registry, as: reference, observer: observer)
    }

    /// Imports every tag of the OCI image layout at `path` into `repository`.
    ///
    /// - Throws: As `importLayout(_:into:repository:observer:)`.
    public func importLayout(path: String, files: any LocalContentFiles, into registry: String, repository: String,
                             observer: (any TransferObserver)? = nil) throws -> ImportResult {
        try importLayout(files.imageLayout(at: path), into: registry, repository: repository, observer: observer)
    }

    /// Pulls `reference` to `destination`: a single-file artifact as a file (inside `destination` when that is a
    /// directory) unless `format` asks for a layout, anything else as an OCI image layout. Every object is
    /// verified; on any failure nothing is left at the destination.
    ///
    /// - Parameter replica: The location of the geo-replica to pull from, if any (it shares the registry's key).
    /// - Throws: `CMKError`: the vault's denial, `ReplicationNotFound`, `RepositoryNotFound`, `ManifestUnknown`,
    ///   `ContentTampered`, `ContentMissing`, `OutputExists`, `OutputUnwritable`.
    public func pull(_ reference: ImageReference, from registry: String, replica: String? = nil,
                     to destination: String, format: PullFormat = .automatic, files: any LocalContentFiles,
                     observer: (any TransferObserver)? = nil) throws -> PullResult {
        let reference = try reference.relative(to: registry)
        let replicaLocation = try replica.map { try self.replicaLocation($0, of: registry) }
        let plan = try plan(registry: registry, repository: reference.repository, reference: reference,
                            action: "pulled")
        let root = plan.roots[0].descriptor
        var result = PullResult(registry: plan.keys.registryName, reference: reference, digest: root.digest,
                                mediaType: root.mediaType, destination: destination, output: .imageLayout,
                                objects: plan.objects.count, replicaLocation: replicaLocation)
        if format == .automatic, let artifact = try fileArtifact(in: plan) {
            if case .directory = files.entry(at: destination) {
                result.destination = destination + "/" + artifact.fileName
            }
            result.output = .file
            try writeFile(artifact.layer, keys: plan.keys, to: try files.createFile(at: result.destination),
                          observer: observer)
        } else {
            try writeLayout(plan, to: try Self.createLayout(at: destination, files: files), observer: observer)
        }
        return result
    }

    /// Exports every tag of a repository as an OCI image layout at `destination`, whole or not at all.
    ///
    /// - Throws: As `pull`.
    public func export(repository: String, from registry: String, to destination: String,
                       files: any LocalContentFiles, observer: (any TransferObserver)? = nil) throws -> ExportResult {
        let plan = try plan(registry: registry, repository: repository, reference: nil, action: "exported")
        try writeLayout(plan, to: try Self.createLayout(at: destination, files: files), observer: observer)
        return ExportResult(registry: plan.keys.registryName, repository: repository, destination: destination,
                            tags: plan.roots.compactMap(\.tag), objects: plan.objects.count)
    }

    /// A new layout at `destination`, which must be absent or an empty directory: nothing is ever overwritten.
    ///
    /// - Throws: `CMKError` (`OutputExists`, `OutputUnwritable`).
    static func createLayout(at destination: String,
                             files: any LocalContentFiles) throws -> any ImageLayoutDestination {
        switch files.entry(at: destination) {
        case .missing, .directory(isEmpty: true):
            return try files.createImageLayout(at: destination)
        case .file, .directory(isEmpty: false):
            throw CMKError.badRequest(.outputExists, "'\(destination)' already exists and is not an empty "
                                          + "directory; nothing was written.", hint: "Choose a new path or remove it.")
        }
    }
}

import CMKCore
import Foundation
import JMESPath

/// Push, pull and export: moves content between local files (a file or an OCI image layout) and a registry's
/// sealed objects.
///
/// Every operation unwraps the registry's key once, in a first short transaction; streams without holding the
/// database's write lock; and (for a push) records the result in a second transaction that re-checks the
/// registry, only after every sealed object is durable.
struct ContentTransfer {
    let context: CommandContext
    let home: any ContentHome

    private var content: any ContentStore { home.content }

    init(context: CommandContext) throws {
        self.context = context
        guard let home = try context.openStore() as? any ContentHome else {
            throw CommandFailure(code: "ContentUnavailable", "This state store does not hold registry content.")
        }
        self.home = home
    }

    /// Runs a transaction, turning domain errors into command failures.
    func perform<T>(_ body: (Session) throws -> T) throws -> T {
        try Self.mapped { try home.perform(body) }
    }

    /// Runs work outside a transaction, turning domain errors into command failures.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CMKError {
            throw CommandFailure(error)
        }
    }

    // MARK: Push

    /// The outcome of a push.
    struct PushResult {
        var digest: String
        var mediaType: String
        var size: Int64
        var objects: Int
        var sealedBytes: Int64
    }

    /// Pushes a file (as a one-layer OCI artifact) or an OCI image layout directory.
    func push(registry: String, reference: ImageReference, path: String) throws -> PushResult {
        guard let tag = reference.tag, reference.digest == nil else {
            throw CommandFailure("Push needs a tag: use <repository>:<tag>, not a digest.", category: .usage)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(code: "FileNotFound", "'\(path)' does not exist.", category: .notFound)
        }
        let keys = try perform { try $0.contentKeys(forRegistry: registry, action: "pushed") }
        _ = try? content.removeStaleTemporaryFiles()
        // A concurrent `repository delete` may remove an object this push found already sealed; the commit then
        // sees it missing, and the push seals it again once rather than commit a row naming a deleted file.
        for attempt in 1...2 {
            var state = PushState()
            let root: OCIDescriptor
            if isDirectory.boolValue {
                let layout = OCILayout(root: path)
                root = try layout.descriptor(forTag: tag)
                try importManifest(root, from: layout, keys: keys, state: &state)
            } else {
                root = try pushFile(path, keys: keys, state: &state)
            }
            let committed: Bool = try perform { session in
                try session.requireContentRegistry(keys)
                guard state.objects.allSatisfy({ content.objectExists($0.objectID) }) else { return false }
                for index in state.manifests.indices {
                    state.manifests[index].repository = reference.repository
                }
                try content.commit(ContentPush(
                    repository: reference.repository, tag: tag, tagDigest: root.digest, objects: state.objects,
                    manifests: state.manifests, time: session.now), keys: keys)
                return true
            }
            if committed {
                return PushResult(digest: root.digest, mediaType: root.mediaType, size: root.size,
                                  objects: state.objects.count, sealedBytes: state.sealedBytes)
            }
            context.info("push attempt \(attempt): a sealed object was deleted concurrently; sealing it again")
        }
        throw CommandFailure(code: "ContentConflict", "The push could not commit: objects it needs were deleted while "
                             + "it ran (a concurrent repository delete).", hint: "Run the push again.")
    }

    /// Imports every tagged manifest of an OCI image layout into one repository: one key unwrap, one commit.
    ///
    /// - Returns: The tags imported with their manifest digests, in the layout's order.
    func importLayout(registry: String, repository: String, path: String) throws -> [(tag: String, digest: String)] {
        guard OCILayout.isLayout(path) else {
            throw CommandFailure(code: "NotAnOCILayout", "'\(path)' is not an OCI image layout (no index.json).",
                                 hint: "To push a single file, use: acrcmk push \(registry) \(repository):TAG \(path)")
        }
        let layout = OCILayout(root: path)
        let tagged: [(tag: String, descriptor: OCIDescriptor)] = try layout.index().manifests.compactMap { descriptor in
            descriptor.annotations?[OCIMediaType.refNameAnnotation].map { ($0, descriptor) }
        }
        guard !tagged.isEmpty else {
            throw CommandFailure(code: "NoTags", "The OCI layout '\(path)' names no tags (no "
                                 + "\(OCIMediaType.refNameAnnotation) annotations in index.json).",
                                 hint: "Push its only image with a tag of your choice: acrcmk push \(registry) "
                                     + "\(repository):TAG \(path)")
        }
        let keys = try perform { try $0.contentKeys(forRegistry: registry, action: "imported into") }
        _ = try? content.removeStaleTemporaryFiles()
        for attempt in 1...2 {
            var state = PushState()
            for entry in tagged {
                try importManifest(entry.descriptor, from: layout, keys: keys, state: &state)
            }
            let committed: Bool = try perform { session in
                try session.requireContentRegistry(keys)
                guard state.objects.allSatisfy({ content.objectExists($0.objectID) }) else { return false }
                for index in state.manifests.indices {
                    state.manifests[index].repository = repository
                }
                for (position, entry) in tagged.enumerated() {
                    try content.commit(ContentPush(
                        repository: repository, tag: entry.tag, tagDigest: entry.descriptor.digest,
                        objects: position == 0 ? state.objects : [], manifests: position == 0 ? state.manifests : [],
                        time: session.now), keys: keys)
                }
                return true
            }
            if committed { return tagged.map { ($0.tag, $0.descriptor.digest) } }
            context.info("import attempt \(attempt): a sealed object was deleted concurrently; sealing it again")
        }
        throw CommandFailure(code: "ContentConflict", "The import could not commit: objects it needs were deleted "
                             + "while it ran (a concurrent repository delete).", hint: "Run the import again.")
    }

    private struct PushState {
        var objects: [ContentObject] = []
        var manifests: [ContentManifestRecord] = []
        var seen: Set<String> = []
        var sealedBytes: Int64 = 0
    }

    private func pushFile(_ path: String, keys: ContentKeys, state: inout PushState) throws -> OCIDescriptor {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? nil
        let bar = ProgressBar(context: context, label: "push", total: size)
        let layer = try Self.mapped {
            try content.sealFile(at: path, keys: keys, expectedDigest: nil,
                                 progress: bar.map { bar in { bar.update($0) } })
        }
        bar?.finish()
        let config = try Self.mapped { try content.sealBytes(Array("{}".utf8), keys: keys) }
        let title = (path as NSString).lastPathComponent
        let manifest = FileArtifactManifest(
            config: OCIDescriptor(mediaType: OCIMediaType.empty, digest: config.digest, size: config.size),
            layers: [OCIDescriptor(mediaType: OCIMediaType.octetStream, digest: layer.digest, size: layer.size,
                                   annotations: [OCIMediaType.titleAnnotation: title])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = [UInt8](try encoder.encode(manifest))
        let sealed = try Self.mapped { try content.sealBytes(bytes, keys: keys) }
        state.objects += [layer, config, sealed]
        state.sealedBytes += layer.size + config.size + sealed.size
        state.manifests.append(ContentManifestRecord(
            repository: "", digest: sealed.digest, mediaType: OCIMediaType.imageManifest,
            artifactType: OCIMediaType.fileArtifact, configMediaType: OCIMediaType.empty, size: sealed.size,
            imageSize: sealed.size + config.size + layer.size, objectID: sealed.objectID,
            references: [config.digest, layer.digest], architecture: nil, os: nil, createdAt: Date(),
            lastUpdatedAt: Date()))
        return OCIDescriptor(mediaType: OCIMediaType.imageManifest, digest: sealed.digest, size: sealed.size,
                             artifactType: OCIMediaType.fileArtifact)
    }

    /// Seals a manifest of an OCI layout and, first, everything it references (children of an index too).
    private func importManifest(_ descriptor: OCIDescriptor, from layout: OCILayout, keys: ContentKeys,
                                state: inout PushState) throws {
        guard !state.seen.contains(descriptor.digest) else { return }
        state.seen.insert(descriptor.digest)
        let bytes = try layout.readDocument(descriptor)
        let document = try Self.mapped { try OCIManifestDocument.parse(bytes, digest: descriptor.digest) }
        let mediaType = document.resolvedMediaType(descriptor: descriptor.mediaType)
        guard OCIMediaType.isManifest(mediaType) else {
            throw CommandFailure(code: "UnsupportedMediaType", "\(descriptor.digest) has media type '\(mediaType)', "
                                     + "which is not an image manifest or index.")
        }
        let children = Set((document.manifests ?? []).map(\.digest))
        for reference in document.references {
            if children.contains(reference.digest) {
                try importManifest(reference, from: layout, keys: keys, state: &state)
            } else {
                try importBlob(reference, from: layout, keys: keys, state: &state)
            }
        }
        let sealed = try Self.mapped { try content.sealBytes(bytes, keys: keys) }
        guard sealed.digest == descriptor.digest else {
            throw CommandFailure(code: "DigestMismatch", "The manifest file of \(descriptor.digest) in "
                                     + "'\(layout.root)' has digest \(sealed.digest); the layout is corrupt.")
        }
        state.objects.append(sealed)
        state.sealedBytes += sealed.size
        var architecture = descriptor.platform?.architecture
        var os = descriptor.platform?.os
        if let config = document.config, config.size < 1 << 20,
           let data = FileManager.default.contents(atPath: layout.blobPath(config.digest)),
           let platform = try? JSONDecoder().decode(ImagePlatform.self, from: data) {
            architecture = architecture ?? platform.architecture
            os = os ?? platform.os
        }
        let imageSize = document.references.reduce(sealed.size) { $0 + $1.size }
        state.manifests.append(ContentManifestRecord(
            repository: "", digest: sealed.digest, mediaType: mediaType,
            artifactType: document.artifactType ?? descriptor.artifactType, configMediaType: document.config?.mediaType,
            size: sealed.size, imageSize: imageSize, objectID: sealed.objectID,
            references: document.references.map(\.digest), architecture: architecture, os: os, createdAt: Date(),
            lastUpdatedAt: Date()))
    }

    private func importBlob(_ descriptor: OCIDescriptor, from layout: OCILayout, keys: ContentKeys,
                            state: inout PushState) throws {
        guard !state.seen.contains(descriptor.digest) else { return }
        state.seen.insert(descriptor.digest)
        try ContentDigest.requireForCommand(descriptor.digest, context: "a descriptor in \(layout.root)")
        let objectID = try Self.mapped { try keys.objectID(for: descriptor.digest) }
        if content.objectExists(objectID) {
            // Already sealed for this registry: pulls verify it like any other object.
            state.objects.append(ContentObject(digest: descriptor.digest, size: descriptor.size, objectID: objectID))
            return
        }
        let path = layout.blobPath(descriptor.digest)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(code: "BlobMissing", "The OCI layout '\(layout.root)' lacks \(path), which a "
                                     + "manifest references.")
        }
        let bar = ProgressBar(context: context, label: String(descriptor.digest.prefix(19)), total: descriptor.size)
        let sealed = try Self.mapped {
            try content.sealFile(at: path, keys: keys, expectedDigest: descriptor.digest,
                                 progress: bar.map { bar in { bar.update($0) } })
        }
        bar?.finish()
        guard sealed.size == descriptor.size else {
            throw CommandFailure(code: "SizeMismatch", "\(descriptor.digest) is \(sealed.size) bytes in "
                                     + "'\(layout.root)' but its descriptor says \(descriptor.size).")
        }
        state.objects.append(sealed)
        state.sealedBytes += sealed.size
    }

    // MARK: Pull and export

    /// What a pull or export must fetch, resolved in one transaction.
    struct FetchPlan {
        var keys: ContentKeys
        /// Index entries: the tagged (or requested) manifests.
        var roots: [(descriptor: OCIDescriptor, tag: String?)]
        /// Every object to write, manifests included, each once.
        var objects: [ContentObject]
    }

    /// Resolves the manifests and objects of one reference, or of every tag of a repository.
    func plan(registry: String, repository: String, reference: ImageReference?, action: String) throws -> FetchPlan {
        try perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: action)
            let manifests = try content.manifests(keys: keys, repository: repository)
            guard !manifests.isEmpty else {
                throw CMKError(.notFound, code: "RepositoryNotFound", "The repository '\(repository)' was not found "
                                   + "in registry '\(keys.registryName)'.",
                               hint: "List them with: acrcmk az acr repository list --name \(keys.registryName)")
            }
            let byDigest = Dictionary(manifests.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
            var roots: [(ContentManifestRecord, String?)] = []
            if let reference {
                let found = reference.digest.flatMap { byDigest[$0] }
                    ?? reference.tag.flatMap { tag in manifests.first { $0.tags.contains(tag) } }
                guard let found else {
                    throw CMKError(.notFound, code: "ManifestUnknown", "'\(reference)' was not found in registry "
                                       + "'\(keys.registryName)'.",
                                   hint: "List its tags with: acrcmk az acr repository show-tags "
                                       + "--name \(keys.registryName) --repository \(repository)")
                }
                roots = [(found, reference.tag)]
            } else {
                for manifest in manifests {
                    for tag in manifest.tags {
                        roots.append((manifest, tag))
                    }
                }
                roots.sort { ($0.1 ?? "") < ($1.1 ?? "") }
            }
            var objects: [ContentObject] = []
            var seen: Set<String> = []
            func visit(_ manifest: ContentManifestRecord) throws {
                guard seen.insert(manifest.digest).inserted else { return }
                objects.append(ContentObject(digest: manifest.digest, size: manifest.size, objectID: manifest.objectID))
                for digest in manifest.references {
                    if let child = byDigest[digest] {
                        try visit(child)
                    } else if seen.insert(digest).inserted {
                        guard let blob = try content.blob(keys: keys, digest: digest) else {
                            throw CMKError(.notFound, code: "ContentMissing", "\(digest), referenced by "
                                               + "\(manifest.digest), is missing from registry '\(keys.registryName)'.",
                                           hint: "Run 'acrcmk fsck'.")
                        }
                        objects.append(blob.object)
                    }
                }
            }
            for (manifest, _) in roots {
                try visit(manifest)
            }
            return FetchPlan(
                keys: keys,
                roots: roots.map { manifest, tag in
                    (OCIDescriptor(mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size,
                                   artifactType: manifest.artifactType), tag)
                },
                objects: objects)
        }
    }

    /// Writes the plan's objects as an OCI image layout at `destination`, all or nothing.
    func writeLayout(_ plan: FetchPlan, to destination: String) throws {
        let staging = try OCILayout.createStaging(for: destination)
        do {
            for object in plan.objects {
                let bar = ProgressBar(context: context, label: String(object.digest.prefix(19)), total: object.size)
                try Self.mapped {
                    try content.openObject(object, keys: plan.keys, toFile: staging.blobPath(object.digest),
                                           progress: bar.map { bar in { bar.update($0) } })
                }
                bar?.finish()
            }
            let descriptors = plan.roots.map { root, tag -> OCIDescriptor in
                var descriptor = root
                if let tag { descriptor.annotations = [OCIMediaType.refNameAnnotation: tag] }
                return descriptor
            }
            try staging.finish(index: OCIImageIndex(manifests: descriptors), at: destination)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// For a single-file artifact, the layer object and its file name; nil for images.
    func fileArtifact(_ plan: FetchPlan) throws -> (layer: ContentObject, title: String)? {
        guard plan.roots.count == 1, plan.roots[0].descriptor.artifactType == OCIMediaType.fileArtifact,
              let manifestObject = plan.objects.first(where: { $0.digest == plan.roots[0].descriptor.digest })
        else { return nil }
        let bytes = try Self.mapped {
            try content.readObject(manifestObject, keys: plan.keys, limit: OCILayout.documentLimit)
        }
        let document = try Self.mapped { try OCIManifestDocument.parse(bytes, digest: manifestObject.digest) }
        guard let layer = document.layers?.first, document.layers?.count == 1,
              let object = plan.objects.first(where: { $0.digest == layer.digest }) else { return nil }
        let title = layer.annotations?[OCIMediaType.titleAnnotation] ?? ContentDigest.hex(layer.digest)
        return (object, (title as NSString).lastPathComponent)
    }

    /// Writes one object to a file, all or nothing.
    func writeFile(_ object: ContentObject, keys: ContentKeys, to path: String) throws {
        let bar = ProgressBar(context: context, label: "pull", total: object.size)
        try Self.mapped {
            try content.openObject(object, keys: keys, toFile: path, progress: bar.map { bar in { bar.update($0) } })
        }
        bar?.finish()
    }
}

/// The manifest of a single pushed file: an OCI artifact with an empty config and one layer.
private struct FileArtifactManifest: Encodable {
    var schemaVersion = 2
    var mediaType = OCIMediaType.imageManifest
    var artifactType = OCIMediaType.fileArtifact
    var config: OCIDescriptor
    var layers: [OCIDescriptor]
}

/// The platform fields of an image config.
private struct ImagePlatform: Decodable {
    var architecture: String?
    var os: String?
}

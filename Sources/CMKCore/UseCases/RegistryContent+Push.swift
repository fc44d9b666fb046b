import Foundation

/// What a push seals: one file, which becomes a one-layer OCI artifact, or an image of an OCI image layout.
public enum PushSource {
    /// A single file: the layer's title (its file name) and how to open it. It is opened once per attempt.
    case file(title: String, open: () throws -> any ContentReader)
    /// The manifest an OCI image layout tags with the push's tag (or its only manifest), with everything it
    /// references.
    case imageLayout(any ImageLayoutSource)
}

/// What a push recorded.
public struct PushResult: Sendable, Equatable {
    public var registry: String
    public var repository: String
    public var tag: String
    /// The manifest the tag now points at.
    public var digest: String
    public var mediaType: String
    /// The manifest's own size.
    public var size: Int64
    /// The objects the push recorded, sealed or reused: blobs and manifests.
    public var objects: Int
    /// Plaintext bytes this push sealed (objects the registry already held are reused, not counted).
    public var sealedBytes: Int64
    /// 1, or 2 when a concurrent repository delete made the push seal again.
    public var attempts: Int
}

/// What an import recorded.
public struct ImportResult: Sendable, Equatable {
    public var registry: String
    public var repository: String
    /// The tags imported with their manifest digests, in the layout's order.
    public var tags: [ImportedTag]
    /// 1, or 2 when a concurrent repository delete made the import seal again.
    public var attempts: Int
}

/// One tag an import recorded.
public struct ImportedTag: Sendable, Equatable {
    public var tag: String
    public var digest: String

    public init(tag: String, digest: String) {
        self.tag = tag
        self.digest = digest
    }
}

extension RegistryContent {
    /// Pushes a file (as a one-layer OCI artifact) or an image of an OCI image layout under `reference`'s tag.
    ///
    /// Two transactions: the first unwraps the registry's key (audited); objects are sealed and made durable
    /// outside any transaction; the second checks that the registry is still the same incarnation and that every
    /// object is still there, then records the rows. An object the registry already holds is reused, not read.
    ///
    /// - Parameters:
    ///   - source: What to push.
    ///   - registry: The registry's name.
    ///   - reference: `repository:tag`; a digest is refused.
    ///   - observer: Told about each stream, e.g. to draw progress.
    /// - Throws: `CMKError`: a usage error without a tag; the vault's denial (e.g. `KeyDisabled`); the layout's
    ///   faults (`NotAnOCILayout`, `TagNotFound`, `BlobMissing`, `DigestMismatch`, `SizeMismatch`,
    ///   `UnsupportedMediaType`); `ResourceNotFound` when the registry was deleted meanwhile; `ContentConflict`
    ///   when a concurrent repository delete defeated both attempts. Nothing is recorded on any failure.
    public func push(_ source: PushSource, to registry: String, as reference: ImageReference,
                     observer: (any TransferObserver)? = nil) throws -> PushResult {
        let reference = try reference.relative(to: registry)
        let tag = try Self.pushTag(of: reference)
        let keys = try keys(forRegistry: registry, action: "pushed")
        var root: OCIDescriptor?
        let (batch, attempts) = try sealThenCommit(keys: keys, repository: reference.repository, noun: "push",
                                                   observer: observer) { batch in
            let descriptor: OCIDescriptor
            switch source {
            case .file(let title, let open):
                descriptor = try sealFile(title: title, open: open, keys: keys, into: &batch, observer: observer)
            case .imageLayout(let layoutSource):
                let layout = OCIImageLayout(layoutSource)
                descriptor = try layout.descriptor(forTag: tag)
                try sealManifest(descriptor, from: layout, keys: keys, into: &batch, observer: observer)
            }
            root = descriptor
            return [ImportedTag(tag: tag, digest: descriptor.digest)]
        }
        guard let root else { preconditionFailure("a committed push has sealed its root manifest") }
        return PushResult(registry: keys.registryName, repository: reference.repository, tag: tag, digest: root.digest,
                          mediaType: root.mediaType, size: root.size, objects: batch.objects.count,
                          sealedBytes: batch.sealedBytes, attempts: attempts)
    }

    /// Imports every tagged manifest of an OCI image layout into one repository: one key unwrap, one commit.
    ///
    /// - Throws: `CMKError`: `NotAnOCILayout` or `NoTags` before the key is unwrapped; otherwise as `push`.
    public func importLayout(_ source: any ImageLayoutSource, into registry: String, repository: String,
                             observer: (any TransferObserver)? = nil) throws -> ImportResult {
        try Self.requireRepositoryName(repository)
        let layout = OCIImageLayout(source)
        guard try source.readIndex(limit: OCIImageLayout.documentLimit) != nil else {
            throw CMKError.badRequest(.notAnOCILayout, "'\(layout.location)' is not an OCI image layout (no "
                                          + "index.json).", hint: "To push a single file, use: acrcmk push "
                                          + "\(registry) \(repository):TAG \(layout.location)")
        }
        let tagged = try layout.taggedManifests()
        guard !tagged.isEmpty else {
            throw CMKError.badRequest(.noTags, "The OCI layout '\(layout.location)' names no tags (no "
                                          + "\(OCIMediaType.refNameAnnotation) annotations in index.json).",
                                      hint: "Push its only image with a tag of your choice: acrcmk push "
                                          + "\(registry) \(repository):TAG \(layout.location)")
        }
        let keys = try keys(forRegistry: registry, action: "imported into")
        let (_, attempts) = try sealThenCommit(keys: keys, repository: repository, noun: "import",
                                               observer: observer) { batch in
            for entry in tagged {
                try sealManifest(entry.descriptor, from: layout, keys: keys, into: &batch, observer: observer)
            }
            return tagged.map { ImportedTag(tag: $0.tag, digest: $0.descriptor.digest) }
        }
        return ImportResult(registry: keys.registryName, repository: repository,
                            tags: tagged.map { ImportedTag(tag: $0.tag, digest: $0.descriptor.digest) },
                            attempts: attempts)
    }

    /// The tag a push records.
    ///
    /// - Throws: `CMKError` (usage) for a reference without a tag or with a digest.
    static func pushTag(of reference: ImageReference) throws -> String {
        guard let tag = reference.tag, reference.digest == nil else {
            throw CMKError.usage("Push needs a tag: use <repository>:<tag>, not a digest.")
        }
        return tag
    }

    /// - Throws: `CMKError` (usage) for a name the distribution spec does not allow.
    static func requireRepositoryName(_ name: String) throws {
        guard ImageReference.isValidRepository(name) else {
            throw CMKError.usage("'\(name)' is not a valid repository name: use lowercase letters, digits and "
                                     + "separators (. _ - /), e.g. 'team/app'.")
        }
    }

    // MARK: Sealing, then committing

    /// What one attempt sealed.
    struct SealedBatch {
        /// Every object to record, blobs and manifests, each once.
        var objects: [ContentObject] = []
        /// Objects found already sealed for the registry, taken as the layout describes them: the commit checks
        /// each against the row the registry recorded for it, and an object no row names is sealed again.
        var reused: Set<String> = []
        /// Objects a previous attempt could not verify: sealed afresh from the source, whatever is on disk.
        var mustSeal: Set<String> = []
        /// The manifests to record; repository and times are filled in at commit.
        var manifests: [ContentManifestRecord] = []
        var seen: Set<String> = []
        var sealedBytes: Int64 = 0
    }

    /// Seals outside any transaction, then records the tags `seal` returns in a second transaction.
    ///
    /// The second transaction checks the registry (`requireContentRegistry`) and that every object is still
    /// there: a concurrent `repository delete` may remove an object this attempt found already sealed. The push
    /// then seals again, once, rather than record a row naming a deleted object.
    ///
    /// - Returns: The batch that was recorded and the number of attempts it took.
    private func sealThenCommit(keys: ContentKeys, repository: String, noun: String,
                                observer: (any TransferObserver)?,
                                seal: (inout SealedBatch) throws -> [ImportedTag]) throws
        -> (SealedBatch, Int)
    {
        _ = try? content.removeStaleTemporaryFiles()
        var mustSeal: Set<String> = []
        for attempt in 1...2 {
            var batch = SealedBatch()
            batch.mustSeal = mustSeal
            let tags = try seal(&batch)
            let committed: Bool = try store.perform { session in
                try session.requireContentRegistry(keys)
                // Every commit verifies what it names: a reused object must match the row the registry recorded
                // for its digest; one that no row names (a file left by a failed or concurrent push) is not
                // trusted and is sealed again from the source.
                let unverified = try batch.objects.filter { batch.reused.contains($0.objectID) }.filter { object in
                    guard let recorded = try content.blob(keys: keys, digest: object.digest) else { return true }
                    guard recorded.object.size == object.size else {
                        throw CMKError.badRequest(
                            .sizeMismatch, "\(object.digest) is \(recorded.object.size) bytes in registry "
                                + "'\(keys.registryName)' but the layout's descriptor says \(object.size).")
                    }
                    return false
                }
                mustSeal.formUnion(unverified.map(\.objectID))
                guard unverified.isEmpty, batch.objects.allSatisfy({ content.objectExists($0.objectID) }) else {
                    return false
                }
                let verified = batch.objects.filter { !batch.reused.contains($0.objectID) }
                let manifests = batch.manifests.map { sealed in
                    var manifest = sealed
                    manifest.repository = repository
                    manifest.createdAt = session.now
                    manifest.lastUpdatedAt = session.now
                    return manifest
                }
                // The objects and manifests go with the first tag; the others only point at them.
                for (position, entry) in tags.enumerated() {
                    try content.commit(ContentPush(
                        repository: repository, tag: entry.tag, tagDigest: entry.digest,
                        objects: position == 0 ? verified : [], manifests: position == 0 ? manifests : [],
                        time: session.now), keys: keys)
                }
                session.recordContentObjects(keys, count: try content.counts(scope: keys.scope).blobs)
                return true
            }
            if committed {
                return (batch, attempt)
            }
            observer?.transferRetrying(after: attempt)
        }
        throw CMKError.conflict(.contentConflict, "The \(noun) could not commit: objects it needs were deleted while "
                                    + "it ran (a concurrent repository delete).", hint: "Run the \(noun) again.")
    }

    /// Seals a file, an empty config and the manifest of a one-layer artifact holding the file.
    private func sealFile(title: String, open: () throws -> any ContentReader, keys: ContentKeys,
                          into batch: inout SealedBatch, observer: (any TransferObserver)?) throws -> OCIDescriptor {
        let reader = try open()
        observer?.streamStarted(TransferStream(role: .file, digest: nil, size: reader.expectedSize))
        let layer = try content.seal(reader, keys: keys, expectedDigest: nil, progress: observer?.progress)
        observer?.streamFinished()
        let config = try content.sealBytes(Array("{}".utf8), keys: keys)
        let manifest = FileArtifactManifest(
            config: OCIDescriptor(mediaType: OCIMediaType.empty, digest: config.digest, size: config.size),
            layers: [OCIDescriptor(mediaType: OCIMediaType.octetStream, digest: layer.digest, size: layer.size,
                                   annotations: [OCIMediaType.titleAnnotation: title])])
        let sealed = try content.sealBytes(try OCIImageLayout.encode(manifest), keys: keys)
        batch.objects += [layer, config, sealed]
        batch.sealedBytes += layer.size + config.size + sealed.size
        batch.manifests.append(ContentManifestRecord(
            repository: "", digest: sealed.digest, mediaType: OCIMediaType.imageManifest,
            artifactType: OCIMediaType.fileArtifact, configMediaType: OCIMediaType.empty, size: sealed.size,
            imageSize: sealed.size + config.size + layer.size, objectID: sealed.objectID,
            references: [config.digest, layer.digest], architecture: nil, os: nil, createdAt: .distantPast,
            lastUpdatedAt: .distantPast))
        return OCIDescriptor(mediaType: OCIMediaType.imageManifest, digest: sealed.digest, size: sealed.size,
                             artifactType: OCIMediaType.fileArtifact)
    }

    /// Seals a manifest of an OCI layout and, first, everything it references (the children of an index too).
    private func sealManifest(_ descriptor: OCIDescriptor, from layout: OCIImageLayout, keys: ContentKeys,
                              into batch: inout SealedBatch, observer: (any TransferObserver)?,
                              depth: Int = 1) throws {
        guard depth <= OCIImageLayout.maximumIndexDepth else {
            throw CMKError.badRequest(.manifestInvalid, "\(descriptor.digest) in '\(layout.location)' is an index "
                                          + "nested \(depth) levels deep; at most "
                                          + "\(OCIImageLayout.maximumIndexDepth) are supported.")
        }
        guard batch.seen.insert(descriptor.digest).inserted else { return }
        let bytes = try layout.readDocument(descriptor)
        let document = try OCIManifestDocument.parse(bytes, digest: descriptor.digest)
        let mediaType = document.resolvedMediaType(descriptor: descriptor.mediaType)
        guard OCIMediaType.isManifest(mediaType) else {
            throw CMKError.badRequest(.unsupportedMediaType, "\(descriptor.digest) has media type '\(mediaType)', "
                                          + "which is not an image manifest or index.")
        }
        let children = Set((document.manifests ?? []).map(\.digest))
        for reference in document.references {
            if children.contains(reference.digest) {
                try sealManifest(reference, from: layout, keys: keys, into: &batch, observer: observer,
                                 depth: depth + 1)
            } else {
                try sealBlob(reference, from: layout, keys: keys, into: &batch, observer: observer)
            }
        }
        let sealed = try content.sealBytes(bytes, keys: keys)
        guard sealed.digest == descriptor.digest else {
            throw CMKError.badRequest(.digestMismatch, "The manifest file of \(descriptor.digest) in "
                                          + "'\(layout.location)' has digest \(sealed.digest); the layout is corrupt.")
        }
        batch.objects.append(sealed)
        batch.sealedBytes += sealed.size
        var architecture = descriptor.platform?.architecture
        var os = descriptor.platform?.os
        if let config = document.config, let platform = layout.platform(ofConfig: config) {
            architecture = architecture ?? platform.architecture
            os = os ?? platform.os
        }
        let imageSize = document.references.reduce(sealed.size) { $0 + $1.size }
        batch.manifests.append(ContentManifestRecord(
            repository: "", digest: sealed.digest, mediaType: mediaType,
            artifactType: document.artifactType ?? descriptor.artifactType, configMediaType: document.config?.mediaType,
            size: sealed.size, imageSize: imageSize, objectID: sealed.objectID,
            references: document.references.map(\.digest), architecture: architecture, os: os,
            createdAt: .distantPast, lastUpdatedAt: .distantPast))
    }

    /// Seals a blob of an OCI layout, unless the registry already holds it.
    private func sealBlob(_ descriptor: OCIDescriptor, from layout: OCIImageLayout, keys: ContentKeys,
                          into batch: inout SealedBatch, observer: (any TransferObserver)?) throws {
        guard batch.seen.insert(descriptor.digest).inserted else { return }
        try ContentDigest.require(descriptor.digest, context: "a descriptor in \(layout.location)")
        let objectID = try keys.objectID(for: descriptor.digest)
        if !batch.mustSeal.contains(objectID), content.objectExists(objectID) {
            // Already sealed for this registry: the commit checks it against the registry's row.
            batch.objects.append(ContentObject(digest: descriptor.digest, size: descriptor.size, objectID: objectID))
            batch.reused.insert(objectID)
            return
        }
        guard layout.source.hasBlob(descriptor.digest) else {
            throw CMKError.badRequest(.blobMissing, "The OCI layout '\(layout.location)' lacks "
                                          + "\(layout.blobLocation(descriptor.digest)), which a manifest references.")
        }
        let reader = try layout.source.openBlob(descriptor.digest)
        observer?.streamStarted(TransferStream(role: .object, digest: descriptor.digest, size: descriptor.size))
        let sealed = try content.seal(reader, keys: keys, expectedDigest: descriptor.digest,
                                      progress: observer?.progress)
        observer?.streamFinished()
        guard sealed.size == descriptor.size else {
            throw CMKError.badRequest(.sizeMismatch, "\(descriptor.digest) is \(sealed.size) bytes in "
                                          + "'\(layout.location)' but its descriptor says \(descriptor.size).")
        }
        batch.objects.append(sealed)
        batch.sealedBytes += sealed.size
    }
}

extension TransferObserver {
    /// `streamProgressed` as the pipeline's progress callback.
    var progress: (Int64) -> Void {
        { [unowned self] in streamProgressed($0) }
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

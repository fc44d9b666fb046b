import Foundation

/// What a pull or export must fetch, resolved in one transaction.
public struct FetchPlan {
    /// The registry's keys, unwrapped for this fetch only.
    public var keys: ContentKeys
    /// The entries of the index to write: the requested manifest, or every tagged one.
    public var roots: [FetchRoot]
    /// Every object to write, manifests included, each once.
    public var objects: [ContentObject]
}

/// One entry of a fetched index: a manifest and the tag it was reached by.
public struct FetchRoot: Sendable, Equatable {
    public var descriptor: OCIDescriptor
    public var tag: String?
}

/// The layer of a single-file artifact (what `acrcmk push FILE` made) and the name to write it under.
public struct FileArtifact: Sendable, Equatable {
    public var layer: ContentObject
    /// The file name the artifact records, reduced to its last component (never a path).
    public var fileName: String
}

extension RegistryContent {
    /// Resolves the manifests and objects of one reference, or of every tag of a repository.
    ///
    /// - Parameters:
    ///   - registry: The registry.
    ///   - repository: The repository.
    ///   - reference: A tag or digest in the repository, or nil for every tag.
    ///   - action: What is done with the content, for the error message (e.g. "pulled").
    /// - Throws: `CMKError`: the vault's denial; `RepositoryNotFound`, `ManifestUnknown`, `ContentMissing`.
    public func plan(registry: String, repository: String, reference: ImageReference?,
                     action: String) throws -> FetchPlan {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: action)
            let manifests = try content.manifests(keys: keys, repository: repository)
            guard !manifests.isEmpty else {
                throw CMKError(.notFound, code: .repositoryNotFound, "The repository '\(repository)' was not found "
                                   + "in registry '\(keys.registryName)'.",
                               hint: "List them with: acrcmk az acr repository list --name \(keys.registryName)")
            }
            let byDigest = Dictionary(manifests.map { ($0.digest, $0) }, uniquingKeysWith: { first, _ in first })
            var roots: [(ContentManifestRecord, String?)] = []
            if let reference {
                let found = reference.digest.flatMap { byDigest[$0] }
                    ?? reference.tag.flatMap { tag in manifests.first { $0.tags.contains(tag) } }
                guard let found else {
                    throw CMKError(.notFound, code: .manifestUnknown, "'\(reference)' was not found in registry "
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
                            throw CMKError(.notFound, code: .contentMissing, "\(digest), referenced by "
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
                    FetchRoot(descriptor: OCIDescriptor(mediaType: manifest.mediaType, digest: manifest.digest,
                                                        size: manifest.size, artifactType: manifest.artifactType),
                              tag: tag)
                },
                objects: objects)
        }
    }

    /// Writes the plan's objects and an index naming its roots (with their tags) as an OCI image layout, all or
    /// nothing: on any failure the destination is discarded.
    ///
    /// - Throws: `CMKError` (`ContentTampered`, `ContentMissing`, `OutputUnwritable`).
    public func writeLayout(_ plan: FetchPlan, to layout: any ImageLayoutDestination,
                            observer: (any TransferObserver)? = nil) throws {
        do {
            for object in plan.objects {
                observer?.streamStarted(TransferStream(role: .object, digest: object.digest, size: object.size))
                try content.openObject(object, keys: plan.keys, into: try layout.blobWriter(for: object.digest),
                                       progress: observer?.progress)
                observer?.streamFinished()
            }
            let descriptors = plan.roots.map { root -> OCIDescriptor in
                var descriptor = root.descriptor
                if let tag = root.tag { descriptor.annotations = [OCIMediaType.refNameAnnotation: tag] }
                return descriptor
            }
            try layout.commit(index: try OCIImageLayout.encode(OCIImageIndex(manifests: descriptors)))
        } catch {
            layout.discard()
            throw error
        }
    }

    /// For a plan of one single-file artifact, its layer and file name; nil for anything else (images).
    ///
    /// - Throws: `CMKError` when the artifact's manifest does not open or parse.
    public func fileArtifact(in plan: FetchPlan) throws -> FileArtifact? {
        guard plan.roots.count == 1, plan.roots[0].descriptor.artifactType == OCIMediaType.fileArtifact,
              let manifestObject = plan.objects.first(where: { $0.digest == plan.roots[0].descriptor.digest })
        else { return nil }
        let bytes = try content.readObject(manifestObject, keys: plan.keys, limit: OCIImageLayout.documentLimit)
        let document = try OCIManifestDocument.parse(bytes, digest: manifestObject.digest)
        guard let layer = document.layers?.first, document.layers?.count == 1,
              let object = plan.objects.first(where: { $0.digest == layer.digest }) else { return nil }
        let title = layer.annotations?[OCIMediaType.titleAnnotation] ?? ""
        return FileArtifact(layer: object, fileName: Self.fileName(title, or: ContentDigest.hex(layer.digest)))
    }

    /// Opens one object into `writer`, which is committed only when the whole object verified.
    ///
    /// - Throws: `CMKError` (`ContentTampered`, `ContentMissing`); the writer's errors.
    public func writeFile(_ object: ContentObject, keys: ContentKeys, to writer: any ContentWriter,
                          observer: (any TransferObserver)? = nil) throws {
        observer?.streamStarted(TransferStream(role: .file, digest: object.digest, size: object.size))
        try content.openObject(object, keys: keys, into: writer, progress: observer?.progress)
        observer?.streamFinished()
    }

    /// The location of a registry's replica (or of the registry itself) a pull is served from.
    ///
    /// - Throws: `CMKError` (`ReplicationNotFound`) naming the locations the registry has.
    public func replicaLocation(_ location: String, of registry: String) throws -> String {
        try store.perform { session in
            let found = try session.requireRegistry(registry)
            let wanted = location.lowercased().replacingOccurrences(of: " ", with: "")
            if found.location == wanted { return found.location }
            guard let replica = found.replications.first(where: {
                $0.location == wanted || $0.resourceName == ResourceName(wanted)
            }) else {
                let known = ([found.location] + found.replications.map(\.location)).joined(separator: ", ")
                throw CMKError(.notFound, code: .replicationNotFound, "Registry '\(found.name)' has no replica in "
                                   + "'\(location)'. Its locations: \(known).",
                               hint: "az acr replication create --registry \(found.name) --location \(wanted)")
            }
            return replica.location
        }
    }

    /// The last component of a recorded file name: a pull writes inside the directory it was given, never
    /// elsewhere, whatever the artifact says.
    static func fileName(_ recorded: String, or fallback: String) -> String {
        let last = (recorded as NSString).lastPathComponent
        return ["", ".", "..", "/"].contains(last) ? fallback : last
    }
}

import CMKCrypto
import Foundation

/// A manifest as the distribution API serves it: its record and its bytes.
public struct DistributionManifest: Sendable {
    public var record: ContentManifestRecord
    public var bytes: [UInt8]
}

/// What a manifest push recorded.
public struct ManifestPushResult: Sendable, Equatable {
    public var digest: String
    /// The manifest's `subject`, for the `OCI-Subject` response header.
    public var subject: String?
}

/// The OCI distribution API's operations over a registry's sealed content: what `acrcmk serve` calls for each
/// request. Every operation unwraps the registry's DEK through the vault (one audited `KeyUnwrap`), so a revocation
/// takes effect at the next request; blob bytes stream outside any transaction.
extension RegistryContent {
    /// ACR's manifest size limit (4 MiB).
    public static let manifestLimit = 4 * 1024 * 1024

    /// The registry's content keys for one request.
    ///
    /// - Throws: The vault's denial, naming the cause and the fix (e.g. `KeyDisabled`); `ResourceNotFound`.
    public func requestKeys(registry: String, action: String) throws -> ContentKeys {
        try keys(forRegistry: registry, action: action)
    }

    // MARK: Pull

    /// The manifest a tag or digest names in a repository.
    ///
    /// - Throws: `CMKError` (`ManifestUnknown`; `NAME_UNKNOWN` for a repository the registry does not hold); the
    ///   vault's denial; `ContentTampered` when the sealed manifest does not verify.
    public func manifest(registry: String, repository: String, reference: String) throws -> DistributionManifest {
        let (record, keys) = try store.perform { session -> (ContentManifestRecord, ContentKeys) in
            let keys = try session.contentKeys(forRegistry: registry, action: "pulled")
            guard try content.repository(keys: keys, name: repository) != nil else {
                throw Self.nameUnknown(repository, registry: keys.registryName)
            }
            let manifests = try content.manifests(keys: keys, repository: repository)
            let found = ContentDigest.isValid(reference)
                ? manifests.first { $0.digest == reference }
                : manifests.first { $0.tags.contains(reference) }
            guard let found else {
                throw CMKError(.notFound, code: .manifestUnknown, "manifest unknown: '\(reference)' is not in "
                                   + "repository '\(repository)' of registry '\(keys.registryName)'.")
            }
            return (found, keys)
        }
        let bytes = try content.readObject(ContentObject(digest: record.digest, size: record.size,
                                                         objectID: record.objectID),
                                           keys: keys, limit: Self.manifestLimit)
        return DistributionManifest(record: record, bytes: bytes)
    }

    /// A blob of the registry and the keys that open it; the caller streams it with `content.open`.
    ///
    /// - Throws: `CMKError` (`BlobMissing` when the registry holds no such blob); the vault's denial.
    public func blob(registry: String, digest: String) throws -> (ContentBlobRecord, ContentKeys) {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "pulled")
            guard let blob = try content.blob(keys: keys, digest: digest) else {
                throw CMKError(.notFound, code: .blobMissing, "blob unknown to registry '\(keys.registryName)': "
                                   + digest)
            }
            return (blob, keys)
        }
    }

    /// The manifests of a repository whose `subject` is `digest`, as an image index's descriptors (OCI 1.1
    /// referrers), filtered by artifact type when given.
    public func referrers(registry: String, repository: String, digest: String,
                          artifactType: String?) throws -> [OCIDescriptor] {
        let (manifests, keys) = try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "listed")
            return (try content.manifests(keys: keys, repository: repository), keys)
        }
        var found: [OCIDescriptor] = []
        for record in manifests {
            let bytes = try content.readObject(ContentObject(digest: record.digest, size: record.size,
                                                             objectID: record.objectID),
                                               keys: keys, limit: Self.manifestLimit)
            guard let document = try? OCIManifestDocument.parse(bytes, digest: record.digest),
                  document.subject?.digest == digest
            else { continue }
            let type = document.artifactType ?? document.config?.mediaType
            if let artifactType, type != artifactType { continue }
            found.append(OCIDescriptor(mediaType: record.mediaType, digest: record.digest, size: record.size,
                                       artifactType: type, annotations: document.annotations))
        }
        return found
    }

    // MARK: Push

    /// Seals an uploaded blob as its bytes arrive (outside any transaction); `commitBlob` records it.
    public func sealBlob(keys: ContentKeys, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws
        -> ContentObject
    {
        _ = try? content.removeStaleTemporaryFiles()
        return try content.seal(keys: keys, expectedDigest: nil, progress: nil, read: read)
    }

    /// Records a sealed upload as a blob of the registry, once its digest is the one the client declared.
    ///
    /// The keys are unwrapped again (audited): an upload that outlived a revocation does not commit.
    ///
    /// - Throws: `DigestMismatch` (the upload is discarded); the vault's denial; `ResourceNotFound` when the
    ///   registry was deleted meanwhile.
    public func commitBlob(_ object: ContentObject, declaredDigest: String, registry: String) throws {
        guard object.digest == declaredDigest else {
            _ = try? removeUnnamedObjects([object.objectID])
            throw CMKError.badRequest(.digestMismatch, "The uploaded content has digest \(object.digest), not the "
                                          + "\(declaredDigest) the upload declared; nothing was stored.")
        }
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "pushed")
            try session.requireContentRegistry(keys)
            guard content.objectExists(object.objectID) else {
                throw CMKError.conflict(.contentConflict, "The uploaded blob was deleted before it was recorded (a "
                                            + "concurrent delete).", hint: "Upload it again.")
            }
            try content.commit(ContentPush(repository: "", tag: nil, tagDigest: nil, objects: [object],
                                           manifests: [], time: session.now), keys: keys)
            session.recordContentObjects(keys, count: try content.counts(scope: keys.scope).blobs)
        }
    }

    /// True when the registry already holds `digest` (a cross-repository mount needs nothing more: blobs are
    /// the registry's, not a repository's).
    public func hasBlob(registry: String, digest: String) throws -> Bool {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "pushed")
            guard let blob = try content.blob(keys: keys, digest: digest) else { return false }
            return content.objectExists(blob.object.objectID)
        }
    }

    /// Records a manifest pushed by tag or digest: it must parse, and every blob and child manifest it references
    /// must be in the registry (the subject need not be).
    ///
    /// - Throws: `CMKError`: `ManifestInvalid`, `ManifestTooLarge`, `DigestMismatch` (a digest reference that is
    ///   not the body's), `BlobMissing` (`MANIFEST_BLOB_UNKNOWN`), a usage error for a bad name or tag; the vault's
    ///   denial.
    public func putManifest(_ bytes: [UInt8], mediaType declared: String?, registry: String, repository: String,
                            reference: String) throws -> ManifestPushResult {
        try Self.requireRepositoryName(repository)
        guard bytes.count <= Self.manifestLimit else {
            throw CMKError.badRequest(.manifestTooLarge, "The manifest is \(bytes.count) bytes; at most "
                                          + "\(Self.manifestLimit) are accepted.")
        }
        let digest = ContentDigest.prefix + SHA256.hex(SHA256.hash(bytes))
        let isDigest = reference.hasPrefix("sha256:") || reference.contains(":")
        if isDigest {
            guard reference == digest else {
                throw CMKError.badRequest(.digestInvalid, "The manifest's digest is \(digest), not \(reference).")
            }
        } else if !ImageReference.isValidTag(reference) {
            throw CMKError.badRequest(.badParameter, "'\(reference)' is not a valid tag: up to 128 letters, digits, "
                                          + "'_', '.' and '-', not starting with '.' or '-'.")
        }
        let document = try OCIManifestDocument.parse(bytes, digest: digest)
        let mediaType = document.mediaType ?? declared ?? document.resolvedMediaType(descriptor: nil)
        guard OCIMediaType.isManifest(mediaType) else {
            throw CMKError.badRequest(.manifestInvalid, "Media type '\(mediaType)' is not an image manifest or index.")
        }
        if let inDocument = document.mediaType, let declared, inDocument != declared,
           declared != "application/octet-stream" {
            throw CMKError.badRequest(.manifestInvalid, "The Content-Type '\(declared)' differs from the manifest's "
                                          + "mediaType '\(inDocument)'.")
        }
        let keys = try requestKeys(registry: registry, action: "pushed")
        let sealed = try content.sealBytes(bytes, keys: keys)
        var platform: ImagePlatform?
        if let config = document.config, config.size <= 1 << 20,
           let blob = try store.perform({ _ in try content.blob(keys: keys, digest: config.digest) }),
           let configBytes = try? content.readObject(blob.object, keys: keys, limit: 1 << 20) {
            platform = try? JSONDecoder().decode(ImagePlatform.self, from: Data(configBytes))
        }
        let children = Set((document.manifests ?? []).map(\.digest))
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "pushed")
            try session.requireContentRegistry(keys)
            for reference in document.references {
                guard let blob = try content.blob(keys: keys, digest: reference.digest),
                      content.objectExists(blob.object.objectID)
                else {
                    let kind = children.contains(reference.digest) ? "manifest" : "blob"
                    throw CMKError(.notFound, code: .blobMissing, "manifest blob unknown: the \(kind) "
                                       + "\(reference.digest) it references is not in registry "
                                       + "'\(keys.registryName)'; push it first.")
                }
            }
            let record = ContentManifestRecord(
                repository: repository, digest: digest, mediaType: mediaType,
                artifactType: document.artifactType, configMediaType: document.config?.mediaType, size: sealed.size,
                imageSize: document.references.reduce(sealed.size) { $0 + $1.size }, objectID: sealed.objectID,
                references: document.references.map(\.digest), architecture: platform?.architecture,
                os: platform?.os, createdAt: session.now, lastUpdatedAt: session.now)
            try content.commit(ContentPush(repository: repository, tag: isDigest ? nil : reference,
                                           tagDigest: isDigest ? nil : digest, objects: [sealed], manifests: [record],
                                           time: session.now), keys: keys)
            session.recordContentObjects(keys, count: try content.counts(scope: keys.scope).blobs)
        }
        return ManifestPushResult(digest: digest, subject: document.subject?.digest)
    }

    // MARK: Delete

    /// Deletes a manifest by digest, with its tags, and the objects only it referenced.
    ///
    /// - Throws: `CMKError` (`ManifestUnknown`); the vault's denial.
    public func deleteManifest(_ digest: String, repository: String, from registry: String) throws {
        let removed = try store.perform { session -> [String] in
            let keys = try session.contentKeys(forRegistry: registry, action: "deleted")
            guard let removed = try content.deleteManifest(keys: keys, repository: repository, digest: digest) else {
                throw CMKError(.notFound, code: .manifestUnknown, "manifest unknown: \(digest) is not in repository "
                                   + "'\(repository)' of registry '\(keys.registryName)'.")
            }
            session.recordContentObjects(keys, count: try content.counts(scope: keys.scope).blobs)
            return removed
        }
        _ = try removeUnnamedObjects(removed)
    }

    /// Deletes a tag; the manifest stays (ACR's `az acr repository untag`).
    ///
    /// - Throws: `CMKError` (`ManifestUnknown`); the vault's denial.
    public func untag(_ tag: String, repository: String, from registry: String) throws {
        try store.perform { session in
            let keys = try session.contentKeys(forRegistry: registry, action: "deleted")
            guard try content.deleteTag(keys: keys, repository: repository, tag: tag) else {
                throw CMKError(.notFound, code: .manifestUnknown, "manifest unknown: tag '\(tag)' is not in "
                                   + "repository '\(repository)' of registry '\(keys.registryName)'.")
            }
        }
    }

    static func nameUnknown(_ repository: String, registry: String) -> CMKError {
        CMKError(.notFound, code: .nameUnknown, "repository name not known to registry: '\(repository)' is not in "
                     + "registry '\(registry)'.")
    }
}

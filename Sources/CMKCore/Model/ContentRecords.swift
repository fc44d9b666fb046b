import Foundation

/// A sealed object on disk: the content's digest and size, and the per-registry id of its sealed file.
public struct ContentObject: Sendable, Equatable {
    public var digest: String
    public var size: Int64
    public var objectID: String

    public init(digest: String, size: Int64, objectID: String) {
        self.digest = digest
        self.size = size
        self.objectID = objectID
    }
}

/// Where the content index says a sealed object lives, readable without the registry's keys: enough to find
/// orphans and to delete a deleted registry's leftovers, nothing about the content (no digest, size or name).
public struct ContentObjectLocation: Sendable, Equatable {
    /// The registry's content scope (see `ContentKeys.scope`).
    public var scope: String
    /// The registry's name when the object was indexed (a control-plane name, not content).
    public var registry: String
    public var objectID: String

    public init(scope: String, registry: String, objectID: String) {
        self.scope = scope
        self.registry = registry
        self.objectID = objectID
    }
}

/// A blob row of the content index, opened with the registry's keys: one sealed object of one registry.
public struct ContentBlobRecord: Sendable, Equatable {
    /// The registry's content scope (see `ContentKeys.scope`).
    public var scope: String
    public var registry: String
    public var object: ContentObject
    public var createdAt: Date

    public init(scope: String, registry: String, object: ContentObject, createdAt: Date) {
        self.scope = scope
        self.registry = registry
        self.object = object
        self.createdAt = createdAt
    }
}

/// A repository of a registry.
public struct ContentRepositoryRecord: Sendable, Equatable {
    public var name: String
    public var createdAt: Date
    public var lastUpdatedAt: Date

    public init(name: String, createdAt: Date, lastUpdatedAt: Date) {
        self.name = name
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}

/// A tag: a name in a repository pointing at a manifest digest.
public struct ContentTagRecord: Sendable, Equatable {
    public var repository: String
    public var name: String
    public var digest: String
    public var createdAt: Date
    public var lastUpdatedAt: Date

    public init(repository: String, name: String, digest: String, createdAt: Date, lastUpdatedAt: Date) {
        self.repository = repository
        self.name = name
        self.digest = digest
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}

/// A manifest (image manifest or index) in a repository; its bytes are the sealed object of the same digest.
public struct ContentManifestRecord: Sendable, Equatable {
    public var repository: String
    public var digest: String
    public var mediaType: String
    public var artifactType: String?
    public var configMediaType: String?
    /// The manifest's own size in bytes.
    public var size: Int64
    /// The manifest plus everything it references directly (az's `imageSize`).
    public var imageSize: Int64
    public var objectID: String
    /// Digests of the config, layers and child manifests.
    public var references: [String]
    public var architecture: String?
    public var os: String?
    public var createdAt: Date
    public var lastUpdatedAt: Date
    /// The tags pointing at it, sorted; filled when read from the index.
    public var tags: [String]

    public init(repository: String, digest: String, mediaType: String, artifactType: String?, configMediaType: String?,
                size: Int64, imageSize: Int64, objectID: String, references: [String], architecture: String?,
                os: String?, createdAt: Date, lastUpdatedAt: Date, tags: [String] = []) {
        self.repository = repository
        self.digest = digest
        self.mediaType = mediaType
        self.artifactType = artifactType
        self.configMediaType = configMediaType
        self.size = size
        self.imageSize = imageSize
        self.objectID = objectID
        self.references = references
        self.architecture = architecture
        self.os = os
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
        self.tags = tags
    }
}

/// What one push adds to the index, committed in one transaction after every object is durable.
///
/// The registry (and its scope) are those of the `ContentKeys` the push is committed with.
public struct ContentPush: Sendable {
    public var repository: String
    public var tag: String?
    /// The manifest the tag points at.
    public var tagDigest: String?
    /// Every object the push sealed and verified (digest and size), blobs and manifests alike: each replaces any
    /// row its digest had. Objects reused from rows already committed are not listed.
    public var objects: [ContentObject]
    public var manifests: [ContentManifestRecord]
    public var time: Date

    public init(repository: String, tag: String?, tagDigest: String?, objects: [ContentObject],
                manifests: [ContentManifestRecord], time: Date) {
        self.repository = repository
        self.tag = tag
        self.tagDigest = tagDigest
        self.objects = objects
        self.manifests = manifests
        self.time = time
    }
}

import CMKCrypto
import Foundation

/// The OCI media types acrcmk reads and writes.
public enum OCIMediaType {
    public static let imageManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let imageIndex = "application/vnd.oci.image.index.v1+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let empty = "application/vnd.oci.empty.v1+json"
    public static let octetStream = "application/octet-stream"
    /// The artifact type of a single file pushed with `acrcmk push`.
    public static let fileArtifact = "application/vnd.acrcmk.file.v1"

    /// The annotation naming a tag in an OCI image layout's `index.json`.
    public static let refNameAnnotation = "org.opencontainers.image.ref.name"
    /// The annotation naming a layer's file (ORAS convention).
    public static let titleAnnotation = "org.opencontainers.image.title"

    /// True for media types whose documents list other manifests.
    public static func isIndex(_ mediaType: String) -> Bool {
        mediaType == imageIndex || mediaType == dockerManifestList
    }

    /// True for any manifest media type acrcmk understands.
    public static func isManifest(_ mediaType: String) -> Bool {
        isIndex(mediaType) || mediaType == imageManifest || mediaType == dockerManifest
    }
}

/// An OCI content descriptor: what a manifest or `index.json` says about one piece of content.
public struct OCIDescriptor: Codable, Sendable, Equatable {
    public var mediaType: String
    public var digest: String
    public var size: Int64
    public var artifactType: String?
    public var annotations: [String: String]?
    public var platform: OCIPlatform?

    public init(mediaType: String, digest: String, size: Int64, artifactType: String? = nil,
                annotations: [String: String]? = nil, platform: OCIPlatform? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.artifactType = artifactType
        self.annotations = annotations
        self.platform = platform
    }

    private enum CodingKeys: String, CodingKey {
        case mediaType, digest, size, artifactType, annotations, platform
    }

    /// Decodes a descriptor, refusing a negative size (the distribution spec's size is a byte count).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mediaType = try container.decode(String.self, forKey: .mediaType)
        digest = try container.decode(String.self, forKey: .digest)
        size = try container.decode(Int64.self, forKey: .size)
        guard size >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .size, in: container,
                                                   debugDescription: "the size of \(digest) is \(size), not a byte count")
        }
        artifactType = try container.decodeIfPresent(String.self, forKey: .artifactType)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        platform = try container.decodeIfPresent(OCIPlatform.self, forKey: .platform)
    }
}

/// The platform an image manifest in an index is for.
public struct OCIPlatform: Codable, Sendable, Equatable {
    public var architecture: String
    public var os: String
    public var variant: String?
}

/// The fields of an image manifest or image index that acrcmk needs; unknown fields are ignored on reading and
/// the original bytes are what is stored, so nothing is lost.
public struct OCIManifestDocument: Decodable, Sendable {
    public var schemaVersion: Int?
    public var mediaType: String?
    public var artifactType: String?
    public var config: OCIDescriptor?
    public var layers: [OCIDescriptor]?
    public var manifests: [OCIDescriptor]?
    public var subject: OCIDescriptor?
    public var annotations: [String: String]?

    /// Parses manifest bytes.
    ///
    /// - Parameters:
    ///   - bytes: The manifest JSON.
    ///   - digest: Its digest, for the error message.
    /// - Throws: `CMKError` (`ManifestInvalid`) when the bytes are not a manifest.
    public static func parse(_ bytes: [UInt8], digest: String) throws -> OCIManifestDocument {
        do {
            return try JSONDecoder().decode(OCIManifestDocument.self, from: Data(bytes))
        } catch {
            throw CMKError.badRequest(.manifestInvalid, "The manifest \(digest) is not a valid OCI manifest: \(error)")
        }
    }

    /// The media type, from the document or else from the descriptor that pointed at it.
    public func resolvedMediaType(descriptor: String?) -> String {
        if let mediaType { return mediaType }
        if let descriptor { return descriptor }
        return manifests != nil ? OCIMediaType.imageIndex : OCIMediaType.imageManifest
    }

    /// Every descriptor this document holds: config and layers, or child manifests. A `subject` is a link to
    /// another artifact, not content of this one, so it is not listed.
    public var references: [OCIDescriptor] {
        var all: [OCIDescriptor] = []
        if let config { all.append(config) }
        all += layers ?? []
        all += manifests ?? []
        return all
    }
}

/// The `index.json` of an OCI image layout.
public struct OCIImageIndex: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var manifests: [OCIDescriptor]

    public init(manifests: [OCIDescriptor]) {
        self.schemaVersion = 2
        self.mediaType = OCIMediaType.imageIndex
        self.manifests = manifests
    }
}

/// Content digests: `sha256:` and 64 lowercase hex digits.
public enum ContentDigest {
    public static let prefix = "sha256:"

    /// True when `text` is a well-formed sha256 digest.
    public static func isValid(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.utf8.dropFirst(prefix.utf8.count)
        return hex.count == 64 && hex.allSatisfy {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        }
    }

    /// The sha256 digest of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        prefix + SHA256.hex(SHA256.hash(bytes))
    }

    /// The hex part of a valid digest.
    public static func hex(_ digest: String) -> String {
        String(digest.dropFirst(prefix.count))
    }

    /// Throws a clear error for a malformed digest.
    public static func require(_ text: String, context: String) throws {
        guard isValid(text) else {
            throw CMKError.badRequest(.digestInvalid, "\(context): '\(text)' is not a sha256 digest "
                + "('sha256:' followed by 64 lowercase hex digits).")
        }
    }
}

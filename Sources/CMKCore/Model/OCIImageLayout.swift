import Foundation

/// What the files of an OCI image layout mean: which manifest a tag names, the documents a manifest points at,
/// and the limits and checks a push applies before it trusts them. The bytes come through `ImageLayoutSource`.
public struct OCIImageLayout {
    /// The `oci-layout` file's content.
    public static let layoutMarker = #"{"imageLayoutVersion":"1.0.0"}"#
    /// The largest JSON document (index.json, manifest) read into memory.
    public static let documentLimit = 16 << 20
    /// How deep indexes may nest (an index of indexes of manifests is 3): real images use 2, and pushing and
    /// pulling walk the nesting recursively.
    public static let maximumIndexDepth = 8
    /// The largest image config read for its platform fields.
    static let configLimit: Int64 = 1 << 20

    public let source: any ImageLayoutSource

    public init(_ source: any ImageLayoutSource) {
        self.source = source
    }

    /// Where the layout is, as messages name it.
    public var location: String { source.location }

    /// Where the blob of a digest is, as messages name it.
    public func blobLocation(_ digest: String) -> String {
        location + "/blobs/sha256/" + ContentDigest.hex(digest)
    }

    /// The layout's `index.json`.
    ///
    /// - Throws: `CMKError` (`NotAnOCILayout`) naming the file when it is missing or not an image index.
    public func index() throws -> OCIImageIndex {
        let path = location + "/index.json"
        guard let bytes = try source.readIndex(limit: Self.documentLimit) else {
            throw CMKError.badRequest(.notAnOCILayout, "'\(location)' is not an OCI image layout: \(path) is missing.",
                                      hint: "Create one with: skopeo copy docker://IMAGE oci:\(location):TAG")
        }
        do {
            return try JSONDecoder().decode(OCIImageIndex.self, from: Data(bytes))
        } catch {
            throw CMKError.badRequest(.notAnOCILayout, "\(path) is not a valid OCI image index: \(error)")
        }
    }

    /// The manifest descriptor `index.json` names with `tag`; the only one when there is exactly one.
    ///
    /// - Throws: `CMKError` (`TagNotFound`) listing the tags present.
    public func descriptor(forTag tag: String) throws -> OCIDescriptor {
        let manifests = try index().manifests
        if let tagged = manifests.first(where: { $0.annotations?[OCIMediaType.refNameAnnotation] == tag }) {
            return tagged
        }
        if manifests.count == 1 {
            return manifests[0]
        }
        let names = manifests.compactMap { $0.annotations?[OCIMediaType.refNameAnnotation] }
        throw CMKError(.notFound, code: .tagNotFound, "The OCI layout '\(location)' has no manifest tagged '\(tag)'. "
                           + "Tags present: \(names.isEmpty ? "none" : names.sorted().joined(separator: ", ")).")
    }

    /// Every manifest `index.json` names with a tag, in its order.
    public func taggedManifests() throws -> [(tag: String, descriptor: OCIDescriptor)] {
        try index().manifests.compactMap { descriptor in
            descriptor.annotations?[OCIMediaType.refNameAnnotation].map { ($0, descriptor) }
        }
    }

    /// Reads a small blob (a manifest) of the layout.
    ///
    /// - Throws: `CMKError` (`DigestInvalid`, `ManifestTooLarge`, `BlobMissing`).
    public func readDocument(_ descriptor: OCIDescriptor) throws -> [UInt8] {
        try ContentDigest.require(descriptor.digest, context: "a descriptor in \(location)")
        guard descriptor.size <= Int64(Self.documentLimit) else {
            throw CMKError.badRequest(.manifestTooLarge, "\(descriptor.digest) is \(descriptor.size) bytes; "
                                          + "manifests of at most \(Self.documentLimit) bytes are supported.")
        }
        // Read no more than the descriptor declares: a file larger than that is wrong, however large it is.
        guard let bytes = try source.readBlob(descriptor.digest, limit: Int(max(0, descriptor.size))) else {
            throw CMKError.badRequest(.blobMissing, "The OCI layout '\(location)' lacks "
                                          + "\(blobLocation(descriptor.digest)).")
        }
        return bytes
    }

    /// The architecture and OS an image config declares, when the layout holds a small, readable config.
    func platform(ofConfig config: OCIDescriptor) -> ImagePlatform? {
        guard config.size < Self.configLimit,
              let bytes = try? source.readBlob(config.digest, limit: Int(Self.configLimit))
        else { return nil }
        return try? JSONDecoder().decode(ImagePlatform.self, from: Data(bytes))
    }

    /// Refuses a document of `size` bytes over `limit`: layout readers call it before reading more than `limit`.
    public static func requireWithin(_ size: Int, limit: Int, _ name: String) throws {
        guard size <= limit else {
            throw CMKError.badRequest(.manifestTooLarge, "\(name) in the OCI layout is \(size) bytes or more, over "
                                          + "the \(limit) bytes expected of it; the layout is corrupt.")
        }
    }

    /// An OCI document (a manifest, `index.json`) as acrcmk writes it: sorted keys, slashes not escaped.
    public static func encode(_ document: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(document))
    }
}

/// The platform fields of an image config.
struct ImagePlatform: Decodable {
    var architecture: String?
    var os: String?
}

import CMKCore
import Foundation

/// An OCI image layout directory on the local disk: `oci-layout`, `index.json` and `blobs/sha256/<hex>`,
/// as `skopeo copy … oci:DIR:TAG` and `umoci` write them.
struct OCILayout {
    /// The `oci-layout` file's content.
    static let layoutMarker = #"{"imageLayoutVersion":"1.0.0"}"#
    /// The largest JSON document (index.json, manifest) read into memory.
    static let documentLimit = 16 << 20

    let root: String
    /// Set on a staged output layout: how an interrupt removes it.
    var cleanupToken: Int?

    /// The blob file of a digest.
    func blobPath(_ digest: String) -> String {
        root + "/blobs/sha256/" + ContentDigest.hex(digest)
    }

    /// True when `path` looks like an OCI image layout (it has `index.json`).
    static func isLayout(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/index.json")
    }

    /// The layout's `index.json`.
    ///
    /// - Throws: `CommandFailure` naming the file when it is missing or not an image index.
    func index() throws -> OCIImageIndex {
        let path = root + "/index.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(code: "NotAnOCILayout", "'\(root)' is not an OCI image layout: \(path) is missing.",
                                 hint: "Create one with: skopeo copy docker://IMAGE oci:\(root):TAG")
        }
        do {
            return try JSONDecoder().decode(OCIImageIndex.self, from: data)
        } catch {
            throw CommandFailure(code: "NotAnOCILayout", "\(path) is not a valid OCI image index: \(error)")
        }
    }

    /// The manifest descriptor `index.json` names with `tag`; the only one when there is exactly one untagged.
    func descriptor(forTag tag: String) throws -> OCIDescriptor {
        let manifests = try index().manifests
        if let tagged = manifests.first(where: { $0.annotations?[OCIMediaType.refNameAnnotation] == tag }) {
            return tagged
        }
        if manifests.count == 1 {
            return manifests[0]
        }
        let names = manifests.compactMap { $0.annotations?[OCIMediaType.refNameAnnotation] }
        throw CommandFailure(code: "TagNotFound", "The OCI layout '\(root)' has no manifest tagged '\(tag)'. "
                                 + "Tags present: \(names.isEmpty ? "none" : names.sorted().joined(separator: ", ")).",
                             category: .notFound)
    }

    /// Reads a small blob (a manifest or config) of the layout.
    func readDocument(_ descriptor: OCIDescriptor) throws -> [UInt8] {
        try ContentDigest.requireForCommand(descriptor.digest, context: "a descriptor in \(root)")
        guard descriptor.size <= Int64(Self.documentLimit) else {
            throw CommandFailure(code: "ManifestTooLarge", "\(descriptor.digest) is \(descriptor.size) bytes; "
                                     + "manifests of at most \(Self.documentLimit) bytes are supported.")
        }
        guard let data = FileManager.default.contents(atPath: blobPath(descriptor.digest)) else {
            throw CommandFailure(code: "BlobMissing", "The OCI layout '\(root)' lacks \(blobPath(descriptor.digest)).")
        }
        return [UInt8](data)
    }

    /// Creates an empty layout in a new temporary directory beside `destination`, to be moved into place whole.
    static func createStaging(for destination: String) throws -> OCILayout {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            let entries = (try? fileManager.contentsOfDirectory(atPath: destination)) ?? []
            guard isDirectory.boolValue, entries.isEmpty else {
                throw CommandFailure(code: "OutputExists", "'\(destination)' already exists and is not an empty "
                                         + "directory; nothing was written.", hint: "Choose a new path or remove it.")
            }
        }
        let staging = destination + ".acrcmk-partial-\(getpid())-\(UInt32.random(in: .min ... .max))"
        do {
            try fileManager.createDirectory(atPath: staging + "/blobs/sha256", withIntermediateDirectories: true)
            try Data(layoutMarker.utf8).write(to: URL(fileURLWithPath: staging + "/oci-layout"))
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw CommandFailure(code: "OutputUnwritable",
                                 "Cannot create '\(destination)': \(error.localizedDescription)")
        }
        var layout = OCILayout(root: staging)
        layout.cleanupToken = InterruptCleanup.shared.register { try? FileManager.default.removeItem(atPath: staging) }
        return layout
    }

    /// Writes `index.json` and moves the staged layout to `destination`.
    func finish(index: OCIImageIndex, at destination: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let fileManager = FileManager.default
        do {
            try encoder.encode(index).write(to: URL(fileURLWithPath: root + "/index.json"))
            if fileManager.fileExists(atPath: destination) {
                try fileManager.removeItem(atPath: destination)  // Checked empty by createStaging.
            }
            try fileManager.moveItem(atPath: root, toPath: destination)
            cleanupToken.map(InterruptCleanup.shared.unregister)
        } catch {
            throw CommandFailure(code: "OutputUnwritable",
                                 "Cannot write '\(destination)': \(error.localizedDescription)")
        }
    }

    /// Removes a staged layout after a failure.
    func discard() {
        cleanupToken.map(InterruptCleanup.shared.unregister)
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension ContentDigest {
    /// `require(_:context:)` as a command failure.
    static func requireForCommand(_ text: String, context: String) throws {
        do {
            try require(text, context: context)
        } catch let error as CMKError {
            throw CommandFailure(error)
        }
    }
}

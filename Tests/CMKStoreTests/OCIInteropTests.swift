import Foundation
import Testing

/// OCI images made by real tools (umoci, skopeo) go through push, pull and export, and the tools accept what
/// acrcmk writes.
@Suite("OCI image layout interop with umoci and skopeo", .serialized)
struct OCIInteropTests {
    /// Runs an external tool; fails the test with its stderr when it exits non-zero.
    @discardableResult
    private static func external(_ tool: String, _ arguments: [String]) throws -> String {
        let candidates = ["/usr/bin/", "/usr/local/bin/", "/usr/sbin/"].map { $0 + tool }
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestFailure("\(tool) is not installed; install it with 'apt-get install -y umoci skopeo' "
                              + "(.ci/run does this when missing).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
                              + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every blob file of an OCI layout, by digest hex.
    private static func blobs(of layout: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: layout + "/blobs/sha256") {
            result[name] = FileManager.default.contents(atPath: layout + "/blobs/sha256/" + name)
        }
        return result
    }

    @Test("umoci + skopeo image: push, pull and export round-trip; skopeo inspect and copy accept the output")
    func realImageRoundTrip() throws {
        let directory = try TemporaryDirectory("acrcmk-oci")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("regoci1", vault: "kvoci1")
        // Build an image the way an operator would: umoci init/new/unpack/repack, then skopeo copy.
        let first = directory.file("umoci-layout")
        try Self.external("umoci", ["init", "--layout", first])
        try Self.external("umoci", ["new", "--image", first + ":v1"])
        let bundle = directory.file("bundle")
        try Self.external("umoci", ["unpack", "--rootless", "--image", first + ":v1", bundle])
        let content = MarkedContent(size: 1 << 20 + 99)
        try FileManager.default.createDirectory(atPath: bundle + "/rootfs/data", withIntermediateDirectories: true)
        // Stored uncompressed is not guaranteed (layers are gzip), so the marker check below is on the layer bytes.
        try Data(content.bytes).write(to: URL(fileURLWithPath: bundle + "/rootfs/data/payload.bin"))
        try Self.external("umoci", ["repack", "--image", first + ":v1", bundle])
        let source = directory.file("skopeo-layout")
        try Self.external("skopeo", ["copy", "oci:\(first):v1", "oci:\(source):v1"])

        try tool.succeed(["push", "regoci1", "apps/demo:v1", source])
        let pulled = directory.file("pulled")
        try tool.succeed(["pull", "regoci1", "apps/demo:v1", pulled])
        let exported = directory.file("exported")
        try tool.succeed(["export", "regoci1", "--repository", "apps/demo", "--dest", exported])

        let sourceBlobs = try Self.blobs(of: source)
        #expect(try Self.blobs(of: pulled) == sourceBlobs)
        #expect(try Self.blobs(of: exported) == sourceBlobs)
        for layout in [pulled, exported] {
            let inspected = try Self.external("skopeo", ["inspect", "oci:\(layout):v1"])
            #expect(inspected.contains("\"Architecture\": \"amd64\""), "\(inspected)")
            let copied = directory.file("dir-\((layout as NSString).lastPathComponent)")
            try Self.external("skopeo", ["copy", "oci:\(layout):v1", "dir:\(copied)"])
            #expect(FileManager.default.fileExists(atPath: copied + "/manifest.json"))
        }
        // Nothing of the image (its layers, config or manifest) is readable under the state home.
        for (_, bytes) in sourceBlobs where bytes.count >= 64 {
            let marker = MarkedContent.Marker(bytes: [UInt8](bytes[bytes.count / 2 ..< bytes.count / 2 + 32]))
            #expect(marker.files(under: tool.home) == [])
        }
        let metadata = try tool.az("acr", "manifest", "list-metadata", "-r", "regoci1", "-n", "apps/demo",
                                   "--query", "[0].[os, architecture, tags[0]]", "-o", "tsv")
        #expect(metadata == "linux\namd64\nv1")  // az prints a list of scalars one per line.
    }
}

extension MarkedContent {
    /// A byte pattern to look for under a directory.
    struct Marker {
        let bytes: [UInt8]

        func files(under root: String) -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: root)
            var hits: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: root + "/" + relative),
                   data.range(of: Data(bytes)) != nil {
                    hits.append(relative)
                }
            }
            return hits
        }
    }
}

import CMKCrypto
import Foundation
import Testing

/// OCI image layouts written by hand: corrupt input is refused at push, damaged content fails the pull whole.
@Suite("OCI image layouts: corrupt input and damaged content", .serialized)
struct OCILayoutContentTests {
    /// Writes a one-layer image layout tagged `v1`; returns the layer's digest hex.
    @discardableResult
    private static func writeLayout(at root: String, layer: [UInt8]) throws -> String {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: root + "/blobs/sha256", withIntermediateDirectories: true)
        func put(_ bytes: [UInt8]) throws -> (digest: String, size: Int) {
            let hex = SHA256.hex(SHA256.hash(bytes))
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/blobs/sha256/" + hex))
            return ("sha256:" + hex, bytes.count)
        }
        let config = try put(Array(#"{"architecture":"arm64","os":"linux","rootfs":{"type":"layers"}}"#.utf8))
        let layerBlob = try put(layer)
        let manifest = try put(Array("""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"\(config.digest)",\
            "size":\(config.size)},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar",\
            "digest":"\(layerBlob.digest)","size":\(layerBlob.size)}]}
            """.utf8))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: root + "/oci-layout"))
        try Data("""
            {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "digest":"\(manifest.digest)","size":\(manifest.size),\
            "annotations":{"org.opencontainers.image.ref.name":"v1"}}]}
            """.utf8).write(to: URL(fileURLWithPath: root + "/index.json"))
        return String(layerBlob.digest.dropFirst(7))
    }

    @Test("a layout whose blob does not match its digest is refused and nothing is recorded")
    func corruptLayoutIsRefused() throws {
        let directory = try TemporaryDirectory("acrcmk-layout")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("reglayout1", vault: "kvlayout1")
        let layout = directory.file("layout")
        let layerHex = try Self.writeLayout(at: layout, layer: MarkedContent(size: 70_000).bytes)
        var layer = [UInt8](FileManager.default.contents(atPath: layout + "/blobs/sha256/" + layerHex)!)
        layer[1234] ^= 0xff
        try Data(layer).write(to: URL(fileURLWithPath: layout + "/blobs/sha256/" + layerHex))
        let push = try tool.run(["push", "reglayout1", "img/app:v1", layout])
        #expect(push.status == 1)
        #expect(push.errors.contains("DigestMismatch"), "\(push.errors)")
        #expect(try tool.az("acr", "repository", "list", "-n", "reglayout1", "-o", "tsv") == "")
        #expect(try tool.run(["fsck"]).status == 0)
    }

    @Test("an image round-trips through a layout; a damaged layer fails the pull and leaves no directory")
    func damagedLayerFailsWholePull() throws {
        let directory = try TemporaryDirectory("acrcmk-layout")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("reglayout2", vault: "kvlayout2")
        let layout = directory.file("layout")
        let content = MarkedContent(size: 2 << 20 + 5)
        try Self.writeLayout(at: layout, layer: content.bytes)
        try tool.succeed(["push", "reglayout2", "img/app:v1", layout])
        #expect(content.filesContainingMarker(under: tool.home) == [])
        try tool.succeed(["pull", "reglayout2", "img/app:v1", directory.file("copy")])
        for name in try FileManager.default.contentsOfDirectory(atPath: layout + "/blobs/sha256") {
            #expect(FileManager.default.contents(atPath: directory.file("copy") + "/blobs/sha256/" + name)
                        == FileManager.default.contents(atPath: layout + "/blobs/sha256/" + name))
        }
        let metadata = try tool.az("acr", "manifest", "list-metadata", "-r", "reglayout2", "-n", "img/app",
                                   "--query", "[0].architecture", "-o", "tsv")
        #expect(metadata == "arm64")
        // Damage the sealed layer (the largest sealed file), then pull again to a new place.
        let largest = try tool.largestSealedFile()
        var sealed = [UInt8](FileManager.default.contents(atPath: largest)!)
        sealed[sealed.count - 100] ^= 0x01
        try Data(sealed).write(to: URL(fileURLWithPath: largest))
        let pull = try tool.run(["pull", "reglayout2", "img/app:v1", directory.file("second")])
        #expect(pull.status == 1)
        #expect(pull.errors.contains("ContentTampered"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("second") }
        #expect(leftovers == [], "neither the layout nor its staging directory may remain")
    }
}

import CMKStore
import Foundation
import Testing

/// OCI layouts on disk that lie about sizes or hold something other than files are refused promptly with a clear
/// error, never read whole and never waited on.
@Suite("Hostile OCI layouts on disk", .serialized)
struct HostileLayoutTests {
    static func layout(in directory: TemporaryDirectory, index: String) throws -> String {
        let root = directory.file("layout")
        try FileManager.default.createDirectory(atPath: root + "/blobs/sha256", withIntermediateDirectories: true)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: root + "/oci-layout"))
        try Data(index.utf8).write(to: URL(fileURLWithPath: root + "/index.json"))
        return root
    }

    @Test("a manifest that declares 100 bytes but is a 3 GiB sparse file is refused unread")
    func sparseManifest() throws {
        let directory = try TemporaryDirectory("acrcmk-hostile")
        let hex = String(repeating: "ab", count: 32)
        let root = try Self.layout(in: directory, index: """
            {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "digest":"sha256:\(hex)","size":100,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}
            """)
        let blob = root + "/blobs/sha256/" + hex
        _ = FileManager.default.createFile(atPath: blob, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: blob))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("hostilereg", vault: "kvhostile1")
        let result = try tool.run(["push", "hostilereg", "app:v1", root])
        #expect(result.status == 1)
        #expect(result.errors.contains("(ManifestTooLarge)"), "\(result.errors)")
    }

    @Test("a FIFO in place of index.json is refused, not waited on")
    func fifoIndex() throws {
        let directory = try TemporaryDirectory("acrcmk-hostile")
        let root = try Self.layout(in: directory, index: "{}")
        try FileManager.default.removeItem(atPath: root + "/index.json")
        #expect(mkfifo(root + "/index.json", 0o600) == 0)
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("hostilereg", vault: "kvhostile1")
        let result = try tool.run(["import", "hostilereg", root, "--repository", "app"])
        #expect(result.status != 0)
        #expect(result.errors.contains("not a regular file"), "\(result.errors)")
    }
}

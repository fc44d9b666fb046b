import CMKCore
import CMKStore
import Foundation
import Testing

/// Registry content end to end through the built binary: sealing, verification, tampering, durability, orphans.
@Suite("Sealed registry content", .serialized)
struct SQLiteContentStoreTests {
    /// A home with the CMK registry `reg1cmk` in the RBAC vault `kv1cmk`.
    private static func cmkHome() throws -> (TemporaryDirectory, AcrcmkTool) {
        let directory = try TemporaryDirectory("acrcmk-content")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("reg1cmk", vault: "kv1cmk")
        return (directory, tool)
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test("push then pull is byte-identical; no plaintext marker anywhere under the state home")
    func roundTripLeavesNoPlaintext() throws {
        let (directory, tool) = try Self.cmkHome()
        // 3 MiB + 123 bytes: several full chunks and a short last one.
        let content = MarkedContent(size: 3 << 20 + 123)
        try Self.write(content.bytes, to: directory.file("in.bin"))
        try tool.succeed(["push", "reg1cmk", "samples/data:v1", directory.file("in.bin")])
        try tool.succeed(["pull", "reg1cmk", "samples/data:v1", directory.file("out.bin")])
        #expect(Self.read(directory.file("out.bin")) == content.bytes)
        #expect(content.filesContainingMarker(under: tool.home) == [])
        #expect(!content.filesContainingMarker(under: directory.path).isEmpty, "the marker search itself must work")
    }

    @Test("each push and each pull unwraps the data key exactly once, audited", arguments: [0, 1 << 20, 5 << 20])
    func oneUnwrapPerCommand(size: Int) throws {
        let (directory, tool) = try Self.cmkHome()
        try Self.write(MarkedContent(size: size).bytes, to: directory.file("in.bin"))
        let unwraps = { try tool.auditEvents(AuditFilter(registry: "reg1cmk", operationName: "KeyUnwrap")).count }
        let before = try unwraps()
        try tool.succeed(["push", "reg1cmk", "samples/data:v1", directory.file("in.bin")])
        #expect(try unwraps() == before + 1)
        try tool.succeed(["pull", "reg1cmk", "samples/data:v1", directory.file("out.bin")])
        #expect(try unwraps() == before + 2)
        #expect(Self.read(directory.file("out.bin")) == Self.read(directory.file("in.bin")))
    }

    @Test("a file of exactly one chunk and an empty file round-trip", arguments: [1 << 20, 0, 1])
    func chunkBoundaries(size: Int) throws {
        let directory = try TemporaryDirectory("acrcmk-content")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try tool.az("acr", "create", "-g", "rg1", "-n", "plainreg", "--sku", "Basic", "-o", "none")
        let content = MarkedContent(size: size)
        try Self.write(content.bytes, to: directory.file("in.bin"))
        try tool.succeed(["push", "plainreg", "edge/case:v1", directory.file("in.bin")])
        try tool.succeed(["pull", "plainreg", "edge/case:v1", directory.file("out.bin")])
        #expect(Self.read(directory.file("out.bin")) == content.bytes)
        #expect(content.filesContainingMarker(under: tool.home) == [])
    }

    /// Ways of damaging a sealed file on disk; every one must make the pull fail and leave no output.
    enum Tamper: String, CaseIterable, Sendable {
        case flipBitInBody, flipBitInHeader, truncateRecord, truncateToHeader, swapChunkFromOtherBlob, appendByte
    }

    @Test("tampering with a sealed file fails the pull clearly, non-zero, with no output file",
          arguments: Tamper.allCases)
    func tamperingIsDetected(tamper: Tamper) throws {
        let (directory, tool) = try Self.cmkHome()
        try Self.write(MarkedContent(size: 3 << 20).bytes, to: directory.file("a.bin"))
        try Self.write(MarkedContent(size: 3 << 20).bytes, to: directory.file("b.bin"))
        try tool.succeed(["push", "reg1cmk", "samples/a:v1", directory.file("a.bin")])
        try tool.succeed(["push", "reg1cmk", "samples/b:v1", directory.file("b.bin")])
        // The two largest sealed files are the two 3 MiB layers; damage one, use the other as the splice donor.
        let blobs = tool.home + "/registry/blobs"
        let files = try Self.sealedFiles(under: blobs).sorted { $0.size > $1.size }
        let (target, other) = (files[0].path, files[1].path)
        var bytes = Self.read(target)!
        let header = 48 + 82  // Fixed header plus the context this build writes ("acrcmk/content/v1|" + 64 hex).
        let recordSize = (1 << 20) + 32
        switch tamper {
        case .flipBitInBody: bytes[header + recordSize + 17] ^= 0x01
        case .flipBitInHeader: bytes[20] ^= 0x80
        case .truncateRecord: bytes.removeLast(recordSize)
        case .truncateToHeader: bytes.removeLast(bytes.count - header)
        case .swapChunkFromOtherBlob:
            let donor = Self.read(other)!
            bytes.replaceSubrange(header..<header + recordSize, with: donor[header..<header + recordSize])
        case .appendByte: bytes.append(0)
        }
        try Self.write(bytes, to: target)
        // Whichever of a and b owns the damaged file fails; the other pulls fine.
        var failures: [AcrcmkTool.Result] = []
        for name in ["a", "b"] {
            let output = directory.file("\(name).out")
            let result = try tool.run(["pull", "reg1cmk", "samples/\(name):v1", output])
            if result.status == 0 {
                #expect(Self.read(output) == Self.read(directory.file("\(name).bin")))
            } else {
                failures.append(result)
                #expect(!FileManager.default.fileExists(atPath: output), "partial output must be removed")
            }
        }
        #expect(failures.count == 1)
        #expect(failures.first?.status == 1)
        #expect(failures.first?.errors.contains("ContentTampered") == true, "\(failures.first?.errors ?? "")")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.contains("acrcmk-partial") }
        #expect(leftovers == [])
        // fsck finds the same damage and exits non-zero.
        let check = try tool.run(["fsck"])
        #expect(check.status == 1)
        #expect(check.output.contains("1 damaged"), "\(check.output)")
    }

    @Test("fsck verifies everything, reports orphans, and --repair removes them but keeps content")
    func fsckFindsAndRepairsOrphans() throws {
        let (directory, tool) = try Self.cmkHome()
        try Self.write(MarkedContent(size: 100_000).bytes, to: directory.file("in.bin"))
        try tool.succeed(["push", "reg1cmk", "samples/data:v1", directory.file("in.bin")])
        let clean = try tool.run(["fsck"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("3 verified, 0 damaged, 0 missing"), "\(clean.output)")
        // A sealed file no row names, as a push killed between rename and commit leaves behind.
        let orphanID = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: tool.home + "/registry/blobs/ab",
                                                withIntermediateDirectories: true)
        try Self.write([1, 2, 3], to: tool.home + "/registry/blobs/ab/" + orphanID)
        let report = try tool.run(["fsck", "-o", "json"])
        #expect(report.status == 0)
        #expect(report.output.contains(orphanID))
        // A fresh orphan may be a push that has not committed yet: --repair leaves it for an hour.
        try tool.succeed(["fsck", "--repair"])
        #expect(FileManager.default.fileExists(atPath: tool.home + "/registry/blobs/ab/" + orphanID))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)],
                                              ofItemAtPath: tool.home + "/registry/blobs/ab/" + orphanID)
        try tool.succeed(["fsck", "--repair"])
        #expect(!FileManager.default.fileExists(atPath: tool.home + "/registry/blobs/ab/" + orphanID))
        try tool.succeed(["pull", "reg1cmk", "samples/data:v1", directory.file("out.bin")])
        #expect(Self.read(directory.file("out.bin")) == Self.read(directory.file("in.bin")))
    }

    @Test("a registry deleted and created again under the same name sees none of the old content")
    func recreatedRegistryStartsEmpty() throws {
        let directory = try TemporaryDirectory("acrcmk-content")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try tool.az("acr", "create", "-g", "rg1", "-n", "registry2", "--sku", "Standard", "-o", "none")
        try Self.write(MarkedContent(size: 10_000).bytes, to: directory.file("in.bin"))
        try tool.succeed(["push", "registry2", "old/stuff:v1", directory.file("in.bin")])
        try tool.az("acr", "delete", "-n", "registry2", "--yes")
        try tool.az("acr", "create", "-g", "rg1", "-n", "registry2", "--sku", "Standard", "-o", "none")
        #expect(try tool.az("acr", "repository", "list", "-n", "registry2", "-o", "tsv") == "")
        let pull = try tool.run(["pull", "registry2", "old/stuff:v1", directory.file("out.bin")])
        #expect(pull.status == 1)
        #expect(pull.errors.contains("RepositoryNotFound"))
        // The old incarnation's objects are orphans of a deleted registry until fsck --repair.
        let before = try Self.sealedFiles(under: tool.home + "/registry/blobs").count
        #expect(before == 3)
        try tool.succeed(["fsck", "--repair"])
        #expect(try Self.sealedFiles(under: tool.home + "/registry/blobs").count == 0)
    }

    @Test("repository delete removes tags, manifests and the sealed files only that repository used")
    func repositoryDeleteCollectsGarbage() throws {
        let (directory, tool) = try Self.cmkHome()
        try Self.write(MarkedContent(size: 50_000).bytes, to: directory.file("shared.bin"))
        try Self.write(MarkedContent(size: 60_000).bytes, to: directory.file("own.bin"))
        try tool.succeed(["push", "reg1cmk", "keep/me:v1", directory.file("shared.bin")])
        try tool.succeed(["push", "reg1cmk", "drop/me:v1", directory.file("shared.bin")])
        try tool.succeed(["push", "reg1cmk", "drop/me:v2", directory.file("own.bin")])
        let before = try Self.sealedFiles(under: tool.home + "/registry/blobs").count
        #expect(before == 5)  // shared layer, empty config, manifest of shared, own layer, manifest of own.
        try tool.az("acr", "repository", "delete", "-n", "reg1cmk", "--repository", "drop/me", "--yes")
        #expect(try tool.az("acr", "repository", "list", "-n", "reg1cmk", "-o", "tsv") == "keep/me")
        #expect(try Self.sealedFiles(under: tool.home + "/registry/blobs").count == 3)
        try tool.succeed(["pull", "reg1cmk", "keep/me:v1", directory.file("out.bin")])
        #expect(Self.read(directory.file("out.bin")) == Self.read(directory.file("shared.bin")))
        #expect(try tool.run(["fsck"]).status == 0)
    }

    private static func sealedFiles(under root: String) throws -> [(path: String, size: Int)] {
        var found: [(String, Int)] = []
        for prefix in try FileManager.default.contentsOfDirectory(atPath: root) where prefix.count == 2 {
            for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + prefix) {
                let path = root + "/" + prefix + "/" + name
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                found.append((path, size))
            }
        }
        return found
    }
}

import CMKStore
import Foundation
import Testing

/// `fsck` checks the content index against what the control side recorded, reports an index changed outside
/// acrcmk as damage (non-zero exit), and then `--repair` removes nothing: an "orphan" may be the object of a lost
/// row, and removing it would turn damage into loss.
@Suite("fsck on a tampered index", .serialized)
struct TamperedIndexTests {
    enum Tamper: String, CaseIterable, Sendable {
        case rowDeleted, scopeChanged, wrappedKeyFlipped

        var expected: String {
            switch self {
            case .rowDeleted: "index rows were deleted or added outside acrcmk"
            case .scopeChanged: "belong to no registry, live or deleted"
            case .wrappedKeyFlipped: "could not be decrypted"
            }
        }
    }

    static func apply(_ tamper: Tamper, to layout: StateHome.Layout) throws {
        switch tamper {
        case .rowDeleted:
            try SQLiteConnection(path: layout.contentIndexDatabase)
                .execute("DELETE FROM content_blobs WHERE rowid = (SELECT min(rowid) FROM content_blobs)")
        case .scopeChanged:
            let index = try SQLiteConnection(path: layout.contentIndexDatabase)
            try index.execute("PRAGMA foreign_keys = OFF")
            for table in ["content_tags", "content_manifests", "content_repositories", "content_blobs"] {
                // Another first hex digit, whatever the scope's is.
                try index.execute("""
                    UPDATE \(table) SET scope = (CASE WHEN substr(scope, 1, 1) = 'f' THEN 'e' ELSE 'f' END)
                        || substr(scope, 2)
                    """)
            }
        case .wrappedKeyFlipped:
            let control = try SQLiteConnection(path: layout.controlDatabase)
            let body = try #require(try control.query("SELECT body FROM registries WHERE key = 'tamperreg'").first?
                .blob("body"))
            var registry = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            var encryption = try #require(registry["encryption"] as? [String: Any])
            var wrapped = try #require(encryption["wrappedDEK"] as? [Int])
            wrapped[17] ^= 0x01
            encryption["wrappedDEK"] = wrapped
            registry["encryption"] = encryption
            let changed = try JSONSerialization.data(withJSONObject: registry, options: [.sortedKeys])
            try control.run("UPDATE registries SET body = ? WHERE key = 'tamperreg'", [.blob(Array(changed))])
        }
    }

    static func files(under path: String) throws -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasSuffix("/tmp") && $0 != "tmp" && $0.count > 3 }.sorted()
    }

    @Test("fsck reports the damage and exits non-zero; --repair removes nothing", arguments: Tamper.allCases)
    func tamperedIndexIsDamageNotGarbage(_ tamper: Tamper) throws {
        let directory = try TemporaryDirectory("acrcmk-tamper")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("tamperreg", vault: "kvtamper1")
        for name in ["a", "b"] {
            try Data("file \(name)\n".utf8).write(to: URL(fileURLWithPath: directory.file(name)))
            try tool.succeed(["push", "tamperreg", "files/\(name):v1", directory.file(name)])
        }
        try tool.succeed(["fsck"])
        let layout = StateHome.Layout(root: tool.home)
        try Self.apply(tamper, to: layout)
        // Make every sealed file look old, so that only the damage check can keep --repair from removing them.
        let old = Date().addingTimeInterval(-7200)
        let before = try Self.files(under: layout.blobs)
        for file in before {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: layout.blobs + "/" + file)
        }

        let check = try tool.run(["fsck"])
        #expect(check.status == 1, "\(check.output)\(check.errors)")
        #expect(check.output.contains(tamper.expected), "\(check.output)")
        let repair = try tool.run(["fsck", "--repair"])
        #expect(repair.status == 1)
        #expect(repair.output.contains("Not repaired"), "\(repair.output)")
        #expect(try Self.files(under: layout.blobs) == before, "no sealed file was removed")
    }

    @Test("a registry deleted with az acr delete leaves content that --repair does remove")
    func deletedRegistryLeftoversStillGo() throws {
        let directory = try TemporaryDirectory("acrcmk-tamper")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("tamperreg", vault: "kvtamper1")
        try Data("gone\n".utf8).write(to: URL(fileURLWithPath: directory.file("f")))
        try tool.succeed(["push", "tamperreg", "files/f:v1", directory.file("f")])
        try tool.az("acr", "delete", "-n", "tamperreg", "--yes")
        let repair = try tool.run(["fsck", "--repair", "-o", "json", "--query", "[removedFiles, repairWithheld]"])
        #expect(repair.status == 0, "\(repair.errors)")
        #expect(repair.output.filter { !$0.isWhitespace } == "[3,false]")
    }
}

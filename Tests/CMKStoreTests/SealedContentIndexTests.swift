import CMKCrypto
import Foundation
import Testing

@testable import CMKCore
@testable import CMKStore

/// The content index on disk: names, digests, media types and platforms exist only as keyed tokens and sealed
/// values, so without the registry's keys nobody (the tool included) can read what a registry holds.
@Suite("Sealed content index", .serialized)
struct SealedContentIndexTests {
    /// Distinctive spellings, so a byte search cannot hit by accident.
    private static let fileRepository = "quokka-secret/narwhal"
    private static let fileTags = ["tag-papaya-17", "tag-mango-42"]
    private static let fileName = "in-kumquat.bin"
    private static let imageRepository = "zebra-hidden/okapi"
    private static let imageTag = "tag-lychee-99"
    private static let architecture = "loong64"
    private static let os = "haiku-os-test"
    private static let configMediaType = "application/vnd.quokka.config.v1+json"

    /// A CMK registry `regseal1` holding a file pushed under two tags and a one-layer image with a platform.
    private struct Pushed {
        let directory: TemporaryDirectory
        let tool: AcrcmkTool
        /// Every digest the registry holds: manifests, configs and layers.
        let digests: [String]
    }

    private static func pushed() throws -> Pushed {
        let directory = try TemporaryDirectory("acrcmk-sealindex")
        let tool = try AcrcmkTool(home: directory.file("home"))
        try tool.createCMKRegistry("regseal1", vault: "kvseal1")
        let file = directory.file(fileName)
        try Data(MarkedContent(size: 40_000).bytes).write(to: URL(fileURLWithPath: file))
        for tag in fileTags {
            try tool.succeed(["push", "regseal1", "\(fileRepository):\(tag)", file])
        }
        let layout = directory.file("layout")
        let imageDigests = try writeLayout(at: layout, layer: MarkedContent(size: 30_000).bytes)
        try tool.succeed(["push", "regseal1", "\(imageRepository):\(imageTag)", layout])
        let fileManifest = try tool.az("acr", "manifest", "list-metadata", "-r", "regseal1", "-n", fileRepository,
                                       "--query", "[0].digest", "-o", "tsv")
        let fileLayer = "sha256:" + SHA256.hex(SHA256.hash([UInt8](FileManager.default.contents(atPath: file)!)))
        let emptyConfig = "sha256:" + SHA256.hex(SHA256.hash(Array("{}".utf8)))
        return Pushed(directory: directory, tool: tool, digests: [fileManifest, fileLayer, emptyConfig] + imageDigests)
    }

    /// Writes a one-layer image layout tagged `v1` with a distinctive platform; returns manifest, config and layer
    /// digests.
    private static func writeLayout(at root: String, layer: [UInt8]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: root + "/blobs/sha256", withIntermediateDirectories: true)
        func put(_ bytes: [UInt8]) throws -> (digest: String, size: Int) {
            let hex = SHA256.hex(SHA256.hash(bytes))
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/blobs/sha256/" + hex))
            return ("sha256:" + hex, bytes.count)
        }
        let config = try put(Array(#"{"architecture":"\#(architecture)","os":"\#(os)","rootfs":{"type":"layers"}}"#
            .utf8))
        let layerBlob = try put(layer)
        let manifest = try put(Array("""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "config":{"mediaType":"\(configMediaType)","digest":"\(config.digest)","size":\(config.size)},\
            "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"\(layerBlob.digest)",\
            "size":\(layerBlob.size)}]}
            """.utf8))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: root + "/oci-layout"))
        try Data("""
            {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",\
            "digest":"\(manifest.digest)","size":\(manifest.size),\
            "annotations":{"org.opencontainers.image.ref.name":"\(imageTag)"}}]}
            """.utf8).write(to: URL(fileURLWithPath: root + "/index.json"))
        return [manifest.digest, config.digest, layerBlob.digest]
    }

    /// Every (file, needle) pair such that the file under `root` contains the needle's bytes.
    private static func hits(of needles: [String: [UInt8]], under root: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var hits: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { continue }
            for (name, needle) in needles.sorted(by: { $0.key < $1.key }) where data.range(of: Data(needle)) != nil {
                hits.append("\(relative) contains \(name)")
            }
        }
        return hits
    }

    /// What must never be found under the state home: names, tags, digests (hex and raw), media types, platform
    /// and annotation values of the pushed content.
    private static func secrets(_ pushed: Pushed) -> [String: [UInt8]] {
        var needles: [String: [UInt8]] = [:]
        let texts = [fileRepository, imageRepository, imageTag, architecture, os, configMediaType, fileName,
                     OCIMediaType.imageManifest, OCIMediaType.fileArtifact] + fileTags
        for text in texts {
            needles[text] = Array(text.utf8)
        }
        for digest in pushed.digests {
            let hex = String(digest.dropFirst("sha256:".count))
            needles[digest] = Array(hex.utf8)
            needles[digest + " (raw)"] = ContentDigestBytes.raw(hex)
        }
        return needles
    }

    private static func checkpoint(_ home: String) throws {
        let layout = StateHome.Layout(root: home)
        for database in [layout.controlDatabase, layout.contentIndexDatabase] {
            _ = try SQLiteConnection(path: database).scalar("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    @Test("after pushes no file under the state home holds a name, tag, digest, media type or platform")
    func nothingReadableOnDisk() throws {
        let pushed = try Self.pushed()
        let tool = pushed.tool
        let needles = Self.secrets(pushed)
        // Before a checkpoint the new pages sit in the -wal files; after it, in the databases.
        #expect(Self.hits(of: needles, under: tool.home) == [])
        try Self.checkpoint(tool.home)
        #expect(Self.hits(of: needles, under: tool.home) == [])
        // The search itself works: the layout the image came from holds its digests and platform.
        #expect(Self.hits(of: needles, under: pushed.directory.file("layout")).count >= 3)
        #expect(FileManager.default.fileExists(atPath: StateHome.Layout(root: tool.home).contentIndexDatabase))

        // Listings still show everything, opened with the registry's keys.
        #expect(try tool.az("acr", "repository", "list", "-n", "regseal1", "-o", "tsv")
                    == [Self.fileRepository, Self.imageRepository].joined(separator: "\n"))
        #expect(try tool.az("acr", "repository", "show-tags", "-n", "regseal1", "--repository", Self.fileRepository,
                            "-o", "tsv") == Self.fileTags.sorted().joined(separator: "\n"))
        let image = try tool.az("acr", "manifest", "list-metadata", "-r", "regseal1", "-n", Self.imageRepository,
                                "--query", "[0].[digest, architecture, os, configMediaType, mediaType, tags[0]]",
                                "-o", "tsv")
        #expect(image == [pushed.digests[3], Self.architecture, Self.os, Self.configMediaType,
                          OCIMediaType.imageManifest, Self.imageTag].joined(separator: "\n"))
        let output = pushed.directory.file("out.bin")
        try tool.succeed(["pull", "regseal1", "\(Self.fileRepository):\(Self.fileTags[1])", output])
        #expect(FileManager.default.contents(atPath: output)
                    == FileManager.default.contents(atPath: pushed.directory.file(Self.fileName)))
    }

    @Test("without the DEK the index does not open: lookups miss and rows do not authenticate")
    func indexNeedsTheDEK() throws {
        let pushed = try Self.pushed()
        let home = try StateHome.open(path: pushed.tool.home, wallClock: { Date() })
        try home.perform { session in
            let keys = try session.contentKeys(forRegistry: "regseal1")
            let salt = try #require(session.world.registries.first { $0.name == "regseal1" }).contentKeySalt
            #expect(try home.content.repositories(keys: keys).map(\.name)
                        == [Self.fileRepository, Self.imageRepository])
            #expect(try home.content.blob(keys: keys, digest: pushed.digests[1]) != nil)
            // What anyone holding platform.key and state.db can derive, and a guessed DEK.
            let platformOnly = try ContentKeys(registryName: "regseal1", salt: salt, layerKeys: [keys.layerKeys[0]])
            let wrongDEK = try ContentKeys(registryName: "regseal1", salt: salt,
                                           layerKeys: [keys.layerKeys[0], SecureBytes.random(count: 32)])
            for other in [platformOnly, wrongDEK] {
                #expect(other.scope == keys.scope)
                #expect(try home.content.repository(keys: other, name: Self.fileRepository) == nil)
                #expect(try home.content.blob(keys: other, digest: pushed.digests[1]) == nil)
                #expect(try home.content.tags(keys: other, repository: Self.fileRepository) == [])
                #expect(try other.objectID(for: pushed.digests[1]) != keys.objectID(for: pushed.digests[1]))
                let error = #expect(throws: CMKError.self) { try home.content.repositories(keys: other) }
                #expect(error?.code == "ContentIndexTampered")
                #expect(throws: CMKError.self) { try home.content.blobs(keys: other) }
            }
            // Object locations and deleting a scope need no keys.
            let locations = try home.content.objectLocations()
            #expect(Set(locations.map(\.scope)) == [keys.scope])
            #expect(locations.count == 6)
        }
    }

    @Test("a sealed value copied into another row does not open; listing fails naming the damage")
    func movedSealedValueIsRejected() throws {
        let pushed = try Self.pushed()
        let connection = try SQLiteConnection(path: StateHome.Layout(root: pushed.tool.home).contentIndexDatabase)
        let rows = try connection.query("SELECT token, sealed FROM content_repositories ORDER BY token")
        #expect(rows.count == 2)
        try connection.run("UPDATE content_repositories SET sealed = ? WHERE token = ?",
                           [.blob(rows[0].blob("sealed") ?? []), .blob(rows[1].blob("token") ?? [])])
        let list = try pushed.tool.run(["az", "acr", "repository", "list", "-n", "regseal1"])
        #expect(list.status == 1)
        #expect(list.errors.contains("(ContentIndexTampered)"), "\(list.errors)")
        #expect(list.errors.contains("regseal1"))
    }

    @Test("fsck verifies registries whose keys it gets and reports the others locked, their objects unverifiable")
    func fsckWithALockedRegistry() throws {
        let pushed = try Self.pushed()
        let tool = pushed.tool
        try tool.az("acr", "create", "-g", "rg1", "-n", "plainseal1", "--sku", "Basic", "-o", "none")
        try tool.succeed(["push", "plainseal1", "plain/file:v1", pushed.directory.file(Self.fileName)])
        try tool.az("keyvault", "key", "set-attributes", "-n", "key1", "--vault-name", "kvseal1", "--enabled",
                    "false", "-o", "none")
        let check = try tool.run(["fsck", "-o", "json", "--query",
                                  "[objects, verified, unverifiable, length(damaged), lockedRegistries[0].registry]"])
        #expect(check.status == 0, "\(check.errors)")
        let figures = try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [Any]
        #expect(figures?.count == 5)
        #expect(figures?[0] as? Int == 9)
        #expect(figures?[1] as? Int == 3, "the plain registry's file, config and manifest")
        #expect(figures?[2] as? Int == 6, "the CMK registry's objects")
        #expect(figures?[3] as? Int == 0)
        #expect(figures?[4] as? String == "regseal1")
        // Deleting the locked registry and repairing removes its rows and files without its keys.
        try tool.az("acr", "delete", "-n", "regseal1", "--yes")
        try tool.succeed(["fsck", "--repair"])
        let after = try StateHome.open(path: tool.home, wallClock: { Date() })
        #expect(try after.perform { _ in try after.content.objectLocations() }.map(\.registry)
                    == ["plainseal1", "plainseal1", "plainseal1"])
    }

    @Test("migrating a plaintext index drops its rows and leaves none of its names in the file")
    func plaintextIndexIsDroppedOnMigration() throws {
        let directory = try TemporaryDirectory("acrcmk-sealindex")
        let home = directory.file("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let secret = "legacy-wombat-repository"
        let digest = String(repeating: "ab", count: 32)
        do {
            // The schema as shipped before the sealed index (migrations 0 and 1), in the 0.1 layout, with the
            // platform key every 0.1 home has.
            _ = FileManager.default.createFile(atPath: home + "/platform.key",
                                           contents: Data(Identifiers.randomBytes(count: 32)),
                                           attributes: [.posixPermissions: 0o600])
            let old = try SQLiteConnection(path: home + "/state.db")
            try old.migrate(Array(SQLiteStateStore.releasedMigrations.prefix(2)))
            try old.run("""
                INSERT INTO content_blobs (scope, registry, digest, size, object_id, created_at)
                VALUES ('s', 'reg', 'sha256:\(digest)', 1, 'obj', 0)
                """)
            try old.run("INSERT INTO content_repositories VALUES ('s', 'reg', '\(secret)', 0, 0)")
            // Enough rows to fill many pages, so the new schema and world cannot simply reuse every freed one.
            for number in 0..<400 {
                try old.run("INSERT INTO content_repositories VALUES (?, 'reg', ?, 0, 0)",
                            [.text(String(repeating: "s", count: 200)), .text("\(secret)-\(number)")])
            }
            try old.run("""
                INSERT INTO content_manifests (scope, repository, digest, media_type, size, image_size, object_id,
                    created_at, updated_at) VALUES ('s', '\(secret)', 'sha256:\(digest)', 'm', 1, 1, 'obj', 0, 0)
                """)
            try old.run("INSERT INTO content_tags VALUES ('s', '\(secret)', 'tag-legacy-7', 'sha256:\(digest)', 0, 0)")
            _ = try old.scalar("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let needles = ["repository": Array(secret.utf8), "tag": Array("tag-legacy-7".utf8),
                       "digest": Array(digest.utf8)]
        #expect(Self.hits(of: needles, under: home).count == 3, "the plaintext is there before migrating")
        let tool = try AcrcmkTool(home: home)
        try tool.az("group", "create", "-n", "rg1", "-l", "eastus", "-o", "none")
        try Self.checkpoint(home)
        #expect(Self.hits(of: needles, under: home) == [])
        let opened = try StateHome.open(path: home, wallClock: { Date() })
        let migrations = SQLiteStateStore.migrations(layout: opened.layout, platformKey: opened.platformKey,
                                                     vaultMasterKey: opened.vaultMasterKey)
        #expect(try opened.store.connection.userVersion == migrations.count)
        for table in ["content_blobs", "content_repositories", "content_manifests", "content_tags"] {
            #expect(try opened.store.connection.scalar("SELECT count(*) FROM \(table)") == .integer(0), "\(table)")
        }
    }
}

/// The raw 32 bytes of a hex SHA-256 digest.
private enum ContentDigestBytes {
    static func raw(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}

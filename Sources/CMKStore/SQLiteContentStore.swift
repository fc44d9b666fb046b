public import CMKCore
import CMKCrypto
import Foundation

/// CMKCore's `ContentStore` over the state home's SQLite file (the index) and its blob directory (sealed objects).
///
/// Index calls use the state store's connection, so inside `StateStore.perform` they join the command's
/// transaction. Sealed-object calls stream through `SealedObjectStreamer` and never touch the database.
/// Not thread-safe, like its connection.
public final class SQLiteContentStore: ContentStore {
    /// The schema of the content index, appended to `SQLiteStateStore.migrations`.
    static let migration = SQLiteMigration("create content index: repositories, manifests, tags, blobs", """
        CREATE TABLE content_blobs (
            scope TEXT NOT NULL,
            registry TEXT NOT NULL,
            digest TEXT NOT NULL,
            size INTEGER NOT NULL,
            object_id TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            PRIMARY KEY (scope, digest)
        );
        CREATE TABLE content_repositories (
            scope TEXT NOT NULL,
            registry TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (scope, name)
        );
        CREATE TABLE content_manifests (
            scope TEXT NOT NULL,
            repository TEXT NOT NULL,
            digest TEXT NOT NULL,
            media_type TEXT NOT NULL,
            artifact_type TEXT,
            config_media_type TEXT,
            size INTEGER NOT NULL,
            image_size INTEGER NOT NULL,
            object_id TEXT NOT NULL,
            architecture TEXT,
            os TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (scope, repository, digest),
            FOREIGN KEY (scope, repository) REFERENCES content_repositories (scope, name) ON DELETE CASCADE
        );
        CREATE TABLE content_references (
            scope TEXT NOT NULL,
            repository TEXT NOT NULL,
            manifest_digest TEXT NOT NULL,
            digest TEXT NOT NULL,
            PRIMARY KEY (scope, repository, manifest_digest, digest),
            FOREIGN KEY (scope, repository, manifest_digest)
                REFERENCES content_manifests (scope, repository, digest) ON DELETE CASCADE
        );
        CREATE INDEX content_references_by_digest ON content_references (scope, digest);
        CREATE TABLE content_tags (
            scope TEXT NOT NULL,
            repository TEXT NOT NULL,
            name TEXT NOT NULL,
            digest TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (scope, repository, name),
            FOREIGN KEY (scope, repository, digest)
                REFERENCES content_manifests (scope, repository, digest) ON DELETE CASCADE
        );
        """)

    private let connection: SQLiteConnection
    private let streamer: SealedObjectStreamer

    /// A content store over an open connection (migrated by `SQLiteStateStore`) and a blob directory.
    ///
    /// - Parameters:
    ///   - connection: The state store's connection.
    ///   - blobs: Where sealed objects live.
    init(connection: SQLiteConnection, blobs: BlobDirectory) {
        self.connection = connection
        self.streamer = SealedObjectStreamer(blobs: blobs)
    }

    // MARK: Sealed objects

    public func sealFile(at path: String, keys: ContentKeys, expectedDigest: String?,
                         progress: ((Int64) -> Void)?) throws -> ContentObject {
        try streamer.sealFile(at: path, keys: keys, expectedDigest: expectedDigest, progress: progress)
    }

    public func sealBytes(_ bytes: [UInt8], keys: ContentKeys) throws -> ContentObject {
        try streamer.sealBytes(bytes, keys: keys)
    }

    public func openObject(_ object: ContentObject, keys: ContentKeys, toFile path: String,
                           progress: ((Int64) -> Void)?) throws {
        try streamer.openObject(object, keys: keys, toFile: path, progress: progress)
    }

    public func readObject(_ object: ContentObject, keys: ContentKeys, limit: Int) throws -> [UInt8] {
        try streamer.readObject(object, keys: keys, limit: limit)
    }

    public func verifyObject(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?) throws {
        try streamer.verifyObject(object, keys: keys, progress: progress)
    }

    public func objectExists(_ objectID: String) -> Bool {
        streamer.blobs.exists(id: objectID)
    }

    public func removeObjects(_ objectIDs: [String]) throws {
        for id in objectIDs where streamer.blobs.exists(id: id) {
            do {
                try streamer.blobs.remove(id: id)
            } catch let error as BlobStoreError where error.code == .notFound {
                continue  // Another command removed it meanwhile.
            }
        }
    }

    public func objectIDsOnDisk() throws -> [String] {
        try streamer.blobs.allIDs()
    }

    public func objectModificationDate(_ objectID: String) -> Date? {
        guard BlobDirectory.isValidID(objectID) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: streamer.blobs.path(for: objectID))
        return attributes?[.modificationDate] as? Date
    }

    public func removeStaleTemporaryFiles() throws -> Int {
        try streamer.blobs.removeStaleTemporaryFiles()
    }

    // MARK: Index

    public func repositories(scope: String) throws -> [ContentRepositoryRecord] {
        try connection.query(
            "SELECT name, created_at, updated_at FROM content_repositories WHERE scope = ? ORDER BY name",
            [.text(scope)]
        ).map { row in
            ContentRepositoryRecord(name: row.string("name") ?? "", createdAt: Self.date(row.double("created_at")),
                                    lastUpdatedAt: Self.date(row.double("updated_at")))
        }
    }

    public func tags(scope: String, repository: String) throws -> [ContentTagRecord] {
        try connection.query("""
            SELECT name, digest, created_at, updated_at FROM content_tags
            WHERE scope = ? AND repository = ? ORDER BY name
            """, [.text(scope), .text(repository)]
        ).map { row in
            ContentTagRecord(repository: repository, name: row.string("name") ?? "", digest: row.string("digest") ?? "",
                             createdAt: Self.date(row.double("created_at")),
                             lastUpdatedAt: Self.date(row.double("updated_at")))
        }
    }

    public func manifests(scope: String, repository: String) throws -> [ContentManifestRecord] {
        let tagsByDigest = Dictionary(grouping: try tags(scope: scope, repository: repository), by: \.digest)
        let references = Dictionary(grouping: try connection.query("""
            SELECT manifest_digest, digest FROM content_references WHERE scope = ? AND repository = ?
            ORDER BY manifest_digest, digest
            """, [.text(scope), .text(repository)]), by: { $0.string("manifest_digest") ?? "" })
        return try connection.query("""
            SELECT * FROM content_manifests WHERE scope = ? AND repository = ? ORDER BY created_at, digest
            """, [.text(scope), .text(repository)]
        ).map { row in
            let digest = row.string("digest") ?? ""
            return ContentManifestRecord(
                repository: repository, digest: digest, mediaType: row.string("media_type") ?? "",
                artifactType: row.string("artifact_type"), configMediaType: row.string("config_media_type"),
                size: row.int("size") ?? 0, imageSize: row.int("image_size") ?? 0,
                objectID: row.string("object_id") ?? "",
                references: (references[digest] ?? []).compactMap { $0.string("digest") },
                architecture: row.string("architecture"), os: row.string("os"),
                createdAt: Self.date(row.double("created_at")), lastUpdatedAt: Self.date(row.double("updated_at")),
                tags: (tagsByDigest[digest] ?? []).map(\.name).sorted())
        }
    }

    public func blob(scope: String, digest: String) throws -> ContentBlobRecord? {
        try connection.query("SELECT * FROM content_blobs WHERE scope = ? AND digest = ?",
                             [.text(scope), .text(digest)]).first.map(Self.blobRecord)
    }

    public func commit(_ push: ContentPush) throws {
        let time = SQLiteValue.real(push.time.timeIntervalSince1970)
        let scope = SQLiteValue.text(push.scope)
        let repository = SQLiteValue.text(push.repository)
        let insertBlob = try connection.prepare("""
            INSERT INTO content_blobs (scope, registry, digest, size, object_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (scope, digest) DO NOTHING
            """)
        for object in push.objects {
            try insertBlob.run([scope, .text(push.registry), .text(object.digest), .integer(object.size),
                                .text(object.objectID), time])
        }
        _ = try connection.run("""
            INSERT INTO content_repositories (scope, registry, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (scope, name) DO UPDATE SET updated_at = excluded.updated_at
            """, [scope, .text(push.registry), repository, time, time])
        let insertManifest = try connection.prepare("""
            INSERT INTO content_manifests (scope, repository, digest, media_type, artifact_type, config_media_type,
                size, image_size, object_id, architecture, os, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (scope, repository, digest) DO UPDATE SET updated_at = excluded.updated_at
            """)
        let insertReference = try connection.prepare("""
            INSERT INTO content_references (scope, repository, manifest_digest, digest) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        for manifest in push.manifests {
            try insertManifest.run([
                scope, repository, .text(manifest.digest), .text(manifest.mediaType),
                Self.optional(manifest.artifactType),
                Self.optional(manifest.configMediaType), .integer(manifest.size), .integer(manifest.imageSize),
                .text(manifest.objectID), Self.optional(manifest.architecture), Self.optional(manifest.os), time, time,
            ])
            for reference in manifest.references {
                try insertReference.run([scope, repository, .text(manifest.digest), .text(reference)])
            }
        }
        if let tag = push.tag, let digest = push.tagDigest {
            _ = try connection.run("""
                INSERT INTO content_tags (scope, repository, name, digest, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (scope, repository, name) DO UPDATE SET digest = excluded.digest,
                    updated_at = excluded.updated_at
                """, [scope, repository, .text(tag), .text(digest), time, time])
        }
    }

    public func deleteRepository(scope: String, repository: String) throws -> [String] {
        let deleted = try connection.run("DELETE FROM content_repositories WHERE scope = ? AND name = ?",
                                         [.text(scope), .text(repository)])
        guard deleted > 0 else {
            return []
        }
        let unreferenced = try connection.query("""
            SELECT digest, object_id FROM content_blobs AS blob WHERE scope = ?
              AND NOT EXISTS (SELECT 1 FROM content_manifests AS manifest
                              WHERE manifest.scope = blob.scope AND manifest.digest = blob.digest)
              AND NOT EXISTS (SELECT 1 FROM content_references AS reference
                              WHERE reference.scope = blob.scope AND reference.digest = blob.digest)
            """, [.text(scope)])
        let remove = try connection.prepare("DELETE FROM content_blobs WHERE scope = ? AND digest = ?")
        for row in unreferenced {
            try remove.run([.text(scope), .text(row.string("digest") ?? "")])
        }
        return unreferenced.compactMap { $0.string("object_id") }
    }

    public func allBlobs() throws -> [ContentBlobRecord] {
        try connection.query("SELECT * FROM content_blobs ORDER BY registry, scope, digest").map(Self.blobRecord)
    }

    public func deleteScope(_ scope: String) throws -> [String] {
        let ids = try connection.query("SELECT object_id FROM content_blobs WHERE scope = ?", [.text(scope)])
            .compactMap { $0.string("object_id") }
        _ = try connection.run("DELETE FROM content_repositories WHERE scope = ?", [.text(scope)])
        _ = try connection.run("DELETE FROM content_blobs WHERE scope = ?", [.text(scope)])
        return ids
    }

    private static func blobRecord(_ row: SQLiteRow) -> ContentBlobRecord {
        ContentBlobRecord(
            scope: row.string("scope") ?? "", registry: row.string("registry") ?? "",
            object: ContentObject(digest: row.string("digest") ?? "", size: row.int("size") ?? 0,
                                  objectID: row.string("object_id") ?? ""),
            createdAt: date(row.double("created_at")))
    }

    private static func date(_ seconds: Double?) -> Date {
        Date(timeIntervalSince1970: seconds ?? 0)
    }

    private static func optional(_ text: String?) -> SQLiteValue {
        text.map { .text($0) } ?? .null
    }
}

public import CMKCore
import Foundation

/// CMKCore's `ContentStore` over the state home's SQLite file (the index) and its blob directory (sealed objects).
///
/// The index holds no plaintext of the content: each row is a scope, lookup tokens (`ContentIndexKeys.token`) and
/// one sealed value (JSON of the row's fields, sealed with `ContentIndexKeys.seal` and bound to the row's table and
/// tokens). Ordering, joins of tags to manifests and the search for unreferenced blobs happen in memory after
/// opening. Visible without keys: scopes, the registry name of blob rows, object ids, row counts and which rows
/// belong to the same repository.
///
/// The index lives in `registry/content.db`, attached to the state store's connection as `registry`, so inside
/// `StateStore.perform` index calls join the command's transaction (SQLite commits each database file
/// atomically). Sealed-object calls stream through `SealedObjectStreamer` and never touch the database.
/// Not thread-safe, like its connection.
public final class SQLiteContentStore: ContentStore {
    /// The first, plaintext schema of the content index (shipped; replaced by `sealedIndexMigration`).
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

    /// Replaces the plaintext content index of `migration` by a sealed one: rows hold keyed lookup tokens and
    /// AES-256-GCM-sealed values only (see `ContentIndexKeys`).
    ///
    /// Old rows cannot be re-sealed here (migrations run without any registry's keys), so they are dropped; with
    /// `secure_delete` their pages are zeroed. The sealed files they named become orphans, which `acrcmk fsck`
    /// reports and `acrcmk fsck --repair` removes; their content must be pushed again.
    static let sealedIndexMigration = SQLiteMigration(
        "seal the content index: lookup tokens and sealed values; plaintext rows are dropped", """
        DROP TABLE content_tags;
        DROP TABLE content_references;
        DROP TABLE content_manifests;
        DROP TABLE content_repositories;
        DROP TABLE content_blobs;
        """ + sealedIndexTables)

    /// The tables of the sealed index, as `sealedIndexMigration` made them.
    static let sealedIndexTables = """
        CREATE TABLE content_blobs (
            scope TEXT NOT NULL,
            registry TEXT NOT NULL,
            digest_token BLOB NOT NULL,
            object_id TEXT NOT NULL UNIQUE,
            sealed BLOB NOT NULL,
            PRIMARY KEY (scope, digest_token)
        );
        CREATE TABLE content_repositories (
            scope TEXT NOT NULL,
            token BLOB NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (scope, token)
        );
        CREATE TABLE content_manifests (
            scope TEXT NOT NULL,
            repository_token BLOB NOT NULL,
            digest_token BLOB NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (scope, repository_token, digest_token),
            FOREIGN KEY (scope, repository_token) REFERENCES content_repositories (scope, token) ON DELETE CASCADE
        );
        CREATE TABLE content_tags (
            scope TEXT NOT NULL,
            repository_token BLOB NOT NULL,
            token BLOB NOT NULL,
            sealed BLOB NOT NULL,
            PRIMARY KEY (scope, repository_token, token),
            FOREIGN KEY (scope, repository_token) REFERENCES content_repositories (scope, token) ON DELETE CASCADE
        );
        """

    /// The schema history of `registry/content.db`, where the index lives from 0.2 on (its own `user_version`);
    /// `SQLiteStateStore` moves a 0.1 home's index there.
    static let contentIndexMigrations = [
        SQLiteMigration("create the sealed content index", sealedIndexTables),
    ]

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

    public func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
                     read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        try streamer.seal(keys: keys, expectedDigest: expectedDigest, progress: progress, read: read)
    }

    public func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
                     consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        try streamer.open(object, keys: keys, progress: progress, consume: consume)
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

    public func namedObjectIDs(among objectIDs: [String]) throws -> Set<String> {
        let lookup = try connection.prepare("SELECT 1 FROM content_blobs WHERE object_id = ?")
        return Set(try objectIDs.filter { try !lookup.rows([.text($0)]).isEmpty })
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

    public func partialFileSweep() -> PartialFileSweep {
        streamer.blobs.partialFilesSwept
    }

    // MARK: Index

    public func repositories(keys: ContentKeys) throws -> [ContentRepositoryRecord] {
        try connection.query("SELECT token, sealed FROM content_repositories WHERE scope = ?", [.text(keys.scope)])
            .map { row in
                Self.repositoryRecord(try open(RepositoryValue.self, row, keys: keys,
                                               row: Self.repositoryRow(row.blob("token") ?? [])))
            }
            .sorted { Self.precedes($0.name, $1.name) }
    }

    public func repository(keys: ContentKeys, name: String) throws -> ContentRepositoryRecord? {
        try storedRepository(keys: keys, token: try keys.index.token(.repository, name)).map(Self.repositoryRecord)
    }

    public func tags(keys: ContentKeys, repository: String) throws -> [ContentTagRecord] {
        let repositoryToken = try keys.index.token(.repository, repository)
        return try connection.query("""
            SELECT token, sealed FROM content_tags WHERE scope = ? AND repository_token = ?
            """, [.text(keys.scope), .blob(repositoryToken)]
        ).map { row in
            let tag = try open(TagValue.self, row, keys: keys,
                               row: Self.tagRow(repositoryToken, row.blob("token") ?? []))
            return ContentTagRecord(repository: repository, name: tag.name, digest: tag.digest,
                                    createdAt: Self.date(tag.createdAt), lastUpdatedAt: Self.date(tag.updatedAt))
        }
        .sorted { Self.precedes($0.name, $1.name) }
    }

    public func manifests(keys: ContentKeys, repository: String) throws -> [ContentManifestRecord] {
        let tagsByDigest = Dictionary(grouping: try tags(keys: keys, repository: repository), by: \.digest)
        let repositoryToken = try keys.index.token(.repository, repository)
        return try connection.query("""
            SELECT digest_token, sealed FROM content_manifests WHERE scope = ? AND repository_token = ?
            """, [.text(keys.scope), .blob(repositoryToken)]
        ).map { row in
            let manifest = try open(ManifestValue.self, row, keys: keys,
                                    row: Self.manifestRow(repositoryToken, row.blob("digest_token") ?? []))
            return ContentManifestRecord(
                repository: repository, digest: manifest.digest, mediaType: manifest.mediaType,
                artifactType: manifest.artifactType, configMediaType: manifest.configMediaType, size: manifest.size,
                imageSize: manifest.imageSize, objectID: manifest.objectID, references: manifest.references.sorted(),
                architecture: manifest.architecture, os: manifest.os, createdAt: Self.date(manifest.createdAt),
                lastUpdatedAt: Self.date(manifest.updatedAt),
                tags: (tagsByDigest[manifest.digest] ?? []).map(\.name).sorted())
        }
        .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : Self.precedes($0.digest, $1.digest) }
    }

    public func blob(keys: ContentKeys, digest: String) throws -> ContentBlobRecord? {
        try connection.query("""
            SELECT digest_token, object_id, sealed FROM content_blobs WHERE scope = ? AND digest_token = ?
            """, [.text(keys.scope), .blob(try keys.index.token(.digest, digest))]
        ).first.map { try blobRecord($0, keys: keys) }
    }

    public func blobs(keys: ContentKeys) throws -> [ContentBlobRecord] {
        try connection.query("SELECT digest_token, object_id, sealed FROM content_blobs WHERE scope = ?",
                             [.text(keys.scope)])
            .map { try blobRecord($0, keys: keys) }
            .sorted { Self.precedes($0.object.digest, $1.object.digest) }
    }

    public func commit(_ push: ContentPush, keys: ContentKeys) throws {
        let time = push.time.timeIntervalSince1970
        let scope = SQLiteValue.text(keys.scope)
        let insertBlob = try connection.prepare("""
            INSERT INTO content_blobs (scope, registry, digest_token, object_id, sealed) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (scope, digest_token) DO UPDATE SET sealed = excluded.sealed
            """)
        for object in push.objects {
            let digestToken = try keys.index.token(.digest, object.digest)
            let value = BlobValue(digest: object.digest, size: object.size, createdAt: time)
            try insertBlob.run([scope, .text(keys.registryName), .blob(digestToken), .text(object.objectID),
                                .blob(try seal(value, keys: keys, row: Self.blobRow(digestToken, object.objectID)))])
        }
        // An uploaded blob belongs to the registry; a repository exists once a manifest names it.
        guard !push.manifests.isEmpty || push.tag != nil else { return }
        let repositoryToken = try keys.index.token(.repository, push.repository)
        var repository = try storedRepository(keys: keys, token: repositoryToken)
            ?? RepositoryValue(name: push.repository, createdAt: time, updatedAt: time)
        repository.updatedAt = time
        try connection.run("""
            INSERT INTO content_repositories (scope, token, sealed) VALUES (?, ?, ?)
            ON CONFLICT (scope, token) DO UPDATE SET sealed = excluded.sealed
            """, [scope, .blob(repositoryToken),
                  .blob(try seal(repository, keys: keys, row: Self.repositoryRow(repositoryToken)))])
        for manifest in push.manifests {
            let digestToken = try keys.index.token(.digest, manifest.digest)
            let row = Self.manifestRow(repositoryToken, digestToken)
            let existing = try connection.query("""
                SELECT sealed FROM content_manifests WHERE scope = ? AND repository_token = ? AND digest_token = ?
                """, [scope, .blob(repositoryToken), .blob(digestToken)]).first
            // A manifest pushed again keeps what it recorded first (its content is the same); only its time moves.
            var value = try existing.map { try open(ManifestValue.self, $0, keys: keys, row: row) }
                ?? ManifestValue(manifest, time: time)
            value.updatedAt = time
            try connection.run("""
                INSERT INTO content_manifests (scope, repository_token, digest_token, sealed) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope, repository_token, digest_token) DO UPDATE SET sealed = excluded.sealed
                """, [scope, .blob(repositoryToken), .blob(digestToken), .blob(try seal(value, keys: keys, row: row))])
        }
        if let tag = push.tag, let digest = push.tagDigest {
            let tagToken = try keys.index.token(.tag, push.repository, tag)
            let row = Self.tagRow(repositoryToken, tagToken)
            let existing = try connection.query("""
                SELECT sealed FROM content_tags WHERE scope = ? AND repository_token = ? AND token = ?
                """, [scope, .blob(repositoryToken), .blob(tagToken)]).first
            var value = try existing.map { try open(TagValue.self, $0, keys: keys, row: row) }
                ?? TagValue(name: tag, digest: digest, createdAt: time, updatedAt: time)
            value.digest = digest
            value.updatedAt = time
            try connection.run("""
                INSERT INTO content_tags (scope, repository_token, token, sealed) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope, repository_token, token) DO UPDATE SET sealed = excluded.sealed
                """, [scope, .blob(repositoryToken), .blob(tagToken), .blob(try seal(value, keys: keys, row: row))])
        }
    }

    public func deleteRepository(keys: ContentKeys, repository: String) throws -> [String] {
        let scope = SQLiteValue.text(keys.scope)
        let deleted = try connection.run("DELETE FROM content_repositories WHERE scope = ? AND token = ?",
                                         [scope, .blob(try keys.index.token(.repository, repository))])
        guard deleted > 0 else {
            return []
        }
        let needed = try digestTokensNamedByManifests(keys: keys)
        let unreferenced = try connection.query("SELECT digest_token, object_id FROM content_blobs WHERE scope = ?",
                                                [scope])
            .filter { !needed.contains($0.blob("digest_token") ?? []) }
        let remove = try connection.prepare("DELETE FROM content_blobs WHERE scope = ? AND digest_token = ?")
        for row in unreferenced {
            try remove.run([scope, .blob(row.blob("digest_token") ?? [])])
        }
        return unreferenced.compactMap { $0.string("object_id") }
    }

    public func deleteTag(keys: ContentKeys, repository: String, tag: String) throws -> Bool {
        let repositoryToken = try keys.index.token(.repository, repository)
        return try connection.run("DELETE FROM content_tags WHERE scope = ? AND repository_token = ? AND token = ?",
                                  [.text(keys.scope), .blob(repositoryToken),
                                   .blob(try keys.index.token(.tag, repository, tag))]) > 0
    }

    public func deleteManifest(keys: ContentKeys, repository: String, digest: String) throws -> [String]? {
        let scope = SQLiteValue.text(keys.scope)
        let repositoryToken = try keys.index.token(.repository, repository)
        guard let deleted = try manifests(keys: keys, repository: repository).first(where: { $0.digest == digest })
        else { return nil }
        try connection.run("DELETE FROM content_manifests WHERE scope = ? AND repository_token = ? AND digest_token = ?",
                           [scope, .blob(repositoryToken), .blob(try keys.index.token(.digest, digest))])
        for tag in deleted.tags {
            _ = try deleteTag(keys: keys, repository: repository, tag: tag)
        }
        let remaining = try connection.scalar(
            "SELECT count(*) FROM content_manifests WHERE scope = ? AND repository_token = ?",
            [scope, .blob(repositoryToken)])
        if case .integer(0) = remaining {
            try connection.run("DELETE FROM content_repositories WHERE scope = ? AND token = ?",
                               [scope, .blob(repositoryToken)])
        }
        // Only what the deleted manifest named may go: blobs uploaded for a push still in progress stay.
        let needed = try digestTokensNamedByManifests(keys: keys)
        var removed: [String] = []
        for candidate in [digest] + deleted.references {
            let token = try keys.index.token(.digest, candidate)
            guard !needed.contains(token),
                  let row = try connection.query(
                    "SELECT object_id FROM content_blobs WHERE scope = ? AND digest_token = ?", [scope, .blob(token)]
                  ).first
            else { continue }
            try connection.run("DELETE FROM content_blobs WHERE scope = ? AND digest_token = ?", [scope, .blob(token)])
            removed += row.string("object_id").map { [$0] } ?? []
        }
        return removed
    }

    /// The digest tokens of every manifest of the registry and of everything they reference. Which blobs the
    /// manifests need is sealed inside them: every one is opened.
    private func digestTokensNamedByManifests(keys: ContentKeys) throws -> Set<[UInt8]> {
        var needed: Set<[UInt8]> = []
        for row in try connection.query("""
            SELECT repository_token, digest_token, sealed FROM content_manifests WHERE scope = ?
            """, [.text(keys.scope)]) {
            let digestToken = row.blob("digest_token") ?? []
            let manifest = try open(ManifestValue.self, row, keys: keys,
                                    row: Self.manifestRow(row.blob("repository_token") ?? [], digestToken))
            needed.insert(digestToken)
            for reference in manifest.references {
                needed.insert(try keys.index.token(.digest, reference))
            }
        }
        return needed
    }

    public func objectLocations() throws -> [ContentObjectLocation] {
        try connection.query("SELECT scope, registry, object_id FROM content_blobs ORDER BY registry, scope, object_id")
            .map { row in
                ContentObjectLocation(scope: row.string("scope") ?? "", registry: row.string("registry") ?? "",
                                      objectID: row.string("object_id") ?? "")
            }
    }

    public func counts(scope: String) throws -> ContentCounts {
        func count(_ table: String) throws -> Int {
            let value = try connection.scalar("SELECT count(*) FROM \(table) WHERE scope = ?", [.text(scope)])
            if case .integer(let number) = value { return Int(number) }
            return 0
        }
        return ContentCounts(repositories: try count("content_repositories"), manifests: try count("content_manifests"),
                             tags: try count("content_tags"), blobs: try count("content_blobs"))
    }

    public func deleteScope(_ scope: String) throws -> [String] {
        let ids = try connection.query("SELECT object_id FROM content_blobs WHERE scope = ?", [.text(scope)])
            .compactMap { $0.string("object_id") }
        try connection.run("DELETE FROM content_repositories WHERE scope = ?", [.text(scope)])
        try connection.run("DELETE FROM content_blobs WHERE scope = ?", [.text(scope)])
        return ids
    }

    // MARK: Sealed values

    // What each table seals: the row's displayed fields. Times are seconds since 1970, as the columns held them.

    private struct RepositoryValue: Codable {
        var name: String
        var createdAt: Double
        var updatedAt: Double
    }

    private struct TagValue: Codable {
        var name: String
        var digest: String
        var createdAt: Double
        var updatedAt: Double
    }

    private struct ManifestValue: Codable {
        var digest: String
        var mediaType: String
        var artifactType: String?
        var configMediaType: String?
        var size: Int64
        var imageSize: Int64
        var objectID: String
        var references: [String]
        var architecture: String?
        var os: String?
        var createdAt: Double
        var updatedAt: Double

        init(_ record: ContentManifestRecord, time: Double) {
            digest = record.digest
            mediaType = record.mediaType
            artifactType = record.artifactType
            configMediaType = record.configMediaType
            size = record.size
            imageSize = record.imageSize
            objectID = record.objectID
            references = record.references
            architecture = record.architecture
            os = record.os
            createdAt = time
            updatedAt = time
        }
    }

    private struct BlobValue: Codable {
        var digest: String
        var size: Int64
        var createdAt: Double
    }

    // A sealed value is bound to its table and the tokens that locate its row, so it opens nowhere else.

    private static func repositoryRow(_ token: [UInt8]) -> [[UInt8]] {
        [Array("content_repositories".utf8), token]
    }

    private static func tagRow(_ repositoryToken: [UInt8], _ token: [UInt8]) -> [[UInt8]] {
        [Array("content_tags".utf8), repositoryToken, token]
    }

    private static func manifestRow(_ repositoryToken: [UInt8], _ digestToken: [UInt8]) -> [[UInt8]] {
        [Array("content_manifests".utf8), repositoryToken, digestToken]
    }

    private static func blobRow(_ digestToken: [UInt8], _ objectID: String) -> [[UInt8]] {
        [Array("content_blobs".utf8), digestToken, Array(objectID.utf8)]
    }

    private func seal(_ value: some Encodable, keys: ContentKeys, row: [[UInt8]]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try keys.index.seal([UInt8](try encoder.encode(value)), row: row)
    }

    /// Opens the `sealed` column of `stored`.
    ///
    /// - Throws: `CMKError` (`ContentIndexTampered`) when it does not open with `keys` at `row`, or opens to
    ///   something that is not a `T`.
    private func open<T: Decodable>(_ type: T.Type, _ stored: SQLiteRow, keys: ContentKeys,
                                    row: [[UInt8]]) throws -> T {
        let plaintext = try keys.index.open(stored.blob("sealed") ?? [], row: row)
        do {
            return try JSONDecoder().decode(T.self, from: Data(plaintext))
        } catch {
            throw CMKError(.badRequest, code: .contentIndexTampered,
                           "A row of the content index of registry '\(keys.registryName)' opens but does not hold "
                               + "a \(row.first.map { String(decoding: $0, as: UTF8.self) } ?? "") value: \(error).",
                           hint: "Run 'acrcmk fsck'; restore the state home from a backup or push the content again.")
        }
    }

    private func storedRepository(keys: ContentKeys, token: [UInt8]) throws -> RepositoryValue? {
        try connection.query("SELECT sealed FROM content_repositories WHERE scope = ? AND token = ?",
                             [.text(keys.scope), .blob(token)]).first
            .map { try open(RepositoryValue.self, $0, keys: keys, row: Self.repositoryRow(token)) }
    }

    private func blobRecord(_ row: SQLiteRow, keys: ContentKeys) throws -> ContentBlobRecord {
        let objectID = row.string("object_id") ?? ""
        let value = try open(BlobValue.self, row, keys: keys,
                             row: Self.blobRow(row.blob("digest_token") ?? [], objectID))
        return ContentBlobRecord(scope: keys.scope, registry: keys.registryName,
                                 object: ContentObject(digest: value.digest, size: value.size, objectID: objectID),
                                 createdAt: Self.date(value.createdAt))
    }

    private static func repositoryRecord(_ value: RepositoryValue) -> ContentRepositoryRecord {
        ContentRepositoryRecord(name: value.name, createdAt: date(value.createdAt),
                                lastUpdatedAt: date(value.updatedAt))
    }

    /// SQLite's `ORDER BY` on text (BINARY collation): UTF-8 byte order, which listings always used.
    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: seconds)
    }
}

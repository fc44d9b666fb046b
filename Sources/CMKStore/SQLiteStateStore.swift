public import CMKCore
import Foundation

/// CMKCore's `StateStore` over one SQLite connection to `control/state.db`: the world as tables (one row per
/// resource, read on demand), the audit trail as rows; `registry/content.db` (the content index) is attached to the
/// same connection.
///
/// The control plane is a single document so that every command is one atomic read-modify-write under
/// `BEGIN IMMEDIATE`: concurrent commands queue for the write lock and never lose each other's changes. Registry
/// content and audit events get real tables because they grow without bound.
///
/// Not thread-safe, like its connection: one store per thread.
public final class SQLiteStateStore: StateStore {
    /// The schema versions acrcmk 0.1 shipped, in order; never edit or reorder.
    static let releasedMigrations: [SQLiteMigration] = [
        SQLiteMigration("create settings, world document and audit events", """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE TABLE world_document (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                body BLOB NOT NULL,
                updated_at REAL NOT NULL
            );
            CREATE TABLE audit_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                time REAL NOT NULL,
                vault TEXT NOT NULL,
                operation TEXT NOT NULL,
                result TEXT NOT NULL,
                caller_object_id TEXT NOT NULL,
                caller TEXT NOT NULL,
                key_id TEXT,
                detail TEXT,
                registry TEXT
            );
            CREATE INDEX audit_events_by_vault ON audit_events (vault COLLATE NOCASE, time);
            CREATE INDEX audit_events_by_registry ON audit_events (registry COLLATE NOCASE, time);
            """),
        SQLiteContentStore.migration,
        SQLiteContentStore.sealedIndexMigration,
    ]

    /// Every schema version of `control/state.db`, in order; only append. From version 4 on, migrations need the
    /// home's layout and keys, so the list is made per home.
    static func migrations(layout: StateHome.Layout, platformKey: PlatformKey, vaultMasterKey: VaultMasterKey?)
        -> [SQLiteMigration]
    {
        releasedMigrations + [
            moveContentIndexMigration(to: layout.contentIndexDatabase),
            resealKeyMaterialMigration(from: platformKey, to: vaultMasterKey),
            controlTablesMigration(contentIndexPath: layout.contentIndexDatabase),
        ]
    }

    /// The schema version from which private keys are sealed under the vault master key (after migration 5).
    static let firstVersionSealedUnderVaultKey = releasedMigrations.count + 2

    /// The content index leaves the control database for `registry/content.db` (0.2's two trust domains).
    ///
    /// The rows are copied in a transaction of `content.db`, committed before this migration drops the tables
    /// here; a crash in between repeats the copy, which skips rows already there.
    static func moveContentIndexMigration(to contentIndexPath: String) -> SQLiteMigration {
        SQLiteMigration("move the content index to registry/content.db") { control in
            let content = try SQLiteConnection(path: contentIndexPath)
            try content.migrate(SQLiteContentStore.contentIndexMigrations)
            // Parents before children, for the foreign keys.
            let tables = ["content_repositories", "content_manifests", "content_tags", "content_blobs"]
            let rows = try tables.map { try control.query("SELECT * FROM \($0)") }
            try content.transaction {
                for (table, rows) in zip(tables, rows) {
                    guard let width = rows.first?.values.count else { continue }
                    let placeholders = Array(repeating: "?", count: width).joined(separator: ", ")
                    let insert = try content.prepare("INSERT OR IGNORE INTO \(table) VALUES (\(placeholders))")
                    for row in rows {
                        try insert.run(row.values)
                    }
                }
            }
            try control.execute("""
                DROP TABLE content_tags;
                DROP TABLE content_manifests;
                DROP TABLE content_repositories;
                DROP TABLE content_blobs;
                """)
        }
    }

    /// Private keys sealed under the platform key (0.1) are sealed again under the vault master key, in the same
    /// transaction as the version bump, so the world never holds a mix.
    static func resealKeyMaterialMigration(from platformKey: PlatformKey, to vaultMasterKey: VaultMasterKey?)
        -> SQLiteMigration
    {
        SQLiteMigration("seal private keys under the vault master key") { control in
            // A home without a vault master key is a registry home, made after this migration (StateHome+Keys).
            guard let vaultMasterKey else {
                preconditionFailure("a home at a schema before the vault master key opened without one")
            }
            guard let row = try control.query("SELECT body FROM world_document WHERE id = 1").first,
                  let body = row.blob("body")
            else { return }
            var world = try RowCodec.decode(World.self, from: body)
            try world.resealKeyMaterial(from: platformKey, to: vaultMasterKey)
            try control.run("UPDATE world_document SET body = ? WHERE id = 1", [.blob(try RowCodec.encode(world))])
        }
    }

    /// The world document becomes tables: one row per resource, each key version a row of its own, and the
    /// scheduler's next time per key indexed, so a command reads the rows it needs instead of the whole estate.
    ///
    /// Each registry's record also learns how many objects its content index holds, and the scopes that 0.1 left
    /// behind for deleted registries are recorded as such, so `fsck` can tell an index changed outside acrcmk from
    /// one acrcmk wrote.
    static func controlTablesMigration(contentIndexPath: String) -> SQLiteMigration {
        SQLiteMigration("control plane in tables: one row per resource") { control in
            try control.execute(SQLiteWorldTables.schema)
            let tables = SQLiteWorldTables(connection: control)
            guard let body = try control.query("SELECT body FROM world_document WHERE id = 1").first?.blob("body")
            else {
                try control.execute("DROP TABLE world_document")
                return
            }
            var world = try RowCodec.decode(World.self, from: body)
            var held: [String: Int] = [:]
            for row in try SQLiteConnection(path: contentIndexPath)
                .query("SELECT scope, count(*) AS objects FROM content_blobs GROUP BY scope") {
                held[row.string("scope") ?? ""] = Int(row.int("objects") ?? 0)
            }
            var live: Set<String> = []
            for index in world.registries.indices {
                let scope = ContentKeys.scope(forSalt: world.registries[index].contentKeySalt)
                live.insert(scope)
                world.registries[index].contentObjects = held[scope] ?? 0
            }
            for scope in held.keys.sorted() where !live.contains(scope) {
                world.purgeRecords.append(PurgeRecord(kind: .contentScope, name: scope, purgedAt: Date()))
            }
            world.refreshAllSchedules()
            try tables.write(try world.changes())
            try tables.save(SQLiteWorldTables.Header(account: world.account, config: world.config))
            try control.execute("DROP TABLE world_document")
        }
    }

    let connection: SQLiteConnection
    private let lockHolder: WriteLockHolder
    private lazy var tables = SQLiteWorldTables(connection: connection)
    private let platformKey: PlatformKey
    private let vaultMasterKey: VaultMasterKey?
    private let wallClock: @Sendable () -> Date

    /// Wraps an open connection, brings its schema up to date and attaches the content index.
    ///
    /// - Parameters:
    ///   - connection: The connection to `control/state.db`; the store owns it from now on.
    ///   - layout: Where the content index lives.
    ///   - platformKey: Handed to every session.
    ///   - vaultMasterKey: Handed to every session; nil in a registry home whose vault is served elsewhere.
    ///   - wallClock: Real time; the world's clock offset is added per session.
    /// - Throws: `SQLiteError` when a migration fails or a database is newer than this build.
    init(connection: SQLiteConnection, layout: StateHome.Layout, platformKey: PlatformKey,
         vaultMasterKey: VaultMasterKey?, wallClock: @escaping @Sendable () -> Date) throws {
        self.connection = connection
        self.lockHolder = WriteLockHolder(layout: layout)
        self.platformKey = platformKey
        self.vaultMasterKey = vaultMasterKey
        self.wallClock = wallClock
        try connection.migrate(
            SQLiteStateStore.migrations(layout: layout, platformKey: platformKey, vaultMasterKey: vaultMasterKey))
        try connection.attach(path: layout.contentIndexDatabase, as: "registry",
                              migrations: SQLiteContentStore.contentIndexMigrations)
    }

    private func makeSession(_ world: World) -> Session {
        let session = Session(world: world, wallClock: wallClock(), platformKey: platformKey,
                              vaultMasterKey: vaultMasterKey)
        if let keyVault = keyVaultProvider?(session) {
            session.keyVault = keyVault
        }
        return session
    }

    /// What puts another Key Vault behind a session's `KeyVaultUnwrapping` port (a vault served by another
    /// process, `keyvault.url`), asked for each session; nil, or a provider that answers nil, keeps the in-process
    /// vault. Set once, by the front end, before the first `perform`.
    public var keyVaultProvider: ((Session) -> (any KeyVaultUnwrapping)?)?

    /// Runs one command's work in a single write transaction.
    ///
    /// First, in a transaction of its own, whatever fell due since the last command runs and commits (the
    /// scheduler's catch-up), so a failing command never rolls back what time did. Then the command:
    /// it takes the write lock (`BEGIN IMMEDIATE`), loads the world (creating a fresh account on first use), runs
    /// `body` with a session, then saves the world if it changed and appends the session's audit events. If
    /// `body` (or saving) throws, the transaction is rolled back and the audit events are appended in a
    /// transaction of their own, so denied vault calls stay on the record; then the original error is rethrown.
    ///
    /// - Parameter body: The command; it must not call `perform` again (transactions do not nest).
    /// - Returns: What `body` returned.
    /// - Throws: The error of `body`; otherwise `SQLiteError` or `StateHomeError` (`.worldUnreadable`).
    public func perform<T>(_ body: (Session) throws -> T) throws -> T {
        precondition(!connection.isInTransaction, "SQLiteStateStore.perform does not nest")
        do {
            return try performHoldingTheLock(body)
        } catch let error as SQLiteError where error.resultCode == 5 {  // SQLITE_BUSY: waited out the timeout.
            throw StateHomeBusy(path: connection.path, waited: connection.busyTimeout, holder: lockHolder.lastNote())
        }
    }

    private func performHoldingTheLock<T>(_ body: (Session) throws -> T) throws -> T {
        try connection.transaction {
            lockHolder.noteSelf(now: wallClock())
            let (loaded, header) = try loadOrCreateWorld()
            let due = makeSession(loaded)
            due.catchUpScheduler()
            // Saved even when nothing ran: a key whose next time went stale (its vault was deleted, say) is
            // rescheduled once here instead of being read again by every later command. Nothing changed, nothing
            // is written.
            try save(due, original: header)
            try append(due.auditEvents)
        }
        var session: Session?
        do {
            return try connection.transaction {
                let (loaded, header) = try loadOrCreateWorld()
                let current = makeSession(loaded)
                session = current
                let result = try body(current)
                try save(current, original: header)
                try append(current.auditEvents)
                return result
            }
        } catch {
            if let events = session?.auditEvents, !events.isEmpty {
                // The command's error is what the user must see; a failure to record is secondary.
                try? connection.transaction {
                    try append(events)
                }
            }
            throw error
        }
    }

    /// Audit events matching `filter`, in the order they were recorded.
    ///
    /// Vault, registry and operation names compare case-insensitively (ASCII), `since` includes events at
    /// exactly that time, and `deniedOnly` keeps events whose result is not `OK`.
    ///
    /// - Throws: `SQLiteError`.
    public func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
        var predicates: [String] = []
        var arguments: [SQLiteValue] = []
        if let vault = filter.vaultName {
            predicates.append("vault = ? COLLATE NOCASE")
            arguments.append(.text(vault))
        }
        if let registry = filter.registry {
            predicates.append("registry = ? COLLATE NOCASE")
            arguments.append(.text(registry))
        }
        if let operation = filter.operationName {
            predicates.append("operation = ? COLLATE NOCASE")
            arguments.append(.text(operation))
        }
        if let since = filter.since {
            predicates.append("time >= ?")
            arguments.append(.real(since.timeIntervalSince1970))
        }
        if filter.deniedOnly {
            predicates.append("result <> 'OK'")
        }
        var sql = "SELECT time, vault, operation, result, caller_object_id, caller, key_id, detail, registry "
            + "FROM audit_events"
        if !predicates.isEmpty {
            sql += " WHERE " + predicates.joined(separator: " AND ")
        }
        sql += " ORDER BY seq"
        return try connection.query(sql, arguments).map { row in
            AuditEvent(
                time: Date(timeIntervalSince1970: row.double("time") ?? 0),
                vaultName: row.string("vault") ?? "",
                operationName: row.string("operation") ?? "",
                resultSignature: row.string("result") ?? "",
                callerObjectId: row.string("caller_object_id") ?? "",
                caller: row.string("caller") ?? "",
                keyId: row.string("key_id"),
                detail: row.string("detail"),
                registry: row.string("registry"))
        }
    }

    /// The stored world, reading its rows on demand, with the header as read (to save it only if it changed);
    /// a fresh world is written first when the home is new.
    private func loadOrCreateWorld() throws -> (World, SQLiteWorldTables.Header) {
        let header: SQLiteWorldTables.Header
        do {
            if let stored = try tables.header() {
                header = stored
            } else if let held = try tables.anyResourceTable() ?? contentIndexHoldsRows() {
                // A home without its account record but with resources or content lost its control state: a fresh
                // account would show an empty estate, and `fsck --repair` would then delete the content.
                throw StateHomeError(code: .damaged, path: connection.path,
                                     reason: "control/state.db has no account record but holds \(held)")
            } else {
                var fresh = World(account: Account.generate(), createdAt: wallClock())
                fresh.refreshAllSchedules()
                try tables.write(try fresh.changes())
                header = SQLiteWorldTables.Header(account: fresh.account, config: fresh.config)
                try tables.save(header)
            }
        } catch let error as DecodingError {
            throw StateHomeError(code: .worldUnreadable, path: connection.path, reason: "\(error)")
        }
        return (World(account: header.account, config: header.config, source: tables), header)
    }

    /// "content index rows" when the attached content index has any, else nil.
    private func contentIndexHoldsRows() throws -> String? {
        try connection.scalar("SELECT EXISTS (SELECT 1 FROM content_blobs)") == .integer(1) ? "content index rows" : nil
    }

    /// Writes what the session changed: the rows `World.changes()` reports (after the scheduler's index is brought
    /// up to date) and the header if it differs from `original`.
    private func save(_ session: Session, original: SQLiteWorldTables.Header) throws {
        session.refreshSchedules()
        try tables.write(try session.world.changes())
        let header = SQLiteWorldTables.Header(account: session.world.account, config: session.world.config)
        if header != original {
            try tables.save(header)
        }
    }

    private func append(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else {
            return
        }
        let statement = try connection.prepare("""
            INSERT INTO audit_events
                (time, vault, operation, result, caller_object_id, caller, key_id, detail, registry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for event in events {
            try statement.run([
                .real(event.time.timeIntervalSince1970), .text(event.vaultName), .text(event.operationName),
                .text(event.resultSignature), .text(event.callerObjectId), .text(event.caller),
                SQLiteStateStore.optional(event.keyId), SQLiteStateStore.optional(event.detail),
                SQLiteStateStore.optional(event.registry),
            ])
        }
    }

    private static func optional(_ text: String?) -> SQLiteValue {
        text.map { .text($0) } ?? .null
    }
}

internal import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to an SQLite database file, set up for durability and concurrent writers.
///
/// Opening puts the database in WAL mode (and checks that SQLite agreed), turns foreign keys on,
/// sets `synchronous=FULL` so a commit that returned survives a power cut, and waits up to
/// `busyTimeout` for other processes' locks instead of failing at once. Writers use
/// ``transaction(_:)``, which takes the write lock up front (`BEGIN IMMEDIATE`).
///
/// A connection is not thread-safe: use one per thread. The handle is closed on release.
public final class SQLiteConnection {
    /// The file the connection was opened on.
    public let path: String

    let handle: OpaquePointer

    /// Opens (creating if needed) the database at `path` and configures it.
    ///
    /// - Parameters:
    ///   - path: The database file. Its directory must exist.
    ///   - busyTimeout: How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    /// - Throws: `SQLiteError` when the file cannot be opened or configured, for example when it is not a
    ///   database or WAL mode cannot be enabled (some network file systems refuse it).
    /// How long a statement waits for another connection's lock.
    public let busyTimeout: Duration

    public init(path: String, busyTimeout: Duration = .seconds(30)) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            // A handle is usually returned even on failure and must be closed to free it.
            let error = SQLiteError.current(opened, code: code, sql: nil)
            sqlite3_close_v2(opened)
            throw SQLiteError(
                extendedResultCode: error.extendedResultCode,
                message: "cannot open database '\(path)': \(error.message)", sql: nil,
                systemErrorNumber: error.systemErrorNumber)
        }
        self.handle = opened
        self.path = path
        self.busyTimeout = busyTimeout
        // From here on, deinit closes the handle if configuration throws.
        try configure(busyTimeout: busyTimeout)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements separated by semicolons, ignoring any rows.
    ///
    /// - Parameter sql: The statements; no parameters can be bound.
    /// - Throws: `SQLiteError` for the first statement that fails; the ones before it stay applied.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            var error = SQLiteError.current(handle, code: code, sql: sql)
            if let message {
                error = SQLiteError(extendedResultCode: error.extendedResultCode, message: String(cString: message),
                                    sql: sql, systemErrorNumber: error.systemErrorNumber)
            }
            throw error
        }
    }

    /// Prepares one statement for repeated use.
    ///
    /// - Parameter sql: Exactly one SQL statement, with `?` parameters.
    /// - Throws: `SQLiteError` on a syntax error, an unknown table or column, or more than one statement.
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs one statement to completion.
    ///
    /// - Parameters:
    ///   - sql: One SQL statement.
    ///   - arguments: Values for its `?` parameters.
    /// - Returns: The number of rows inserted, updated or deleted.
    /// - Throws: `SQLiteError`.
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int {
        try prepare(sql).run(arguments)
        return Int(sqlite3_changes64(handle))
    }

    /// Runs one query and returns all its rows.
    ///
    /// - Parameters:
    ///   - sql: One SQL statement.
    ///   - arguments: Values for its `?` parameters.
    /// - Throws: `SQLiteError`.
    public func query(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try prepare(sql).rows(arguments)
    }

    /// Runs one query and returns the first column of its first row.
    ///
    /// - Parameters:
    ///   - sql: One SQL statement.
    ///   - arguments: Values for its `?` parameters.
    /// - Returns: The value, or nil when the query returns no row.
    /// - Throws: `SQLiteError`.
    public func scalar(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        guard let row = try statement.step(), !row.values.isEmpty else {
            return nil
        }
        return row[0]
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, body, `COMMIT`.
    ///
    /// The write lock is taken before the body runs, so concurrent writers queue (up to the busy
    /// timeout) instead of failing halfway. If the body or the commit throws, the transaction is
    /// rolled back and that first error is rethrown; a failing rollback never masks it.
    /// Transactions do not nest: calling this inside another transaction throws.
    ///
    /// - Parameter body: The work to make atomic.
    /// - Returns: What `body` returned.
    /// - Throws: The first error from `BEGIN`, `body` or `COMMIT`.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
    }

    /// The journal mode SQLite reports, lowercased (`"wal"` after a successful open).
    public var journalMode: String {
        get throws {
            guard case .text(let mode) = try scalar("PRAGMA journal_mode") else {
                throw SQLiteError(extendedResultCode: SQLITE_ERROR, message: "PRAGMA journal_mode returned no text",
                                  sql: "PRAGMA journal_mode")
            }
            return mode.lowercased()
        }
    }

    /// The schema version stored in the database header (`PRAGMA user_version`).
    public var userVersion: Int {
        get throws {
            guard case .integer(let version) = try scalar("PRAGMA user_version") else {
                throw SQLiteError(extendedResultCode: SQLITE_ERROR, message: "PRAGMA user_version returned no integer",
                                  sql: "PRAGMA user_version")
            }
            return Int(version)
        }
    }

    /// Brings the schema up to date by applying, in order, every migration past `user_version`.
    ///
    /// The check reads `user_version` without a transaction, so an up-to-date database (every command after the
    /// first) never takes the write lock here. Each pending migration then runs in its own `BEGIN IMMEDIATE`
    /// transaction that re-reads the version, so concurrent openers apply each migration exactly once.
    ///
    /// - Parameter migrations: The whole history; migration `i` takes the version from `i` to `i + 1`.
    /// - Throws: `SQLiteError` when a migration fails (its transaction is rolled back) or the database is newer
    ///   than `migrations` knows.
    public func migrate(_ migrations: [SQLiteMigration]) throws {
        if try checkedVersion(against: migrations) == migrations.count {
            return
        }
        while true {
            let applied = try transaction { () throws -> Bool in
                let version = try checkedVersion(against: migrations)
                guard version < migrations.count else {
                    return false
                }
                try migrations[version].apply(self)
                try execute("PRAGMA user_version = \(version + 1)")
                return true
            }
            if !applied {
                return
            }
        }
    }

    /// `user_version`, refused when it is newer than `migrations` knows.
    private func checkedVersion(against migrations: [SQLiteMigration]) throws -> Int {
        let version = try userVersion
        guard version <= migrations.count else {
            throw SQLiteError(
                extendedResultCode: SQLITE_ERROR,
                message: "database '\(path)' has schema version \(version), but this build only knows "
                    + "\(migrations.count) migration(s): a newer acrcmk wrote this state home; use that version "
                    + "(or a newer one) with it",
                sql: nil)
        }
        return version
    }

    /// Attaches another database file to this connection under `schema`, after bringing its own schema up to date
    /// through a connection of its own, and gives it the same durability settings as the main file.
    ///
    /// Statements then reach its tables by name (or as `schema.table`), and this connection's transactions
    /// cover both files; SQLite commits each file atomically, one after the other.
    ///
    /// - Throws: `SQLiteError` when the file cannot be opened, migrated, attached or put in WAL mode.
    public func attach(path: String, as schema: String, migrations: [SQLiteMigration]) throws {
        try SQLiteConnection(path: path).migrate(migrations)
        try run("ATTACH DATABASE ? AS \(schema)", [.text(path)])
        guard case .text(let mode) = try scalar("PRAGMA \(schema).journal_mode"), mode.lowercased() == "wal" else {
            throw SQLiteError(extendedResultCode: SQLITE_ERROR,
                              message: "database '\(path)' is not in WAL journal mode", sql: nil)
        }
        try execute("PRAGMA \(schema).synchronous = FULL")
        try execute("PRAGMA \(schema).secure_delete = ON")
        try keepWriteAheadLog(true, schema: schema)
        try execute("PRAGMA \(schema).journal_size_limit = \(Self.journalSizeLimit)")
    }

    /// The size a `-wal` file is cut back to after SQLite restarts it; with the log kept (`keepWriteAheadLog`), a
    /// limit also makes the last connection empty the log when it closes, so the next one has nothing to replay.
    static let journalSizeLimit = 4 * 1024 * 1024

    /// Whether the database's `-wal` and `-shm` files stay when the last connection closes (SQLite's persistent
    /// WAL mode; they are deleted by default).
    ///
    /// Kept, the `-shm` file keeps the space SQLite allocated for it, so a later connection can read the database
    /// even when the disk has filled up meanwhile: otherwise the first connection of each command must create and
    /// size it again, and on a full disk even reading fails. Every connection keeps them; the `-wal` file is emptied
    /// when the last connection closes (see `journalSizeLimit`).
    ///
    /// - Parameter schema: `main`, or the name an attached database was given.
    /// - Throws: `SQLiteError` when SQLite refuses the setting.
    public func keepWriteAheadLog(_ keep: Bool, schema: String = "main") throws {
        var value: Int32 = keep ? 1 : 0
        let code = sqlite3_file_control(handle, schema, SQLITE_FCNTL_PERSIST_WAL, &value)
        guard code == SQLITE_OK else {
            throw SQLiteError.current(handle, code: code, sql: nil)
        }
    }

    private func configure(busyTimeout: Duration) throws {
        // The timeout comes first so that even switching to WAL waits for other openers.
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        let code = sqlite3_busy_timeout(handle, Int32(milliseconds))
        guard code == SQLITE_OK else {
            throw SQLiteError.current(handle, code: code, sql: nil)
        }
        guard case .text(let mode) = try enableWAL(busyTimeout: busyTimeout), mode.lowercased() == "wal" else {
            throw SQLiteError(
                extendedResultCode: SQLITE_ERROR,
                message: "database '\(path)' refused WAL journal mode (is it on a network file system or read-only?)",
                sql: "PRAGMA journal_mode=WAL")
        }
        try keepWriteAheadLog(true)
        try execute("PRAGMA journal_size_limit = \(Self.journalSizeLimit)")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA synchronous = FULL")
        // Deleted rows are zeroed rather than left in free pages: a dropped or replaced row must not stay readable.
        try execute("PRAGMA secure_delete = ON")
    }

    /// Switches to WAL, retrying while another process holds the lock the switch needs.
    ///
    /// When several processes open a brand-new database at once, the switch can fail with
    /// `SQLITE_BUSY` without SQLite calling the busy handler, so the timeout is honoured here.
    private func enableWAL(busyTimeout: Duration) throws -> SQLiteValue? {
        let clock = ContinuousClock()
        let deadline = clock.now + busyTimeout
        while true {
            do {
                return try scalar("PRAGMA journal_mode=WAL")
            } catch let error as SQLiteError where error.resultCode == SQLITE_BUSY && clock.now < deadline {
                usleep(10_000)
            }
        }
    }

    private func rollbackIgnoringErrors() {
        // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) already rolled the transaction back.
        guard isInTransaction else {
            return
        }
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
    }
}

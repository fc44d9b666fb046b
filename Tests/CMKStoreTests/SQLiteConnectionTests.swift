import Foundation
import Testing
@testable import CMKStore

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
    let directory: TemporaryDirectory
    let databasePath: String
    let database: SQLiteConnection

    init() throws {
        directory = try TemporaryDirectory("sqlite-connection")
        databasePath = directory.file("state.db")
        database = try SQLiteConnection(path: databasePath)
    }

    @Test func opensInWALModeAsSeenThroughTheAPI() throws {
        #expect(try database.journalMode == "wal")
        #expect(database.path == databasePath)
    }

    @Test func opensInWALModeAsSeenByTheSQLiteCommandLine() throws {
        try database.execute("CREATE TABLE t (x)")
        let output = try Self.runSQLiteCLI(databasePath, "PRAGMA journal_mode;")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
        // Bytes 18 and 19 of the header are the read/write format versions: 2 means WAL.
        let header = try #require(FileManager.default.contents(atPath: databasePath))
        #expect(header.count >= 100)
        #expect(header[18] == 2 && header[19] == 2)
    }

    @Test func enforcesForeignKeysAndSynchronousFull() throws {
        #expect(try database.scalar("PRAGMA foreign_keys") == .integer(1))
        #expect(try database.scalar("PRAGMA synchronous") == .integer(2))
    }

    /// Some SQLite builds (Debian's) default to it; others (macOS) do not, so the connection asks for it.
    @Test func zeroesDeletedContent() throws {
        #expect(try database.scalar("PRAGMA secure_delete") == .integer(1))
    }

    @Test func foreignKeyViolationThrowsWithExtendedCodeAndSQL() throws {
        try database.execute("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent (id));
            """)
        let sql = "INSERT INTO child (id, parent) VALUES (?, ?)"
        let error = try #require(throws: SQLiteError.self) {
            try database.run(sql, [1, 42])
        }
        #expect(error.resultCode == 19)
        #expect(error.extendedResultCode == 787)
        #expect(error.sql == sql)
        #expect(error.description.contains("SQLITE_CONSTRAINT_FOREIGNKEY"))
        #expect(error.description.contains(sql))
        #expect(try database.scalar("SELECT count(*) FROM child") == .integer(0))
    }

    @Test func uniqueViolationDescriptionNamesCodesMessageAndSQL() throws {
        try database.execute("CREATE TABLE t (x UNIQUE)")
        try database.run("INSERT INTO t (x) VALUES (1)")
        let error = try #require(throws: SQLiteError.self) {
            try database.run("INSERT INTO t (x) VALUES (1)")
        }
        #expect(error.description == "SQLite error 19 (extended 2067: SQLITE_CONSTRAINT_UNIQUE): "
            + "UNIQUE constraint failed: t.x — while executing: INSERT INTO t (x) VALUES (1)")
    }

    @Test func executeRunsSeveralStatementsAndReportsTheFailingSQL() throws {
        try database.execute("CREATE TABLE a (x); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);")
        #expect(try database.scalar("SELECT sum(x) FROM a") == .integer(3))
        let error = try #require(throws: SQLiteError.self) {
            try database.execute("SELEKT 1")
        }
        #expect(error.resultCode == 1)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEKT 1")
    }

    @Test func runReturnsChangesAndLastInsertRowID() throws {
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x)")
        #expect(try database.run("INSERT INTO t (x) VALUES (?)", ["a"]) == 1)
        #expect(database.lastInsertRowID == 1)
        try database.run("INSERT INTO t (x) VALUES (?)", ["b"])
        #expect(database.lastInsertRowID == 2)
        #expect(try database.run("UPDATE t SET x = 'c'") == 2)
        #expect(try database.run("DELETE FROM t WHERE x = 'none'") == 0)
    }

    @Test func scalarIsNilWhenThereIsNoRow() throws {
        try database.execute("CREATE TABLE t (x)")
        #expect(try database.scalar("SELECT x FROM t") == nil)
        #expect(try database.scalar("SELECT NULL") == .null)
    }

    @Test func transactionCommitsAndReturnsTheBodyResult() throws {
        try database.execute("CREATE TABLE t (x)")
        let result = try database.transaction { () throws -> Int in
            try database.run("INSERT INTO t VALUES (1)")
            try database.run("INSERT INTO t VALUES (2)")
            return 7
        }
        #expect(result == 7)
        #expect(!database.isInTransaction)
        let other = try SQLiteConnection(path: databasePath)
        #expect(try other.scalar("SELECT count(*) FROM t") == .integer(2))
    }

    @Test func constraintFailureInsideTransactionLeavesNothingAndRethrowsThatError() throws {
        try database.execute("CREATE TABLE t (x UNIQUE)")
        let error = try #require(throws: SQLiteError.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                try database.run("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.extendedResultCode == 2067)
        #expect(!database.isInTransaction)
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func bodyErrorRollsBackAndIsRethrownIdentically() throws {
        try database.execute("CREATE TABLE t (x)")
        let marker = MarkerError()
        let thrown = try #require(throws: MarkerError.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                throw marker
            }
        }
        #expect(thrown === marker)
        #expect(!database.isInTransaction)
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func firstErrorWinsWhenTheTransactionIsAlreadyGone() throws {
        // The body ends the transaction itself, so the rollback has nothing to do; the body's error must survive.
        try database.execute("CREATE TABLE t (x)")
        let marker = MarkerError()
        let thrown = try #require(throws: MarkerError.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                try database.execute("ROLLBACK")
                throw marker
            }
        }
        #expect(thrown === marker)
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func nestedTransactionIsRefusedAndTheOuterOneRollsBack() throws {
        try database.execute("CREATE TABLE t (x)")
        let error = try #require(throws: SQLiteError.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (2)")
                }
            }
        }
        #expect(error.message.contains("within a transaction"))
        #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func writerWaitsForTheBusyTimeoutThenFailsWithBusy() throws {
        try database.execute("CREATE TABLE t (x)")
        try database.execute("BEGIN IMMEDIATE")
        defer { try? database.execute("ROLLBACK") }
        let other = try SQLiteConnection(path: databasePath, busyTimeout: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: SQLiteError.self) {
            try other.transaction { try other.run("INSERT INTO t VALUES (1)") }
        }
        #expect(error.resultCode == 5)
        #expect(clock.now - start >= .milliseconds(150))
    }

    @Test func openingSomethingThatIsNotADatabaseFails() throws {
        let garbage = directory.file("garbage.db")
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: garbage))
        let error = try #require(throws: SQLiteError.self) {
            _ = try SQLiteConnection(path: garbage)
        }
        #expect(error.resultCode == 26)
    }

    @Test func openingInAMissingFolderNamesThePath() throws {
        let path = directory.file("missing/state.db")
        let error = try #require(throws: SQLiteError.self) {
            _ = try SQLiteConnection(path: path)
        }
        #expect(error.resultCode == 14)
        #expect(error.message.contains(path))
    }

    /// Runs the `sqlite3` command-line shell on `path`; CI installs it (see .ci/run).
    static func runSQLiteCLI(_ path: String, _ sql: String) throws -> String {
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let shell = search.map({ "\($0)/sqlite3" }).first(where: FileManager.default.isExecutableFile) else {
            throw TestFailure("the sqlite3 command-line shell is not on PATH; install it (apt-get install sqlite3)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("sqlite3 \(path) '\(sql)' exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// An error whose identity the tests can check with `===`.
final class MarkerError: Error, Sendable {}

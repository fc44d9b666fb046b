import Testing
@testable import CMKStore

@Suite("SQLiteMigration")
struct SQLiteMigrationTests {
    let directory: TemporaryDirectory
    let database: SQLiteConnection

    init() throws {
        directory = try TemporaryDirectory("sqlite-migration")
        database = try SQLiteConnection(path: directory.file("state.db"))
    }

    static let base = [
        SQLiteMigration("create log", "CREATE TABLE log (step TEXT NOT NULL);"),
        SQLiteMigration("first", "INSERT INTO log VALUES ('first');"),
        SQLiteMigration("second") { connection in
            try connection.run("INSERT INTO log VALUES (?)", ["second"])
        },
    ]

    private func log() throws -> [String] {
        try database.query("SELECT step FROM log ORDER BY rowid").compactMap { $0.string("step") }
    }

    @Test func appliesEachMigrationOnceInOrder() throws {
        #expect(try database.userVersion == 0)
        try database.migrate(Self.base)
        #expect(try database.userVersion == 3)
        #expect(try log() == ["first", "second"])

        try database.migrate(Self.base)
        #expect(try database.userVersion == 3)
        #expect(try log() == ["first", "second"])

        try database.migrate(Self.base + [SQLiteMigration("third", "INSERT INTO log VALUES ('third');")])
        #expect(try database.userVersion == 4)
        #expect(try log() == ["first", "second", "third"])
    }

    @Test func versionIsPersistedInTheFile() throws {
        try database.migrate(Self.base)
        let reopened = try SQLiteConnection(path: database.path)
        #expect(try reopened.userVersion == 3)
        try reopened.migrate(Self.base)
        #expect(try reopened.query("SELECT * FROM log").count == 2)
    }

    @Test func failingSQLMigrationRollsBackItsOwnChangesOnly() throws {
        let broken = SQLiteMigration("broken", """
            CREATE TABLE half (x);
            INSERT INTO log VALUES ('broken');
            INSERT INTO no_such_table VALUES (1);
            """)
        let error = try #require(throws: SQLiteError.self) {
            try database.migrate(Self.base + [broken, SQLiteMigration("after", "INSERT INTO log VALUES ('after');")])
        }
        #expect(error.message.contains("no_such_table"))
        #expect(try database.userVersion == 3)
        #expect(try log() == ["first", "second"])
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half'") == .integer(0))
        #expect(!database.isInTransaction)
    }

    @Test func failingClosureMigrationRethrowsItsErrorAndKeepsTheVersion() throws {
        try database.migrate(Self.base)
        let marker = MarkerError()
        let failing = SQLiteMigration("throws") { connection in
            try connection.run("INSERT INTO log VALUES ('partial')")
            throw marker
        }
        let thrown = try #require(throws: MarkerError.self) {
            try database.migrate(Self.base + [failing])
        }
        #expect(thrown === marker)
        #expect(try database.userVersion == 3)
        #expect(try log() == ["first", "second"])
    }

    @Test func refusesADatabaseNewerThanTheMigrations() throws {
        try database.execute("PRAGMA user_version = 9")
        let error = try #require(throws: SQLiteError.self) {
            try database.migrate(Self.base)
        }
        #expect(error.message.contains("schema version 9"))
        #expect(try database.userVersion == 9)
    }
}

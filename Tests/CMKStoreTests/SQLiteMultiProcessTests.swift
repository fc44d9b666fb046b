import Foundation
import Testing
@testable import CMKStore

/// Several processes on one database file, driven through the `cmkstore-exerciser` executable.
@Suite("SQLiteConnection across processes")
struct SQLiteMultiProcessTests {
    let directory: TemporaryDirectory
    let databasePath: String

    init() throws {
        directory = try TemporaryDirectory("sqlite-processes")
        databasePath = directory.file("state.db")
    }

    @Test func concurrentWritersLoseNoRows() throws {
        let exerciser = try Exerciser()
        let writers = ["alpha", "bravo", "charlie"]
        let perWriter = 300
        // All three start on a database that does not exist yet: creation, WAL switch and migration race too.
        let running = try writers.map { try exerciser.start(["insert", databasePath, $0, String(perWriter)]) }
        for (writer, process) in zip(writers, running) {
            let result = process.wait()
            #expect(result.status == 0, "writer \(writer) failed: \(result.errors)")
        }

        let database = try SQLiteConnection(path: databasePath)
        let total = SQLiteValue.integer(Int64(writers.count * perWriter))
        #expect(try database.scalar("SELECT count(*) FROM items") == total)
        #expect(try database.scalar("SELECT count(DISTINCT id) FROM items") == total)
        for writer in writers {
            let row = try #require(try database.query(
                "SELECT count(*) AS n, min(sequence) AS low, max(sequence) AS high FROM items WHERE writer = ?",
                [.text(writer)]).first)
            #expect(row.int("n") == Int64(perWriter))
            #expect(row.int("low") == 0)
            #expect(row.int("high") == Int64(perWriter - 1))
        }
        #expect(try database.userVersion == 1)
    }

    @Test func concurrentFirstOpensOfANewDatabaseAllSucceed() throws {
        // Switching a new file to WAL can fail with SQLITE_BUSY without the busy handler being called;
        // the race is narrow, so it is run many times on fresh files.
        let exerciser = try Exerciser()
        for round in 0..<40 {
            let path = directory.file("race-\(round).db")
            let running = try (0..<3).map { try exerciser.start(["insert", path, "w\($0)", "3"]) }
            for process in running {
                let result = process.wait()
                #expect(result.status == 0, "round \(round): \(result.errors)")
            }
            let database = try SQLiteConnection(path: path)
            #expect(try database.scalar("SELECT count(*) FROM items") == .integer(9), "round \(round)")
        }
    }

    @Test func processKilledInsideATransactionLeavesOnlyCommittedRows() throws {
        let exerciser = try Exerciser()
        let hanging = try exerciser.start(["hang-in-transaction", databasePath])
        let line = hanging.readLine()
        guard line == "ready" else {
            hanging.killHard()
            Issue.record("exerciser did not get ready; it printed \(line ?? "nothing")")
            return
        }
        hanging.killHard()
        #expect(hanging.process.terminationReason == .uncaughtSignal)

        let database = try SQLiteConnection(path: databasePath, busyTimeout: .seconds(5))
        #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
        let writers = try database.query("SELECT DISTINCT writer FROM items").compactMap { $0.string("writer") }
        #expect(writers == ["committed"])
        #expect(try database.scalar("SELECT count(*) FROM items") == .integer(5))

        try database.transaction {
            try database.run("INSERT INTO items (id, writer, sequence) VALUES ('after-kill', 'test', 0)")
        }
        #expect(try database.scalar("SELECT count(*) FROM items") == .integer(6))
        #expect(try database.journalMode == "wal")
    }
}

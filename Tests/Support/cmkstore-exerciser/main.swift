// cmkstore-exerciser: a child process for CMKStoreTests' multi-process tests.
//
// The tests run several of these at once (concurrent writers) or kill one mid-transaction,
// which a single test process cannot do to itself. Not shipped; only the tests run it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import CMKStore
import Foundation

/// The schema every exerciser (and the tests) agree on.
let schema = [
    SQLiteMigration("create items", """
        CREATE TABLE items (
            id TEXT PRIMARY KEY,
            writer TEXT NOT NULL,
            sequence INTEGER NOT NULL
        );
        """),
]

let usage = """
    usage: cmkstore-exerciser insert <db> <writer-id> <count>
           cmkstore-exerciser hang-in-transaction <db>
           cmkstore-exerciser hang-in-blob-write <blob-root>
           cmkstore-exerciser append-groups <home> <writer-id> <count>
           cmkstore-exerciser hang-in-perform <home>
    """

/// Writes a whole line straight to a file descriptor: unbuffered, so the test sees it at once.
func writeLine(_ line: String, to descriptor: Int32) {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR {
            continue
        }
        guard written > 0 else {
            return
        }
        offset += written
    }
}

func say(_ line: String) {
    writeLine(line, to: STDOUT_FILENO)
}

func fail(_ message: String) -> Never {
    writeLine("cmkstore-exerciser: \(message)", to: STDERR_FILENO)
    exit(1)
}

func sleepUntilKilled() -> Never {
    while true {
        sleep(60)
    }
}

/// Inserts `count` rows, each in its own write transaction, as a concurrent writer would.
func insert(database: String, writer: String, count: Int) throws {
    let connection = try SQLiteConnection(path: database)
    try connection.migrate(schema)
    let statement = try connection.prepare("INSERT INTO items (id, writer, sequence) VALUES (?, ?, ?)")
    for sequence in 0..<count {
        try connection.transaction {
            try statement.run([.text("\(writer)-\(sequence)"), .text(writer), .integer(Int64(sequence))])
        }
    }
    say("inserted \(count)")
}

/// Commits 5 rows, then holds a write transaction with 100 more and waits to be killed.
func hangInTransaction(database: String) throws -> Never {
    let connection = try SQLiteConnection(path: database)
    try connection.migrate(schema)
    for sequence in 0..<5 {
        try connection.run("INSERT INTO items (id, writer, sequence) VALUES (?, 'committed', ?)",
                           [.text("committed-\(sequence)"), .integer(Int64(sequence))])
    }
    try connection.execute("BEGIN IMMEDIATE")
    for sequence in 0..<100 {
        try connection.run("INSERT INTO items (id, writer, sequence) VALUES (?, 'uncommitted', ?)",
                           [.text("uncommitted-\(sequence)"), .integer(Int64(sequence))])
    }
    say("ready")
    sleepUntilKilled()
}

/// Writes part of a blob and waits to be killed, leaving a temporary file behind.
func hangInBlobWrite(root: String) throws -> Never {
    let directory = try BlobDirectory(root: root)
    let writer = try directory.makeWriter()
    try writer.write([UInt8](repeating: 0xAB, count: 4096))
    say("ready \(writer.temporaryFilePath)")
    sleepUntilKilled()
}

/// Appends `count` resource groups named `<writer>-<n>` to the world, each in its own perform.
func appendGroups(home: String, writer: String, count: Int) throws {
    let state = try StateHome.open(path: home, wallClock: { Date() })
    for sequence in 0..<count {
        try state.store.perform { session in
            session.world.resourceGroups.append(ResourceGroup(name: "\(writer)-\(sequence)", location: "westeurope"))
        }
    }
    say("appended \(count)")
}

/// Commits a group named `committed`, then changes the world inside a perform and waits there to be killed.
func hangInPerform(home: String) throws -> Never {
    let state = try StateHome.open(path: home, wallClock: { Date() })
    try state.store.perform { session in
        session.world.resourceGroups.append(ResourceGroup(name: "committed", location: "westeurope"))
    }
    try state.store.perform { session in
        session.world.resourceGroups.append(ResourceGroup(name: "uncommitted", location: "westeurope"))
        session.world.resourceGroups.removeAll { $0.name == "committed" }
        say("ready")
        sleepUntilKilled()
    }
    fail("perform returned although its body never does")
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "insert" where arguments.count == 4:
        guard let count = Int(arguments[3]), count >= 0 else {
            fail("count must be a non-negative integer, got '\(arguments[3])'")
        }
        try insert(database: arguments[1], writer: arguments[2], count: count)
    case "hang-in-transaction" where arguments.count == 2:
        try hangInTransaction(database: arguments[1])
    case "hang-in-blob-write" where arguments.count == 2:
        try hangInBlobWrite(root: arguments[1])
    case "append-groups" where arguments.count == 4:
        guard let count = Int(arguments[3]), count >= 0 else {
            fail("count must be a non-negative integer, got '\(arguments[3])'")
        }
        try appendGroups(home: arguments[1], writer: arguments[2], count: count)
    case "hang-in-perform" where arguments.count == 2:
        try hangInPerform(home: arguments[1])
    default:
        writeLine(usage, to: STDERR_FILENO)
        exit(64)
    }
} catch {
    fail("\(error)")
}

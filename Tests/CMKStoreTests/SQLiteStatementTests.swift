import Testing
@testable import CMKStore

@Suite("SQLiteStatement")
struct SQLiteStatementTests {
    let directory: TemporaryDirectory
    let database: SQLiteConnection

    init() throws {
        directory = try TemporaryDirectory("sqlite-statement")
        database = try SQLiteConnection(path: directory.file("state.db"))
        // No declared type: the column keeps each value's storage class as bound.
        try database.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, x)")
    }

    static let values: [SQLiteValue] = [
        .null,
        .integer(0), .integer(-1), .integer(.max), .integer(.min),
        .real(3.5), .real(-0.125), .real(1e300),
        .text(""), .text("plain"), .text("héllo wörld — 日本語 🔐"), .text("nul\u{0}inside"),
        .blob([]), .blob([0]), .blob([0, 0, 0]), .blob([0x00, 0x01, 0xFF, 0x00, 0x7F]),
        .blob(Array(repeating: 0xA5, count: 100_000)),
    ]

    @Test(arguments: values)
    func valueRoundTripsWithItsStorageClass(_ value: SQLiteValue) throws {
        try database.run("INSERT INTO v (x) VALUES (?)", [value])
        let rows = try database.query("SELECT x, typeof(x) AS kind FROM v")
        #expect(rows.count == 1)
        #expect(rows[0][0] == value)
        let expectedKind = switch value {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
        #expect(rows[0].string("kind") == expectedKind)
    }

    @Test func textLengthCountsBytesNotTerminators() throws {
        try database.run("INSERT INTO v (x) VALUES (?)", [.text("a\u{0}b")])
        #expect(try database.scalar("SELECT length(CAST(x AS BLOB)) FROM v") == .integer(3))
    }

    @Test func rowsReadByNameWithTypedHelpers() throws {
        let row = try #require(try database.query(
            "SELECT 42 AS n, 2.5 AS r, 'txt' AS s, x'00ff' AS b, NULL AS z").first)
        #expect(row.columnNames == ["n", "r", "s", "b", "z"])
        #expect(row.int("n") == 42)
        #expect(row.double("r") == 2.5)
        #expect(row.double("n") == 42)
        #expect(row.string("s") == "txt")
        #expect(row.blob("b") == [0x00, 0xFF])
        #expect(row.isNull("z"))
        #expect(row["z"] == .null)
        #expect(row["missing"] == nil)
        #expect(row.int("s") == nil)
        #expect(row.string("n") == nil)
    }

    @Test func preparedStatementIsReusableAndRowsOutliveSteps() throws {
        let insert = try database.prepare("INSERT INTO v (x) VALUES (?)")
        for index in 0..<5 {
            try insert.run([.blob([UInt8](repeating: UInt8(index), count: index + 1))])
        }
        let select = try database.prepare("SELECT x FROM v WHERE id > ? ORDER BY id")
        let rows = try select.rows([2])
        #expect(rows.map { $0[0] } == [
            .blob([2, 2, 2]), .blob([3, 3, 3, 3]), .blob([4, 4, 4, 4, 4]),
        ])
        // Stepping by hand: the first row stays intact after later steps and after the statement is gone.
        try select.bind([0])
        let first = try #require(try select.step())
        while try select.step() != nil {}
        select.reset()
        #expect(first[0] == .blob([0]))
        #expect(select.columnNames == ["x"])
    }

    @Test func stepReturnsNilWhenDone() throws {
        let statement = try database.prepare("SELECT 1")
        try statement.bind([])
        #expect(try statement.step()?[0] == .integer(1))
        #expect(try statement.step() == nil)
        statement.reset()
        #expect(try statement.step()?[0] == .integer(1))
    }

    @Test func bindRejectsTheWrongNumberOfArguments() throws {
        let statement = try database.prepare("INSERT INTO v (x) VALUES (?)")
        let error = try #require(throws: SQLiteError.self) {
            try statement.run([1, 2])
        }
        #expect(error.resultCode == 25)
        #expect(error.message.contains("1 parameter"))
        #expect(try database.scalar("SELECT count(*) FROM v") == .integer(0))
    }

    @Test func bindReplacesEarlierArguments() throws {
        let statement = try database.prepare("SELECT ?, ?")
        #expect(try statement.rows([1, "a"]).first?.values == [.integer(1), .text("a")])
        #expect(try statement.rows([nil, 2.5]).first?.values == [.null, .real(2.5)])
    }

    @Test func prepareRefusesSeveralStatementsButAcceptsTrailingComments() throws {
        let error = try #require(throws: SQLiteError.self) {
            _ = try database.prepare("SELECT 1; SELECT 2")
        }
        #expect(error.resultCode == 21)
        #expect(error.message.contains("execute"))
        #expect(try database.prepare("SELECT 1; -- why\n  ").rows().count == 1)
    }

    @Test func prepareReportsUnknownTablesWithTheSQL() throws {
        let error = try #require(throws: SQLiteError.self) {
            _ = try database.prepare("SELECT * FROM nowhere")
        }
        #expect(error.message.contains("no such table: nowhere"))
        #expect(error.sql == "SELECT * FROM nowhere")
    }

    @Test func prepareRefusesAnEmptyStatement() throws {
        #expect(throws: SQLiteError.self) {
            _ = try database.prepare("  -- nothing here")
        }
    }
}

internal import CSQLite

/// A prepared SQL statement, owned by the connection that made it.
///
/// Prepared once, then bound and stepped as many times as needed. A statement keeps its
/// connection alive and is finalized when released. Like its connection, it belongs to one
/// thread at a time.
public final class SQLiteStatement {
    /// The SQL text the statement was prepared from.
    public let sql: String
    /// The names of the result columns, in order (empty for statements that return no rows).
    public let columnNames: [String]

    private let connection: SQLiteConnection
    private let handle: OpaquePointer

    /// Prepares `sql` on `connection`; exactly one statement is allowed.
    init(connection: SQLiteConnection, sql: String) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(connection.handle, text, -1, 0, &statement, &tail)
            if code == SQLITE_OK, let tail, SQLiteStatement.holdsStatement(tail, on: connection.handle) {
                return SQLITE_MISUSE
            }
            return code
        }
        if code == SQLITE_MISUSE {
            sqlite3_finalize(statement)
            throw SQLiteError(
                extendedResultCode: SQLITE_MISUSE,
                message: "prepare accepts exactly one statement; use execute(_:) to run several", sql: sql)
        }
        guard code == SQLITE_OK else {
            let error = SQLiteError.current(connection.handle, code: code, sql: sql)
            sqlite3_finalize(statement)
            throw error
        }
        guard let statement else {
            throw SQLiteError(
                extendedResultCode: SQLITE_MISUSE, message: "the SQL holds no statement (empty or only comments)",
                sql: sql)
        }
        self.connection = connection
        self.handle = statement
        self.sql = sql
        self.columnNames = (0..<sqlite3_column_count(statement)).map { index in
            sqlite3_column_name(statement, index).map { String(cString: $0) } ?? ""
        }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement, clears old bindings and binds `arguments` to `?` parameters in order.
    ///
    /// Text and blobs are copied by SQLite at once, so the arguments need not outlive the call.
    ///
    /// - Parameter arguments: One value per parameter of the statement.
    /// - Throws: `SQLiteError` with `SQLITE_RANGE` when the count does not match, or SQLite's error.
    public func bind(_ arguments: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                extendedResultCode: SQLITE_RANGE,
                message: "the statement has \(expected) parameter(s) but \(arguments.count) argument(s) were given",
                sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw SQLiteError.current(connection.handle, code: code, sql: sql)
            }
        }
    }

    /// Steps once.
    ///
    /// - Returns: The next row, with its values copied out, or nil when the statement is done.
    /// - Throws: `SQLiteError`; the statement is reset so it holds no lock afterwards.
    public func step() throws -> SQLiteRow? {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_DONE:
            return nil
        case SQLITE_ROW:
            return currentRow()
        default:
            let error = SQLiteError.current(connection.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Binds `arguments` and steps until done, discarding any rows.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Throws: `SQLiteError`.
    public func run(_ arguments: [SQLiteValue] = []) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() != nil {}
    }

    /// Binds `arguments` and returns every row.
    ///
    /// - Parameter arguments: One value per parameter.
    /// - Throws: `SQLiteError`.
    public func rows(_ arguments: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        var rows: [SQLiteRow] = []
        while let row = try step() {
            rows.append(row)
        }
        return rows
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let string):
            // A NULL pointer would bind SQL NULL, so empty text needs a real (empty) C string.
            var string = string
            return string.withUTF8 { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_text(handle, index, "", 0, CSQLite_TRANSIENT())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                    sqlite3_bind_text(handle, index, text, Int32(bytes.count), CSQLite_TRANSIENT())
                }
            }
        case .blob(let bytes):
            // Same trap as text: an empty blob must stay a blob, not become NULL.
            guard !bytes.isEmpty else {
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), CSQLite_TRANSIENT())
            }
        }
    }

    private func currentRow() -> SQLiteRow {
        let values = (0..<Int32(columnNames.count)).map { column -> SQLiteValue in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(handle, column))
            case SQLITE_FLOAT:
                return .real(sqlite3_column_double(handle, column))
            case SQLITE_TEXT:
                // Pointer first, then byte count: the order SQLite documents as safe.
                guard let text = sqlite3_column_text(handle, column) else {
                    return .text("")
                }
                let count = Int(sqlite3_column_bytes(handle, column))
                return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
            case SQLITE_BLOB:
                guard let blob = sqlite3_column_blob(handle, column) else {
                    return .blob([])
                }
                let count = Int(sqlite3_column_bytes(handle, column))
                return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
            default:
                return .null
            }
        }
        return SQLiteRow(columnNames: columnNames, values: values)
    }

    /// True when `text` holds another statement; whitespace and comments alone do not count.
    private static func holdsStatement(_ text: UnsafePointer<CChar>, on database: OpaquePointer) -> Bool {
        var statement: OpaquePointer?
        // Asking SQLite is the only reliable way to skip comments; a syntax error counts as "more SQL".
        let code = sqlite3_prepare_v3(database, text, -1, 0, &statement, nil)
        defer { sqlite3_finalize(statement) }
        return code != SQLITE_OK || statement != nil
    }
}

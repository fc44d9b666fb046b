/// One step of a schema's history, applied once by ``SQLiteConnection/migrate(_:)``.
///
/// The position in the list is the version: migration `i` takes `user_version` from `i` to `i + 1`.
public struct SQLiteMigration: Sendable {
    /// A short name for logs and errors, e.g. `"create registries"`.
    public let name: String

    private let body: @Sendable (SQLiteConnection) throws -> Void

    /// A migration made of SQL statements, run with ``SQLiteConnection/execute(_:)``.
    ///
    /// - Parameters:
    ///   - name: A short description.
    ///   - sql: One or more statements separated by semicolons.
    public init(_ name: String, _ sql: String) {
        self.name = name
        self.body = { connection in try connection.execute(sql) }
    }

    /// A migration that needs code, such as copying data between tables.
    ///
    /// - Parameters:
    ///   - name: A short description.
    ///   - apply: Runs inside the migration's transaction; must not open one of its own.
    public init(_ name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.name = name
        self.body = apply
    }

    func apply(_ connection: SQLiteConnection) throws {
        try body(connection)
    }
}

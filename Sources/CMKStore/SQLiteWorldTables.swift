import CMKCore

/// The control plane's tables in `control/state.db`: one table per kind of resource, one row per resource.
///
/// Every table has the same shape: `parent` (the owning row's key for nested tables, else empty), `key` (the
/// resource's lowercased natural key, or one the table assigned), `body` (the resource as JSON, without nested
/// tables) and one indexed column per lookup the core asks for (`TableRow.lookupColumns`). Rows keep the order
/// they were added in (`rowid`). A command reads the rows it asks for through `TableRowSource` and writes back
/// only what `World.changes()` reports, inside its transaction.
///
/// The account and the settings (`config`) are one small row of `world_header`.
final class SQLiteWorldTables: TableRowSource {
    struct Table {
        let name: String
        let lookups: [String]
        /// The table whose rows own this one's: deleting an owner row deletes its rows here too.
        let nestedUnder: String?
    }

    static let tables: [Table] = [
        table(ResourceGroup.self), table(ManagedIdentity.self), table(KeyVault.self), table(VaultKey.self),
        table(KeyVersion.self, nestedUnder: VaultKey.tableName), table(RoleAssignment.self), table(Registry.self),
        table(DiagnosticSetting.self), table(AlertRule.self), table(RevocationRecord.self), table(Deployment.self),
        table(PolicyAssignment.self), table(PurgeRecord.self), table(TaskRun.self),
    ]

    private static func table<Row: TableRow>(_ type: Row.Type, nestedUnder: String? = nil) -> Table {
        Table(name: Row.tableName, lookups: Row.lookupColumns, nestedUnder: nestedUnder)
    }

    /// The tables as migration 6 created them; never edit (a later change is a migration of its own).
    static let schema = """
            CREATE TABLE world_header (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                body BLOB NOT NULL
            );
            CREATE TABLE resource_groups (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE identities (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                principal_id TEXT,
                client_id TEXT,
                PRIMARY KEY (parent, key)
            );
            CREATE INDEX identities_by_principal_id ON identities (principal_id) WHERE principal_id IS NOT NULL;
            CREATE INDEX identities_by_client_id ON identities (client_id) WHERE client_id IS NOT NULL;
            CREATE TABLE vaults (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                purge_due TEXT,
                PRIMARY KEY (parent, key)
            );
            CREATE INDEX vaults_by_purge_due ON vaults (purge_due) WHERE purge_due IS NOT NULL;
            CREATE TABLE vault_keys (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                vault TEXT,
                due TEXT,
                PRIMARY KEY (parent, key)
            );
            CREATE INDEX vault_keys_by_vault ON vault_keys (vault) WHERE vault IS NOT NULL;
            CREATE INDEX vault_keys_by_due ON vault_keys (due) WHERE due IS NOT NULL;
            CREATE TABLE key_versions (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE role_assignments (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                principal_id TEXT,
                PRIMARY KEY (parent, key)
            );
            CREATE INDEX role_assignments_by_principal_id ON role_assignments (principal_id)
                WHERE principal_id IS NOT NULL;
            CREATE TABLE registries (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                rotation_key TEXT,
                PRIMARY KEY (parent, key)
            );
            CREATE INDEX registries_by_rotation_key ON registries (rotation_key) WHERE rotation_key IS NOT NULL;
            CREATE TABLE diagnostic_settings (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE alert_rules (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE revocations (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE deployments (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE policy_assignments (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE purge_records (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            CREATE TABLE task_runs (
                parent TEXT NOT NULL DEFAULT '',
                key TEXT NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (parent, key)
            );
            """

    private let connection: SQLiteConnection
    private var statements: [String: SQLiteStatement] = [:]

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    private func statement(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try connection.prepare(sql)
        statements[sql] = prepared
        return prepared
    }

    private static func stored(_ row: SQLiteRow) -> StoredRow {
        StoredRow(key: row.string("key") ?? "", body: row.blob("body") ?? [])
    }

    // MARK: TableRowSource

    func row(_ table: String, parent: String?, key: String) throws -> StoredRow? {
        try statement("SELECT key, body FROM \(table) WHERE parent = ? AND key = ?")
            .rows([.text(parent ?? ""), .text(key)]).first.map(Self.stored)
    }

    func rows(_ table: String, parent: String?) throws -> [StoredRow] {
        try statement("SELECT key, body FROM \(table) WHERE parent = ? ORDER BY rowid")
            .rows([.text(parent ?? "")]).map(Self.stored)
    }

    func rows(_ table: String, column: String, equals value: String) throws -> [StoredRow] {
        try statement("SELECT key, body FROM \(table) WHERE \(column) = ? ORDER BY rowid")
            .rows([.text(value)]).map(Self.stored)
    }

    func rows(_ table: String, column: String, atMost value: String) throws -> [StoredRow] {
        try statement("SELECT key, body FROM \(table) WHERE \(column) <= ? ORDER BY \(column), rowid")
            .rows([.text(value)]).map(Self.stored)
    }

    func lastRow(_ table: String, parent: String?) throws -> StoredRow? {
        try statement("SELECT key, body FROM \(table) WHERE parent = ? ORDER BY rowid DESC LIMIT 1")
            .rows([.text(parent ?? "")]).first.map(Self.stored)
    }

    // MARK: Writing

    /// Writes what a command changed, in the order given (parents before nested tables).
    func write(_ changes: [TableChanges]) throws {
        for change in changes {
            guard let table = Self.tables.first(where: { $0.name == change.table }) else {
                preconditionFailure("no control-plane table named \(change.table)")
            }
            let parent = SQLiteValue.text(change.parent ?? "")
            let delete = try statement("DELETE FROM \(table.name) WHERE parent = ? AND key = ?")
            for key in change.deletes {
                try delete.run([parent, .text(key)])
                for nested in Self.tables where nested.nestedUnder == table.name {
                    try statement("DELETE FROM \(nested.name) WHERE parent = ?").run([.text(key)])
                }
            }
            let columns = ["parent", "key", "body"] + table.lookups
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let updates = (["body"] + table.lookups).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            let upsert = try statement("""
                INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
                ON CONFLICT (parent, key) DO UPDATE SET \(updates)
                """)
            for row in change.upserts {
                let lookups = table.lookups.map { column in
                    (row.lookups[column] ?? nil).map(SQLiteValue.text) ?? .null
                }
                try upsert.run([parent, .text(row.key), .blob(row.body)] + lookups)
            }
        }
    }

    /// The name of the first table holding any row ("rows in registries"), or nil for an empty world.
    func anyResourceTable() throws -> String? {
        for table in Self.tables where try statement("SELECT EXISTS (SELECT 1 FROM \(table.name))").rows().first?
            .values.first == .integer(1) {
            return "rows in \(table.name)"
        }
        return nil
    }

    // MARK: The header

    /// The account and the settings.
    struct Header: Codable, Equatable {
        var account: Account
        var config: [String: String]
    }

    func header() throws -> Header? {
        guard let body = try statement("SELECT body FROM world_header WHERE id = 1").rows().first?.blob("body")
        else { return nil }
        return try RowCodec.decode(Header.self, from: body)
    }

    func save(_ header: Header) throws {
        try statement("""
            INSERT INTO world_header (id, body) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body
            """).run([.blob(try RowCodec.encode(header))])
    }
}

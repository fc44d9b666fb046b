/// One stored row of a control-plane table: its key (lowercased) and its encoded body.
public struct StoredRow: Sendable, Equatable {
    public var key: String
    public var body: [UInt8]

    public init(key: String, body: [UInt8]) {
        self.key = key
        self.body = body
    }
}

/// Where the rows of the world's tables come from while one command runs: the store's open transaction.
///
/// Reads only; what a command changed is collected by `World.changes()` and written by the store at commit.
/// A table may be nested under a parent row (a key's versions under the key): `parent` names it, else nil.
public protocol TableRowSource: AnyObject {
    /// The row of `key`, or nil.
    func row(_ table: String, parent: String?, key: String) throws -> StoredRow?
    /// Every row, in the order they were first added.
    func rows(_ table: String, parent: String?) throws -> [StoredRow]
    /// The rows whose indexed `column` equals `value`, in the order they were first added.
    func rows(_ table: String, column: String, equals value: String) throws -> [StoredRow]
    /// The rows whose indexed `column` is not null and sorts at most `value` (text order), earliest first.
    func rows(_ table: String, column: String, atMost value: String) throws -> [StoredRow]
    /// The row added last, or nil when the table is empty.
    func lastRow(_ table: String, parent: String?) throws -> StoredRow?
}

/// What a command changed in one table, for the store to write.
public struct TableChanges: Sendable {
    public struct Upsert: Sendable {
        public var key: String
        public var body: [UInt8]
        /// The row's indexed columns, by name (nil: no value).
        public var lookups: [String: String?]
        /// True when the row is new, or was deleted and added again: it goes to the end of the table's order.
        public var appended: Bool
    }

    public var table: String
    public var parent: String?
    public var upserts: [Upsert] = []
    public var deletes: [String] = []

    public var isEmpty: Bool { upserts.isEmpty && deletes.isEmpty }
}

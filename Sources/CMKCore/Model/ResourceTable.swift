import Foundation

/// A resource stored as one row of a control-plane table.
public protocol TableRow: Codable, Sendable, Equatable {
    /// The table's name in the store.
    static var tableName: String { get }
    /// The resource's identity in its table (its name, or a path of names), or nil when the table assigns a key
    /// itself. The store keys the row by its `folded` form.
    var naturalKey: ResourceName? { get }
    /// Extra indexed columns the store keeps for `ResourceTable.rows(where:equals:)`.
    static var lookupColumns: [String] { get }
    /// The value of one lookup column, or nil.
    func lookupValue(_ column: String) -> String?
    /// The row as stored: without its nested tables (they have rows of their own).
    var storedForm: Self { get }
    /// Called on a row just read from the store, so nested tables can read their rows on demand.
    mutating func attach(to source: any TableRowSource, key: String)
}

extension TableRow {
    public var naturalKey: ResourceName? { nil }
    public static var lookupColumns: [String] { [] }
    public func lookupValue(_ column: String) -> String? { nil }
    public var storedForm: Self { self }
    public mutating func attach(to source: any TableRowSource, key: String) {}
}

/// The rows of one kind of resource: an ordered collection, like the array it replaces, that reads its rows from
/// the store only when asked.
///
/// Looking a row up by key (`self[key: …]`) or by an indexed column (`rows(where:equals:)`) reads just those rows;
/// anything positional (iterating, `count`, `firstIndex`, `append`) reads the whole table once. So a command costs
/// what it touches, not what the estate holds. Changes stay in memory until the store asks for `changes()` at
/// commit. A table made in memory (tests, a decoded document) holds all its rows from the start.
///
/// Copies share what was read (reading the store does not change the value) and copy on the first change.
public struct ResourceTable<Row: TableRow>: Sendable {
    final class State: @unchecked Sendable {
        let source: (any TableRowSource)?
        let parent: String?
        /// All rows are in `elements`/`keys`; otherwise only those in `known`.
        var complete: Bool
        var elements: [Row] = []
        var keys: [String] = []
        /// While incomplete: rows read or changed by key (nil: known to be absent).
        var known: [String: Row?] = [:]
        /// While incomplete: keys added in this command, in order.
        var added: [String] = []
        /// Bodies as read from the store, by key: what `changes()` compares with.
        var originals: [String: [UInt8]] = [:]
        /// The rows as read (their stored form), by key: an unchanged row is recognised without encoding it.
        var originalRows: [String: Row] = [:]
        /// The lookup columns of the rows as read from the store, by key.
        var originalLookups: [String: [String: String?]] = [:]
        /// The first read that failed; `changes()` rethrows it, so the command cannot commit on a partial view.
        var failure: (any Error)?

        init(source: (any TableRowSource)?, parent: String?, complete: Bool) {
            self.source = source
            self.parent = parent
            self.complete = complete
        }

        func copy() -> State {
            let copy = State(source: source, parent: parent, complete: complete)
            copy.elements = elements
            copy.keys = keys
            copy.known = known
            copy.added = added
            copy.originals = originals
            copy.originalRows = originalRows
            copy.originalLookups = originalLookups
            copy.failure = failure
            return copy
        }

        func decode(_ stored: StoredRow) -> Row? {
            do {
                var row = try RowCodec.decode(Row.self, from: stored.body)
                if let source { row.attach(to: source, key: stored.key) }
                originals[stored.key] = stored.body
                originalRows[stored.key] = row.storedForm
                originalLookups[stored.key] = Dictionary(uniqueKeysWithValues: Row.lookupColumns.map {
                    ($0, row.lookupValue($0))
                })
                return row
            } catch {
                failure = failure ?? RowCodec.unreadable(Row.tableName, key: stored.key, error)
                return nil
            }
        }

        func loadAll() {
            // A complete table is only read: copies of a `World` are shared between threads (test fixtures, a
            // world handed to another task), and even storing the `true` it already holds is a data race
            // (ThreadSanitizer found one on `complete`).
            guard !complete else { return }
            guard let source else {
                complete = true
                return
            }
            var elements: [Row] = [], keys: [String] = []
            do {
                for stored in try source.rows(Row.tableName, parent: parent) {
                    let row: Row?
                    if let entry = known[stored.key] { row = entry } else { row = decode(stored) }
                    guard let row else { continue }
                    elements.append(row)
                    keys.append(stored.key)
                }
            } catch {
                failure = failure ?? error
            }
            for key in added {
                if let row = known[key] ?? nil {
                    elements.append(row)
                    keys.append(key)
                }
            }
            self.elements = elements
            self.keys = keys
            known = [:]
            added = []
            complete = true
        }

        func lookup(_ key: String) -> Row? {
            if complete {
                return keys.firstIndex(of: key).map { elements[$0] }
            }
            if let found = known[key] { return found }
            var row: Row?
            do {
                row = try source?.row(Row.tableName, parent: parent, key: key).flatMap(decode)
            } catch {
                failure = failure ?? error
            }
            known[key] = .some(row)
            return row
        }
    }

    private var state: State

    /// An empty table held in memory.
    public init() {
        state = State(source: nil, parent: nil, complete: true)
    }

    /// A table whose rows live in `source` (nested under `parent`, if given).
    public init(source: any TableRowSource, parent: String? = nil) {
        state = State(source: source, parent: parent, complete: false)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&state) { state = state.copy() }
    }

    private static func key(of row: Row) -> String? {
        row.naturalKey?.folded
    }

    /// The row whose key is `key` (names compare case-insensitively); setting nil deletes it, setting a row adds or
    /// replaces it.
    public subscript(key key: ResourceName) -> Row? {
        get { state.lookup(key.folded) }
        set {
            makeUnique()
            let key = key.folded
            if state.complete {
                let position = state.keys.firstIndex(of: key)
                switch (position, newValue) {
                case (let position?, let row?): state.elements[position] = row
                case (let position?, nil):
                    state.elements.remove(at: position)
                    state.keys.remove(at: position)
                case (nil, let row?):
                    state.elements.append(row)
                    state.keys.append(key)
                case (nil, nil): break
                }
                return
            }
            let existed = state.lookup(key) != nil
            state.known[key] = .some(newValue)
            if newValue != nil, !existed, !state.added.contains(key) { state.added.append(key) }
        }
    }

    /// The rows whose indexed `column` (one of `Row.lookupColumns`) equals `value`, in table order.
    public func rows(where column: String, equals value: String) -> [Row] {
        matching(column, { $0 == value }, { try $0.rows(Row.tableName, column: column, equals: value) })
    }

    /// The rows whose indexed `column` is set and sorts at most `value` (text order).
    public func rows(where column: String, atMost value: String) -> [Row] {
        matching(column, { $0 <= value }, { try $0.rows(Row.tableName, column: column, atMost: value) })
    }

    /// The rows whose `column` passes `test`: the store's matches (as changed in memory) and the rows changed in
    /// memory that match now.
    private func matching(_ column: String, _ test: (String) -> Bool,
                          _ fetch: (any TableRowSource) throws -> [StoredRow]) -> [Row] {
        precondition(Row.lookupColumns.contains(column), "\(Row.tableName) has no lookup column \(column)")
        func passes(_ row: Row) -> Bool { row.lookupValue(column).map(test) ?? false }
        guard !state.complete, let source = state.source else {
            return state.elements.filter(passes)
        }
        var found: [Row] = []
        var seen: Set<String> = []
        do {
            for stored in try fetch(source) {
                seen.insert(stored.key)
                if let known = state.known[stored.key] {
                    if let row = known, passes(row) { found.append(row) }
                } else if let row = state.decode(stored) {
                    state.known[stored.key] = .some(row)
                    found.append(row)
                }
            }
        } catch {
            state.failure = state.failure ?? error
        }
        for (key, known) in state.known where !seen.contains(key) {
            if let row = known, passes(row) { found.append(row) }
        }
        return found
    }

    /// The values `column` had in the rows as read from the store (before this command changed them).
    public func originalLookupValues(_ column: String) -> Set<String> {
        Set(state.originalLookups.values.compactMap { $0[column] ?? nil })
    }

    /// The row added last, reading only that row when the table has not been read whole.
    public var lastRow: Row? {
        if state.complete { return state.elements.last }
        if let key = state.added.last, let row = state.known[key] ?? nil { return row }
        do {
            guard let stored = try state.source?.lastRow(Row.tableName, parent: state.parent) else { return nil }
            if let row = state.known[stored.key] { return row ?? nil }
            let row = state.decode(stored)
            state.known[stored.key] = .some(row)
            return row
        } catch {
            state.failure = state.failure ?? error
            return nil
        }
    }

    /// What changed since the rows were read: rows to write (new or different) and keys to delete.
    ///
    /// - Throws: The first error met while reading the table, so a command never commits on a partial view.
    public func changes() throws -> TableChanges {
        if let failure = state.failure { throw failure }
        var changes = TableChanges(table: Row.tableName, parent: state.parent)
        func upsert(_ key: String, _ row: Row) throws {
            let stored = row.storedForm
            if let original = state.originalRows[key], original == stored { return }
            let body = try RowCodec.encode(stored)
            guard state.originals[key] != body else { return }
            var lookups: [String: String?] = [:]
            for column in Row.lookupColumns { lookups[column] = row.lookupValue(column) }
            changes.upserts.append(.init(key: key, body: body, lookups: lookups, appended: state.originals[key] == nil))
        }
        if state.complete {
            for (key, row) in zip(state.keys, state.elements) { try upsert(key, row) }
            let present = Set(state.keys)
            changes.deletes = state.originals.keys.filter { !present.contains($0) }.sorted()
        } else {
            for (key, row) in state.known.sorted(by: { $0.key < $1.key }) {
                if let row {
                    try upsert(key, row)
                } else if state.originals[key] != nil {
                    changes.deletes.append(key)
                }
            }
            // Rows added in this command are written in the order they were added.
            let order = Dictionary(uniqueKeysWithValues: state.added.enumerated().map { ($1, $0) })
            changes.upserts.sort { (order[$0.key] ?? -1) < (order[$1.key] ?? -1) }
        }
        return changes
    }

    /// The rows read or changed so far (all of them once the table has been read whole); for nested tables.
    public var touchedRows: [Row] {
        state.complete ? state.elements : state.known.values.compactMap { $0 }
    }
}

extension ResourceTable: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }

    public var endIndex: Int {
        state.loadAll()
        return state.elements.count
    }

    public subscript(position: Int) -> Row {
        get {
            state.loadAll()
            return state.elements[position]
        }
        set {
            makeUnique()
            state.loadAll()
            state.elements[position] = newValue
            if let key = Self.key(of: newValue) { state.keys[position] = key }
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C)
    where C.Element == Row {
        makeUnique()
        state.loadAll()
        let replacedKeys = Array(state.keys[subrange])
        let newKeys = newElements.enumerated().map { offset, row in
            Self.key(of: row) ?? (offset < replacedKeys.count ? replacedKeys[offset] : UUID().uuidString.lowercased())
        }
        state.elements.replaceSubrange(subrange, with: newElements)
        state.keys.replaceSubrange(subrange, with: newKeys)
    }
}

extension ResourceTable {
    /// Adds a row at the end without reading the table: a new row needs no other.
    public mutating func append(_ row: Row) {
        makeUnique()
        guard !state.complete else {
            state.elements.append(row)
            state.keys.append(Self.key(of: row) ?? UUID().uuidString.lowercased())
            return
        }
        guard let naturalKey = row.naturalKey else {
            let key = UUID().uuidString.lowercased()
            state.known[key] = .some(row)
            state.added.append(key)
            return
        }
        self[key: naturalKey] = row
    }
}

extension ResourceTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Row...) {
        self.init()
        append(contentsOf: elements)
    }
}

extension ResourceTable: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension ResourceTable: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        append(contentsOf: try [Row](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

/// How rows are encoded in the store (and how 0.1 encoded its whole world document, which migrations read with
/// it): sorted-key JSON, dates as seconds since 1970, byte arrays as arrays of numbers.
public enum RowCodec {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.dataEncodingStrategy = .base64
        return Array(try encoder.encode(value))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        decoder.dataDecodingStrategy = .base64
        return try decoder.decode(type, from: Data(body))
    }

    static func unreadable(_ table: String, key: String, _ error: any Error) -> CMKError {
        CMKError(.badRequest, code: .stateUnreadable,
                 "The row '\(key)' of table '\(table)' in the state home cannot be read by this build: \(error).",
                 hint: "Use the acrcmk version that wrote this state home, or restore control/ from a backup.")
    }
}

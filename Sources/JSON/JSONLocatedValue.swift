/// Where something starts in JSON text: 1-based line and column, the column counted in Unicode scalars.
///
/// The same counting as `JSONParseError`, so a value's position and an error at that value agree.
public struct JSONTextPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line 3, column 12`.
    public var description: String { "line \(line), column \(column)" }
}

/// A parsed JSON value together with where each of its values and keys starts in the text.
///
/// For readers that report mistakes found after parsing by line and column, as ARM does for template
/// expressions. It is a view: `value` is the plain `JSONValue`; `elements` and `members` pair each part
/// of it with its position.
public struct JSONLocatedValue: Sendable {
    /// The value itself.
    public let value: JSONValue
    private let positions: JSONPositionTree

    init(value: JSONValue, positions: JSONPositionTree) {
        self.value = value
        self.positions = positions
    }

    /// Where the value starts: its first character (`{`, `[`, `"`, a digit, ...).
    public var position: JSONTextPosition { positions.start }

    /// The elements of an array, each with its position; empty for any other value.
    public var elements: [JSONLocatedValue] {
        guard case .array(let items) = value else { return [] }
        return zip(items, positions.children).map { JSONLocatedValue(value: $0, positions: $1) }
    }

    /// The members of an object in key order, each with where its key and its value start; empty for any
    /// other value.
    public var members: [JSONLocatedMember] {
        guard case .object(let object) = value else { return [] }
        return object.keys.indices.map { index in
            JSONLocatedMember(
                key: object.keys[index], keyPosition: positions.keys[index],
                value: JSONLocatedValue(value: object[object.keys[index]]!, positions: positions.children[index]))
        }
    }

    /// The member whose key is exactly `key`; `nil` when there is none or the value is not an object.
    public subscript(key: String) -> JSONLocatedValue? {
        guard case .object(let object) = value, let index = object.keys.firstIndex(of: key) else { return nil }
        return JSONLocatedValue(value: object[key]!, positions: positions.children[index])
    }

    /// The first member whose key equals `key` ignoring case, as ARM reads property names.
    public subscript(ignoringCase key: String) -> JSONLocatedValue? {
        guard case .object(let object) = value, let index = object.index(ignoringCase: key) else { return nil }
        return JSONLocatedValue(value: object[object.keys[index]]!, positions: positions.children[index])
    }
}

/// One member of a located object: its key, where the key starts, and its located value.
public struct JSONLocatedMember: Sendable {
    public var key: String
    public var keyPosition: JSONTextPosition
    public var value: JSONLocatedValue
}

/// Where a value starts and, for containers, where each key and child starts (children in key order).
struct JSONPositionTree: Sendable {
    var start: JSONTextPosition
    var keys: [JSONTextPosition] = []
    var children: [JSONPositionTree] = []
}

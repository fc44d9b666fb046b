/// One result row, with its values copied out of SQLite.
///
/// Values are read by position or by column name. A row stays valid after the statement
/// steps again or is finalized.
public struct SQLiteRow: Sendable, Equatable {
    /// The column names, in result order.
    public let columnNames: [String]
    /// The values, in result order.
    public let values: [SQLiteValue]

    /// Creates a row; `columnNames` and `values` must have the same count.
    public init(columnNames: [String], values: [SQLiteValue]) {
        precondition(columnNames.count == values.count, "a row needs one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// The value at `column` (0-based); a programmer error when out of range.
    public subscript(_ column: Int) -> SQLiteValue {
        values[column]
    }

    /// The value of the first column named `name`, or nil when the row has no such column.
    public subscript(_ name: String) -> SQLiteValue? {
        guard let index = columnNames.firstIndex(of: name) else {
            return nil
        }
        return values[index]
    }

    /// The text in column `name`, or nil when the column is missing or does not hold text.
    public func string(_ name: String) -> String? {
        if case .text(let value) = self[name] {
            return value
        }
        return nil
    }

    /// The integer in column `name`, or nil when the column is missing or does not hold an integer.
    public func int(_ name: String) -> Int64? {
        if case .integer(let value) = self[name] {
            return value
        }
        return nil
    }

    /// The floating-point number in column `name`; integers are widened, other classes give nil.
    public func double(_ name: String) -> Double? {
        switch self[name] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The bytes in column `name`, or nil when the column is missing or does not hold a blob.
    public func blob(_ name: String) -> [UInt8]? {
        if case .blob(let value) = self[name] {
            return value
        }
        return nil
    }

    /// True when column `name` exists and holds NULL.
    public func isNull(_ name: String) -> Bool {
        self[name] == .null
    }
}

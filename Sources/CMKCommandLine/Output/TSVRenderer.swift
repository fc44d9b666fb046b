import JSON

/// `-o tsv`, as knack's `_TsvOutput` writes it: one line per row, fields separated by tabs.
///
/// A top-level list gives one row per element; anything else is a single row. Within a row an
/// object contributes its values (keys sorted, unless the object is a `--query` projection whose
/// order the user chose), a list its elements. A field that is itself an object prints empty and
/// a list prints its length, so columns stay aligned across rows. Booleans print `True`/`False`
/// inside a row but `true`/`false` when they are the whole row, because knack lower-cases only a
/// bare boolean. Strings are written verbatim: a tab or newline inside a value is not escaped.
struct TSVRenderer: Sendable {
    /// Keep object keys in insertion order instead of sorting them.
    var preserveKeyOrder: Bool

    func render(_ value: JSONValue) -> String {
        let rows: [JSONValue]
        if case .array(let elements) = value { rows = elements } else { rows = [value] }
        var output = ""
        for row in rows {
            writeRow(row, into: &output)
        }
        return output
    }

    private func writeRow(_ row: JSONValue, into output: inout String) {
        switch row {
        case .object(let object):
            let values = preserveKeyOrder ? object.values : object.sortedPairs.map(\.value)
            output += values.map(field).joined(separator: "\t")
        case .array(let elements):
            output += elements.map(field).joined(separator: "\t")
        case .bool(let flag):
            output += flag ? "true" : "false"
        default:
            output += field(row)
        }
        output += "\n"
    }

    /// One field inside a row (`_TsvOutput._dump_obj`).
    private func field(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements): return String(elements.count)
        case .object: return ""
        default: return PythonText.str(value)
        }
    }
}

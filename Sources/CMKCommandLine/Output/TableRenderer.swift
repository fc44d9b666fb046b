import JSON

/// `-o table`, as knack's `_TableOutput` feeds `tabulate(..., tablefmt="simple", disable_numparse=True)`.
///
/// Each element of a top-level list (or the value itself) becomes one row:
/// - an object contributes its scalar, non-null fields, headed by the key with its first letter
///   capitalised; `id`, `type` and `etag` are always left out, as are nested objects and lists;
/// - a list contributes columns `Column1`, `Column2`, …;
/// - a scalar contributes a column `Result`.
/// Columns appear in order of first appearance across rows; object keys are sorted unless the
/// renderer preserves key order (a `--query` is active). Cells are Python's `str()` of the value,
/// stripped of surrounding whitespace, null printing empty. Every column is left-aligned, at
/// least two characters wider than its header, separated by two spaces; trailing spaces are
/// trimmed from every line. If any cell or header holds a line break, rows grow to several lines.
struct TableRenderer: Sendable {
    /// Keep object keys in insertion order instead of sorting them.
    var preserveKeyOrder: Bool

    /// Columns knack never shows in an automatic table.
    private static let skippedKeys: Set<String> = ["id", "type", "etag"]

    /// Python's `SEPARATING_LINE` marker: a row whose first or second cell is this (after
    /// stripping) prints as a line of dashes, as tabulate does.
    private static let separatingLineMarker = "\u{01}"

    /// Space tabulate adds to every header's width (`MIN_PADDING`).
    private static let minimumPadding = 2

    func render(_ value: JSONValue) -> String {
        let items: [JSONValue]
        if case .array(let elements) = value { items = elements } else { items = [value] }
        if items.isEmpty { return "\n" }
        return tabulate(items.map(tableRow)) + "\n"
    }

    /// One row as ordered (header, value) pairs (`_TableOutput._auto_table_item`).
    private func tableRow(_ item: JSONValue) -> [(header: String, value: JSONValue)] {
        switch item {
        case .object(let object):
            let pairs = preserveKeyOrder ? Array(object) : object.sortedPairs
            return pairs.compactMap { pair in
                guard !Self.skippedKeys.contains(pair.key) else { return nil }
                switch pair.value {
                case .null, .array, .object: return nil
                default: return (Self.capitalizeFirst(pair.key), pair.value)
                }
            }
        case .array(let elements):
            return elements.enumerated().map { ("Column\($0.offset + 1)", $0.element) }
        default:
            return [("Result", item)]
        }
    }

    /// `x[0].upper() + x[1:]`; Python upper-cases a code point, which may give several.
    private static func capitalizeFirst(_ key: String) -> String {
        guard let first = key.unicodeScalars.first else { return key }
        return first.properties.uppercaseMapping + String(key.unicodeScalars.dropFirst())
    }

    // MARK: - tabulate, "simple" format

    private func tabulate(_ rows: [[(header: String, value: JSONValue)]]) -> String {
        var headers: [String] = []
        for row in rows {
            for cell in row where !headers.contains(cell.header) { headers.append(cell.header) }
        }
        let grid: [[JSONValue?]] = rows.map { row in
            // A key that capitalises like an earlier one overwrites its value, as in knack's OrderedDict.
            headers.map { header in row.last { $0.header == header }?.value }
        }
        let separatingRows = Set(grid.indices.filter { Self.isSeparatingLine(grid[$0]) })
        let dataRows = grid.indices.filter { !separatingRows.contains($0) }.map { grid[$0] }
        if headers.isEmpty { return "" }

        let rawTexts = headers + dataRows.flatMap { row in row.map { $0.map { PythonText.str($0) } ?? "None" } }
        let isMultiline = rawTexts.contains { text in text.unicodeScalars.contains { $0 == "\r" || $0 == "\n" } }
        let measure = TextMeasure(ansiAware: rawTexts.contains(where: TextMeasure.containsEscapeSequence))

        var columns: [[String]] = headers.indices.map { column in
            dataRows.map { PythonText.strip(Self.cellText($0[column], orderedObjects: preserveKeyOrder)) }
        }
        let columnWidths: [Int] = headers.indices.map { column in
            let widest = columns[column].map { measure.width($0, multiline: isMultiline) }.max() ?? 0
            return max(measure.width(headers[column], multiline: isMultiline) + Self.minimumPadding, widest)
        }
        let cellLines: ((String) -> [String])? = isMultiline ? { PythonText.splitLines($0) } : nil
        let headerLines: ((String) -> [String])? = isMultiline ? { Self.splitHeaderLines($0) } : nil
        for column in columns.indices {
            columns[column] = columns[column].map {
                Self.pad($0, width: columnWidths[column], lines: cellLines, measure: measure)
            }
        }
        var paddedHeaders: [String] = []
        for (column, header) in headers.enumerated() {
            paddedHeaders.append(Self.pad(header, width: columnWidths[column], lines: headerLines, measure: measure))
        }

        let separator = Self.simpleRow(columnWidths.map { String(repeating: "-", count: $0) })
        var lines: [String] = []
        lines += Self.rowLines(paddedHeaders, widths: columnWidths, multiline: isMultiline)
        lines.append(separator)
        var dataIndex = 0
        for index in grid.indices {
            if separatingRows.contains(index) {
                lines.append(separator)
                continue
            }
            let cells = headers.indices.map { columns[$0][dataIndex] }
            lines += Self.rowLines(cells, widths: columnWidths, multiline: isMultiline)
            dataIndex += 1
        }
        return lines.joined(separator: "\n")
    }

    /// Left-justifies a cell, or each of its lines when `lines` splits it.
    private static func pad(_ text: String, width: Int, lines: ((String) -> [String])?,
                            measure: TextMeasure) -> String {
        guard let lines else { return measure.leftJustify(text, width: width) }
        return lines(text).map { measure.leftJustify($0, width: width) }.joined(separator: "\n")
    }

    /// A cell as tabulate's `_format` prints it: `str()` of the value, missing and null empty.
    private static func cellText(_ value: JSONValue?, orderedObjects: Bool) -> String {
        guard let value, !value.isNull else { return "" }
        return PythonText.str(value, orderedObjects: orderedObjects)
    }

    private static func isSeparatingLine(_ row: [JSONValue?]) -> Bool {
        row.prefix(2).contains { cell in
            if case .string(let text)? = cell { return PythonText.strip(text) == separatingLineMarker }
            return false
        }
    }

    /// `re.split(r"\r|\n|\r\n", header)`: the alternation tries CR first, so CRLF splits twice.
    private static func splitHeaderLines(_ header: String) -> [String] {
        PythonText.splitAtCarriageReturnsAndNewlines(header)
    }

    /// The printed lines of one row: a single joined line, or in multi-line layout one line per
    /// text line, shorter cells padded with blanks (`_append_multiline_row`).
    private static func rowLines(_ cells: [String], widths: [Int], multiline: Bool) -> [String] {
        guard multiline else { return [simpleRow(cells)] }
        let cellLines = cells.map(PythonText.splitLines)
        let height = cellLines.map(\.count).max() ?? 0
        return (0..<height).map { line in
            simpleRow(cellLines.enumerated().map { column, lines in
                line < lines.count ? lines[line] : String(repeating: " ", count: widths[column])
            })
        }
    }

    /// `_build_simple_row`: cells joined by two spaces, trailing whitespace removed.
    private static func simpleRow(_ cells: [String]) -> String {
        PythonText.rstrip(cells.joined(separator: "  "))
    }
}

public import JMESPath

/// Turns a command's JSON result into the text az prints for `--output`.
///
/// Each format reproduces knack 0.14's formatter (az 2.91) byte for byte: `json` is
/// `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`, `table` and `tsv` follow
/// `_TableOutput` and `_TsvOutput`, `yaml` is PyYAML's `safe_dump(default_flow_style=False,
/// allow_unicode=True)`, and `jsonc`/`yamlc` add pygments' terminal colours. See
/// docs/output-formats.md for the rules users rely on.
public struct OutputRenderer: Sendable {
    public let format: OutputFormat
    /// Keep object keys in insertion order in `tsv` and `table`; true when a `--query` is active,
    /// because a multiselect hash (`{Name: name, Loc: location}`) lists its keys in the user's order.
    public let preserveKeyOrder: Bool
    /// Whether `jsonc` and `yamlc` may colour; decide with `ColorPolicy.shouldColor`.
    public let colored: Bool

    public init(format: OutputFormat, preserveKeyOrder: Bool = false, colored: Bool = false) {
        self.format = format
        self.preserveKeyOrder = preserveKeyOrder
        self.colored = colored
    }

    /// The full text to write to stdout (ends with "\n" when non-empty; "" for .none or a nil result).
    ///
    /// - Parameter value: the command's result after `--query`; `nil` when the command has no
    ///   result (delete, purge), which prints nothing in every format.
    public func render(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        switch format {
        case .json:
            return value.serialized(.azPretty) + "\n"
        case .jsonc:
            let json = value.serialized(.azPretty) + "\n"
            return colored ? JSONColorizer.colorize(json) : json
        case .yaml:
            return YAMLEmitter.render(value, colored: false)
        case .yamlc:
            return YAMLEmitter.render(value, colored: colored)
        case .table:
            return TableRenderer(preserveKeyOrder: preserveKeyOrder).render(value)
        case .tsv:
            return TSVRenderer(preserveKeyOrder: preserveKeyOrder).render(value)
        case .none:
            return ""
        }
    }
}

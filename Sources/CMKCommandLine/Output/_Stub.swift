// TEMPORARY stub until the renderer branch merges.
public import JMESPath
public enum OutputFormat: String, CaseIterable, Sendable { case json, jsonc, table, tsv, yaml, yamlc, none }
public struct OutputRenderer: Sendable {
    public init(format: OutputFormat, preserveKeyOrder: Bool = false, colored: Bool = false) {}
    public func render(_ value: JSONValue?) -> String { value.map { $0.serialized() + "\n" } ?? "" }
}
public enum ColorPolicy { public static func shouldColor(isTerminal: Bool, environment: [String: String]) -> Bool { false } }

/// PyYAML's implicit resolvers (YAML 1.1): does a plain scalar with this text read back as
/// something other than a string?
///
/// The patterns are PyYAML's `Resolver.add_implicit_resolver` regular expressions with the
/// verbose-mode whitespace removed. Python's `$` also matches before one final newline, which
/// is why a text ending in `\n` is tried without it too.
struct YAMLResolver {
    private static let patterns: [String] = [
        // bool
        #"(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)"#,
        // float
        #"(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"#
            + #"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"#,
        // int
        #"(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"#
            + #"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)"#,
        // merge
        #"(?:<<)"#,
        // null
        #"(?:~|null|Null|NULL|)"#,
        // timestamp
        #"(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"#
            + #"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"#
            + #"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)"#,
        // value
        #"(?:=)"#,
    ]

    /// First characters for which PyYAML consults any resolver; other texts are strings at once.
    private static let resolverFirstCharacters = Set("yYnNtTfFoO-+0123456789.<~=".unicodeScalars)

    /// One alternation of all patterns, compiled once per renderer run (Regex is not Sendable,
    /// so it cannot be a static constant).
    private let regex: Regex<AnyRegexOutput>

    init() {
        let alternation = YAMLResolver.patterns.joined(separator: "|")
        do {
            regex = try Regex("(?:" + alternation + ")").matchingSemantics(.unicodeScalar)
        } catch {
            preconditionFailure("invalid YAML resolver pattern: \(error)")
        }
    }

    func resolvesToNonString(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, !Self.resolverFirstCharacters.contains(first) { return false }
        if matches(text) { return true }
        if text.unicodeScalars.last == "\n" {
            return matches(String(text.unicodeScalars.dropLast()))
        }
        return false
    }

    private func matches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}

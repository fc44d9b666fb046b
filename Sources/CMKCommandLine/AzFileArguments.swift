import Foundation

/// az's convention: any argument value written `@path` is replaced by the contents of that file.
///
/// The parser calls it for each value of an az command's own options, before converting the value.
enum AzFileArguments {
    /// The contents of the file `value` names when it starts with `@`, else `value` itself.
    ///
    /// - Throws: `CommandFailure` (usage) when the file cannot be read as UTF-8 text.
    @Sendable static func expand(_ value: String, for option: OptionSpec) throws -> String {
        guard value.hasPrefix("@"), value.count > 1 else { return value }
        let path = NSString(string: String(value.dropFirst())).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw CommandFailure("Failed to read file '\(path)' given to --\(option.name) as '\(value)': "
                                 + "no such file or not UTF-8 text.",
                                 hint: "Check the path; write '\\@' to pass a value that starts with '@'.",
                                 category: .usage)
        }
        return text
    }
}

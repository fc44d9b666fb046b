import Foundation

/// az's convention: any argument value written `@path` is replaced by the contents of that file.
enum AzFileArguments {
    static func expand(_ arguments: ParsedArguments) throws -> ParsedArguments {
        var expanded = arguments
        for (option, values) in arguments.values {
            for (index, value) in values.enumerated() where value.hasPrefix("@") && value.count > 1 {
                let path = NSString(string: String(value.dropFirst())).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: path),
                      let text = String(data: data, encoding: .utf8)
                else {
                    throw CommandFailure("Failed to read file '\(path)' given to --\(option) as '\(value)': "
                                         + "no such file or not UTF-8 text.",
                                         hint: "Check the path; write '\\@' to pass a value that starts with '@'.",
                                         category: .usage)
                }
                expanded.replace(option: option, at: index, with: text)
            }
        }
        return expanded
    }
}

extension ParsedArguments {
    mutating func replace(option: String, at index: Int, with value: String) {
        var current = strings(option)
        current[index] = value
        setValues(current, for: option)
    }
}

import Foundation
import JMESPath

/// `acrcmk query EXPR`: JMESPath over JSON from stdin or a file, like the `jp` tool.
enum QueryCommand {
    static let input = Option<String?>(
        "input", short: "i", valueName: "file", help: "Read the JSON document from this file instead of stdin.")
    static let expression = Argument<String>(
        "expression", help: "The JMESPath expression, e.g. 'keyVaultProperties.identity'.")

    static var spec: CommandSpec {
        CommandSpec(
            "query",
            abstract: "Evaluate a JMESPath expression over JSON read from stdin (or --input) and print the result.",
            discussion:
                "Output is JSON unless --output asks for another format, so scripts without jq can read az-style answers.",
            options: [input],
            arguments: [expression],
            examples: [
                #"echo '{"a":{"b":[1,2]}}' | acrcmk query 'a.b[-1]'"#,
                "acrcmk az acr show -n reg1 | acrcmk query encryption.status -o tsv",
            ],
            handler: run
        )
    }

    @Sendable static func run(_ context: CommandContext) throws -> CommandOutput {
        let text = context[Self.expression]
        let expression: JMESPathExpression
        do {
            expression = try JMESPathExpression(text)
        } catch {
            throw UsageError(.message(CommandLineTool.describeQueryError(error, text: text)))
        }
        let bytes: [UInt8]
        let source: String
        if let path = context[Self.input] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(
                    "Cannot read the input file '\(path)'.", hint: "Check the path, or pipe the JSON on stdin.")
            }
            bytes = [UInt8](data)
            source = path
        } else {
            if context.io.inputIsTerminal {
                context.warn("reading JSON from the terminal; end it with Ctrl-D, or pass --input FILE")
            }
            bytes = try context.io.readInput()
            source = "stdin"
        }
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes: bytes)
        } catch {
            throw CommandFailure("The input from \(source) is not valid JSON: \(error)")
        }
        do {
            let result = try expression.search(document)
            return CommandOutput(value: result)
        } catch {
            throw CommandFailure(CommandLineTool.describeQueryError(error, text: text))
        }
    }
}

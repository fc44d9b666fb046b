import Testing
@testable import CMKCommandLine

/// Every command's help shows examples, and every example is a command line the parser accepts as written.
@Suite("Examples in every command's help")
struct CommandExamplesTests {
    /// Every command that runs (has a handler), with its path.
    static func commands(_ spec: CommandSpec = CommandTree.root(), path: [String] = []) -> [([String], CommandSpec)] {
        (spec.handler == nil ? [] : [(path, spec)])
            + spec.subcommands.flatMap { commands($0, path: path + [$0.name]) }
    }

    /// A shell-like split: words separated by spaces, single or double quotes keep spaces.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func everyCommandHasExamples() {
        let missing = Self.commands().filter { $0.1.examples.isEmpty }.map { $0.0.joined(separator: " ") }
        #expect(missing.isEmpty, "commands without examples: \(missing)")
        #expect(Self.commands().count > 80)
    }

    @Test func everyExampleParses() throws {
        let parser = ArgumentParser(root: CommandTree.root(), globalOptions: GlobalOptions.specs)
        var parsed = 0
        for (path, spec) in Self.commands() {
            for example in spec.examples {
                for part in example.components(separatedBy: " && ") {
                    var words = Self.words(part)
                    if words.first == "acrcmk" { words.removeFirst() } else if words.first == "az" {
                        // az examples are written as a runbook runs them: az() { acrcmk az "$@"; }
                    } else { continue }
                    let pipe = words.firstIndex { $0 == "|" || $0 == ">" || $0 == "&" } ?? words.endIndex
                    words = Array(words[..<pipe])
                    do {
                        let invocation = try parser.parse(words)
                        #expect(invocation.command.handler != nil)
                        parsed += 1
                    } catch let error as UsageError {
                        // A `<placeholder>` is for the reader to fill in; its type is checked when they do.
                        if case .unconvertibleValue(let value, _, _) = error.kind, value.hasPrefix("<"),
                           value.hasSuffix(">") {
                            parsed += 1
                            continue
                        }
                        Issue.record("\(path.joined(separator: " ")): example '\(part)' does not parse: \(error)")
                    }
                }
            }
        }
        #expect(parsed >= Self.commands().count)
    }

    @Test func helpShowsTheExamples() {
        let harness = ToolHarness()
        let native = harness.run("fsck", "--help")
        #expect(native.stdout.contains("EXAMPLES:\n  acrcmk fsck\n  acrcmk fsck --repair"))
        let az = harness.run("az", "group", "show", "--help")
        #expect(az.stdout.contains("Examples"))
        #expect(az.stdout.contains("az group show --name myResourceGroup"))
    }
}

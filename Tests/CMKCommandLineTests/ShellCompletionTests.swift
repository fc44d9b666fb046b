import CMKTestSupport
import Foundation
import Testing
@testable import CMKCommandLine

/// Completion scripts and the man page come from the command declarations and work in their tools.
@Suite("Shell completion and man page")
struct ShellCompletionTests {
    /// What bash offers after `words` (the last one being completed), with the script sourced.
    static func bashOffers(_ words: [String], script: URL) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
        source '\(script.path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _acrcmk
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let output = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["--noprofile", "--norc", "-c", program])
        #expect(output.exitCode == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashOffersSubcommandsOptionsAndValues() throws {
        let tool = try BuiltTool()
        let result = try tool.run("completion", "bash")
        #expect(result.exitCode == 0)
        let script = tool.home.appendingPathComponent("acrcmk.bash")
        try result.stdout.write(to: script, atomically: true, encoding: .utf8)

        #expect(try Self.bashOffers(["acrcmk", "cl"], script: script) == ["clock"])
        #expect(try Self.bashOffers(["acrcmk", "c"], script: script).sorted()
                == ["check-health", "clock", "completion", "config"])
        #expect(try Self.bashOffers(["acrcmk", "clock", "ad"], script: script) == ["advance"])
        #expect(try Self.bashOffers(["acrcmk", "az", "acr", "encryption", "r"], script: script) == ["rotate-key"])
        #expect(try Self.bashOffers(["acrcmk", "--home", "/tmp/h", "az", "keyvault", "key", "rotation-policy", "u"],
                                    script: script) == ["update"])
        #expect(try Self.bashOffers(["acrcmk", "setup", "--acc"], script: script) == ["--access"])
        #expect(try Self.bashOffers(["acrcmk", "setup", "--access", ""], script: script) == ["policy", "rbac"])
        #expect(try Self.bashOffers(["acrcmk", "status", "-o", "t"], script: script) == ["table", "tsv"])
        #expect(try Self.bashOffers(["acrcmk", "push", "--reg"], script: script) == ["--registry"])
        #expect(try Self.bashOffers(["acrcmk", "revoke", "--method", "delete-"], script: script)
                == ["delete-key", "delete-vault"])
    }

    /// fish's own completion engine over the generated script (`complete -C`), when fish is installed.
    @Test func fishOffersSubcommandsOptionsAndValues() throws {
        guard let fish = ["/usr/bin/fish", "/usr/local/bin/fish"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let tool = try BuiltTool()
        let script = tool.home.appendingPathComponent("acrcmk.fish")
        try tool.run("completion", "fish").stdout.write(to: script, atomically: true, encoding: .utf8)
        func offers(_ line: String) throws -> [String] {
            let output = try ProcessRunner.run(URL(fileURLWithPath: fish),
                                               ["--no-config", "-c", "source '\(script.path)'; complete -C '\(line)'"],
                                               currentDirectory: tool.home)
            #expect(output.exitCode == 0, "\(output.stderr)")
            return output.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        }
        #expect(try offers("acrcmk cl") == ["clock"])
        #expect(try offers("acrcmk az acr encryption r") == ["rotate-key"])
        #expect(try offers("acrcmk setup --access ") == ["policy", "rbac"])
        #expect(try offers("acrcmk push --reg") == ["--registry"])
    }

    /// zsh: the generated function, called with completion's variables and its builtins stubbed to print.
    @Test func zshOffersSubcommandsOptionsAndValues() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") else { return }
        let tool = try BuiltTool()
        let script = tool.home.appendingPathComponent("_acrcmk")
        try tool.run("completion", "zsh").stdout.write(to: script, atomically: true, encoding: .utf8)
        func offers(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let program = """
            _describe() { local name=${@[-1]}; print -l -- "${(@P)name}" }
            compadd() { shift; print -l -- "$@" }
            _files() { print FILES }
            source '\(script.path)' >/dev/null
            words=(\(quoted)); CURRENT=${#words}; PREFIX=${words[-1]}
            _acrcmk
            """
            let output = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/zsh"), ["-f", "-c", program])
            #expect(output.exitCode == 0, "\(output.stderr)")
            return output.stdout.split(separator: "\n").map { String($0.split(separator: ":")[0]) }
        }
        #expect(try offers(["acrcmk", "clock", ""]) == ["show", "advance", "set"])
        #expect(try offers(["acrcmk", "--home", "/tmp/h", "az", "acr", "encryption", ""]) == ["show", "rotate-key"])
        #expect(try offers(["acrcmk", "setup", "--access", ""]) == ["policy", "rbac"])
        #expect(try offers(["acrcmk", "push", "-"]).contains("--registry"))
    }

    @Test func everyCommandPathIsInEveryScript() {
        let paths = ShellCompletion.entries().dropFirst().map(\.key)
        #expect(paths.contains("az acr encryption rotate-key"))
        let scripts = [ShellCompletion.bash(), ShellCompletion.zsh(), ShellCompletion.fish()]
        for path in paths {
            for script in scripts {
                #expect(script.contains(path), "\(path) is missing from a completion script")
            }
        }
        #expect(ShellCompletion.zsh().hasPrefix("#compdef acrcmk\n"))
        #expect(ShellCompletion.fish().contains(
            "complete -c acrcmk -n '__acrcmk_at \\'az acr encryption\\'' -a 'rotate-key'"))
    }

    @Test func unknownShellIsAUsageError() throws {
        let result = ToolHarness().run("completion", "powershell")
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("Please provide one of 'bash', 'zsh' or 'fish'."))
    }

    @Test func theManPageRenders() throws {
        let tool = try BuiltTool()
        let result = try tool.run("man")
        #expect(result.exitCode == 0)
        let page = result.stdout
        #expect(page.hasPrefix(".TH ACRCMK 1 "))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS", "SEE ALSO"] {
            #expect(page.contains("\n.SH \(section)\n"), "no \(section) section")
        }
        for entry in ShellCompletion.entries() where entry.spec.handler != nil && !entry.path.isEmpty {
            #expect(page.contains(".SS \(ShellCompletion.roff("acrcmk " + entry.key))\n"), "\(entry.key) missing")
        }
        #expect(!page.split(separator: "\n").contains { $0.hasPrefix("'") }, "a line would be read as a request")
        let file = tool.home.appendingPathComponent("acrcmk.1")
        try page.write(to: file, atomically: true, encoding: .utf8)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let rendered = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/groff"),
                                             ["-man", "-Tutf8", "-ww", file.path])
        #expect(rendered.exitCode == 0)
        #expect(rendered.stderr.isEmpty, "groff warns: \(rendered.stderr)")
        // grotty marks bold and underline by overstriking (`c\bc`): keep the last character of each.
        var text = ""
        for character in rendered.stdout {
            if character == "\u{08}" { _ = text.popLast() } else { text.append(character) }
        }
        #expect(text.contains("acrcmk az acr encryption rotate-key"))
        #expect(text.contains("EXIT STATUS"))
    }
}

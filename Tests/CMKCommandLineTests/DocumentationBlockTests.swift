import CMKTestSupport
import Foundation
import Testing

/// Every shell block of README.md and docs/*.md runs as written, against the built binary, in a fresh state home.
///
/// The convention, which the documents follow:
/// - A fenced block tagged `sh`, `bash` or `console` is run. Untagged blocks and other languages (`json`, …) are
///   output or file contents and are never run.
/// - In `sh` and `bash` blocks every line is a command; in `console` blocks only lines starting with `$ ` are,
///   and the other lines are the output shown. A line ending in `\` continues on the next line.
/// - Every command must exit 0, unless its comment says otherwise: `acrcmk check-health … # exit 1: why`.
/// - A block that must not run (it builds the project, or needs a machine the test does not have) is preceded by
///   the visible comment `<!-- not run: reason -->` on the line before its fence; the reason is required.
/// - The blocks of one document run in order in one shell, with `acrcmk` on `PATH`, a fresh `ACRCMK_HOME`, and a
///   fresh empty working folder, so a later block may use what an earlier one made (as a reader would).
@Suite("Documentation blocks run as written")
struct DocumentationBlockTests {
    struct Command: Equatable {
        var line: Int
        var text: String
        var expectedExit: Int32
    }

    struct Block {
        var line: Int
        var language: String
        var skipReason: String?
        var commands: [Command]
    }

    static let runnableLanguages: Set<String> = ["sh", "bash", "console"]

    /// The fenced blocks of a Markdown text, with their commands.
    static func blocks(in markdown: String) -> [Block] {
        let lines = markdown.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else { index += 1; continue }
            let language = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces).lowercased()
            let fenceLine = index + 1
            var body: [(Int, String)] = []
            index += 1
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append((index + 1, lines[index]))
                index += 1
            }
            index += 1
            var previous = fenceLine - 2
            while previous >= 0, lines[previous].trimmingCharacters(in: .whitespaces).isEmpty { previous -= 1 }
            let skipReason = previous >= 0 ? notRunReason(lines[previous]) : nil
            blocks.append(Block(line: fenceLine, language: language, skipReason: skipReason,
                                commands: commands(in: body, console: language == "console")))
        }
        return blocks
    }

    /// The reason of a `<!-- not run: reason -->` marker, `""` for a marker without one, `nil` for any other line.
    static func notRunReason(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!-- not run:"), trimmed.hasSuffix("-->") else { return nil }
        return String(trimmed.dropFirst("<!-- not run:".count).dropLast(3)).trimmingCharacters(in: .whitespaces)
    }

    static func commands(in body: [(Int, String)], console: Bool) -> [Command] {
        var commands: [Command] = []
        var pending: (line: Int, text: String)?
        for (number, raw) in body {
            var text = raw
            if pending == nil {
                if console {
                    guard text.hasPrefix("$ ") else { continue }
                    text = String(text.dropFirst(2))
                }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                pending = (number, text)
            } else {
                pending!.text += "\n" + text
            }
            if text.hasSuffix("\\") { continue }
            commands.append(Command(line: pending!.line, text: pending!.text,
                                    expectedExit: expectedExit(pending!.text)))
            pending = nil
        }
        if let pending {
            commands.append(Command(line: pending.line, text: pending.text, expectedExit: expectedExit(pending.text)))
        }
        return commands
    }

    /// `# exit N` in a command's comment: the exit status the document promises.
    static func expectedExit(_ command: String) -> Int32 {
        guard let match = command.range(of: #"#\s*exit\s+[0-9]+"#, options: .regularExpression) else { return 0 }
        return Int32(command[match].filter(\.isNumber))!
    }

    /// A bash script running `commands` in order, stopping at the first one whose exit status is not the promised one.
    static func script(for commands: [Command], document: String) -> String {
        // Servers a document starts in the background (`acrcmk serve ... &`) end with the script, so they do not keep
        // their port from the next run.
        var script = "set -o pipefail\ntrap 'kill $(jobs -p) 2>/dev/null' EXIT\n"
        for command in commands {
            let shown = command.text.replacingOccurrences(of: "'", with: "'\\''")
            script += """
            \(command.text)
            __rc=$?
            if [ "$__rc" -ne \(command.expectedExit) ]; then
              printf '%s:%d: exited %d, the document promises %d:\\n  %s\\n' '\(document)' \(command.line) \
            "$__rc" \(command.expectedExit) '\(shown)' >&2
              exit 1
            fi

            """
        }
        return script + "echo 'all commands ran as documented'\n"
    }

    static var documents: [String] {
        let docs = PackageLayout.root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    /// Runs a document's runnable blocks in one shell, in a fresh folder with a fresh state home.
    static func run(markdown: String, document: String) throws -> (ProcessOutput, commandCount: Int) {
        let commands = blocks(in: markdown).filter { runnableLanguages.contains($0.language) && $0.skipReason == nil }
            .flatMap(\.commands)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("acrcmk-docs-\(UUID().uuidString)")
        let work = folder.appendingPathComponent("work"), bin = folder.appendingPathComponent("bin")
        for directory in [work, bin, folder.appendingPathComponent("user")] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("acrcmk"),
                                                   withDestinationURL: try BuiltTool.locate())
        let scriptURL = folder.appendingPathComponent("blocks.sh")
        try script(for: commands, document: document).write(to: scriptURL, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["ACRCMK_HOME"] = folder.appendingPathComponent("state").path
        environment["HOME"] = folder.appendingPathComponent("user").path
        environment["NO_COLOR"] = "1"
        // A block that starts a server and forgets its marker must fail the test, not hang it.
        let output = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                                           ["--kill-after=10", "600", "/bin/bash", "--noprofile", "--norc",
                                            scriptURL.path],
                                           environment: environment, currentDirectory: work)
        return (output, commands.count)
    }

    @Test("the blocks of", arguments: documents)
    func documentRunsAsWritten(_ document: String) throws {
        let markdown = try String(contentsOf: PackageLayout.root.appendingPathComponent(document), encoding: .utf8)
        for block in Self.blocks(in: markdown) where block.skipReason != nil {
            #expect(block.skipReason?.isEmpty == false,
                    "\(document):\(block.line): a `<!-- not run: -->` marker must say why the block is not run")
        }
        let (output, _) = try Self.run(markdown: markdown, document: document)
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("all commands ran as documented\n"))
    }

    @Test func theDocumentsHaveRunnableBlocks() throws {
        var count = 0
        for document in Self.documents {
            let markdown = try String(contentsOf: PackageLayout.root.appendingPathComponent(document), encoding: .utf8)
            count += Self.blocks(in: markdown)
                .filter { Self.runnableLanguages.contains($0.language) && $0.skipReason == nil }
                .reduce(0) { $0 + $1.commands.count }
        }
        #expect(count >= 30, "only \(count) documented commands are run")
    }

    @Test func theConventionIsReadAsDocumented() {
        let markdown = """
        ```sh
        acrcmk status   # a comment
        acrcmk check-health --registry r \\
          --fail-on warning   # exit 1: unhealthy
        ```

        <!-- not run: needs a build -->
        ```sh
        make demo
        ```

        ```console
        $ acrcmk status
        REGISTRY  SKU
        ```

        ```
        $ not a command
        ```
        """
        let blocks = Self.blocks(in: markdown)
        #expect(blocks.map(\.language) == ["sh", "sh", "console", ""])
        #expect(blocks.map(\.skipReason) == [nil, "needs a build", nil, nil])
        #expect(blocks[0].commands == [
            Command(line: 2, text: "acrcmk status   # a comment", expectedExit: 0),
            Command(line: 3, text: "acrcmk check-health --registry r \\\n  --fail-on warning   # exit 1: unhealthy",
                    expectedExit: 1),
        ])
        #expect(blocks[2].commands == [Command(line: 13, text: "acrcmk status", expectedExit: 0)])
    }

    @Test func aCommandThatBreaksItsPromiseFailsTheDocument() throws {
        let good = try Self.run(markdown: "```sh\ntrue\nfalse  # exit 1\nacrcmk --version\n```\n", document: "good.md")
        #expect(good.0.exitCode == 0, "\(good.0.stderr)")
        let failing = try Self.run(markdown: "```sh\ntrue\nacrcmk stauts\ntrue\n```\n", document: "bad.md")
        #expect(failing.0.exitCode == 1)
        #expect(failing.0.stderr.contains("bad.md:3: exited 64, the document promises 0"))
        let unexpectedSuccess = try Self.run(markdown: "```sh\ntrue # exit 1\n```\n", document: "ok.md")
        #expect(unexpectedSuccess.0.stderr.contains("ok.md:2: exited 0, the document promises 1"))
    }
}

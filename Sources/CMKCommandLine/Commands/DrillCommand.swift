import CMKCore
import Foundation
import JMESPath

/// `acrcmk drill`: seed 000's "Test Revocation Procedures", rehearsed with the tool's own commands on a scratch copy
/// of the state home, with a report of what was expected and what happened.
enum DrillCommand {
    static var spec: CommandSpec {
        CommandSpec(
            "drill",
            abstract: "Rehearse a revocation: push a probe, revoke, try every operation, recover, verify, report.",
            discussion:
                "Runs on a scratch copy of the state home unless --in-place. Every operation of seed 000's two impact "
                + "tables is tried for real and compared with the table. Exit 1 if any observed impact differs.",
            options: [
                LifecycleCommands.registry,
                OptionSpec(
                    "method", short: "m", help: "The revocation method to rehearse.", required: true,
                    allowedValues: RevocationMethod.allCases.map(\.rawValue)),
                OptionSpec(
                    "report", valueName: "file.md", help: "Write the Markdown report here (and the JSON beside it)."),
                .flag("keep-state", help: "Keep the scratch state home after the drill (its path is printed)."),
                .flag("in-place", help: "Drill on the real state home instead of a scratch copy."),
            ],
            examples: ["acrcmk drill --registry myregistry --method access-policy --report drill.md"],
            handler: run)
    }

    struct Observation {
        var operation: String
        var expected: String
        var observed: String
        var detail: String
        var seconds: Double
        var matches: Bool { expected == observed || expected == "n/a" }
    }

    struct TimelineEntry {
        var step: String
        var outcome: String
        var seconds: Double
    }

    @Sendable static func run(_ context: CommandContext) throws -> CommandOutput {
        let registry = context.required("registry")
        let method = RevocationMethod(rawValue: context.required("method"))!
        let fileManager = FileManager.default
        let source = context.settings.home
        guard fileManager.fileExists(atPath: source) else {
            throw CommandFailure("The state home '\(source)' does not exist; set up a registry first (acrcmk setup).")
        }
        var home = source
        if !context.arguments.flag("in-place") {
            home = fileManager.temporaryDirectory.appendingPathComponent("acrcmk-drill-\(UUID().uuidString)").path
            try fileManager.copyItem(atPath: source, toPath: home)
        }
        defer {
            if !context.arguments.flag("in-place"), !context.arguments.flag("keep-state") {
                try? fileManager.removeItem(atPath: home)
            }
        }
        let drill = Drill(
            context: context, home: home, registry: registry, method: method,
            inScratchCopy: !context.arguments.flag("in-place"))
        let result = try drill.execute()
        let markdown = result.markdown
        if let path = context.arguments.string("report") {
            try markdown.write(toFile: path, atomically: true, encoding: .utf8)
            let jsonPath = (path as NSString).deletingPathExtension + ".json"
            try (result.json.serialized() + "\n").write(toFile: jsonPath, atomically: true, encoding: .utf8)
        }
        var text = markdown
        if context.arguments.flag("keep-state"), !context.arguments.flag("in-place") {
            text += "\nScratch state home kept at: \(home)\n"
        }
        return CommandOutput(value: result.json, text: text, exitCode: result.allMatch ? 0 : 1)
    }

    /// One drill run: every step is a real acrcmk command against the drill's state home.
    struct Drill {
        let context: CommandContext
        let home: String
        let registry: String
        let method: RevocationMethod
        let inScratchCopy: Bool

        struct Outcome {
            var exitCode: Int32
            var stdout: String
            var stderr: String
            var seconds: Double
            var succeeded: Bool { exitCode == 0 }
            var message: String {
                let text = stderr.isEmpty ? stdout : stderr
                return text.split(separator: "\n").first.map(String.init) ?? ""
            }
        }

        func acrcmk(_ arguments: [String]) -> Outcome {
            let out = Buffer(), err = Buffer()
            let io = CommandIO(writeOutput: { out.append($0) }, writeError: { err.append($0) })
            var environment = context.environment
            environment["NO_COLOR"] = "1"
            let tool = CommandLineTool(io: io, environment: environment, services: context.services)
            let start = Date()
            let code = tool.run(["--home", home] + arguments)
            return Outcome(exitCode: code, stdout: out.text, stderr: err.text, seconds: Date().timeIntervalSince(start))
        }

        func commandExists(_ name: String) -> Bool {
            CommandTree.root().subcommand(named: name) != nil
        }

        struct Result {
            var registry: String
            var method: RevocationMethod
            var timeline: [TimelineEntry]
            var observations: [Observation]
            var checklist: [(item: String, evidence: String)]
            var recommendation: (scenario: String, action: String, recovery: String)
            var recovered: Bool
            var probeIdentical: Bool?
            var allMatch: Bool { observations.allSatisfy(\.matches) }

            var json: JSONValue {
                [
                    "registry": .string(registry), "method": .string(method.rawValue), "allMatch": .bool(allMatch),
                    "recovered": .bool(recovered), "probeByteIdentical": JSONValue(probeIdentical),
                    "timeline": .array(
                        timeline.map {
                            [
                                "step": .string($0.step), "outcome": .string($0.outcome),
                                "seconds": .number(($0.seconds * 1000).rounded() / 1000),
                            ]
                        }),
                    "impacts": .array(
                        observations.map {
                            [
                                "operation": .string($0.operation), "expected": .string($0.expected),
                                "observed": .string($0.observed), "detail": .string($0.detail),
                                "matches": .bool($0.matches),
                            ]
                        }),
                    "checklist": .array(
                        checklist.map { ["item": .string($0.item), "evidence": .string($0.evidence)] }),
                    "recommendation": [
                        "scenario": .string(recommendation.scenario), "action": .string(recommendation.action),
                        "recovery": .string(recommendation.recovery),
                    ],
                ]
            }

            var markdown: String {
                var lines = [
                    "# Revocation drill: \(registry), method \(method.rawValue)", "",
                    allMatch
                        ? "Result: every observed impact matches seed 000's tables."
                        : "Result: **observed impacts differ from seed 000's tables** (see below).", "",
                    "## Timeline", "", "| step | outcome | seconds |", "|---|---|---|",
                ]
                lines += timeline.map { "| \($0.step) | \($0.outcome) | \(String(format: "%.3f", $0.seconds)) |" }
                lines += [
                    "", "## Impact while revoked", "", "| operation | expected | observed | matches | detail |",
                    "|---|---|---|---|---|",
                ]
                lines += observations.map {
                    "| \($0.operation) | \($0.expected) | \($0.observed) | \($0.matches ? "yes" : "**no**") | "
                        + $0.detail.replacingOccurrences(of: "|", with: "\\|") + " |"
                }
                lines += ["", "## Emergency revocation checklist", ""]
                lines += checklist.map { "- [x] \($0.item) — \($0.evidence)" }
                lines += [
                    "", "## Decision matrix", "", "| scenario | recommended action | recovery |", "|---|---|---|",
                    "| \(recommendation.scenario) | \(recommendation.action) | \(recommendation.recovery) |", "",
                ]
                return lines.joined(separator: "\n")
            }
        }

        func execute() throws -> Result {
            var timeline: [TimelineEntry] = []
            var checklist: [(String, String)] = []
            func step(_ name: String, _ arguments: [String]) -> Outcome {
                let outcome = acrcmk(arguments)
                timeline.append(
                    TimelineEntry(
                        step: name, outcome: outcome.succeeded ? "ok" : "failed: \(outcome.message)",
                        seconds: outcome.seconds))
                return outcome
            }

            let before = step(
                "Document current state", ["az", "acr", "encryption", "show", "-n", registry, "-o", "json"])
            guard before.succeeded else {
                throw CommandFailure("The drill needs an existing registry: \(before.message)")
            }
            checklist.append(
                ("Identify the reason for revocation", "drill of method \(method.rawValue): \(method.summary)"))
            let current = (try? JSONValue.parse(before.stdout)) ?? .null
            checklist.append(
                (
                    "Document current state (az acr encryption show)",
                    "status \(current["status"]?.stringValue ?? "?"), key "
                        + (current["keyVaultProperties"]?["versionedKeyIdentifier"]?.stringValue ?? "-")
                        + ", identity " + (current["keyVaultProperties"]?["identity"]?.stringValue ?? "-")
                ))

            let canPush = commandExists("push")
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "drill-probe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let probe = scratch.appendingPathComponent("probe.bin")
            try Data(Identifiers.randomBytes(count: 256 * 1024)).write(to: probe)
            if canPush {
                let push = step("Push probe artifact", ["push", registry, "drill/probe:v1", probe.path])
                if !push.succeeded { throw CommandFailure("The probe push failed before revocation: \(push.message)") }
            }
            var hasReplica =
                acrcmk(["az", "acr", "replication", "list", "-r", registry, "--query", "length(@)", "-o", "tsv"])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
            if !hasReplica, inScratchCopy {
                // A scratch copy may grow a replica so that geo-replication sync is observed too.
                let location = acrcmk(["az", "acr", "show", "-n", registry, "--query", "location", "-o", "tsv"]).stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let replica = location == "westus2" ? "northeurope" : "westus2"
                hasReplica =
                    step(
                        "Add a replica in \(replica) (scratch copy)",
                        ["az", "acr", "replication", "create", "-r", registry, "-l", replica, "-o", "none"]
                    ).succeeded
            }

            let revoke = step(
                "Execute revocation (\(method.rawValue))",
                [
                    "revoke", "--registry", registry, "--method", method.rawValue, "--yes", "--reason",
                    "revocation drill",
                ])
            guard revoke.succeeded else {
                throw CommandFailure(
                    "The drill could not revoke by \(method.rawValue): \(revoke.message)",
                    hint: "Pick a method that applies to this registry's vault; nothing else was tried.")
            }
            checklist.append(
                (
                    "Execute revocation (delete policy/key)",
                    revoke.stdout.split(separator: "\n").first.map(String.init) ?? ""
                ))
            checklist.append(
                (
                    "Document the revocation event",
                    "recorded in the state home's revocation log at "
                        + Timestamp.azString(Date())
                ))

            var observations: [Observation] = []
            func observe(_ operation: String, expected: String, _ arguments: [String], blockedWhen: (Outcome) -> Bool) {
                let outcome = acrcmk(arguments)
                let blocked = blockedWhen(outcome)
                observations.append(
                    Observation(
                        operation: operation, expected: expected, observed: blocked ? "Blocked" : "Works",
                        detail: outcome.message, seconds: outcome.seconds))
            }
            let failed: (Outcome) -> Bool = { !$0.succeeded }
            if canPush {
                let second = scratch.appendingPathComponent("second.bin")
                try Data("probe written while revoked".utf8).write(to: second)
                observe(
                    "docker push", expected: "Blocked", ["push", registry, "drill/probe:v2", second.path],
                    blockedWhen: failed)
                observe(
                    "docker pull", expected: "Blocked",
                    ["pull", registry, "drill/probe:v1", scratch.appendingPathComponent("pulled-revoked.bin").path],
                    blockedWhen: failed)
                observe(
                    "az acr repository list", expected: "Blocked", ["az", "acr", "repository", "list", "-n", registry],
                    blockedWhen: failed)
                observe(
                    "Artifact streaming", expected: "Blocked",
                    [
                        "export", registry, "--repository", "drill/probe", "--output",
                        scratch.appendingPathComponent("export").path,
                    ],
                    blockedWhen: failed)
            }
            if commandExists("task") {
                observe(
                    "ACR Tasks", expected: "Blocked", ["task", "run", "--registry", registry, "--name", "drill"],
                    blockedWhen: failed)
            }
            observe(
                "Geo-replication sync", expected: hasReplica ? "Blocked" : "n/a",
                [
                    "az", "acr", "replication", "list", "-r", registry, "--query", "[].status.displayStatus", "-o",
                    "tsv",
                ],
                blockedWhen: { $0.stdout.lowercased().contains("blocked") })
            observe(
                "az acr show", expected: "Works", ["az", "acr", "show", "-n", registry, "-o", "none"],
                blockedWhen: failed)
            observe(
                "az acr encryption show", expected: "Works",
                ["az", "acr", "encryption", "show", "-n", registry, "-o", "none"],
                blockedWhen: failed)
            observe(
                "az acr update", expected: "Works",
                ["az", "acr", "update", "-n", registry, "--tags", "drill=revoked", "-o", "none"], blockedWhen: failed)
            observe("Registry metrics", expected: "Works", ["status", "-o", "none"], blockedWhen: failed)
            let locked = acrcmk(["check-health", "--registry", registry])
            let lockedCause =
                locked.stdout.split(separator: "\n").first { $0.contains("[ERROR]") }
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? locked.message
            observations.append(
                Observation(
                    operation: "Data key unwrap (check-health)", expected: "Blocked",
                    observed: locked.succeeded ? "Works" : "Blocked", detail: lockedCause,
                    seconds: locked.seconds))
            checklist.append(
                (
                    "Verify registry is locked",
                    locked.succeeded
                        ? "NOT locked: check-health passed"
                        : "check-health: \(lockedCause)"
                ))
            checklist.append(("Notify affected teams", "drill: no notification sent"))
            checklist.append(("Begin incident response if applicable", "drill: not applicable"))
            checklist.append(("Plan recovery timeline if applicable", "immediately after the impact checks"))

            let recover = step("Execute recovery", ["recover", "--registry", registry])
            checklist.append(
                ("Execute recovery when appropriate", recover.stdout.split(separator: "\n").last.map(String.init) ?? "")
            )
            var identical: Bool?
            if canPush, recover.succeeded {
                let pulled = scratch.appendingPathComponent("pulled.bin")
                let pull = step("Verify probe pulls", ["pull", registry, "drill/probe:v1", pulled.path])
                identical =
                    pull.succeeded && FileManager.default.contentsEqual(atPath: probe.path, andPath: pulled.path)
                checklist.append(
                    (
                        "Verify registry functionality restored",
                        identical == true
                            ? "probe pulled back byte-identical" : "probe did not pull back: \(pull.message)"
                    ))
            } else {
                let health = step("Verify access", ["check-health", "--registry", registry])
                checklist.append(
                    (
                        "Verify registry functionality restored",
                        health.succeeded ? "check-health passes" : "not restored: \(health.message)"
                    ))
            }
            checklist.append(("Post-incident review", "this report"))
            return Result(
                registry: registry, method: method, timeline: timeline, observations: observations,
                checklist: checklist, recommendation: Self.recommendation(for: method),
                recovered: recover.succeeded, probeIdentical: identical)
        }

        /// Seed 000's decision matrix, by method.
        static func recommendation(for method: RevocationMethod) -> (String, String, String) {
            switch method {
            case .accessPolicy, .roleAssignment:
                return (
                    "Suspected breach", "Remove access policy (or role assignment)",
                    "Restore policy after investigation"
                )
            case .disableKey, .firewall:
                return ("Compliance hold", "Remove access (here: \(method.rawValue))", "Restore when hold is lifted")
            case .deleteKey, .deleteVault:
                return (
                    "Permanent shutdown", "Delete key", "Not needed (soft delete keeps it recoverable until purged)"
                )
            case .purgeKey:
                return ("Key compromise", "Delete and purge key", "Create new registry")
            case .removeIdentity:
                return ("Employee offboarding", "Rotate key with new identity", "N/A")
            }
        }
    }
}

/// Collects text written by an in-process run.
final class Buffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    func append(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

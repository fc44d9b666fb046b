import CMKCore
import Foundation
import JMESPath

/// `acrcmk task`: ACR task runs and their logs, which CMK registries keep for 24 hours only.
enum TaskCommand {
    private static let registry = Option<String>("registry", short: "r", valueName: "name", help: "The registry.")
    private static let name = Option<String>("name", short: "n", valueName: "name", help: "The task's name.")
    private static let cmd = Option<String?>(
        "cmd", valueName: "command", help: "What the run executes (default: acb version).")
    private static let runID = Option<String?>("run-id", valueName: "id", help: "Only this run, e.g. ca1.")

    static var spec: CommandSpec {
        CommandSpec("task", abstract: "Run ACR tasks and read their logs (kept 24 hours on CMK registries).",
                    discussion: "A run on a registry encrypted with a customer-managed key unwraps the registry's data "
                        + "key through Key Vault first: while the key is revoked, runs fail (ACR Tasks are blocked). "
                        + "Run logs of CMK registries are gone 24 hours (simulated time) after the run; other "
                        + "registries keep them.",
                    subcommands: [run, logs, listRuns])
    }

    static var run: CommandSpec {
        CommandSpec("run", abstract: "Run a task on a registry and record its log.",
                    options: [registry, name, cmd],
                    examples: ["acrcmk task run --registry reg1cmk --name nightly-build --cmd 'docker build .'"],
                    handler: { context in
                        let outcome = try context.perform { session in
                            try session.runTask(registryName: context[registry], taskName: context[name],
                                                command: context[cmd] ?? "acb version")
                        }
                        if let blocked = blockedMessage(outcome) {
                            var message = blocked + "\n"
                            if let hint = outcome.hint { message += "Hint: \(hint)\n" }
                            context.io.writeError(message)
                        }
                        return CommandOutput(value: json(outcome.run), text: outcome.run.log,
                                             exitCode: outcome.denial == nil ? ExitCode.success : ExitCode.failure)
                    })
    }

    static var logs: CommandSpec {
        CommandSpec("logs", abstract: "Print the logs of a registry's runs (or of one run).",
                    options: [registry, runID],
                    handler: { context in
                        let registryName = context[registry]
                        if let runId = context[runID] {
                            return try context.perform { session in
                                let run = try session.taskRun(registryName: registryName, runId: runId)
                                return CommandOutput(value: json(run), text: run.log)
                            }
                        }
                        return try context.perform { session in
                            let runs = try session.taskRuns(registryName: registryName)
                            let kept = runs.filter { $0.log != nil }
                            let expired = runs.filter { $0.log == nil }
                            if !expired.isEmpty {
                                let ids = expired.map(\.runId).joined(separator: ", ")
                                context.warn("The logs of \(plural(expired.count, "run", "runs")) (\(ids)) are gone: "
                                    + "'\(registryName)' is encrypted with a customer-managed key, and ACR keeps "
                                    + "task-run logs of such registries for 24 hours only.")
                            }
                            let text = kept.isEmpty ? "No task-run logs are kept for '\(registryName)'."
                                : kept.map { "=== Run \($0.runId) (\($0.taskName), \($0.status.rawValue)) ===\n"
                                    + $0.log! }
                                    .joined(separator: "\n")
                            return CommandOutput(value: .array(kept.map(json)), text: text)
                        }
                    })
    }

    static var listRuns: CommandSpec {
        CommandSpec("list-runs", abstract: "List a registry's task runs and whether each log is still kept.",
                    options: [registry],
                    handler: { context in
                        try context.perform { session in
                            let runs = try session.taskRuns(registryName: context[registry])
                            let rows: [JSONValue] = runs.map { run in
                                ["RunId": .string(run.runId), "Task": .string(run.taskName),
                                 "Status": .string(run.status.rawValue),
                                 "StartTime": .string(Timestamp.azString(run.startTime)),
                                 "Log": .string(run.log == nil ? "expired" : "kept")]
                            }
                            let text = runs.isEmpty ? "No task runs."
                                : OutputRenderer(format: .table, preserveKeyOrder: true).render(.array(rows))
                            return CommandOutput(value: .array(runs.map(json)), text: text)
                        }
                    })
    }

    /// The error line of a run the vault blocked; nil when it was not blocked.
    static func blockedMessage(_ outcome: TaskRunOutcome) -> String? {
        outcome.denial.map { denial in
            "ERROR: (TaskRunBlocked) Run \(outcome.run.runId) failed: the registry '\(outcome.run.registry)' cannot "
                + "reach its customer-managed key. \(denial)"
        }
    }

    static func json(_ run: TaskRun) -> JSONValue {
        [
            "runId": .string(run.runId), "registry": .string(run.registry), "taskName": .string(run.taskName),
            "command": .string(run.command), "status": .string(run.status.rawValue),
            "startTime": .string(Timestamp.azString(run.startTime)),
            "finishTime": .string(Timestamp.azString(run.finishTime)), "encryptedWithCMK": .bool(run.cmk),
            "log": JSONValue(run.log), "logExpiredAt": JSONValue(run.logExpiredAt.map(Timestamp.azString)),
        ]
    }
}

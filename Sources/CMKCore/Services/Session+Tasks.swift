import CMKCrypto
import Foundation

/// What `acrcmk task run` produced: the recorded run, and why it failed when the registry's key was out of reach.
public struct TaskRunOutcome: Sendable {
    public var run: TaskRun
    /// The vault's refusal when a CMK registry could not unwrap its data key (ACR Tasks are then blocked).
    public var denial: AccessDenial?
    /// How to fix `denial`.
    public var hint: String?
}

/// ACR Tasks, reduced to what CMK changes: a run needs the registry's data key, and logs of CMK registries are kept
/// for 24 hours only.
extension Session {
    /// Records a task run on a registry.
    ///
    /// On a registry encrypted with a customer-managed key the run first unwraps the registry's data key through
    /// the vault as the registry's identity (audited as `KeyUnwrap`); if the vault refuses, the run is recorded as
    /// `Failed` and the refusal is returned, as ACR blocks tasks while the key is inaccessible.
    ///
    /// - Parameters:
    ///   - registryName: The registry.
    ///   - taskName: The task's name.
    ///   - command: What the run executes, shown in its log.
    /// - Throws: `CMKError` when the registry does not exist or its key material cannot be opened.
    public func runTask(registryName: String, taskName: String, command: String) throws -> TaskRunOutcome {
        let registry = try requireRegistry(registryName)
        try Self.validateTaskName(taskName)
        expireTaskLogs()
        let runId = "ca\(world.taskRuns.filter { $0.registry == registry.name }.count + 1)"
        var denial: AccessDenial?
        var dek: SecureBytes?
        if registry.isCMK {
            switch try unwrapRegistryDEK(registry) {
            case .success(let unwrapped): dek = unwrapped
            case .failure(let refused): denial = refused
            }
        }
        let finish = now.addingTimeInterval(denial == nil ? 3 : 1)
        let log = Self.taskLog(runId: runId, registry: registry, command: command, start: now, finish: finish,
                               denial: denial)
        let run = TaskRun(runId: runId, registry: registry.name, taskName: taskName, command: command,
                          status: denial == nil ? .succeeded : .failed, startTime: now, finishTime: finish, log: log,
                          cmk: registry.isCMK)
        world.taskRuns.append(try Self.sealed(run, keys: try contentKeys(of: registry, dek: dek)))
        let keyID = registry.encryption.flatMap { KeyIdentifier.parse($0.keyIdentifier) }
        let hint = denial.map { Remedies.fix(for: $0.code, registry: registry.name, key: keyID) }
        return TaskRunOutcome(run: run, denial: denial, hint: hint)
    }

    /// Every run of a registry, oldest first, its command and log opened; logs past retention are already gone.
    ///
    /// Runs sealed with the data key open only while it unwraps (one audited `KeyUnwrap`); while it does not, their
    /// command reads as sealed and their log as absent, as ACR cannot show them either.
    public func taskRuns(registryName: String) throws -> [TaskRun] {
        let registry = try requireRegistry(registryName)
        expireTaskLogs()
        let runs = Array(world.taskRuns.filter { $0.registry == registry.name })
        guard runs.contains(where: { $0.sealed != nil }) else { return runs }
        let platformKeys = try contentKeys(of: registry, dek: nil)
        var fullKeys: ContentKeys?
        if runs.contains(where: { $0.sealed?.withDataKey == true }) {
            fullKeys = try? contentKeys(forRegistry: registry.name, action: "read")
        }
        return try runs.map { run in
            guard let sealed = run.sealed else { return run }
            guard let keys = sealed.withDataKey ? fullKeys : platformKeys else {
                var locked = run
                locked.command = "(sealed: the registry's key is unavailable)"
                return locked
            }
            return try Self.opened(run, sealed, keys: keys)
        }
    }

    /// A run as stored: command and log sealed with `keys`, bound to the run.
    private static func sealed(_ run: TaskRun, keys: ContentKeys) throws -> TaskRun {
        var stored = run
        let row = taskRow(run)
        stored.sealed = SealedTaskText(
            withDataKey: keys.isCMK, command: try keys.index.seal(Array(run.command.utf8), row: row + [[0]]),
            log: try run.log.map { try keys.index.seal(Array($0.utf8), row: row + [[1]]) })
        stored.command = ""
        stored.log = nil
        return stored
    }

    private static func opened(_ run: TaskRun, _ sealed: SealedTaskText, keys: ContentKeys) throws -> TaskRun {
        var opened = run
        let row = taskRow(run)
        opened.command = String(decoding: try keys.index.open(sealed.command, row: row + [[0]]), as: UTF8.self)
        opened.log = try sealed.log.map { String(decoding: try keys.index.open($0, row: row + [[1]]), as: UTF8.self) }
        return opened
    }

    /// What a sealed task text is bound to: the table, the registry and the run.
    private static func taskRow(_ run: TaskRun) -> [[UInt8]] {
        [Array("task_runs".utf8), Array(run.registry.utf8), Array(run.runId.utf8)]
    }

    /// One run with its log.
    ///
    /// - Throws: `CMKError` (not found) when there is no such run, or when its log is gone because the registry
    ///   uses a customer-managed key and the run finished more than 24 hours ago.
    public func taskRun(registryName: String, runId: String) throws -> TaskRun {
        let runs = try taskRuns(registryName: registryName)
        guard let run = runs.first(where: { ResourceName($0.runId) == ResourceName(runId) }) else {
            throw CMKError(.notFound, code: .taskRunNotFound,
                           "The registry '\(registryName)' has no task run '\(runId)'.",
                           hint: "List its runs with: acrcmk task list-runs --registry \(registryName)")
        }
        if run.log == nil, world.taskRuns.contains(where: {
            $0.registry == run.registry && $0.runId == run.runId && $0.sealed?.log != nil
        }) {
            // The log is retained but sealed with the data key, which does not unwrap: say why, with the fix.
            _ = try contentKeys(forRegistry: registryName, action: "read (its task logs are sealed with its key)")
        }
        guard run.log != nil else {
            throw CMKError(.notFound, code: .taskLogExpired,
                           "The log of run \(run.runId) is gone: the registry '\(run.registry)' is encrypted with a "
                               + "customer-managed key, and ACR keeps task-run logs of such registries for 24 hours "
                               + "only. The run started at \(Timestamp.azString(run.startTime)); its log expired at "
                               + "\(Timestamp.azString(run.logExpiredAt ?? run.startTime)).",
                           hint: "Copy task logs elsewhere within 24 hours of a run if you need to keep them.")
        }
        return run
    }

    /// ACR's task names: 5 to 50 letters, digits, hyphens or underscores.
    static func validateTaskName(_ name: String) throws {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard allowed, (5...50).contains(name.count) else {
            throw CMKError.badRequest(.invalidTaskName, "The task name '\(name)' is invalid: use 5 to 50 letters, "
                + "digits, hyphens or underscores.", hint: "For example: --name build-task")
        }
    }

    /// Drops the logs of CMK registries' runs started more than 24 hours (simulated) ago.
    func expireTaskLogs() {
        for index in world.taskRuns.indices where world.taskRuns[index].cmk
            && (world.taskRuns[index].log != nil || world.taskRuns[index].sealed?.log != nil) {
            let expiry = world.taskRuns[index].startTime.addingTimeInterval(TaskRun.cmkLogRetention)
            if expiry <= now {
                world.taskRuns[index].log = nil
                world.taskRuns[index].sealed?.log = nil
                world.taskRuns[index].logExpiredAt = expiry
            }
        }
    }

    private static func taskLog(runId: String, registry: Registry, command: String, start: Date, finish: Date,
                                denial: AccessDenial?) -> String {
        func line(_ time: Date, _ text: String) -> String { "\(Timestamp.zulu(time)) \(text)" }
        var lines = [line(start, "Queued a run with ID: \(runId)"), line(start, "Waiting for an agent...")]
        if let encryption = registry.encryption {
            lines.append(line(start, "Registry \(registry.loginServer) is encrypted with a customer-managed key "
                + "(\(encryption.versionedKeyIdentifier)); unwrapping its data key as its identity."))
        } else {
            lines.append(line(start, "Registry \(registry.loginServer) is encrypted with a service-managed key."))
        }
        if let denial {
            lines.append(line(finish, "The registry cannot reach its key: \(denial)"))
            lines.append("Run ID: \(runId) failed after \(Int(finish.timeIntervalSince(start)))s. Error: ACR Tasks are "
                + "blocked while the customer-managed key is inaccessible.")
        } else {
            lines.append(line(start, "Executing step ID: acb_step_0. Working directory: ''"))
            lines.append(line(start, "$ \(command)"))
            lines.append(line(finish, "Successfully executed container: acb_step_0"))
            lines.append("Run ID: \(runId) was successful after \(Int(finish.timeIntervalSince(start)))s")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

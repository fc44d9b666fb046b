import Foundation

/// One ACR task run of a registry: when it ran, how it ended, and its log while the log is retained.
///
/// ACR keeps the run history, but the log of a run on a registry encrypted with a customer-managed key is kept
/// for 24 hours only (as Microsoft documents for registries with customer-managed keys); after that `log` is `nil` and `logExpiredAt` says when it went.
public struct TaskRun: Sendable, Codable, Equatable {
    /// `Succeeded`, or `Failed` when the registry could not reach its key.
    public enum Status: String, Sendable, Codable { case succeeded = "Succeeded", failed = "Failed" }

    /// ACR's run id: `ca1`, `ca2`, ... per registry.
    public var runId: String
    public var registry: String
    public var taskName: String
    public var command: String
    public var status: Status
    public var startTime: Date
    public var finishTime: Date
    /// The run log; `nil` once retention removed it.
    public var log: String?
    public var logExpiredAt: Date?
    /// Whether the registry was encrypted with a customer-managed key when the run happened.
    public var cmk: Bool
    /// As stored: the command and the log sealed with the registry's content keys (the data key too when it
    /// unwrapped), so the control state holds neither in the clear; `command` and `log` are then empty until
    /// `Session.taskRuns` opens them. Nil in runs recorded before runs were sealed.
    public var sealed: SealedTaskText?

    public init(runId: String, registry: String, taskName: String, command: String, status: Status, startTime: Date,
                finishTime: Date, log: String?, cmk: Bool) {
        self.runId = runId
        self.registry = registry
        self.taskName = taskName
        self.command = command
        self.status = status
        self.startTime = startTime
        self.finishTime = finishTime
        self.log = log
        self.cmk = cmk
    }

    /// How long ACR keeps task-run logs of a registry encrypted with a customer-managed key.
    public static let cmkLogRetention: TimeInterval = 24 * 3600
}

/// A task run's command and log, sealed like the registry's content index (`ContentIndexKeys.seal`).
public struct SealedTaskText: Sendable, Codable, Equatable {
    /// Whether the data key sealed them too (it unwrapped when the run was recorded).
    public var withDataKey: Bool
    public var command: [UInt8]
    /// Nil once retention removed the log.
    public var log: [UInt8]?
}


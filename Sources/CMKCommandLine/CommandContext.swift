public import CMKCore
import Foundation

/// Everything a command handler may use: its values, the global settings, the console and the services.
public struct CommandContext: Sendable {
    public let commandPath: [String]
    public let arguments: ParsedArguments
    public let settings: GlobalSettings
    public let io: CommandIO
    public let environment: [String: String]
    public let services: ToolServices
    public let dialect: CommandDialect
    /// The state home once this command has opened it: every transaction of one command uses the same open home.
    let openedStore = OpenedStore()

    /// A warning on stderr, unless `--only-show-errors`.
    public func warn(_ message: String) {
        guard !settings.onlyShowErrors else { return }
        io.writeError("WARNING: \(message)\n")
    }

    /// A progress line on stderr with `--verbose` or `--debug`.
    public func info(_ message: String) {
        guard settings.verbose || settings.debug else { return }
        io.writeError("INFO: \(message)\n")
    }

    public func debug(_ message: String) {
        guard settings.debug else { return }
        io.writeError("DEBUG: \(message)\n")
    }

    /// The converted value of one of the command's options, typed by its declaration: `String?` for an optional
    /// option, `String` for a required one (the parser has refused its absence), `Bool` for a flag.
    public subscript<Value>(option: Option<Value>) -> Value { arguments[option] }

    /// The converted value of one of the command's positional arguments.
    public subscript<Value>(argument: Argument<Value>) -> Value { arguments[argument] }
}

/// A failure a command reports: `ERROR: (Code) message` on stderr, a hint, and a non-zero exit.
public struct CommandFailure: Error, Sendable, Equatable {
    public enum Category: Sendable, Equatable {
        /// Exit 1 in both dialects.
        case failure
        /// A missing resource: exit 3 in az mode, 1 in native mode.
        case notFound
        /// A usage mistake found after parsing: exit 2 in az mode, 64 in native mode.
        case usage
    }

    public var code: ErrorCode?
    public var message: String
    public var hint: String?
    public var category: Category

    public init(code: ErrorCode? = nil, _ message: String, hint: String? = nil, category: Category = .failure) {
        self.code = code
        self.message = message
        self.hint = hint
        self.category = category
    }

    public func exitCode(for dialect: CommandDialect) -> Int32 {
        switch (category, dialect) {
        case (.failure, _): return ExitCode.failure
        case (.notFound, .az): return ExitCode.azNotFound
        case (.notFound, .native): return ExitCode.failure
        case (.usage, .az): return ExitCode.azUsage
        case (.usage, .native): return ExitCode.usage
        }
    }
}

/// Exit codes of DESIGN.md.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let azUsage: Int32 = 2
    public static let azNotFound: Int32 = 3
    /// EX_USAGE, for acrcmk's own commands.
    public static let usage: Int32 = 64
}

/// The services commands reach through; main.swift wires the real ones.
public struct ToolServices: Sendable {
    public var version: String
    /// Opens (creating if needed) the state home at a path.
    public var openState: @Sendable (String) throws -> any StateStore
    /// The files `push`, `import`, `pull` and `export` read and write; without them those commands refuse.
    public var localFiles: (any LocalContentFiles)?
    /// Runs the registry server until it is told to stop (`acrcmk serve`); nil in builds without one.
    public var serve: (@Sendable (ServeSettings, CommandIO) throws -> Void)?
    /// Starts a registry server over the state home at a path, on a free loopback port, for a drill's real clients.
    public var startServer: (@Sendable (String) throws -> RunningServer)?
    /// Makes a registry home from the state home at a path (`acrcmk vault detach`): the copy, the vault URL, the CA
    /// file to trust; nil in builds without one.
    public var makeRegistryHome: (@Sendable (_ home: String, _ destination: String, _ vaultURL: String,
                                             _ caFile: String?) throws -> Session.DetachedVaults)?

    public init(version: String, openState: @escaping @Sendable (String) throws -> any StateStore,
                localFiles: (any LocalContentFiles)? = nil,
                serve: (@Sendable (ServeSettings, CommandIO) throws -> Void)? = nil,
                startServer: (@Sendable (String) throws -> RunningServer)? = nil,
                makeRegistryHome: (@Sendable (String, String, String, String?) throws -> Session.DetachedVaults)? = nil) {
        self.makeRegistryHome = makeRegistryHome
        self.startServer = startServer
        self.version = version
        self.openState = openState
        self.localFiles = localFiles
        self.serve = serve
    }
}

extension CommandContext {
    /// Runs `body` as one transaction on the state home, turning domain errors into command failures.
    public func perform<T>(_ body: (Session) throws -> T) throws -> T {
        try perform(on: try openStore(), body)
    }

    /// Like `perform(_:)`, on a store the caller already opened (to reach its content index in the same transaction).
    public func perform<T>(on store: any StateStore, _ body: (Session) throws -> T) throws -> T {
        let started = Date()
        defer { debug("transaction on \(settings.home) took \(Int(Date().timeIntervalSince(started) * 1000)) ms") }
        do {
            return try store.perform { session in
                info("simulated time \(Timestamp.azString(session.now))")
                return try body(session)
            }
        } catch let error as CMKError {
            throw CommandFailure(error)
        }
    }

    /// The command's state home, opened on first use (opening checks the layout, the keys and the schema once).
    public func openStore() throws -> any StateStore {
        if let store = openedStore.store { return store }
        do {
            let store = try services.openState(settings.home)
            openedStore.store = store
            return store
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(
                code: .stateHomeUnavailable, "Cannot open the state home '\(settings.home)': \(error)",
                hint: "Pass --home DIR or set ACRCMK_HOME to a writable directory.")
        }
    }
}

extension CommandFailure {
    /// A domain error in the command line's terms.
    public init(_ error: CMKError) {
        let category: Category
        switch error.category {
        case .notFound: category = .notFound
        case .usage: category = .usage
        case .badRequest, .conflict, .forbidden: category = .failure
        }
        self.init(code: error.code, error.message, hint: error.hint, category: category)
    }
}

/// Holds the state home a command opened; a command runs on one thread.
final class OpenedStore: @unchecked Sendable {
    var store: (any StateStore)?
}

import CMKCore
import Foundation

/// `acrcmk serve`: the registry endpoint of every simulated registry of one state home, on one address.
public final class RegistryServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var address: String
        public var port: UInt16
        /// PEM texts of the key and certificate for HTTPS.
        public var tls: (key: String, certificate: String)?
        public var accessLogPath: String?
        public var keyCacheTTL: TimeInterval?
        public var uploadIdleTimeout: TimeInterval = 600
        /// The web console's pieces from the executable; nil: no console.
        public var console: ConsoleServices?

        public init(address: String, port: UInt16, tls: (key: String, certificate: String)? = nil,
                    accessLogPath: String? = nil, keyCacheTTL: TimeInterval? = nil) {
            self.address = address
            self.port = port
            self.tls = tls
            self.accessLogPath = accessLogPath
            self.keyCacheTTL = keyCacheTTL
        }
    }

    /// What the console needs from outside this module: the CLI's drill report rendering, and scratch copies of the
    /// state home for drills.
    public struct ConsoleServices: Sendable {
        public var renderDrillReport: @Sendable (DrillReport) -> (markdown: String, json: String)
        public var openScratchHome: @Sendable () throws -> (home: any ContentHome, remove: @Sendable () -> Void)

        public init(renderDrillReport: @escaping @Sendable (DrillReport) -> (markdown: String, json: String),
                    openScratchHome: @escaping @Sendable () throws -> (home: any ContentHome,
                                                                        remove: @Sendable () -> Void)) {
            self.renderDrillReport = renderDrillReport
            self.openScratchHome = openScratchHome
        }
    }

    private let configuration: Configuration
    private let endpoint: RegistryEndpoint
    private let daemon: HTTPDaemon
    private let consoleAccess = ConsoleAccess()

    /// - Parameter openHome: Opens the state home; called once per concurrent request (homes are pooled).
    public init(configuration: Configuration, openHome: @escaping @Sendable () throws -> any ContentHome) throws {
        self.configuration = configuration
        let log = try configuration.accessLogPath.map { try AccessLog(path: $0) }
        endpoint = RegistryEndpoint(openHome: openHome, accessLog: log, keyCacheTTL: configuration.keyCacheTTL,
                                    uploadIdleTimeout: configuration.uploadIdleTimeout)
        if let console = configuration.console {
            endpoint.console = ConsoleEndpoint(homes: endpoint.homes, access: consoleAccess,
                                               renderDrillReport: console.renderDrillReport,
                                               openScratchHome: console.openScratchHome)
        }
        var daemonConfiguration = HTTPDaemon.Configuration(address: configuration.address, port: configuration.port,
                                                           tls: configuration.tls)
        daemonConfiguration.idleTimeoutSeconds = 300
        daemon = HTTPDaemon(handler: endpoint, configuration: daemonConfiguration)
    }

    /// Starts serving; returns the base URL (`http://127.0.0.1:5000`).
    public func start() throws -> String {
        try daemon.start()
        let host = configuration.address.contains(":") ? "[\(configuration.address)]" : configuration.address
        return "\(configuration.tls == nil ? "http" : "https")://\(host):\(daemon.port)"
    }

    /// The console's address with its sign-in token (`<base>/?token=…`), when the server has a console.
    public func consoleURL(base: String) -> String? {
        endpoint.console.map { "\(base)/?token=\($0.access.token)" }
    }

    /// The port actually bound.
    public var port: UInt16 { daemon.port }

    /// Periodic housekeeping: uploads left idle are cancelled.
    public func tick() {
        endpoint.expireIdleUploads()
    }

    /// Stops accepting and closes connections; uploads in progress are discarded, nothing half-committed.
    public func stop() {
        daemon.stop()
        endpoint.shutdown()
    }
}

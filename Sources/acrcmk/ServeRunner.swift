import CMKCommandLine
import CMKCore
import CMKCrypto
import CMKServer
import CMKStore
import CMKVaultClient
import Foundation

/// Starts `acrcmk serve` on a state home and keeps it running until SIGINT or SIGTERM.
enum ServeRunner {
    static func run(_ settings: ServeSettings, io: CommandIO,
                    openHome homeOpener: @escaping @Sendable (String) throws -> StateHome) throws {
        // --vault-url: every request's session unwraps through that vault process instead of the home's setting.
        let openHome: @Sendable (String) throws -> StateHome = { path in
            let home = try homeOpener(path)
            if let url = settings.vaultURL {
                home.store.keyVaultProvider = RemoteKeyVault.provider(url: url, caFile: settings.vaultCAFile)
            }
            return home
        }
        // Opening once up front migrates the home and reports a broken one before anything listens.
        let home = try openHome(settings.home)
        var tls: (key: String, certificate: String)?
        var trustNote = ""
        if let certificatePath = settings.tlsCertificatePath, let keyPath = settings.tlsKeyPath {
            tls = (try readPEM(keyPath, what: "--tls-key"), try readPEM(certificatePath, what: "--tls-cert"))
        } else if settings.tlsSelfSigned {
            // OpenSSL matches no wildcard directly under a top-level name, so `<name>.localhost` is listed for every
            // registry and vault the home has now.
            let names = try home.perform { session in
                session.world.registries.map { "\($0.name).localhost" } + session.world.vaults.map { "\($0.name).localhost" }
            }
            let certificates = try TLSCertificates.make(
                hostNames: ["localhost", "*.azurecr.io", "*.vault.azure.net"] + names.map { $0.lowercased() },
                ipAddresses: Array(Set(["127.0.0.1", "::1", settings.address])).sorted())
            let caPath = (settings.home as NSString).appendingPathComponent("serve-ca.pem")
            do {
                try certificates.authorityCertificatePEM.write(toFile: caPath, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("Cannot write the CA certificate to '\(caPath)': \(error)")
            }
            tls = (certificates.serverKeyPEM, certificates.serverChainPEM)
            trustNote = " (CA certificate for clients to trust: \(caPath))"
        }
        var configuration = RegistryServer.Configuration(address: settings.address, port: settings.port, tls: tls,
                                                         accessLogPath: settings.accessLogPath,
                                                         keyCacheTTL: settings.keyCacheTTL)
        configuration.uploadIdleTimeout = 600
        configuration.console = RegistryServer.ConsoleServices(
            renderDrillReport: { DrillReportDocument.render($0) },
            openScratchHome: { try scratchCopy(of: settings.home, openHome: openHome) })
        let server: RegistryServer
        do {
            server = try RegistryServer(configuration: configuration, openHome: { try openHome(settings.home) })
        } catch {
            throw CommandFailure("Cannot open the access log '\(settings.accessLogPath ?? "")': \(error)")
        }
        let url: String
        do {
            url = try server.start()
        } catch {
            throw CommandFailure("\(error)", hint: "Choose another --port, or --port 0 for a free one.")
        }
        let vaultURL = try settings.vaultURL ?? home.perform { $0.remoteVaultURL }
        try InterruptDeferral.shared.deferring {
            io.writeOutput("Listening on \(url)\(trustNote)\n")
            if let vaultURL {
                io.writeOutput("Registries unwrap their keys through the Key Vault at \(vaultURL)\n")
            }
            if let console = server.consoleURL(base: url) {
                io.writeOutput("Console: \(console)\n")
            }
            var ticks = 0
            while InterruptDeferral.shared.pendingSignal == nil {
                usleep(100_000)
                ticks += 1
                if ticks % 300 == 0 { server.tick() }
            }
            io.writeError("Stopping: closing connections; uploads in progress are discarded.\n")
            server.stop()
        }
    }

    /// A server on a free loopback port over the home at `path`, for the length of one command.
    static func start(home path: String, openHome: @escaping @Sendable (String) throws -> StateHome) throws
        -> RunningServer
    {
        let server = try RegistryServer(configuration: RegistryServer.Configuration(address: "127.0.0.1", port: 0),
                                        openHome: { try openHome(path) })
        _ = try server.start()
        return RunningServer(host: "127.0.0.1:\(server.port)", stop: { server.stop() })
    }

    /// A copy of the state home for a drill, opened, and what removes it (as `acrcmk drill` does).
    static func scratchCopy(of path: String, openHome: @escaping @Sendable (String) throws -> StateHome) throws
        -> (home: any ContentHome, remove: @Sendable () -> Void)
    {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("acrcmk-drill-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        do {
            return (try openHome(copy), { try? FileManager.default.removeItem(atPath: copy) })
        } catch {
            try? FileManager.default.removeItem(atPath: copy)
            throw error
        }
    }

    private static func readPEM(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              text.contains("-----BEGIN")
        else {
            throw CommandFailure("\(what) '\(path)' is not a readable PEM file.", category: .usage)
        }
        return text
    }
}

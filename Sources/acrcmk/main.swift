import CMKCommandLine
import CMKCore
import CMKServer
import CMKStore
import CMKVaultClient
import Foundation

// An interrupted pull or export must not leave decrypted content behind.
let signalSources = InterruptCleanup.installSignalHandlers()

// Partial outputs are recorded in the command's state home, so that a pull killed outright leaves nothing behind.
let localFiles = LocalFileSystem()

@Sendable func openHome(_ path: String) throws -> StateHome {
    do {
        let home = try StateHome.open(path: path, wallClock: { Date() })
        localFiles.recordPartialOutputs(in: home)
        // A registry home (keyvault.url) unwraps through the vault served by another acrcmk process.
        home.store.keyVaultProvider = RemoteKeyVault.provider()
        return home
    } catch {
        // The store's errors name the file and the fix themselves; a generic hint would only mislead.
        throw CommandFailure(code: .stateHomeUnavailable, "Cannot open the state home '\(path)': \(error)")
    }
}

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.2.0", openState: { try openHome($0) }, localFiles: localFiles,
                           serve: { settings, io in try ServeRunner.run(settings, io: io, openHome: openHome) },
                           startServer: { path in try ServeRunner.start(home: path, openHome: openHome) },
                           makeRegistryHome: { home, destination, url, caFile in
                               try openHome(home).makeRegistryHome(at: destination, vaultURL: url, caFile: caFile,
                                                                   wallClock: { Date() })
                           })
)
let status = tool.run(Array(CommandLine.arguments.dropFirst()))
withExtendedLifetime(signalSources) {}
// Not plain exit: a signal handler that is already cleaning up ends the process itself, with the signal's status.
InterruptCleanup.shared.exit(status)

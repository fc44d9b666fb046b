import CMKCommandLine
import CMKCore
import CMKStore
import Foundation

// An interrupted pull or export must not leave decrypted content behind.
let signalSources = InterruptCleanup.installSignalHandlers()

// Partial outputs are recorded in the command's state home, so that a pull killed outright leaves nothing behind.
let localFiles = LocalFileSystem()

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.2.0", openState: { path in
        do {
            let home = try StateHome.open(path: path, wallClock: { Date() })
            localFiles.recordPartialOutputs(in: home)
            return home
        } catch {
            // The store's errors name the file and the fix themselves; a generic hint would only mislead.
            throw CommandFailure(code: .stateHomeUnavailable, "Cannot open the state home '\(path)': \(error)")
        }
    }, localFiles: localFiles)
)
let status = tool.run(Array(CommandLine.arguments.dropFirst()))
withExtendedLifetime(signalSources) {}
// Not plain exit: a signal handler that is already cleaning up ends the process itself, with the signal's status.
InterruptCleanup.shared.exit(status)

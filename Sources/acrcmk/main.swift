import CMKCommandLine
import CMKCore
import CMKStore
import Foundation

// An interrupted pull or export must not leave decrypted content behind.
let signalSources = InterruptCleanup.installSignalHandlers()

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.2.0", openState: { path in
        do {
            return try StateHome.open(path: path, wallClock: { Date() })
        } catch {
            // The store's errors name the file and the fix themselves; a generic hint would only mislead.
            throw CommandFailure(code: .stateHomeUnavailable, "Cannot open the state home '\(path)': \(error)")
        }
    }, localFiles: LocalFileSystem())
)
let status = tool.run(Array(CommandLine.arguments.dropFirst()))
withExtendedLifetime(signalSources) {}
exit(status)

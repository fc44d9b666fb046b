import CMKCommandLine
import CMKCore
import CMKStore
import Foundation

// An interrupted pull or export must not leave decrypted content behind.
let signalSources = InterruptCleanup.installSignalHandlers()

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.1.0", openState: { path in
        try StateHome.open(path: path, wallClock: { Date() })
    }, localFiles: LocalFileSystem())
)
let status = tool.run(Array(CommandLine.arguments.dropFirst()))
withExtendedLifetime(signalSources) {}
exit(status)

import CMKCommandLine
import CMKCore
import CMKStore
import Foundation

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.1.0", openState: { path in
        try StateHome.open(path: path, wallClock: { Date() })
    })
)
exit(tool.run(Array(CommandLine.arguments.dropFirst())))

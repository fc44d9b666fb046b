import CMKCommandLine
import Foundation

let tool = CommandLineTool(
    io: .standard,
    environment: ProcessInfo.processInfo.environment,
    services: ToolServices(version: "0.1.0")
)
exit(tool.run(Array(CommandLine.arguments.dropFirst())))

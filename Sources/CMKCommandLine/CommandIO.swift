import Foundation

/// The console and files as the command line sees them; tests pass a capturing stand-in.
public struct CommandIO: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Everything on standard input (for `acrcmk query` without `--input`).
    public var readInput: @Sendable () throws -> [UInt8]
    /// One line typed by the user, for confirmations; `nil` when input is closed.
    public var readLine: @Sendable () -> String?
    public var outputIsTerminal: Bool
    public var errorIsTerminal: Bool
    public var inputIsTerminal: Bool

    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        readInput: @escaping @Sendable () throws -> [UInt8] = { [] },
        readLine: @escaping @Sendable () -> String? = { nil },
        outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false,
        inputIsTerminal: Bool = false
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readInput = readInput
        self.readLine = readLine
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.inputIsTerminal = inputIsTerminal
    }

    /// The process's own standard streams.
    public static var standard: CommandIO {
        CommandIO(
            writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
            readLine: { Swift.readLine(strippingNewline: true) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            inputIsTerminal: isatty(STDIN_FILENO) == 1
        )
    }
}

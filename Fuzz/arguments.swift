import JMESPath

@testable import CMKCommandLine

/// The argument parser over acrcmk's whole command tree (native commands and the `az` surface) and its global
/// options, then what `CommandLineTool.run` does with the result before any handler runs: the global settings,
/// the `--query` compilation, the help text or the usage error in both dialects.
///
/// The input is the argument list, NUL-separated. az's `@file` expansion is replaced by the identity: reading
/// whatever file a mutation names is not the parser's behaviour, and could block on a FIFO.
private let root = CommandTree.root()
private let helpFormatter = HelpFormatter(program: CommandLineTool.program, globalOptions: GlobalOptions.specs)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let tokens = FuzzInput(data, size).textParts()
    let parser = ArgumentParser(root: root, globalOptions: GlobalOptions.specs, azValueExpansion: { value, _ in value })
    do {
        let invocation = try parser.parse(tokens)
        if invocation.helpRequested {
            _ = helpFormatter.help(for: invocation.path)
            return 0
        }
        _ = helpFormatter.usage(for: invocation.path)
        if let settings = try? GlobalSettings(invocation.global, environment: [:]), let query = settings.queryText {
            _ = try? JMESPathExpression(query)
        }
    } catch let error as UsageError {
        _ = error.message(dialect: .native, program: CommandLineTool.program)
        _ = error.message(dialect: .az, program: "az")
    } catch {
        // Only az's `@file` expansion throws anything else, and it is the identity here.
        preconditionFailure("the argument parser threw \(error)")
    }
    return 0
}

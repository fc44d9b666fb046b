/// The options every command accepts, wherever they stand on the line.
enum GlobalOptions {
    static let home = Option<StateHomePath?>(
        "home", valueName: "dir", help: "State home (default: $ACRCMK_HOME, else ~/.acrcmk).")
    static let output = Option<OutputFormat?>("output", short: "o", valueName: "format", help: "Output format.")
    static let query = Option<String?>(
        "query", valueName: "jmespath", help: "JMESPath query string. See http://jmespath.org/ for examples.")
    static let verbose = Option<Bool>(flag: "verbose", help: "Increase logging verbosity.")
    static let debug = Option<Bool>(flag: "debug", help: "Increase logging verbosity to show all debug logs.")
    static let onlyShowErrors = Option<Bool>(flag: "only-show-errors", help: "Only show errors, suppressing warnings.")
    static let subscription = Option<String?>(
        "subscription", help: "Name or ID of subscription (accepted for az compatibility; there is one).",
        hidden: true)

    static let specs: [OptionSpec] = ([home, output, query, verbose, debug, onlyShowErrors, subscription]
        as [any CommandOption]).map(\.spec)
}

extension OutputFormat: ExpressibleByArgument {}

/// A state home's path as `--home` gives it: any path but the empty one, which names no directory (and used to
/// reach `StateHome.open`'s precondition).
struct StateHomePath: ExpressibleByArgument {
    let path: String

    init(argument: String) throws(ValueConversionError) {
        guard !argument.isEmpty else {
            throw .refused("A state home needs a directory path: pass --home DIR, or leave --home out to use "
                + "$ACRCMK_HOME, else ~/.acrcmk.")
        }
        path = argument
    }
}

/// The global options of one invocation, resolved.
public struct GlobalSettings: Sendable {
    public var home: String
    /// The format asked for with `--output`, if any.
    public var requestedFormat: OutputFormat?
    public var queryText: String?
    public var verbose: Bool
    public var debug: Bool
    public var onlyShowErrors: Bool

    /// Resolves the global options: the state home from `--home`, else `ACRCMK_HOME`, else `~/.acrcmk`.
    ///
    /// - Throws: `UsageError` when `ACRCMK_HOME` is set but empty: quietly falling back to `~/.acrcmk` would act on a
    ///   home the user did not ask for. (An empty `--home` is refused by the parser, as `StateHomePath`.)
    init(_ parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        if let home = parsed[GlobalOptions.home] {
            self.home = home.path
        } else if let home = environment["ACRCMK_HOME"] {
            guard !home.isEmpty else {
                throw UsageError(.message("The environment variable ACRCMK_HOME is set but empty: a state home "
                    + "needs a directory path. Set it to a directory, unset it to use ~/.acrcmk, or pass --home DIR."))
            }
            self.home = home
        } else {
            self.home = (environment["HOME"] ?? ".") + "/.acrcmk"
        }
        requestedFormat = parsed[GlobalOptions.output]
        queryText = parsed[GlobalOptions.query]
        verbose = parsed[GlobalOptions.verbose]
        debug = parsed[GlobalOptions.debug]
        onlyShowErrors = parsed[GlobalOptions.onlyShowErrors]
    }
}

/// The options every command accepts, wherever they stand on the line.
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("home", valueName: "dir", help: "State home (default: $ACRCMK_HOME, else ~/.acrcmk)."),
        OptionSpec(
            "output", short: "o", valueName: "format",
            help: "Output format.", allowedValues: OutputFormat.allCases.map(\.rawValue)),
        OptionSpec(
            "query", valueName: "jmespath", help: "JMESPath query string. See http://jmespath.org/ for examples."),
        .flag("verbose", help: "Increase logging verbosity."),
        .flag("debug", help: "Increase logging verbosity to show all debug logs."),
        .flag("only-show-errors", help: "Only show errors, suppressing warnings."),
        OptionSpec(
            "subscription", help: "Name or ID of subscription (accepted for az compatibility; there is one).",
            hidden: true),
    ]
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
    /// - Throws: `UsageError` when `--home` or `ACRCMK_HOME` is given but empty: an empty path names no directory,
    ///   and quietly falling back to `~/.acrcmk` would act on a home the user did not ask for.
    init(_ parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        if let home = parsed.string("home") {
            guard !home.isEmpty else {
                throw UsageError(.message("The value '' is invalid for '--home <dir>': a state home needs a "
                    + "directory path. Pass --home DIR, or leave --home out to use $ACRCMK_HOME, else ~/.acrcmk."))
            }
            self.home = home
        } else if let home = environment["ACRCMK_HOME"] {
            guard !home.isEmpty else {
                throw UsageError(.message("The environment variable ACRCMK_HOME is set but empty: a state home "
                    + "needs a directory path. Set it to a directory, unset it to use ~/.acrcmk, or pass --home DIR."))
            }
            self.home = home
        } else {
            self.home = (environment["HOME"] ?? ".") + "/.acrcmk"
        }
        requestedFormat = parsed.string("output").flatMap(OutputFormat.init(rawValue:))
        queryText = parsed.string("query")
        verbose = parsed.flag("verbose")
        debug = parsed.flag("debug")
        onlyShowErrors = parsed.flag("only-show-errors")
    }
}

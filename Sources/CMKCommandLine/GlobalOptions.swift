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

    init(_ parsed: ParsedArguments, environment: [String: String]) {
        if let home = parsed.string("home") {
            self.home = home
        } else if let home = environment["ACRCMK_HOME"], !home.isEmpty {
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

/// The options every command accepts, wherever they stand on the line.
enum GlobalOptions {
    static let home = Option<String?>(
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
        if let home = parsed[GlobalOptions.home] {
            self.home = home
        } else if let home = environment["ACRCMK_HOME"], !home.isEmpty {
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

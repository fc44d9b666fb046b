import Testing
@testable import CMKCommandLine

@Suite("Argument parser")
struct ArgumentParserTests {
    static let leaf = CommandSpec(
        "create",
        abstract: "Create a thing.",
        options: [
            OptionSpec("name", short: "n", help: "The name.", required: true),
            OptionSpec("sku", help: "The SKU.", allowedValues: ["Basic", "Standard", "Premium"]),
            OptionSpec("enable-purge-protection", arity: .threeState, help: "Purge protection."),
            OptionSpec("key-permissions", arity: .multiple, help: "Permissions."),
            .flag("yes", short: "y", help: "Do not prompt."),
        ],
        handler: { _ in .empty }
    )
    static let root = CommandSpec("tool", abstract: "Root.", subcommands: [
        CommandSpec("thing", abstract: "Things.", subcommands: [leaf]),
    ])
    static let azRoot = CommandSpec("tool", abstract: "Root.", subcommands: [
        CommandSpec("thing", abstract: "Things.", dialect: .az, subcommands: [
            { var spec = leaf; spec.dialect = .az; return spec }(),
        ]),
    ])

    let parser = ArgumentParser(root: Self.root, globalOptions: GlobalOptions.specs)

    @Test func separatedAndInlineValuesAndGlobalsAnywhere() throws {
        let parsed = try parser.parse(["--output", "tsv", "thing", "create", "--name=reg1", "--sku", "premium", "-y",
                                       "--query", "a.b"])
        #expect(parsed.names == ["tool", "thing", "create"])
        #expect(parsed.arguments.string("name") == "reg1")
        #expect(parsed.arguments.string("sku") == "Premium", "enum values match case-insensitively and normalise")
        #expect(parsed.arguments.flag("yes"))
        #expect(parsed.global.string("output") == "tsv")
        #expect(parsed.global.string("query") == "a.b")
    }

    @Test func threeStateFlags() throws {
        #expect(try parser.parse(["thing", "create", "-n", "x", "--enable-purge-protection"])
            .arguments.bool("enable-purge-protection") == true)
        #expect(try parser.parse(["thing", "create", "-n", "x", "--enable-purge-protection", "false"])
            .arguments.bool("enable-purge-protection") == false)
        #expect(try parser.parse(["thing", "create", "--enable-purge-protection=true", "-n", "x"])
            .arguments.bool("enable-purge-protection") == true)
        #expect(try parser.parse(["thing", "create", "-n", "x"]).arguments.bool("enable-purge-protection") == nil)
    }

    @Test func multipleValuesStopAtTheNextOption() throws {
        let parsed = try parser.parse(["thing", "create", "--key-permissions", "get", "unwrapKey", "wrapKey", "-n", "x"])
        #expect(parsed.arguments.strings("key-permissions") == ["get", "unwrapKey", "wrapKey"])
        #expect(parsed.arguments.string("name") == "x")
    }

    @Test func doubleDashEndsOptions() throws {
        let spec = CommandSpec("echo", abstract: "Echo.", arguments: [ArgumentSpec("words", help: "w", variadic: true)],
                               handler: { _ in .empty })
        let parser = ArgumentParser(root: CommandSpec("tool", abstract: "r", subcommands: [spec]), globalOptions: [])
        let parsed = try parser.parse(["echo", "--", "--not-an-option", "-x"])
        #expect(parsed.arguments.positionalList("words") == ["--not-an-option", "-x"])
    }

    @Test func unknownOptionSuggestsTheClosest() {
        #expect(throws: UsageError(.unknownOption("--nme", suggestion: "--name"), commandPath: ["thing", "create"])) {
            try parser.parse(["thing", "create", "--nme", "x"])
        }
        let error = UsageError(.unknownOption("--nme", suggestion: "--name"))
        #expect(error.message(dialect: .native, program: "tool") == "Unknown option '--nme'. Did you mean '--name'?")
    }

    @Test func missingRequiredOptionsInBothDialects() throws {
        do {
            _ = try parser.parse(["thing", "create"])
            Issue.record("expected a usage error")
        } catch let error as UsageError {
            #expect(error.message(dialect: .native, program: "tool thing create")
                == "Missing expected argument '--name <name>'")
            #expect(error.message(dialect: .az, program: "tool thing create")
                == "the following arguments are required: --name/-n")
        }
    }

    @Test func invalidEnumValueNamesTheChoices() throws {
        do {
            _ = try parser.parse(["thing", "create", "-n", "x", "--sku", "Gold"])
            Issue.record("expected a usage error")
        } catch let error as UsageError {
            #expect(error.message(dialect: .native, program: "tool thing create")
                == "The value 'Gold' is invalid for '--sku <sku>'. Please provide one of 'Basic', 'Standard' or 'Premium'.")
            #expect(error.message(dialect: .az, program: "az thing create")
                == "az thing create: 'Gold' is not a valid value for '--sku'. Allowed values: Basic, Standard, Premium.")
        }
    }

    @Test func missingValueIsAnError() {
        #expect(throws: UsageError.self) { try parser.parse(["thing", "create", "--name"]) }
        #expect(throws: UsageError.self) { try parser.parse(["thing", "create", "--name", "--yes"]) }
    }

    @Test func unknownSubcommandSuggests() {
        #expect(throws: UsageError(.unknownSubcommand("crate", suggestion: "create"), commandPath: ["thing"])) {
            try parser.parse(["thing", "crate"])
        }
    }

    @Test func helpAnywhereWins() throws {
        let parsed = try parser.parse(["thing", "create", "--bogus", "-h"])
        #expect(parsed.helpRequested)
        #expect(parsed.names == ["tool", "thing", "create"])
    }

    @Test(arguments: [("--name", "--nme", 1), ("create", "crate", 1), ("abc", "bca", 2), ("key", "kye", 1)])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestions.distance(a, b) == expected)
    }
}

import CMKCore
import Foundation
import Testing
@testable import CMKCommandLine

/// Typed options and arguments: the parser converts each value while it parses, and refuses a bad one in the
/// parser's words, before any handler runs.
@Suite("Typed options")
struct OptionTests {
    enum Tier: String, CaseIterable, ExpressibleByArgument {
        case basic = "Basic", standard = "Standard", premium = "Premium"
    }

    static let name = Option<String>("name", short: "n", help: "The name.")
    static let count = Option<Int?>("count", help: "How many.")
    static let top = Option<Int?>("top", valueName: "n", help: "At most.", transform: ArgumentTypes.count)
    static let tier = Option<Tier?>("tier", help: "The tier.")
    static let requiredTier = Option<Tier>("required-tier", help: "The tier, required.")
    static let expires = Option<Date?>("expires", help: "When.", transform: ArgumentTypes.azDateTime)
    static let lag = Option<ISODuration?>("lag", help: "How long.")
    static let keyID = Option<KeyIdentifier?>(
        "id", valueName: "url", help: "A key.", transform: KeyCommands.keyIdentifier)
    static let sizes = Option<[Int]?>("sizes", help: "Sizes.")
    static let tiers = Option<[Tier]?>("tiers", help: "Tiers.")
    static let enabled = Option<Bool?>(threeState: "enabled", help: "Enabled.")
    static let yes = Option<Bool>(flag: "yes", short: "y", help: "Do not prompt.")
    static let duration = Argument<ISODuration>("duration", help: "How far.")

    static let leaf = CommandSpec(
        "make", abstract: "Make a thing.",
        options: [name, count, top, tier, requiredTier, expires, lag, keyID, sizes, tiers, enabled, yes],
        arguments: [duration],
        handler: { _ in .empty })

    /// The same tree in both dialects, so that every error can be read in both wordings.
    static func root(_ dialect: CommandDialect) -> CommandSpec {
        var leaf = Self.leaf
        leaf.dialect = dialect
        return CommandSpec("tool", abstract: "Root.", subcommands: [
            CommandSpec("thing", abstract: "Things.", dialect: dialect, subcommands: [leaf]),
        ])
    }

    static let required = ["-n", "x", "--required-tier", "basic", "P1D"]

    func parse(_ arguments: [String], dialect: CommandDialect = .native,
               expansion: (@Sendable (String, OptionSpec) throws -> String)? = nil) throws -> ParsedArguments {
        let parser = ArgumentParser(root: Self.root(dialect), globalOptions: [], azValueExpansion: expansion)
        return try parser.parse(["thing", "make"] + arguments).arguments
    }

    /// The usage error `arguments` raise, in both dialects' words.
    func messages(_ arguments: [String]) -> (native: String, az: String)? {
        do {
            _ = try parse(arguments + Self.required)
            return nil
        } catch let error as UsageError {
            return (error.message(dialect: .native, program: "tool thing make"),
                    error.message(dialect: .az, program: "tool thing make"))
        } catch {
            return nil
        }
    }

    // MARK: - Values

    @Test func valuesArriveTyped() throws {
        let parsed = try parse(["--count", "-3", "--top=2", "--tier", "PREMIUM", "--expires", "2027-01-01T00:00:00Z",
                                "--lag", "pt1h", "--id", "https://kv1.vault.azure.net/keys/k1/abc", "-y", "-n", "reg",
                                "--required-tier", "standard", "P95D"])
        #expect(parsed[Self.name] == "reg")
        #expect(parsed[Self.count] == -3, "a negative number is a value, not an option")
        #expect(parsed[Self.top] == 2)
        #expect(parsed[Self.tier] == .premium)
        #expect(parsed[Self.requiredTier] == .standard)
        #expect(parsed[Self.expires] == Timestamp.parse("2027-01-01T00:00:00Z"))
        #expect(parsed[Self.lag] == (try ISODuration("PT1H")))
        #expect(parsed[Self.keyID] == KeyIdentifier(vaultName: "kv1", keyName: "k1", version: "abc"))
        #expect(parsed[Self.yes])
        #expect(parsed[Self.duration] == (try ISODuration("P95D")))
        #expect(parsed[Self.enabled] == nil)
        #expect(parsed[Self.sizes] == nil, "an absent multiple-valued option is nil, not empty")
    }

    @Test func absentOptionalValuesAreNilAndFlagsFalse() throws {
        let parsed = try parse(Self.required)
        #expect(parsed[Self.count] == nil)
        #expect(parsed[Self.tier] == nil)
        #expect(parsed[Self.expires] == nil)
        #expect(!parsed[Self.yes])
        #expect(try !parse(Self.required + ["--yes=false"])[Self.yes])
    }

    @Test(arguments: [
        (["--enabled"], true), (["--enabled", "false"], false), (["--enabled=no"], false), (["--enabled", "1"], true),
    ])
    func threeStateFlags(arguments: [String], expected: Bool) throws {
        #expect(try parse(arguments + Self.required)[Self.enabled] == expected)
    }

    // MARK: - Conversion errors, per type

    @Test(arguments: [
        (["--count", "abc"],
         "The value 'abc' is invalid for '--count <count>'",
         "argument --count: invalid int value: 'abc'"),
        (["--count", "1.5"],
         "The value '1.5' is invalid for '--count <count>'",
         "argument --count: invalid int value: '1.5'"),
        (["--top", "-1"],
         "The value '-1' is invalid for '--top <n>'. Please provide an integer of at least 0.",
         "argument --top: invalid int value: '-1'. Please provide an integer of at least 0."),
        (["--expires", "tomorrow"],
         "The value 'tomorrow' is invalid for '--expires <expires>'. Use the format 'Y-m-d'T'H:M:S'Z'', "
            + "e.g. 2027-01-01T00:00:00Z.",
         "argument --expires: invalid datetime value: 'tomorrow'. Use the format 'Y-m-d'T'H:M:S'Z'', "
            + "e.g. 2027-01-01T00:00:00Z."),
        (["--lag", "P1Y1Y"],
         "The value 'P1Y1Y' is invalid for '--lag <lag>'. 'P1Y1Y' is not an ISO-8601 duration. Write durations like "
            + "P30D (30 days), P1Y (one year), PT1H (one hour) or P1DT12H: each component once, in the order Y, M, "
            + "W, D, then T and H, M, S.",
         "argument --lag: invalid duration value: 'P1Y1Y'. 'P1Y1Y' is not an ISO-8601 duration. Write durations like "
            + "P30D (30 days), P1Y (one year), PT1H (one hour) or P1DT12H: each component once, in the order Y, M, "
            + "W, D, then T and H, M, S."),
        (["--id", "notaurl"],
         "The value 'notaurl' is invalid for '--id <url>'. 'notaurl' is not a key identifier "
            + "(https://<vault>.vault.azure.net/keys/<name>[/<version>]).",
         "argument --id: 'notaurl' is not a key identifier (https://<vault>.vault.azure.net/keys/<name>[/<version>])."),
        (["--sizes", "1", "two"],
         "The value 'two' is invalid for '--sizes <sizes> ...'",
         "argument --sizes: invalid int value: 'two'"),
        (["--enabled=maybe"],
         "The value 'maybe' is invalid for '--enabled [true|false]'. Please provide one of 'true' or 'false'.",
         "tool thing make: 'maybe' is not a valid value for '--enabled'. Allowed values: true, false."),
    ])
    func conversionErrorsAreTheParsers(arguments: [String], native: String, az: String) {
        let words = messages(arguments)
        #expect(words?.native == native)
        #expect(words?.az == az)
    }

    @Test func aPositionalArgumentIsNamedAsSwiftArgumentParserNamesIt() {
        #expect(throws: UsageError(
            .unconvertibleValue(
                "soon", argument: Self.duration.argumentSpec.identity,
                .invalid("duration", reason: "'soon' is not an ISO-8601 duration. Write durations like P30D (30 days), "
                    + "P1Y (one year), PT1H (one hour) or P1DT12H: each component once, in the order Y, M, W, D, "
                    + "then T and H, M, S.")),
            commandPath: ["thing", "make"])) {
            try parse(["-n", "x", "--required-tier", "basic", "soon"])
        }
        let error = UsageError(.unconvertibleValue("soon", argument: Self.duration.argumentSpec.identity,
                                                   .invalid("duration")))
        #expect(error.message(dialect: .native, program: "tool") == "The value 'soon' is invalid for '<duration>'")
    }

    // MARK: - Enumerations

    @Test(arguments: ["premium", "PREMIUM", "Premium", "pReMiUm"])
    func enumerationsMatchIgnoringCase(spelling: String) throws {
        let parsed = try parse(["--tier", spelling] + Self.required)
        #expect(parsed[Self.tier] == .premium)
        #expect(parsed.string("tier") == "Premium", "the text is normalised to the declared spelling")
        #expect(try Tier(argument: spelling) == .premium)
    }

    @Test func anEnumerationsCasesAreItsAllowedValuesForHelpAndErrors() {
        #expect(Self.tier.spec.allowedValues == ["Basic", "Standard", "Premium"])
        #expect(Tier.allValueStrings == ["Basic", "Standard", "Premium"])
        #expect(KeyCommands.Create.kty.spec.allowedValues == ["EC", "EC-HSM", "RSA", "RSA-HSM", "oct", "oct-HSM"],
                "a declaration may list the cases in another order")
        let help = HelpFormatter(program: "tool", globalOptions: []).help(for: [Self.root(.native), Self.root(.native)
            .subcommands[0], Self.root(.native).subcommands[0].subcommands[0]])
        #expect(help.contains("(values: Basic, Standard, Premium)"))
        #expect(throws: ValueConversionError.refused("Please provide one of 'Basic', 'Standard' or 'Premium'.")) {
            try Tier(argument: "Gold")
        }
    }

    @Test func aMistypedCaseSuggestsTheClosest() {
        let words = messages(["--tier", "premum"])
        #expect(words?.native == "The value 'premum' is invalid for '--tier <tier>'. Please provide one of 'Basic', "
                + "'Standard' or 'Premium'. Did you mean 'Premium'?")
        #expect(words?.az == "tool thing make: 'premum' is not a valid value for '--tier'. Allowed values: Basic, "
                + "Standard, Premium.\nDid you mean 'Premium' ?")
        let far = messages(["--tier", "Gold"])
        #expect(far?.native == "The value 'Gold' is invalid for '--tier <tier>'. Please provide one of 'Basic', "
                + "'Standard' or 'Premium'.", "no suggestion when nothing is close")
    }

    // MARK: - Required options

    @Test func aRequiredTypedOptionIsRefusedWhenAbsentAndReadWithoutOptional() throws {
        #expect(Self.name.spec.isRequired)
        #expect(Self.requiredTier.spec.isRequired)
        #expect(!Self.tier.spec.isRequired)
        #expect(Self.tier.required().spec.isRequired, "required() keeps the declaration and requires it")
        do {
            _ = try parse(["-n", "x", "P1D"])
            Issue.record("expected a usage error")
        } catch let error as UsageError {
            #expect(error.message(dialect: .native, program: "tool thing make")
                    == "Missing expected argument '--required-tier <tier>'")
            #expect(error.message(dialect: .az, program: "tool thing make")
                    == "the following arguments are required: --required-tier")
        }
        let tier: Tier = try parse(Self.required)[Self.requiredTier]
        #expect(tier == .basic)
    }

    // MARK: - Multiple values

    @Test func multipleValuedOptionsConvertEveryValue() throws {
        let parsed = try parse(["--sizes", "2048", "3072", "--tiers", "basic", "PREMIUM"] + Self.required)
        #expect(parsed[Self.sizes] == [2048, 3072])
        #expect(parsed[Self.tiers] == [.basic, .premium])
        #expect(parsed.strings("tiers") == ["Basic", "Premium"])
        #expect(messages(["--tiers", "basic", "gold"])?.native
                == "The value 'gold' is invalid for '--tiers <tiers> ...'. Please provide one of 'Basic', 'Standard' "
                + "or 'Premium'.")
        #expect(AzOptions.tags.spec.arity == .multiple)
    }

    @Test func mappedOptionsReadThroughTheirTransform() throws {
        let root = CommandSpec("tool", abstract: "r", subcommands: [
            CommandSpec("tag", abstract: "t", dialect: .az, options: [AzOptions.tags], handler: { _ in .empty }),
        ])
        let parser = ArgumentParser(root: root, globalOptions: [])
        #expect(try parser.parse(["tag", "--tags", "a=b", "c"]).arguments[AzOptions.tags] == ["a": "b", "c": ""])
        #expect(try parser.parse(["tag", "--tags", ""]).arguments[AzOptions.tags] == [:])
        #expect(try parser.parse(["tag"]).arguments[AzOptions.tags] == nil)
    }

    // MARK: - Where conversion happens

    @Test func azFileValuesAreExpandedBeforeConversion() throws {
        let parsed = try parse(["--count", "@count.txt"] + Self.required, dialect: .az) { value, _ in
            value == "@count.txt" ? "12" : value
        }
        #expect(parsed[Self.count] == 12)
        #expect(throws: UsageError.self) {
            try parse(["--count", "@count.txt"] + Self.required, dialect: .az) { value, _ in
                value == "@count.txt" ? "twelve" : value
            }
        }
        let native = try? parse(["--count", "@count.txt"] + Self.required) { _, _ in "12" }
        #expect(native == nil, "acrcmk's own commands do not expand @file")
    }

    @Test func helpWinsOverAValueThatWouldNotConvert() throws {
        let parser = ArgumentParser(root: Self.root(.native), globalOptions: [])
        #expect(try parser.parse(["thing", "make", "--count", "abc", "--help"]).helpRequested)
    }

    @Test func aBadValueIsRefusedBeforeTheHandlerOrAnyTransaction() {
        let harness = StatefulHarness()
        let before = harness.store.world

        // Run, these would fail later for another reason (no such registry, a future clock); the parser stops them.
        let az = harness.run("az", "acr", "repository", "list", "-n", "nosuchregistry", "--top", "many")
        #expect(az.exitCode == ExitCode.azUsage)
        #expect(az.stderr == "ERROR: argument --top: invalid int value: 'many'\n\nTo learn more about the command, "
                + "run 'acrcmk az acr repository list --help'.\n")
        let native = harness.run("clock", "set", "tomorrow")
        #expect(native.exitCode == ExitCode.usage)
        #expect(native.stderr == "ERROR: The value 'tomorrow' is invalid for '<time>'. Write e.g. "
                + "2027-01-01T00:00:00Z.\nUsage: acrcmk clock set [--backwards] <time>\n  See 'acrcmk help clock set' for more "
                + "details.\n")
        #expect(harness.store.world == before)
    }
}

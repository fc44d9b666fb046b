import Foundation
import Testing

/// The classes of the 161 mistakes a new user made on 0.1: each gets a message naming the problem (and the fix,
/// where there is one), a non-zero exit of the right kind, and changes nothing. One registry, `cmkrbac`, set up
/// as `setup` makes it, plus a plain Premium and a Basic registry, as in the survey.
@Suite("New users' mistakes")
struct NewUserMistakeTests {
    struct Mistake: CustomStringConvertible {
        var arguments: [String]
        var exit: Int32
        var says: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    static let mistakes: [Mistake] = [
        // Typos at every level, with "Did you mean".
        Mistake(arguments: ["stauts"], exit: 64, says: ["Did you mean 'status'?"]),
        Mistake(arguments: ["chek-health"], exit: 64, says: ["Did you mean 'check-health'?"]),
        Mistake(arguments: ["clock", "advnace", "P1D"], exit: 64, says: ["Did you mean 'advance'?"]),
        Mistake(arguments: ["check-health", "--registy", "cmkrbac"], exit: 64, says: ["Did you mean '--registry'?"]),
        Mistake(arguments: ["check-health", "cmkrbac"], exit: 64, says: ["Did you mean '--registry cmkrbac'?"]),
        Mistake(arguments: ["revoke", "--registry", "cmkrbac", "--method", "revoke-all"], exit: 64,
                says: ["'revoke-all' is invalid for '--method"]),
        Mistake(arguments: ["fsck", "--fix"], exit: 64, says: ["Unknown option '--fix'"]),
        Mistake(arguments: ["version"], exit: 64, says: ["Did you mean '--version'?"]),
        Mistake(arguments: ["audit", "-r", "nosuchreg"], exit: 1, says: ["No registry named 'nosuchreg'"]),
        Mistake(arguments: ["status", "cmkrbac"], exit: 64, says: ["Unexpected argument 'cmkrbac'"]),
        Mistake(arguments: ["status", "-o", "xml"], exit: 64, says: ["'xml' is invalid for '--output"]),
        Mistake(arguments: ["az", "acr", "update", "-n", "cmkrbac", "--admin-enabled", "maybe"], exit: 2,
                says: ["'maybe' is not a valid value for '--admin-enabled'. Allowed values: true, false."]),
        // Missing things: exit 1 with what exists instead.
        Mistake(arguments: ["check-health", "--registry", "nosuchreg"], exit: 1,
                says: ["nosuchreg", "Registries here: basicreg, cmkrbac, plainreg."]),
        Mistake(arguments: ["check-health", "--registry", "cmkrbc"], exit: 1, says: ["Did you mean 'cmkrbac'?"]),
        Mistake(arguments: ["check-health", "--registry", "kv-cmkrbac"], exit: 1,
                says: ["'kv-cmkrbac' is a Key Vault, not a registry."]),
        Mistake(arguments: ["push", "kv-cmkrbac", "app:v1", "hello.txt"], exit: 1,
                says: ["'kv-cmkrbac' is a Key Vault, not a registry."]),
        Mistake(arguments: ["az", "acr", "show", "-n", "cmkrbac-identity"], exit: 3,
                says: ["'cmkrbac-identity' is a managed identity (resource group cmkrbac-rg), not a registry."]),
        Mistake(arguments: ["az", "keyvault", "show", "-n", "cmkrbac"], exit: 3,
                says: ["'cmkrbac' is a registry, not a Key Vault; its key is in vault 'kv-cmkrbac'."]),
        Mistake(arguments: ["az", "acr", "encryption", "show", "-n", "cmkrbac", "-g", "wrongrg"], exit: 3,
                says: ["Registry 'cmkrbac' is in resource group 'cmkrbac-rg', not 'wrongrg'."]),
        Mistake(arguments: ["audit", "--vault", "nosuchvault"], exit: 1, says: ["No Key Vault named 'nosuchvault'"]),
        Mistake(arguments: ["audit", "--vault", "cmkrbac"], exit: 1, says: ["'cmkrbac' is a registry"]),
        Mistake(arguments: ["az", "group", "delete", "-n", "nosuchrg", "--yes"], exit: 3, says: ["az group list"]),
        // Keys that are not there, and hints about the key at hand.
        Mistake(arguments: ["rotate", "--registry", "cmkrbac", "--key-id",
                            "https://kv-cmkrbac.vault.azure.net/keys/nokey"],
                exit: 1, says: ["az keyvault key create --name nokey --vault-name kv-cmkrbac"]),
        Mistake(arguments: ["rotate", "--registry", "cmkrbac", "--key-id",
                            "https://kv-cmkrbac.vault.azure.net/keys/cmkrbac-cmk/00000000000000000000000000000000"],
                exit: 1, says: ["has no version '00000000000000000000000000000000'", "az keyvault key list-versions"]),
        Mistake(arguments: ["rotate", "--registry", "cmkrbac", "--key-id",
                            "https://novault.vault.azure.net/keys/cmkrbac-cmk"],
                exit: 1, says: ["No vault named 'novault' exists"]),
        Mistake(arguments: ["az", "acr", "encryption", "rotate-key", "-n", "cmkrbac", "--key-encryption-key",
                            "https://kv-cmkrbac.vault.azure.net/keys/nokey"],
                exit: 3, says: ["--name nokey --vault-name kv-cmkrbac"]),
        // Facts about the registry are failed preconditions (exit 1), not usage errors.
        Mistake(arguments: ["revoke", "--registry", "plainreg", "--method", "disable-key"], exit: 1,
                says: ["(CMK_NOT_ENABLED)", "there is no key to revoke or recover"]),
        Mistake(arguments: ["rotate", "--registry", "plainreg", "--new-version"], exit: 1,
                says: ["key rotation is only applicable to registries with CMK enabled"]),
        // Drills that cannot run say why before doing anything.
        Mistake(arguments: ["drill", "--registry", "plainreg", "--method", "disable-key"], exit: 1,
                says: ["'plainreg' is not encrypted with a customer-managed key", "Nothing was tried."]),
        Mistake(arguments: ["drill", "--registry", "basicreg", "--method", "disable-key"], exit: 1,
                says: ["its SKU is Basic; CMK needs Premium"]),
        Mistake(arguments: ["drill", "--registry", "cmkrbac", "--method", "disable-key", "--report",
                            "/nonexistent-folder/drill.md"],
                exit: 64, says: ["'/nonexistent-folder' is not a folder you can write to"]),
        Mistake(arguments: ["drill", "--registry", "cmkrbac", "--method", "disable-key", "--in-place", "--keep-state",
                            "--yes"],
                exit: 64, says: ["pass one or the other"]),
        // Inputs that used to be accepted and change state.
        Mistake(arguments: ["setup", "--registry", "moonreg", "--location", "moon"], exit: 1,
                says: ["'moon' is not available"]),
        Mistake(arguments: ["setup", "--registry", "x", "--dry-run"], exit: 64, says: ["5-50"]),
        Mistake(arguments: ["push", "cmkrbac", "otherreg.azurecr.io/app:v1", "hello.txt"], exit: 64,
                says: ["names the registry 'otherreg.azurecr.io'"]),
        Mistake(arguments: ["clock", "set", "2020-01-01T00:00:00Z"], exit: 64, says: ["--backwards"]),
        Mistake(arguments: ["clock", "advance", "P1000Y"], exit: 64, says: ["at most P100Y"]),
    ]

    /// Everything a mistake could have changed, as the user sees it.
    static func snapshot(_ tool: BuiltTool) throws -> String {
        let registries = try tool.run("status", "-o", "json", "--query",
                                      "[].[name, content, versionedKeyIdentifier, health]").stdout
        let clock = try tool.run("clock", "-o", "json", "--query", "offsetSeconds").stdout
        let groups = try tool.run("az", "group", "list", "--query", "[].name", "-o", "tsv").stdout
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.home.path).sorted()
        return registries + clock + groups + files.joined(separator: ",")
    }

    @Test func everyMistakeIsAnsweredAndChangesNothing() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "--registry", "cmkrbac", "-o", "none").exitCode == 0)
        for create in [["plainreg", "Premium"], ["basicreg", "Basic"]] {
            let result = try tool.run("az", "acr", "create", "-n", create[0], "-g", "cmkrbac-rg", "--sku", create[1],
                                      "-o", "none")
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        try Data("hello\n".utf8).write(to: tool.home.appendingPathComponent("hello.txt"))
        #expect(try tool.run("push", "cmkrbac", "app:v1", "hello.txt").exitCode == 0)

        for mistake in Self.mistakes {
            let before = try Self.snapshot(tool)
            let result = try tool.runArguments(mistake.arguments)
            #expect(result.exitCode == mistake.exit, "\(mistake): \(result.stderr)")
            #expect(result.stderr.hasPrefix("ERROR: "), "\(mistake): \(result.stderr)")
            for text in mistake.says {
                #expect(result.stderr.contains(text), "\(mistake) should say \(text): \(result.stderr)")
            }
            #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(mistake): a raw Foundation error")
            #expect(try Self.snapshot(tool) == before, "\(mistake) changed state")
        }
    }
}

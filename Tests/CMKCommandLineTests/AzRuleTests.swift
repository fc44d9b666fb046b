import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// Each rule of the az surface: the refusal, its message, its exit code, and state unchanged afterwards.
@Suite("az rules through the command line")
struct AzRuleTests {
    /// A harness with a resource group, an identity, an RBAC vault with an RSA and an EC key, and access granted.
    static func prepared() throws -> (ToolHarness, principalId: String, identityId: String) {
        let az = ToolHarness()
        #expect(az.run("az", "group", "create", "-n", "rg", "-l", "eastus", "-o", "none").exitCode == 0)
        #expect(az.run("az", "identity", "create", "-g", "rg", "-n", "id1", "-o", "none").exitCode == 0)
        let principalId = az.run("az", "identity", "show", "-g", "rg", "-n", "id1", "--query", "principalId", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let identityId = az.run("az", "identity", "show", "-g", "rg", "-n", "id1", "--query", "id", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(az.run("az", "keyvault", "create", "-n", "kv1", "-g", "rg", "--enable-purge-protection", "-o", "none").exitCode == 0)
        let vaultId = az.run("az", "keyvault", "show", "-n", "kv1", "--query", "id", "-o", "tsv").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(az.run("az", "role", "assignment", "create", "--assignee", principalId, "--role",
                       "Key Vault Crypto Service Encryption User", "--scope", vaultId, "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "key", "create", "--vault-name", "kv1", "-n", "rsa", "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "key", "create", "--vault-name", "kv1", "-n", "ec", "--kty", "EC", "-o", "none")
            .exitCode == 0)
        return (az, principalId, identityId)
    }

    /// Everything a refusal could have changed, as JSON text.
    static func snapshot(_ az: ToolHarness) -> String {
        ["az acr list", "az keyvault list", "az keyvault list-deleted", "az role assignment list --all",
         "az identity list"].map { az.run($0.split(separator: " ").map(String.init) + ["-o", "json"]).stdout }
            .joined(separator: "\n")
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var exitCode: Int32
        var message: String
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "CMK needs Premium", arguments: ["--sku", "Standard", "--key-encryption-key",
                                                       "https://kv1.vault.azure.net/keys/rsa", "--identity", "id1"],
                exitCode: 1, message: "(CMKNotSupported) Encryption with a customer-managed key is only supported for registries in the Premium SKU"),
        Refusal(name: "identity without key", arguments: ["--sku", "Premium", "--identity", "id1"], exitCode: 2,
                message: "Usage error: --identity and --key-encryption-key must be both supplied"),
        Refusal(name: "key without identity", arguments: ["--sku", "Premium", "--key-encryption-key",
                                                          "https://kv1.vault.azure.net/keys/rsa"], exitCode: 2,
                message: "Usage error: --identity and --key-encryption-key must be both supplied"),
        Refusal(name: "missing identity", arguments: ["--sku", "Premium", "--identity", "nosuch", "--key-encryption-key",
                                                      "https://kv1.vault.azure.net/keys/rsa"], exitCode: 3,
                message: "(ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/nosuch' under resource group 'rg' was not found."),
        Refusal(name: "EC key", arguments: ["--sku", "Premium", "--identity", "id1", "--key-encryption-key",
                                            "https://kv1.vault.azure.net/keys/ec"], exitCode: 1,
                message: "(KeyTypeNotSupported)"),
        Refusal(name: "missing key", arguments: ["--sku", "Premium", "--identity", "id1", "--key-encryption-key",
                                                 "https://kv1.vault.azure.net/keys/nosuch"], exitCode: 3,
                message: "(KeyNotFound)"),
        Refusal(name: "uppercase name", arguments: ["--sku", "Premium"], exitCode: 2,
                message: "argument error: Registry name must use only lowercase."),
    ]

    @Test(arguments: refusals)
    func registryCreationRefusals(_ refusal: Refusal) throws {
        let (az, _, _) = try Self.prepared()
        let before = Self.snapshot(az)
        let name = refusal.name == "uppercase name" ? "MyRegistry" : "registry1"
        let result = az.run(["az", "acr", "create", "-g", "rg", "-n", name] + refusal.arguments)
        #expect(result.exitCode == refusal.exitCode, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ERROR: "))
        #expect(result.stderr.contains(refusal.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(Self.snapshot(az) == before, "a refused create must leave nothing behind")
    }

    @Test func creationWithoutKeyAccessNamesTheCause() throws {
        let (az, principalId, _) = try Self.prepared()
        let vaultId = az.run("az", "keyvault", "show", "-n", "kv1", "--query", "id", "-o", "tsv").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(az.run("az", "role", "assignment", "delete", "--assignee", principalId, "--scope", vaultId).exitCode == 0)
        let before = Self.snapshot(az)
        let result = az.run("az", "acr", "create", "-g", "rg", "-n", "registry1", "--sku", "Premium", "--identity", "id1",
                            "--key-encryption-key", "https://kv1.vault.azure.net/keys/rsa")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("(ForbiddenByRbac) The registry 'registry1' could not be created"))
        #expect(Self.snapshot(az) == before)
    }

    @Test func versionlessAndVersionedKeyIdsSetRotationMode() throws {
        let (az, _, identityId) = try Self.prepared()
        let kid = az.run("az", "keyvault", "key", "show", "--vault-name", "kv1", "-n", "rsa", "--query", "key.kid", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(az.run("az", "acr", "create", "-g", "rg", "-n", "autoreg", "--sku", "Premium", "--identity", identityId,
                       "--key-encryption-key", "https://kv1.vault.azure.net/keys/rsa", "-o", "none").exitCode == 0)
        #expect(az.run("az", "acr", "create", "-g", "rg", "-n", "manualreg", "--sku", "Premium", "--identity", identityId,
                       "--key-encryption-key", kid, "-o", "none").exitCode == 0)
        let auto = az.run("az", "acr", "encryption", "show", "-n", "autoreg", "--query", "keyVaultProperties.keyRotationEnabled", "-o", "tsv")
        let manual = az.run("az", "acr", "encryption", "show", "-n", "manualreg", "--query", "keyVaultProperties.keyRotationEnabled", "-o", "tsv")
        #expect(auto.stdout == "true\n")
        #expect(manual.stdout == "false\n")
        #expect(az.run("az", "acr", "encryption", "show", "-n", "manualreg", "--query", "keyVaultProperties.versionedKeyIdentifier",
                       "-o", "tsv").stdout == kid + "\n")
    }

    @Test func rotateKeyOnANonCMKRegistryIsAUsageError() throws {
        let (az, _, _) = try Self.prepared()
        #expect(az.run("az", "acr", "create", "-g", "rg", "-n", "plainreg", "--sku", "Basic", "-o", "none").exitCode == 0)
        let result = az.run("az", "acr", "encryption", "rotate-key", "-n", "plainreg")
        #expect(result.exitCode == 2)
        #expect(result.stderr == "ERROR: usage error: key rotation is only applicable to registries with CMK enabled\n")
        #expect(az.run("az", "acr", "encryption", "show", "-n", "plainreg", "-o", "json").stdout
            == "{\n  \"keyVaultProperties\": null,\n  \"status\": \"disabled\"\n}\n")
    }

    @Test func contentTrustIsRefusedOnACMKRegistry() throws {
        let (az, _, identityId) = try Self.prepared()
        #expect(az.run("az", "acr", "create", "-g", "rg", "-n", "cmkreg", "--sku", "Premium", "--identity", identityId,
                       "--key-encryption-key", "https://kv1.vault.azure.net/keys/rsa", "-o", "none").exitCode == 0)
        let result = az.run("az", "acr", "config", "content-trust", "update", "-r", "cmkreg", "--status", "enabled")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("(BlockedForEncryptionEnabledRegistry) this feature 'ContenTrust' is currently not supported"))
        #expect(az.run("az", "acr", "show", "-n", "cmkreg", "--query", "policies.trustPolicy.status", "-o", "tsv").stdout == "disabled\n")
    }

    @Test func purgeUnderPurgeProtectionAndNameReuse() throws {
        let (az, _, _) = try Self.prepared()
        #expect(az.run("az", "keyvault", "key", "delete", "--vault-name", "kv1", "-n", "rsa", "-o", "none").exitCode == 0)
        let purge = az.run("az", "keyvault", "key", "purge", "--vault-name", "kv1", "-n", "rsa")
        #expect(purge.exitCode == 1)
        #expect(purge.stderr.contains("(Forbidden) Operation \"purge\" is not allowed because purge protection is enabled"))
        let reuse = az.run("az", "keyvault", "key", "create", "--vault-name", "kv1", "-n", "rsa")
        #expect(reuse.exitCode == 1)
        #expect(reuse.stderr.contains("Key rsa is currently in a deleted but recoverable state, and its name cannot be reused"))
        #expect(az.run("az", "keyvault", "key", "list-deleted", "--vault-name", "kv1", "--query", "[].name", "-o", "tsv").stdout
            == "rsa\n")

        #expect(az.run("az", "keyvault", "delete", "-n", "kv1").exitCode == 0)
        let vaultPurge = az.run("az", "keyvault", "purge", "-n", "kv1")
        #expect(vaultPurge.exitCode == 1)
        #expect(vaultPurge.stderr.hasPrefix("ERROR: (MethodNotAllowed) Operation 'DeletedVaultPurge' is not allowed."))
        let vaultReuse = az.run("az", "keyvault", "create", "-n", "kv1", "-g", "rg")
        #expect(vaultReuse.exitCode == 1)
        #expect(vaultReuse.stderr.contains("A vault with the same name already exists in deleted state"))
        #expect(az.run("az", "keyvault", "list-deleted", "--query", "[].name", "-o", "tsv").stdout == "kv1\n")
    }

    @Test func keySizesOtherThanTheThreeAreRefused() throws {
        let (az, _, _) = try Self.prepared()
        let result = az.run("az", "keyvault", "key", "create", "--vault-name", "kv1", "-n", "small", "--size", "1024")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("RSA key size 1024 is not supported"))
        #expect(az.run("az", "keyvault", "key", "list", "--vault-name", "kv1", "--query", "length(@)", "-o", "tsv").stdout == "2\n")
    }

    @Test func missingResourcesExitThree() throws {
        let az = ToolHarness()
        let result = az.run("az", "acr", "show", "-n", "nosuchregistry")
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("The resource with name 'nosuchregistry' and type 'Microsoft.ContainerRegistry/registries' could not be found"))
        #expect(az.run("az", "group", "show", "-n", "nope").exitCode == 3)
    }

    /// `acrcmk az <group> <command> --help` lists the flags the reference names.
    @Test(arguments: [
        ("acr create", ["--name -n", "--resource-group -g", "--sku", "--identity", "--key-encryption-key", "Allowed values: Basic, Standard, Premium."]),
        ("acr encryption rotate-key", ["--key-encryption-key", "--identity", "--name -n"]),
        ("acr identity assign", ["--identities"]),
        ("keyvault create", ["--retention-days", "--enable-purge-protection", "--enable-rbac-authorization", "--default-action", "--bypass"]),
        ("keyvault set-policy", ["--object-id", "--key-permissions", "--spn", "--upn"]),
        ("keyvault key create", ["--kty", "--size", "--ops", "--expires", "--not-before", "--protection -p"]),
        ("keyvault key rotation-policy update", ["--value", "--vault-name"]),
        ("role assignment create", ["--assignee", "--assignee-object-id", "--role", "--scope"]),
        ("role assignment delete", ["--ids", "--assignee", "--role", "--scope", "--yes -y"]),
        ("identity create", ["--name -n", "--resource-group -g", "--location -l"]),
        ("group create", ["--name -n", "--location -l"]),
        ("account show", ["--query", "--output -o"]),
    ])
    func azHelpListsTheReferenceFlags(command: String, flags: [String]) {
        let result = ToolHarness().run(["az"] + command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Command\n    acrcmk az \(command) :"))
        for flag in flags { #expect(result.stdout.contains(flag), "\(command) --help lacks \(flag)") }
    }

    @Test func fileArgumentsLoadWithAt() throws {
        let (az, _, _) = try Self.prepared()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
        try #"{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P2Y"}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = az.run("az", "keyvault", "key", "rotation-policy", "update", "--vault-name", "kv1", "-n", "rsa",
                            "--value", "@" + file.path, "--query", "lifetimeActions[0].timeAfterCreate", "-o", "tsv")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "P90D\n")
        let missing = az.run("az", "keyvault", "key", "rotation-policy", "update", "--vault-name", "kv1", "-n", "rsa",
                             "--value", "@/nonexistent/policy.json")
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("Failed to read file '/nonexistent/policy.json'"))
    }
}

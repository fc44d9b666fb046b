import Testing

/// The hints an operator copies name the right vault, key and command, and never promise an impossible recovery.
@Suite("Hints operators copy")
struct HintTests {
    /// A registry set up by `setup` (RBAC vault `kv-hintreg`) and a second vault with access policies and a key.
    static func world() -> ToolHarness {
        let tool = ToolHarness()
        let setup = tool.run("setup", "--registry", "hintreg")
        precondition(setup.exitCode == 0, setup.stderr)
        for command in [
            "az keyvault create -n othervault -g hintreg-rg --enable-rbac-authorization false",
            "az keyvault key create -n otherkey --vault-name othervault",
        ] {
            let result = tool.run(command.split(separator: " ").map(String.init))
            precondition(result.exitCode == 0, result.stderr)
        }
        return tool
    }

    static func hint(_ result: ToolHarness.Result) -> String {
        result.stderr.split(separator: "\n").first { $0.hasPrefix("Hint: ") }.map(String.init) ?? ""
    }

    @Test func aKeyInAnotherVaultHintsThatVaultsOwnGrant() throws {
        let tool = Self.world()
        let principal = tool.run("az", "identity", "show", "-g", "hintreg-rg", "-n", "hintreg-identity",
                                 "--query", "principalId", "-o", "tsv").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = tool.run("rotate", "--registry", "hintreg",
                              "--key-id", "https://othervault.vault.azure.net/keys/otherkey")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("(ForbiddenByPolicy)"))
        let hint = Self.hint(result)
        #expect(hint == "Hint: az keyvault set-policy --name othervault --object-id \(principal) "
                + "--key-permissions get unwrapKey wrapKey", "\(result.stderr)")
        // The hint works: after running it the rotation succeeds.
        let grant = tool.run(hint.dropFirst("Hint: az ".count).split(separator: " ").map(String.init).prepending("az"))
        #expect(grant.exitCode == 0, "\(grant.stderr)")
        #expect(tool.run("rotate", "--registry", "hintreg",
                         "--key-id", "https://othervault.vault.azure.net/keys/otherkey").exitCode == 0)
    }

    @Test func aMissingKeyHintsThatKeyNotTheRegistrysOwn() {
        let tool = Self.world()
        let result = tool.run("rotate", "--registry", "hintreg",
                              "--key-id", "https://kv-hintreg.vault.azure.net/keys/nokey")
        #expect(result.exitCode == 1)
        let hint = Self.hint(result)
        #expect(hint.contains("az keyvault key create --name nokey --vault-name kv-hintreg"), "\(hint)")
        #expect(hint.contains("az keyvault key list --vault-name kv-hintreg"))
        #expect(!hint.contains("hintreg-cmk"))
        let az = tool.run("az", "acr", "encryption", "rotate-key", "-n", "hintreg",
                          "--key-encryption-key", "https://kv-hintreg.vault.azure.net/keys/nokey")
        #expect(Self.hint(az).contains("--name nokey"))
    }

    @Test func aMistypedVaultNameIsNotCalledGone() {
        let tool = Self.world()
        let result = tool.run("rotate", "--registry", "hintreg",
                              "--key-id", "https://kv-hintrge.vault.azure.net/keys/hintreg-cmk")
        #expect(result.exitCode == 1)
        let hint = Self.hint(result)
        #expect(hint.contains("No vault named 'kv-hintrge' exists"), "\(hint)")
        #expect(hint.contains("az keyvault list"))
        #expect(!hint.contains("no longer exists") && !hint.contains("new registry"))
    }

    @Test func aPurgedKeyIsNeverOfferedRecovery() {
        let tool = ToolHarness()
        let script = """
        az group create -n purgerg -l eastus
        az identity create -g purgerg -n purgeid
        az keyvault create -g purgerg -n purgevault --enable-rbac-authorization false
        az keyvault key create -n purgekey --vault-name purgevault
        """
        for line in script.split(separator: "\n") {
            let result = tool.run(line.split(separator: " ").map(String.init))
            #expect(result.exitCode == 0, "\(line): \(result.stderr)")
        }
        let principal = tool.run("az", "identity", "show", "-g", "purgerg", "-n", "purgeid",
                                 "--query", "principalId", "-o", "tsv").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tool.run("az", "keyvault", "set-policy", "-n", "purgevault", "--object-id", principal,
                         "--key-permissions", "get", "wrapKey", "unwrapKey").exitCode == 0)
        let create = tool.run("az", "acr", "create", "-g", "purgerg", "-n", "purgereg", "--sku", "Premium",
                              "--identity", "purgeid",
                              "--key-encryption-key", "https://purgevault.vault.azure.net/keys/purgekey")
        #expect(create.exitCode == 0, "\(create.stderr)")

        let revoke = tool.run("revoke", "--registry", "purgereg", "--method", "purge-key", "--yes")
        #expect(revoke.exitCode == 0, "\(revoke.stderr)")
        #expect(!revoke.stdout.contains("Recover with"), "\(revoke.stdout)")
        #expect(revoke.stdout.contains("Recovery is impossible: the key is purged"))
        let json = tool.run("recover", "--registry", "purgereg")
        #expect(json.exitCode == 1)
        #expect(json.stdout.contains("Recovery is not possible"))
    }

    @Test func deletingAMissingGroupDoesNotSayCreateIt() {
        let tool = ToolHarness()
        let result = tool.run("az", "group", "delete", "-n", "nosuchrg", "--yes")
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("Resource group 'nosuchrg' could not be found."))
        #expect(!result.stderr.contains("Create it first"), "\(result.stderr)")
        #expect(result.stderr.contains("az group list"))
        // Creating something in a missing group still says how to make the group.
        let create = tool.run("az", "identity", "create", "-g", "nosuchrg", "-n", "someid")
        #expect(create.stderr.contains("Create it first: az group create --name nosuchrg"))
    }
}

private extension Array {
    func prepending(_ element: Element) -> [Element] { [element] + self }
}

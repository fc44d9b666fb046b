import CMKTestSupport
import Foundation
import JMESPath
import Testing
@testable import CMKCommandLine

/// The az surface measured against az 2.91: every flag of the implemented commands is accepted, and the ones that
/// matter are honoured.
@Suite("The az surface against az 2.91")
struct AzSurfaceTests {
    /// The flags az 2.91's `--help` lists for each implemented command (Tests/Fixtures/az-2.91-flags.json).
    static func azFlags() throws -> [String: [String]] {
        let data = try Data(contentsOf: PackageLayout.fixtures.appendingPathComponent("az-2.91-flags.json"))
        let document = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        let commands = try #require(document["commands"]?.objectValue)
        var result: [String: [String]] = [:]
        for (path, flags) in commands {
            result[path] = flags.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return result
    }

    @Test func everyFlagOfAz291IsAccepted() throws {
        let parser = ArgumentParser(root: CommandTree.root(), globalOptions: GlobalOptions.specs)
        let flags = try Self.azFlags()
        #expect(flags.count >= 70)
        var checked = 0
        for (path, names) in flags {
            for flag in names {
                do {
                    _ = try parser.parse(path.split(separator: " ").map(String.init) + [flag])
                } catch let error as UsageError {
                    if case .unknownOption = error.kind {
                        Issue.record("\(path) does not accept \(flag), which az 2.91 lists")
                    } else if case .unknownSubcommand = error.kind {
                        Issue.record("\(path) is not a command of acrcmk")
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 530)
    }

    @Test func genericUpdateArgumentsSetAddAndRemove() {
        let az = ToolHarness()
        for command in ["group create -n rg1 -l eastus", "acr create -n genericreg -g rg1 --sku Premium",
                        "keyvault create -n genericvault -g rg1"] {
            let result = az.run(["az"] + command.split(separator: " ").map(String.init) + ["-o", "none"])
            #expect(result.exitCode == 0, "\(command): \(result.stderr)")
        }
        let set = az.run("az", "acr", "update", "-n", "genericreg", "--set", "adminUserEnabled=true", "tags.env=test",
                         "--set", "tags.team=platform", "--query", "{a: adminUserEnabled, e: tags.env, t: tags.team}", "-o", "tsv")
        #expect(set.stdout == "True\ttest\tplatform\n", "\(set.stderr)")
        let removed = az.run("az", "acr", "update", "-n", "genericreg", "--remove", "tags.env", "--add", "tags", "a=b",
                             "--query", "tags", "-o", "json")
        #expect(removed.stdout == "{\n  \"a\": \"b\",\n  \"team\": \"platform\"\n}\n", "\(removed.stderr)")
        let unknown = az.run("az", "acr", "update", "-n", "genericreg", "--set", "foo.bar=1")
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("acrcmk cannot set 'foo.bar' on a registry. Settable: adminUserEnabled"))

        let vault = az.run("az", "keyvault", "update", "-n", "genericvault", "--set",
                           "properties.networkAcls.defaultAction=Deny", "properties.enablePurgeProtection=true",
                           "--query", "{d: properties.networkAcls.defaultAction, p: properties.enablePurgeProtection}",
                           "-o", "tsv")
        #expect(vault.stdout == "Deny\tTrue\n", "\(vault.stderr)")
        // The rules hold through --set as through the dedicated flag.
        let off = az.run("az", "keyvault", "update", "-n", "genericvault", "--set", "properties.enablePurgeProtection=false")
        #expect(off.exitCode == 1)
        #expect(off.stderr.contains("\"enablePurgeProtection\" cannot be set to false"))
        let list = az.run("az", "keyvault", "update", "-n", "genericvault", "--add", "properties.accessPolicies", "{}")
        #expect(list.exitCode == 2)
        #expect(list.stderr.contains("use az keyvault set-policy"))
    }

    @Test func networkRulesAddListAndRemove() {
        let az = ToolHarness()
        #expect(az.run("az", "group", "create", "-n", "rg1", "-l", "eastus", "-o", "none").exitCode == 0)
        #expect(az.run("az", "keyvault", "create", "-n", "rulesvault", "-g", "rg1", "-o", "none").exitCode == 0)
        let added = az.run("az", "keyvault", "network-rule", "add", "-n", "rulesvault", "--ip-address", "203.0.113.7",
                           "10.0.0.0/8", "--query", "properties.networkAcls.ipRules[].value", "-o", "tsv")
        #expect(added.stdout == "203.0.113.7/32\n10.0.0.0/8\n", "\(added.stderr)")
        let again = az.run("az", "keyvault", "network-rule", "add", "-n", "rulesvault", "--ip-address", "10.0.0.0/8",
                           "--query", "length(properties.networkAcls.ipRules)")
        #expect(again.stdout == "2\n", "a rule already there is kept once")
        #expect(az.run("az", "keyvault", "network-rule", "remove", "-n", "rulesvault", "--ip-address", "203.0.113.7")
            .exitCode == 0)
        let listed = az.run("az", "keyvault", "network-rule", "list", "-n", "rulesvault")
        #expect(listed.stdout == "{\n  \"ipRules\": [\n    {\n      \"value\": \"10.0.0.0/8\"\n    }\n  ],\n"
                + "  \"virtualNetworkRules\": []\n}\n")
        let bad = az.run("az", "keyvault", "network-rule", "add", "-n", "rulesvault", "--ip-address", "300.1.1.1")
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("'300.1.1.1' is not an IPv4 address or CIDR range"))
        let missing = az.run("az", "keyvault", "network-rule", "remove", "-n", "rulesvault", "--ip-address", "1.2.3.4")
        #expect(missing.stderr.contains("Its IP rules: 10.0.0.0/8."))
        let vnet = az.run("az", "keyvault", "network-rule", "add", "-n", "rulesvault", "--subnet", "s1")
        #expect(vnet.exitCode == 1)
        #expect(vnet.stderr.contains("Virtual-network rules are not simulated"))
    }

    @Test func idsSubscriptionNotesAndRefusals() {
        let az = ToolHarness()
        #expect(az.run("az", "group", "create", "-n", "rg1", "-l", "eastus", "-o", "none").exitCode == 0)
        let created = az.run("az", "identity", "create", "-g", "rg1", "-n", "id1")
        #expect(created.exitCode == 0)
        // az's documented output shows tags, even when there are none.
        #expect(created.stdout.contains("\"tags\": {},"), "\(created.stdout)")
        let id = az.run("az", "identity", "show", "-g", "rg1", "-n", "id1", "--query", "id", "-o", "tsv").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let byID = az.run("az", "identity", "show", "--ids", id, "--query", "name", "-o", "tsv")
        #expect(byID.stdout == "id1\n", "\(byID.stderr)")
        let subscription = az.run("az", "account", "show", "--query", "id", "-o", "tsv").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(az.run("az", "group", "show", "-n", "rg1", "--subscription", subscription).exitCode == 0)
        let other = az.run("az", "group", "show", "-n", "rg1", "--subscription", "someone-else")
        #expect(other.exitCode == 1)
        #expect(other.stderr.contains("The subscription of 'someone-else' doesn't exist in cloud 'AzureCloud'."))
        let wrongID = az.run("az", "identity", "show", "--ids", id.replacingOccurrences(of: subscription, with: "x"))
        #expect(wrongID.exitCode == 1)

        #expect(az.run("az", "keyvault", "create", "-n", "notevault", "-g", "rg1", "-o", "none").exitCode == 0)
        let noWait = az.run("az", "keyvault", "delete", "-n", "notevault", "--no-wait")
        #expect(noWait.exitCode == 0)
        #expect(noWait.stderr == "WARNING: --no-wait: acrcmk finished the operation before returning (it always "
                + "runs synchronously).\n")
        let quiet = az.run("az", "keyvault", "recover", "-n", "notevault", "--no-wait", "--only-show-errors", "-o",
                           "none")
        #expect(quiet.exitCode == 0 && quiet.stderr.isEmpty)
        let hsm = az.run("az", "keyvault", "show", "--hsm-name", "myhsm")
        #expect(hsm.exitCode == 1)
        #expect(hsm.stderr.contains("Managed HSM is not simulated by acrcmk"))
        let whatIf = az.run("az", "deployment", "group", "create", "-g", "rg1", "--template-file", "/nonexistent.json",
                            "--what-if")
        #expect(whatIf.exitCode == 1)
        #expect(whatIf.stderr.contains("--what-if is not supported by acrcmk: what-if previews are not simulated"))
    }

    @Test func recoverMovesToANewIdentityAfterTheOldOneWasDeleted() throws {
        let tool = try BuiltTool()
        #expect(try tool.run("setup", "-r", "newidreg", "-o", "none").exitCode == 0)
        try Data("hello\n".utf8).write(to: tool.home.appendingPathComponent("hello.txt"))
        #expect(try tool.run("push", "newidreg", "app:v1", "hello.txt").exitCode == 0)
        #expect(try tool.run("az", "identity", "delete", "-g", "newidreg-rg", "-n", "newidreg-identity").exitCode == 0)

        let plain = try tool.run("recover", "--registry", "newidreg")
        #expect(plain.exitCode == 1)
        #expect(plain.stdout.contains("Recovery by restoring is impossible"))
        #expect(plain.stdout.contains("acrcmk recover --registry newidreg --new-identity <name>"))

        let moved = try tool.run("recover", "--registry", "newidreg", "--new-identity", "newidreg-id2")
        #expect(moved.exitCode == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("ran: az identity create --resource-group newidreg-rg --name newidreg-id2"))
        #expect(moved.stdout.contains("az role assignment create"))
        #expect(moved.stdout.contains("ran: az acr encryption rotate-key --name newidreg --identity"))
        let clientID = try tool.run("az", "identity", "show", "-g", "newidreg-rg", "-n", "newidreg-id2", "--query",
                                    "clientId", "-o", "tsv").stdout
        let encryption = try tool.run("az", "acr", "encryption", "show", "-n", "newidreg", "--query",
                                      "keyVaultProperties.identity", "-o", "tsv").stdout
        #expect(encryption == clientID)
        #expect(try tool.run("check-health", "--registry", "newidreg").exitCode == 0)
        #expect(try tool.run("pull", "newidreg", "app:v1", "copy.txt").exitCode == 0)
        #expect(try String(contentsOf: tool.home.appendingPathComponent("copy.txt"), encoding: .utf8) == "hello\n")
    }
}

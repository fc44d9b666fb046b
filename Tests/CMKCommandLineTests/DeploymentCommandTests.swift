import CMKCore
import Foundation
import Testing
@testable import CMKCommandLine

/// `az deployment group` end to end, in process, with seed 002's template saved verbatim.
@Suite("az deployment group")
struct DeploymentCommandTests {
    static let fixture: String = {
        let url = BuiltTool.fixtures.appendingPathComponent("CMKtemplate.json")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Fixture missing: \(url.path) (seed 002's CMKtemplate.json, copied byte for byte)")
        }
        return text
    }()

    /// A state home with a group, an access-policy vault and an RSA key, as the seed's prerequisites ask.
    static func prepared() -> (StatefulHarness, kid: String) {
        let harness = StatefulHarness()
        _ = harness.value("group", "create", "--name", "rg1", "--location", "eastus")
        _ = harness.value("keyvault", "create", "--name", "kv1cmk", "--resource-group", "rg1",
                          "--enable-purge-protection", "--enable-rbac-authorization", "false")
        _ = harness.value("keyvault", "key", "create", "--name", "key1", "--vault-name", "kv1cmk")
        return (harness, harness.value("keyvault", "key", "show", "--name", "key1", "--vault-name", "kv1cmk",
                                       "--query", "key.kid", "-o", "tsv"))
    }

    static func write(_ text: String, name: String = "CMKtemplate.json") -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arm-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test func seedTemplateDeploysWithTheSeedsCommand() throws {
        let (harness, versioned) = Self.prepared()
        // Seed 002, step 7: the versionless key id turns on automatic rotation.
        let kek = String(versioned[..<versioned.lastIndex(of: "/")!])
        let path = Self.write(Self.fixture)
        let result = harness.az("deployment", "group", "create", "--resource-group", "rg1", "--template-file", path,
                                "--parameters", "registry_name=reg1cmk", "identity_name=id1", "vault_name=kv1cmk",
                                "kek_id=\(kek)")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let deployment = Self.json(result.stdout)
        let properties = deployment["properties"] as? [String: Any] ?? [:]
        #expect(deployment["name"] as? String == "CMKtemplate")
        #expect(properties["provisioningState"] as? String == "Succeeded")
        #expect(properties["mode"] as? String == "Incremental")
        #expect((properties["outputResources"] as? [Any])?.count == 3)
        let parameters = properties["parameters"] as? [String: [String: String]]
        #expect(parameters?["kek_id"]?["value"] == kek)
        #expect(parameters?["kek_id"]?["type"] == "String")

        let encryption = Self.json(harness.value("acr", "encryption", "show", "--name", "reg1cmk"))
        #expect(encryption["status"] as? String == "enabled")
        let vaultProperties = encryption["keyVaultProperties"] as? [String: Any] ?? [:]
        #expect(Set(vaultProperties.keys) == ["identity", "keyIdentifier", "keyRotationEnabled",
                                              "lastKeyRotationTimestamp", "versionedKeyIdentifier"])
        let clientId = harness.value("identity", "show", "-g", "rg1", "-n", "id1", "--query", "clientId", "-o", "tsv")
        #expect(vaultProperties["identity"] as? String == clientId)
        #expect(vaultProperties["keyIdentifier"] as? String == kek)
        #expect(vaultProperties["keyRotationEnabled"] as? Bool == true)
        #expect(vaultProperties["versionedKeyIdentifier"] as? String == versioned)

        // The access policy resource granted the identity exactly what CMK needs.
        let principal = harness.value("identity", "show", "-g", "rg1", "-n", "id1", "--query", "principalId", "-o", "tsv")
        let keys = harness.value("keyvault", "show", "--name", "kv1cmk", "--query",
                                 "properties.accessPolicies[?objectId=='\(principal)'].permissions.keys | [0]", "-o", "tsv")
        #expect(keys.split(whereSeparator: \.isWhitespace).sorted() == ["get", "unwrapKey", "wrapKey"])

        #expect(harness.value("deployment", "group", "show", "-g", "rg1", "-n", "CMKtemplate", "--query",
                              "properties.provisioningState", "-o", "tsv") == "Succeeded")
        #expect(harness.value("deployment", "group", "list", "-g", "rg1", "--query", "length(@)") == "1")
    }

    @Test func parametersFileWorksLikeKeyValuePairs() {
        let (harness, kid) = Self.prepared()
        let parameters = Self.write("""
            {"$schema": "x", "contentVersion": "1.0.0.0", "parameters": {
              "registry_name": {"value": "reg2cmk"}, "identity_name": {"value": "id2"},
              "vault_name": {"value": "kv1cmk"}, "kek_id": {"value": "\(kid)"}}}
            """, name: "params.json")
        let result = harness.az("deployment", "group", "create", "-g", "rg1", "--template-file", Self.write(Self.fixture),
                                "--parameters", "@\(parameters)", "--name", "fromfile")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(harness.value("acr", "show", "-n", "reg2cmk", "--query", "encryption.status", "-o", "tsv") == "enabled")
    }

    /// A failing template: how it is made, what the parameters are, and what the error must say.
    struct FailingCase: CustomTestStringConvertible, Sendable {
        var label: String
        var edit: @Sendable (String) -> String
        var dropKek = false
        var useECKey = false
        var expected: [String]
        var testDescription: String { label }
    }

    static let failingCases: [FailingCase] = [
        FailingCase(label: "EC key", edit: { $0 }, useECKey: true,
                    expected: ["Microsoft.ContainerRegistry/registries/reg1cmk", "rolled back", "EC"]),
        FailingCase(label: "Basic SKU", edit: {
            $0.replacingOccurrences(of: "\"name\": \"Premium\",\n        \"tier\": \"Premium\"",
                                    with: "\"name\": \"Basic\",\n        \"tier\": \"Basic\"")
        }, expected: ["(CMKNotSupported)", "Premium", "line 23, column 5"]),
        FailingCase(label: "missing parameter", edit: { $0 }, dropKek: true,
                    expected: ["(InvalidTemplate)", "The value for the template parameter 'kek_id' at line '17' and "
                               + "column '15' is not provided"]),
        FailingCase(label: "bad expression", edit: {
            $0.replacingOccurrences(of: "\"[parameters('kek_id')]\"", with: "\"[parameters('kek_id']\"")
        }, expected: ["(InvalidTemplate)", "at line '47' and column '30'", "Expression: '[parameters('kek_id']'",
                      "expected ',' or ')'"]),
        FailingCase(label: "unknown function", edit: {
            $0.replacingOccurrences(of: "[subscription().tenantId]", with: "[subscriptionn().tenantId]")
        }, expected: ["(InvalidTemplate)", "The template function 'subscriptionn' is not valid", "at line '80' and column '25'",
                      "Microsoft.KeyVault/vaults/accessPolicies/kv1cmk/add"]),
        FailingCase(label: "dependency cycle", edit: {
            $0.replacingOccurrences(of: "\"name\": \"[parameters('identity_name')]\",", with: """
                "name": "[parameters('identity_name')]",
                      "dependsOn": ["[resourceId('Microsoft.ContainerRegistry/registries', parameters('registry_name'))]"],
                """)
        }, expected: ["(InvalidTemplate)", "Circular dependency", "Circular dependency path: "
                      + "Microsoft.ContainerRegistry/registries/reg1cmk -> Microsoft.ManagedIdentity/"
                      + "userAssignedIdentities/id1 -> Microsoft.ContainerRegistry/registries/reg1cmk."]),
    ]

    @Test(arguments: failingCases)
    func failingTemplateCreatesNothing(_ failing: FailingCase) {
        var (harness, kid) = Self.prepared()
        if failing.useECKey {
            _ = harness.value("keyvault", "key", "create", "--name", "eckey", "--vault-name", "kv1cmk", "--kty", "EC")
            kid = harness.value("keyvault", "key", "show", "--name", "eckey", "--vault-name", "kv1cmk",
                                "--query", "key.kid", "-o", "tsv")
        }
        let snapshot = ["acr list": harness.value("acr", "list"), "identity list": harness.value("identity", "list"),
                        "vault": harness.value("keyvault", "show", "--name", "kv1cmk"),
                        "deployments": harness.value("deployment", "group", "list", "-g", "rg1")]
        let worldBefore = harness.store.world
        var arguments = ["deployment", "group", "create", "--resource-group", "rg1", "--template-file",
                         Self.write(failing.edit(Self.fixture)), "--parameters", "registry_name=reg1cmk",
                         "identity_name=id1", "vault_name=kv1cmk"]
        if !failing.dropKek { arguments.append("kek_id=\(kid)") }
        let result = harness.run(["az"] + arguments)
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        for needle in failing.expected {
            #expect(result.stderr.contains(needle), "stderr lacks '\(needle)': \(result.stderr)")
        }
        #expect(harness.store.world == worldBefore)
        let after = ["acr list": harness.value("acr", "list"), "identity list": harness.value("identity", "list"),
                     "vault": harness.value("keyvault", "show", "--name", "kv1cmk"),
                     "deployments": harness.value("deployment", "group", "list", "-g", "rg1")]
        #expect(after == snapshot)
    }

    @Test func unknownParameterAndMissingTemplateFileAreRefused() {
        let (harness, kid) = Self.prepared()
        let unknown = harness.az("deployment", "group", "create", "-g", "rg1", "--template-file", Self.write(Self.fixture),
                                 "--parameters", "registry_name=r1cmkreg", "identity_name=i", "vault_name=kv1cmk",
                                 "kek_id=\(kid)", "colour=blue")
        #expect(unknown.exitCode == 1)
        #expect(unknown.stderr.contains("do not correspond to any parameters defined in the template: 'colour'"))
        let missing = harness.az("deployment", "group", "create", "-g", "rg1", "--template-file", "/nonexistent/t.json")
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("Failed to read the template file '/nonexistent/t.json'"))
        let show = harness.az("deployment", "group", "show", "-g", "rg1", "-n", "nothing")
        #expect(show.exitCode == 3)
    }
}

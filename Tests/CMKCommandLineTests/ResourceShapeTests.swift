import CMKCore
import Foundation
import JSON
import Testing
@testable import CMKCommandLine

/// A template's `reference()` and `az ... show` read the same projection (CMKCore's `ResourceProjection`), so a
/// resource looks the same to both, in one home, for every type a template can reference.
@Suite("reference() and az show agree")
struct ResourceShapeTests {
    static let template = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "variables": {
            "identityId": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]",
            "vaultId": "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]",
            "keyId": "[resourceId('Microsoft.KeyVault/vaults/keys', 'kv1', 'key1')]",
            "registryId": "[resourceId('Microsoft.ContainerRegistry/registries', 'reg1cmk')]",
            "assignmentId": "[resourceId('Microsoft.Authorization/roleAssignments', guid('kv1', 'id1'))]"
          },
          "resources": [
            {"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "id1",
             "location": "[resourceGroup().location]", "tags": {"team": "shapes"}},
            {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv1",
             "location": "[resourceGroup().location]",
             "properties": {
               "tenantId": "[subscription().tenantId]", "sku": {"family": "A", "name": "standard"},
               "enablePurgeProtection": true, "softDeleteRetentionInDays": 7, "enableRbacAuthorization": false,
               "accessPolicies": [{
                 "tenantId": "[subscription().tenantId]",
                 "objectId": "[reference(variables('identityId'), '2023-01-31').principalId]",
                 "permissions": {"keys": ["get", "wrapKey", "unwrapKey"]}}]}},
            {"type": "Microsoft.KeyVault/vaults/keys", "apiVersion": "2023-07-01", "name": "kv1/key1",
             "dependsOn": ["[variables('vaultId')]"],
             "properties": {"kty": "RSA", "keySize": 2048}},
            {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
             "name": "[guid('kv1', 'id1')]", "scope": "Microsoft.KeyVault/vaults/kv1",
             "dependsOn": ["[variables('vaultId')]"],
             "properties": {
               "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', \
        'e147488a-f6f5-4113-8e2d-b22465e65bf6')]",
               "principalId": "[reference(variables('identityId'), '2023-01-31').principalId]",
               "principalType": "ServicePrincipal"}},
            {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "reg1cmk",
             "location": "[resourceGroup().location]", "sku": {"name": "Premium", "tier": "Premium"},
             "identity": {"type": "UserAssigned", "userAssignedIdentities": {"[variables('identityId')]": {}}},
             "dependsOn": ["[variables('keyId')]"],
             "properties": {"encryption": {"status": "enabled", "keyVaultProperties": {
               "identity": "[reference(variables('identityId'), '2023-01-31').clientId]",
               "keyIdentifier": "[reference(variables('keyId'), '2023-07-01').keyUri]"}}}}
          ],
          "outputs": {
            "identity": {"type": "object", "value": "[reference(variables('identityId'), '2023-01-31', 'Full')]"},
            "identityProperties": {"type": "object", "value": "[reference(variables('identityId'))]"},
            "vault": {"type": "object", "value": "[reference(variables('vaultId'), '2023-07-01', 'Full')]"},
            "vaultProperties": {"type": "object", "value": "[reference(variables('vaultId'))]"},
            "key": {"type": "object", "value": "[reference(variables('keyId'), '2023-07-01', 'Full')]"},
            "keyProperties": {"type": "object", "value": "[reference(variables('keyId'))]"},
            "registry": {"type": "object", "value": "[reference(variables('registryId'), '2023-07-01', 'Full')]"},
            "registryProperties": {"type": "object", "value": "[reference(variables('registryId'))]"},
            "assignment": {"type": "object",
                           "value": "[reference(variables('assignmentId'), '2022-04-01', 'Full')]"},
            "assignmentProperties": {"type": "object", "value": "[reference(variables('assignmentId'))]"}
          }
        }
        """

    /// One home with every resource type deployed by the template, and the template's outputs.
    static func deployed() throws -> (StatefulHarness, outputs: JSONObject) {
        let harness = StatefulHarness()
        harness.ok("az", "group", "create", "--name", "rg1", "--location", "eastus")
        let path = DeploymentCommandTests.write(template, name: "shapes.json")
        harness.ok("az", "deployment", "group", "create", "-g", "rg1", "--template-file", path)
        let deployment = harness.json("az", "deployment", "group", "show", "-g", "rg1", "-n", "shapes")
        var outputs = JSONObject()
        for (name, output) in try #require(deployment[ignoringCase: "properties", "outputs"]?.objectValue) {
            outputs[name] = output["value"]
        }
        #expect(outputs.count == 10)
        return (harness, outputs)
    }

    /// What az prints for an ARM resource (docs: az's SDK models flatten `properties` for registries,
    /// identities and role assignments, not for vaults; az adds `resourceGroup`, left out here).
    static func printedByAz(_ resource: JSONValue, flattening: Bool) -> JSONValue {
        guard var object = resource.objectValue else { return resource }
        if flattening, let properties = object["properties"]?.objectValue {
            object["properties"] = nil
            for (key, value) in properties { object[key] = value }
        }
        return .object(object)
    }

    static func withoutResourceGroup(_ value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object["resourceGroup"] = nil
        return .object(object)
    }

    @Test("identity, vault, registry and role assignment: reference() is what az prints")
    func armResourcesMatch() throws {
        let (harness, outputs) = try Self.deployed()
        let principal = try #require(outputs["identityProperties"]?["principalId"]?.stringValue)
        let vaultID = try #require(outputs["vault"]?["id"]?.stringValue)
        let cases: [(name: String, flattening: Bool, group: String?, shown: JSONValue)] = [
            ("identity", true, "rg1", harness.json("az", "identity", "show", "-g", "rg1", "-n", "id1")),
            ("vault", false, "rg1", harness.json("az", "keyvault", "show", "-n", "kv1")),
            ("registry", true, "rg1", harness.json("az", "acr", "show", "-n", "reg1cmk")),
            // A second create of the same assignment returns the existing one, as az does.
            ("assignment", true, nil, harness.json(
                "az", "role", "assignment", "create", "--assignee-object-id", principal,
                "--assignee-principal-type", "ServicePrincipal", "--role",
                "Key Vault Crypto Service Encryption User", "--scope", vaultID)),
        ]
        for (name, flattening, group, shown) in cases {
            let full = try #require(outputs[name], "no output \(name)")
            #expect(outputs[name + "Properties"] == full["properties"], "reference(\(name)) is its properties")
            #expect(full["properties"]?.objectValue?.isEmpty == false, "\(name) has properties")
            let expected = Self.printedByAz(full, flattening: flattening)
            #expect(Self.withoutResourceGroup(shown) == expected,
                    "az's \(name) differs from reference(): \(shown.serialized(.compact)) vs \(expected)")
            if let group { #expect(shown["resourceGroup"] == .string(group)) }
        }
        #expect(outputs["registry"]?[ignoringCase: "properties", "encryption", "status"] == "enabled")
        #expect(outputs["identity"]?["tags"] == ["team": "shapes"])
    }

    @Test("key: reference() (ARM) and az keyvault key show (data plane) state the same facts")
    func keyMatches() throws {
        let (harness, outputs) = try Self.deployed()
        // The template granted the registry's identity only; reading the key takes a policy for the operator.
        harness.ok("az", "keyvault", "set-policy", "-n", "kv1", "--object-id",
                   harness.store.world.account.operatorObjectId, "--key-permissions", "get")
        let shown = harness.json("az", "keyvault", "key", "show", "--vault-name", "kv1", "-n", "key1")
        let vault = harness.json("az", "keyvault", "show", "-n", "kv1")
        let full = try #require(outputs["key"])
        let properties = try #require(full["properties"])
        #expect(outputs["keyProperties"] == properties)
        let kid = try #require(shown["key"]?["kid"]?.stringValue)
        #expect(full["id"] == .string(try #require(vault["id"]?.stringValue) + "/keys/key1"))
        #expect(full["name"] == "key1")
        #expect(full["type"] == "Microsoft.KeyVault/vaults/keys")
        #expect(full["location"] == vault["location"])
        #expect(full["tags"] == shown["tags"])
        #expect(properties["kty"] == shown["key"]?["kty"])
        #expect(properties["keyOps"] == shown["key"]?["keyOps"])
        #expect(properties["keySize"] == shown["attributes"]?["keySize"])
        #expect(properties["keyUriWithVersion"] == .string(kid))
        #expect(properties["keyUri"] == .string(String(kid[..<kid.lastIndex(of: "/")!])))
        let attributes = try #require(properties["attributes"])
        for field in ["enabled", "exportable", "recoveryLevel"] {
            #expect(attributes[field] == shown["attributes"]?[field], "\(field)")
        }
        // ARM gives times in Unix seconds, the data plane (as az prints it) in ISO 8601.
        for (arm, dataPlane) in [("created", "created"), ("updated", "updated"), ("exp", "expires"),
                                 ("nbf", "notBefore")] {
            let seconds = shown["attributes"]?[dataPlane]?.stringValue.flatMap(Timestamp.parse)
                .map { JSONValue.number($0.timeIntervalSince1970.rounded(.down)) } ?? .null
            #expect(attributes[arm] == seconds, "\(arm)")
        }
    }
}

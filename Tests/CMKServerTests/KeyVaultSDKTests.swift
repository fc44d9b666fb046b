import CMKTestSupport
import Foundation
import Testing

/// The Azure SDK for Python (`azure-keyvault-keys` with `azure-identity`, from PyPI) against the Key Vault keys API
/// of `acrcmk serve --tls-self-signed`: tokens from the server's identity endpoint through
/// `ManagedIdentityCredential`, the same permissions and audit as the command line.
/// The script is Tests/Support/keyvault-sdk/keyvault_sdk_check.py; it prints what happened as JSON.
@Suite(.serialized) struct KeyVaultSDKTests {
    static let script = PackageLayout.root.appendingPathComponent("Tests/Support/keyvault-sdk/keyvault_sdk_check.py")
        .path
    static let vault = "kv-servedreg"

    /// Runs a scenario of the script as the operator (no client id) or as a managed identity.
    func sdk(_ server: ServedRegistry, _ scenario: String, clientId: String? = nil) throws -> [String: Any] {
        let output = try server.run("python3", [Self.script, String(server.port), Self.vault,
                                                server.caCertificate.path, scenario] + (clientId.map { [$0] } ?? []))
        try server.require(output, "keyvault_sdk_check.py \(scenario)")
        let line = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TestSupportFailure("not a JSON object: \(output.stdout)")
        }
        return object
    }

    /// Keeps Key Vault's AuditEvent logs from now on (`acrcmk audit` shows only retained events).
    func retainAudit(_ server: ServedRegistry) throws {
        let id = try server.acrcmk("az", "keyvault", "show", "-n", Self.vault, "--query", "id", "-o", "tsv")
        try server.require(id)
        try server.require(server.acrcmk("az", "monitor", "diagnostic-settings", "create", "--name", "audit",
                                         "--resource", id.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                                         "--logs", #"[{"category": "AuditEvent", "enabled": true}]"#,
                                         "--workspace", "ws1", "-o", "none"))
    }

    func audit(_ server: ServedRegistry, _ arguments: String...) throws -> [[String: Any]] {
        let output = try server.acrcmk(["audit", "--vault", Self.vault, "-o", "json"] + arguments)
        try server.require(output)
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
    }

    func identity(_ server: ServedRegistry, _ name: String, _ field: String) throws -> String {
        let output = try server.acrcmk("az", "identity", "show", "-g", "servedreg-rg", "-n", name, "--query", field,
                                       "-o", "tsv")
        try server.require(output)
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func operatorCreatesImportsWrapsUnwrapsRotatesAndLists() throws {
        let server = try ServedRegistry(tls: true)
        try retainAudit(server)
        let result = try sdk(server, "operator")

        let challenge = try #require(result["challenge"] as? [String: Any])
        #expect(challenge["status"] as? Int == 401)
        #expect(challenge["code"] as? String == "Unauthorized")
        let header = challenge["header"] as? String ?? ""
        #expect(header.hasPrefix("Bearer authorization=\"https://login.microsoftonline.com/"))
        #expect(header.hasSuffix("resource=\"https://vault.azure.net\""))

        let created = try #require(result["created"] as? [String: Any])
        let kid = created["id"] as? String ?? ""
        #expect(kid.hasPrefix("https://\(Self.vault).vault.azure.net:\(server.port)/keys/sdk-key/"))
        #expect(created["kty"] as? String == "RSA")
        #expect(created["size"] as? Int == 3072)
        #expect(created["tags"] as? [String: String] == ["purpose": "dek"])
        #expect((created["private"] as? [String])?.isEmpty == true, "private JWK members must never be returned")
        #expect(result["fetched_same_n"] as? Bool == true)

        // Wrapped by the SDK locally (public JWK) and by the vault; unwrapped by the vault; OpenSSL's RSA-OAEP and
        // RSA-OAEP-256 with the public JWK open in the vault; RSA1_5 both ways.
        #expect(result["sdk_wrap_vault_unwrap"] as? Bool == true)
        let vaultWrap = try #require(result["vault_wrap"] as? [String: Any])
        #expect(vaultWrap["status"] as? Int == 200)
        #expect(vaultWrap["kid"] as? String == kid)
        #expect(result["vault_wrap_sdk_unwrap"] as? Bool == true)
        #expect(result["openssl_wrap_vault_unwrap"] as? [Bool] == [true, true])
        #expect(result["rsa15_roundtrip"] as? Bool == true)

        // What the vault wrapped over HTTP, acrcmk's CLI decrypts with the same key version.
        let version = String(kid.split(separator: "/").last ?? "")
        let decrypted = try server.acrcmk("az", "keyvault", "key", "decrypt", "--vault-name", Self.vault, "--name",
                                          "sdk-key", "--version", version, "--algorithm", "RSA-OAEP-256", "--value",
                                          result["wrapped"] as? String ?? "", "--query", "result", "-o", "tsv")
        try server.require(decrypted)
        #expect(decrypted.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == result["dek"] as? String)

        let imported = try #require(result["imported"] as? [String: Any])
        #expect(imported["same_n"] as? Bool == true)
        #expect(imported["ops"] as? [String] == ["wrapKey", "unwrapKey"])
        #expect(imported["private_returned"] as? Bool == false)
        #expect(result["imported_unwrap"] as? Bool == true)

        #expect(result["rotated_new_version"] as? Bool == true)
        #expect(result["versions"] as? Int == 2)
        let policy = try #require(result["rotation_policy"] as? [String: Any])
        #expect(policy["expires_in"] as? String == "P1Y")
        #expect((policy["actions"] as? [[String]]) == [["Rotate", "P90D"]])
        let updated = try #require(result["updated"] as? [String: Any])
        #expect(updated["tags"] as? [String: String] == ["purpose": "rotated"])
        #expect(updated["ops"] as? [String] == ["wrapKey", "unwrapKey"])
        #expect(result["listed"] as? [String] == ["imported-key", "sdk-key", "servedreg-cmk"])
        let missing = try #require(result["missing"] as? [String: Any])
        #expect(missing["status"] as? Int == 404)
        #expect(missing["code"] as? String == "KeyNotFound")
        #expect(result["bad_algorithm"] as? Int == 400)

        // The CLI sees what the SDK did, and the audit trail names the operator.
        let shown = try server.acrcmk("az", "keyvault", "key", "list-versions", "--vault-name", Self.vault, "-n",
                                      "sdk-key", "--query", "length(@)", "-o", "tsv")
        #expect(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let operatorId = try server.acrcmk("az", "role", "assignment", "list", "--all", "--query",
                                           "[?roleDefinitionName=='Owner'].principalId | [0]", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!operatorId.isEmpty)
        let unwraps = try audit(server, "--operation", "KeyUnwrap")
        #expect(unwraps.count >= 4)
        #expect(unwraps.allSatisfy {
            $0["callerObjectId"] as? String == operatorId && $0["resultSignature"] as? String == "OK"
        })
    }

    @Test func disabledKeyIsForbiddenAndSoftDeletedKeyRecovers() throws {
        let server = try ServedRegistry(tls: true)
        let result = try sdk(server, "disable-delete-recover")
        let disabled = try #require(result["disabled_unwrap"] as? [String: Any])
        #expect(disabled["status"] as? Int == 403)
        #expect(disabled["code"] as? String == "Forbidden")
        #expect(disabled["inner"] as? String == "KeyDisabled")
        #expect(result["enabled_unwrap"] as? Bool == true)

        let deleted = try #require(result["deleted"] as? [String: Any])
        #expect(deleted["recovery_id"] as? String
                    == "https://\(Self.vault).vault.azure.net:\(server.port)/deletedkeys/lifecycle-key")
        #expect(deleted["has_dates"] as? Bool == true)
        let gone = try #require(result["deleted_get"] as? [String: Any])
        #expect(gone["status"] as? Int == 404)
        #expect(gone["code"] as? String == "KeyNotFound")
        #expect(result["deleted_listed"] as? [String] == ["lifecycle-key"])
        #expect(result["deleted_fetched"] as? String == "lifecycle-key")
        let reuse = try #require(result["name_reuse"] as? [String: Any])
        #expect(reuse["status"] as? Int == 409)
        #expect(reuse["code"] as? String == "Conflict")
        let purge = try #require(result["purge"] as? [String: Any])
        #expect(purge["status"] as? Int == 403, "setup's vault has purge protection")
        #expect((purge["message"] as? String)?.contains("purge protection") == true)
        let unwrapDeleted = try #require(result["deleted_unwrap"] as? [String: Any])
        #expect(unwrapDeleted["status"] as? Int == 404)
        #expect(unwrapDeleted["inner"] as? String == "KeyDeleted")
        #expect(result["recovered"] as? String == "lifecycle-key")
        #expect(result["recovered_unwrap"] as? Bool == true)

        // The CLI agrees: the key is back and enabled.
        let shown = try server.acrcmk("az", "keyvault", "key", "show", "--vault-name", Self.vault, "-n",
                                      "lifecycle-key", "--query", "attributes.enabled", "-o", "tsv")
        #expect(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "true")
    }

    @Test func identityWithoutRoleIsForbiddenByRbacUntilGrantedAndRegistryIdentityWraps() throws {
        let server = try ServedRegistry(tls: true)
        try retainAudit(server)
        try server.require(server.acrcmk("az", "identity", "create", "-g", "servedreg-rg", "-n", "norole", "-o",
                                         "none"))
        let clientId = try identity(server, "norole", "clientId")
        let principalId = try identity(server, "norole", "principalId")

        let denied = try sdk(server, "identity", clientId: clientId)
        for operation in ["get", "list", "create"] {
            let failure = try #require(denied[operation] as? [String: Any], "\(operation)")
            #expect(failure["status"] as? Int == 403, "\(operation)")
            #expect(failure["code"] as? String == "Forbidden", "\(operation)")
            #expect(failure["inner"] as? String == "ForbiddenByRbac", "\(operation)")
            #expect((failure["message"] as? String)?.contains("oid=\(principalId)") == true, "\(operation)")
        }
        let wrap = try #require(denied["wrap"] as? [String: Any])
        #expect(wrap["status"] as? Int == 403)
        #expect(wrap["inner"] as? String == "ForbiddenByRbac")
        let refusals = try audit(server, "--result", "denied")
        #expect(refusals.contains { $0["callerObjectId"] as? String == principalId
                    && $0["operationName"] as? String == "KeyWrap" })

        // The registry's identity holds Key Vault Crypto Service Encryption User: get, wrap, unwrap; not create.
        let registry = try sdk(server, "identity", clientId: try identity(server, "servedreg-identity", "clientId"))
        #expect((registry["get"] as? [String: Any])?["status"] as? Int == 200)
        #expect((registry["wrap"] as? [String: Any])?["status"] as? Int == 200)
        #expect(registry["unwrap"] as? Bool == true)
        #expect((registry["create"] as? [String: Any])?["inner"] as? String == "ForbiddenByRbac")

        // Roles are read at each request: granted now, allowed now.
        let vaultId = try server.acrcmk("az", "keyvault", "show", "-n", Self.vault, "--query", "id", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try server.require(server.acrcmk("az", "role", "assignment", "create", "--role", "Key Vault Crypto User",
                                         "--assignee-object-id", principalId, "--assignee-principal-type",
                                         "ServicePrincipal", "--scope", vaultId, "-o", "none"))
        let granted = try sdk(server, "identity", clientId: clientId)
        #expect((granted["get"] as? [String: Any])?["status"] as? Int == 200)
        #expect(granted["unwrap"] as? Bool == true)
    }
}

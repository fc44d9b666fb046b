import Testing

@testable import CMKServer

/// Requests to Key Vault's keys API: the vault by Host or path prefix, the operation by method and path.
struct KeyVaultRouteTests {
    @Test func vaultByHostOrPathPrefix() throws {
        let byHost = try #require(KeyVaultTarget(path: "/keys/k1/create", host: "KV1.vault.azure.net:8443",
                                                 scheme: "https"))
        #expect(byHost.vaultName == "kv1")
        #expect(byHost.vaultURL == "https://kv1.vault.azure.net:8443")
        #expect(byHost.segments == ["keys", "k1", "create"])
        let local = try #require(KeyVaultTarget(path: "/deletedkeys", host: "kv1.localhost", scheme: "https"))
        #expect(local.vaultName == "kv1")
        let byPath = try #require(KeyVaultTarget(path: "/vaults/kv1/keys/k1/", host: "127.0.0.1:5000",
                                                 scheme: "https"))
        #expect(byPath.vaultURL == "https://kv1.vault.azure.net")
        #expect(byPath.segments == ["keys", "k1"])
        // Registry requests are not the vault's, whatever the host.
        #expect(KeyVaultTarget(path: "/v2/app/manifests/1", host: "kv1.localhost", scheme: "https") == nil)
        #expect(KeyVaultTarget(path: "/keys/k1", host: "127.0.0.1:5000", scheme: "https") == nil)
        #expect(KeyVaultTarget(path: "/keys/k1", host: "myreg.azurecr.io", scheme: "https") == nil)
    }

    @Test(arguments: [
        ("GET", "keys", KeyVaultRoute.listKeys),
        ("POST", "keys/k1/create", .createKey(name: "k1")),
        ("PUT", "keys/k1", .importKey(name: "k1")),
        ("GET", "keys/k1", .getKey(name: "k1", version: nil)),
        ("GET", "keys/k1/abc", .getKey(name: "k1", version: "abc")),
        ("PATCH", "keys/k1/abc", .updateKey(name: "k1", version: "abc")),
        ("DELETE", "keys/k1", .deleteKey(name: "k1")),
        ("GET", "keys/k1/versions", .listVersions(name: "k1")),
        ("POST", "keys/k1/rotate", .rotateKey(name: "k1")),
        ("GET", "keys/k1/rotationpolicy", .getRotationPolicy(name: "k1")),
        ("PUT", "keys/k1/rotationpolicy", .updateRotationPolicy(name: "k1")),
        ("POST", "keys/k1/abc/unwrapkey", .cryptography(name: "k1", version: "abc", operation: .unwrapKey)),
        ("POST", "keys/k1/wrapkey", .cryptography(name: "k1", version: nil, operation: .wrapKey)),
        ("GET", "deletedkeys", .listDeletedKeys),
        ("GET", "deletedkeys/k1", .getDeletedKey(name: "k1")),
        ("DELETE", "deletedkeys/k1", .purgeDeletedKey(name: "k1")),
        ("POST", "deletedkeys/k1/recover", .recoverDeletedKey(name: "k1")),
    ])
    func operations(method: String, path: String, route: KeyVaultRoute) throws {
        #expect(try KeyVaultRoute(method: method, segments: path.split(separator: "/").map(String.init)) == route)
    }

    @Test func refusals() {
        #expect(throws: KeyVaultError.self) { try KeyVaultRoute(method: "POST", segments: ["keys"]) }
        #expect(throws: KeyVaultError.self) { try KeyVaultRoute(method: "POST", segments: ["keys", "k1", "backup"]) }
        #expect(throws: KeyVaultError.self) { try KeyVaultRoute(method: "GET", segments: ["keys", "a", "b", "c", "d"]) }
    }
}

import Testing

@testable import CMKCore

/// Key Vault key URLs: versioned ids pin a version, versionless ones follow the current one.
@Suite("KeyIdentifier")
struct KeyIdentifierTests {
    @Test("a versioned key URL")
    func versioned() throws {
        let id = try #require(KeyIdentifier.parse(
            "https://kv1.vault.azure.net/keys/mykey/0123456789ABCDEF0123456789abcdef"))

        #expect(id == KeyIdentifier(vaultName: "kv1", keyName: "mykey", version: "0123456789abcdef0123456789abcdef"))
        #expect(id.url == "https://kv1.vault.azure.net/keys/mykey/0123456789abcdef0123456789abcdef")
        #expect(id.versionless == "https://kv1.vault.azure.net/keys/mykey")
    }

    @Test(
        "versionless key URLs, with a trailing slash, port, case or spaces",
        arguments: [
            "https://kv1.vault.azure.net/keys/mykey", "https://kv1.vault.azure.net/keys/mykey/",
            "https://KV1.Vault.Azure.NET/Keys/mykey", "https://kv1.vault.azure.net:443/keys/mykey",
            "  https://kv1.vault.azure.net/keys/mykey\n",
        ]
    )
    func versionless(text: String) throws {
        let id = try #require(KeyIdentifier.parse(text))

        #expect(id == KeyIdentifier(vaultName: "kv1", keyName: "mykey", version: nil))
        #expect(id.url == "https://kv1.vault.azure.net/keys/mykey")
    }

    @Test(
        "texts that are not key URLs",
        arguments: [
            "", "kv1/mykey", "http://kv1.vault.azure.net/keys/mykey", "https://kv1.vault.azure.net/keys",
            "https://kv1.vault.azure.net/keys/", "https://kv1.vault.azure.net/secrets/mykey",
            "https://kv1.example.com/keys/mykey", "https://.vault.azure.net/keys/mykey",
            "https://kv1.vault.azure.net/keys/mykey/abc/extra",
            "https://kv1.vault.azure.net/deletedkeys/mykey",
            // Found by the key-identifier fuzzer: the name "\n" parsed, but its URL (trimmed on reading) did not.
            " https://1.vault.azure.net/keys/\n/", "https://kv1.vault.azure.net/keys/my key",
            "https://kv1.vault.azure.net/keys/mykey/v?x", "https://kv_1.vault.azure.net/keys/mykey",
        ]
    )
    func notKeyURLs(text: String) {
        #expect(KeyIdentifier.parse(text) == nil)
    }

    @Test("the versioned form feeds keyRotationEnabled")
    func keyRotationEnabled() {
        func encryption(_ keyIdentifier: String) -> RegistryEncryption {
            RegistryEncryption(keyIdentifier: keyIdentifier, versionedKeyIdentifier: keyIdentifier + "/v",
                               identity: "system", lastKeyRotationTimestamp: CoreFixture.start, wrappedDEK: [],
                               wrapAlgorithm: "RSA-OAEP-256")
        }

        #expect(encryption("https://kv1.vault.azure.net/keys/k").keyRotationEnabled)
        #expect(!encryption("https://kv1.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef").keyRotationEnabled)
    }
}

import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// A registry home: the world without Key Vault (`detachVaults`), no vault master key, and its registries' keys from
/// a vault behind the `KeyVaultUnwrapping` port (another process in the product; a stand-in here).
@Suite("A registry home whose vault is served elsewhere")
struct RegistryHomeTests {
    /// The registry home made from `vaultSide`, as the store would open it: no vault master key, the vault's answers
    /// coming from `vaultSide`'s in-process vault.
    func registryHome(from vaultSide: Session) throws -> Session {
        let home = Session(world: vaultSide.world, wallClock: CoreFixture.start, platformKey: CoreFixture.platformKey,
                           vaultMasterKey: nil)
        try home.detachVaults(to: "https://127.0.0.1:8443/", caFile: "/tmp/serve-ca.pem")
        let vault = vaultSide.keyVault
        home.keyVault = KeyVaultPortTests.RecordingVault { try vault.unwrapKey($0, key: $1, algorithm: $2, as: $3) }
        return home
    }

    @Test("detaching removes every vault, key and version and names the vault process; registries stay")
    func detachRemovesTheVaultSide() throws {
        let vaultSide = try CoreFixture.pinnedRegistrySession()
        let home = Session(world: vaultSide.world, wallClock: CoreFixture.start, platformKey: CoreFixture.platformKey,
                           vaultMasterKey: nil)
        let removed = try home.detachVaults(to: "https://127.0.0.1:8443/", caFile: nil)
        #expect(removed.vaults.sorted() == [CoreFixture.policyVault, CoreFixture.rbacVault])
        #expect(removed.keys == 3)
        #expect(removed.keyVersions == 4)
        #expect(home.world.vaults.isEmpty && home.world.keys.isEmpty)
        #expect(home.remoteVaultURL == "https://127.0.0.1:8443")
        #expect(home.world.config[Session.keyVaultCAFileConfigKey] == nil)
        #expect(home.world.registries[key: "cmkreg"] != nil)
        #expect(home.world.identities.count == 1)
        let changes = try home.world.changes()
        #expect(!changes.isEmpty)
    }

    @Test("content keys and health come through the port; the vault side decides")
    func contentKeysThroughThePort() throws {
        let vaultSide = try CoreFixture.pinnedRegistrySession()
        let home = try registryHome(from: vaultSide)
        #expect(try home.contentKeys(forRegistry: "cmkreg", action: "pulled").isCMK)
        let report = try home.checkHealth(registryName: "cmkreg")
        #expect(report.unwrapSucceeded == true)
        #expect(report.isHealthy)
    }

    @Test("an unreachable vault locks content out, and check-health reports it as the vault's finding")
    func unreachableVault() throws {
        let vaultSide = try CoreFixture.pinnedRegistrySession()
        let home = try registryHome(from: vaultSide)
        let cause = "The Key Vault at https://127.0.0.1:8443 could not be reached (connection refused)."
        home.keyVault = KeyVaultPortTests.RecordingVault { _, _, _, _ in
            .failure(AccessDenial(.vaultUnreachable, cause))
        }
        let error = try #require(throws: CMKError.self) { try home.contentKeys(forRegistry: "cmkreg", action: "pulled") }
        #expect(error.code == "VaultUnreachable")
        #expect(error.message.hasSuffix(cause))
        #expect(error.hint?.hasPrefix("Start the vault's server again") == true)
        let report = try home.checkHealth(registryName: "cmkreg")
        #expect(report.unwrapSucceeded == false)
        #expect(report.blockingDenial?.code == .vaultUnreachable)
        let finding = try #require(report.findings.first { $0.severity == .error })
        #expect(finding.check == "vault")
        #expect(finding.cause == cause)
    }

    @Test("without a vault master key, no key is created or opened, and the error says where the vault is")
    func noVaultKeyMaterial() throws {
        let vaultSide = CoreFixture.session()
        let home = Session(world: vaultSide.world, wallClock: CoreFixture.start, platformKey: CoreFixture.platformKey,
                           vaultMasterKey: nil)
        home.setConfig(Session.keyVaultURLConfigKey, to: "https://127.0.0.1:8443")
        let error = try #require(throws: CMKError.self) {
            try home.createKey(KeyCreateRequest(vaultName: CoreFixture.policyVault, name: "k2"))
        }
        #expect(error.code == "VaultKeyMaterialAbsent")
        #expect(error.message.contains("the vault served at https://127.0.0.1:8443"))
    }

    @Test("vault addresses", arguments: [
        ("https://127.0.0.1:8443/", "https://127.0.0.1:8443"),
        ("HTTPS://vault.example:443", "https://vault.example:443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost:8080", "http://localhost:8080"),
    ])
    func acceptedAddresses(_ text: String, _ stored: String) throws {
        #expect(try Session.validatedKeyVaultURL(text) == stored)
    }

    @Test("refused vault addresses", arguments: [
        "127.0.0.1:8443", "ftp://127.0.0.1", "https://127.0.0.1:8443/vaults/kv1", "https://127.0.0.1:8443?x=1",
        "https://user:pw@127.0.0.1:8443", "http://10.0.0.5:8080", "https://",
    ])
    func refusedAddresses(_ text: String) {
        #expect(throws: CMKError.self) { try Session.validatedKeyVaultURL(text) }
    }
}

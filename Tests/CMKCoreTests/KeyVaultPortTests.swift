import CMKCrypto
import Foundation
import Testing

@testable import CMKCore

/// The registry side obtains data-encryption keys only through `Session.keyVault` (Key Vault's `unwrapKey`), as
/// the registry's identity; a vault behind that port (another process, later) decides alone.
@Suite("The Key Vault unwrap port")
struct KeyVaultPortTests {
    /// A vault that records each call and answers as it is told.
    final class RecordingVault: KeyVaultUnwrapping {
        var calls: [(key: KeyIdentifier, algorithm: KeyWrapAlgorithm, caller: Principal)] = []
        var answer: (([UInt8], KeyIdentifier, KeyWrapAlgorithm, Principal) throws -> Result<UnwrappedKey, AccessDenial>)

        init(answer: @escaping ([UInt8], KeyIdentifier, KeyWrapAlgorithm, Principal) throws
                -> Result<UnwrappedKey, AccessDenial>) {
            self.answer = answer
        }

        func unwrapKey(_ wrapped: [UInt8], key: KeyIdentifier, algorithm: KeyWrapAlgorithm, as caller: Principal)
            throws -> Result<UnwrappedKey, AccessDenial>
        {
            calls.append((key, algorithm, caller))
            return try answer(wrapped, key, algorithm, caller)
        }
    }

    @Test("content keys come from the port, called once as the registry's identity with its versioned key")
    func contentKeysAskThePort() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        let inProcess = session.keyVault
        let vault = RecordingVault { try inProcess.unwrapKey($0, key: $1, algorithm: $2, as: $3) }
        session.keyVault = vault

        let keys = try session.contentKeys(forRegistry: "cmkreg", action: "pulled")

        #expect(keys.isCMK)
        #expect(vault.calls.count == 1)
        let registry = try session.requireRegistry("cmkreg")
        #expect(vault.calls.first?.key.url == registry.encryption?.versionedKeyIdentifier)
        #expect(vault.calls.first?.algorithm == .rsaOAEP256)
        #expect(vault.calls.first?.caller.objectId == session.world.identities.first?.principalId)
    }

    @Test("a refusal from the port locks content out with the vault's code, whatever the local world says")
    func refusalFromThePortLocksContentOut() throws {
        let session = try CoreFixture.pinnedRegistrySession()
        session.keyVault = RecordingVault { _, _, _, _ in
            .failure(AccessDenial(.keyDisabled, "Operation unwrapKey is not allowed on a disabled key."))
        }

        let error = try #require(throws: CMKError.self) {
            try session.contentKeys(forRegistry: "cmkreg", action: "pulled")
        }
        #expect(error.code == "KeyDisabled")
        #expect(error.message.contains("cannot be pulled"))
    }

    @Test("a registry without CMK never asks the vault")
    func platformOnlyRegistryNeedsNoVault() throws {
        let session = CoreFixture.session()
        try session.createRegistry(RegistryCreateRequest(name: "plainreg", resourceGroup: CoreFixture.group,
                                                         sku: .standard))
        let vault = RecordingVault { _, _, _, _ in preconditionFailure("the vault must not be asked") }
        session.keyVault = vault
        let keys = try session.contentKeys(forRegistry: "plainreg")
        #expect(!keys.isCMK)
        #expect(vault.calls.isEmpty)
    }
}

@_spi(KeySealing) import CMKCrypto
import Foundation

/// How a key version's RSA private key is sealed at rest: AES-256-GCM under an installation key, a random nonce,
/// and the key id bound as associated data (so a sealed key moved to another key id does not open).
///
/// acrcmk 0.1 sealed under the platform key (`legacyPlatform`), beside the content; from 0.2 the vault master key
/// seals (`vault`), on the vault's side of the state home only. `resealKeyMaterial` moves a 0.1 world across.
struct KeyMaterialSeal {
    /// Prefix of the associated data; the version names the sealing scheme.
    let context: String

    /// Sealed under the vault master key (0.2 and later).
    static let vault = KeyMaterialSeal(context: "acrcmk/vault-key/v2|")
    /// Sealed under the platform key (0.1).
    static let legacyPlatform = KeyMaterialSeal(context: "acrcmk/key/v1|")

    private static let nonceCount = 12, tagCount = 16

    func seal(_ privateKey: RSAPrivateKey, kid: String, key: SecureBytes) throws -> [UInt8] {
        let nonce = SecureRandom.bytes(count: Self.nonceCount)
        var der = privateKey.pkcs8DERRepresentation().withUnsafeBytes { [UInt8]($0) }
        defer { for index in der.indices { der[index] = 0 } }
        let sealed = try AESGCM.seal(der, key: key, nonce: nonce, authenticating: Array((context + kid).utf8))
        return nonce + sealed.ciphertext + sealed.tag
    }

    func open(_ sealed: [UInt8], kid: String, key: SecureBytes) throws -> RSAPrivateKey {
        guard sealed.count > Self.nonceCount + Self.tagCount else {
            throw CMKError.badRequest(.keyMaterialMissing, "The key \(kid) has no private key material.")
        }
        let nonce = Array(sealed[0..<Self.nonceCount]), tag = Array(sealed.suffix(Self.tagCount)),
            body = Array(sealed[Self.nonceCount..<(sealed.count - Self.tagCount)])
        do {
            var der = try AESGCM.open(body, tag: tag, key: key, nonce: nonce,
                                      authenticating: Array((context + kid).utf8))
            defer { for index in der.indices { der[index] = 0 } }
            return try RSAPrivateKey(pkcs8DER: SecureBytes(der))
        } catch {
            throw CMKError(
                .badRequest, code: .keyMaterialCorrupt,
                "The sealed private key of \(kid) does not open with this installation's vault master key.",
                hint: "The state home's control/vault.key was replaced or the control state was tampered with; "
                    + "restore both from the same backup.")
        }
    }
}

extension World {
    /// Re-seals every key version's private key from the platform key (acrcmk 0.1) to the vault master key, for
    /// the migration of a 0.1 state home. Versions without private material (EC keys made without it) are kept.
    ///
    /// - Throws: `CMKError` (`KeyMaterialCorrupt`) when a sealed key does not open with `platformKey`: the home's
    ///   platform key is not the one that sealed it, and nothing is changed.
    public mutating func resealKeyMaterial(from platformKey: PlatformKey, to vaultMasterKey: VaultMasterKey) throws {
        var resealed = keys
        for keyIndex in resealed.indices {
            let key = resealed[keyIndex]
            for versionIndex in key.versions.indices {
                let version = key.versions[versionIndex]
                guard !version.sealedPrivateKey.isEmpty else { continue }
                let kid = version.identifier(vaultName: key.vaultName, keyName: key.name)
                let privateKey: RSAPrivateKey
                do {
                    privateKey = try KeyMaterialSeal.legacyPlatform.open(
                        version.sealedPrivateKey, kid: kid, key: platformKey.secret)
                } catch {
                    throw CMKError(
                        .badRequest, code: .keyMaterialCorrupt,
                        "The sealed private key of \(kid) does not open with this state home's platform key, so "
                            + "the home cannot be migrated.",
                        hint: "Restore platform.key and state.db from the same backup of the home, then run acrcmk "
                            + "again.")
                }
                resealed[keyIndex].versions[versionIndex].sealedPrivateKey = try KeyMaterialSeal.vault.seal(
                    privateKey, kid: kid, key: vaultMasterKey.secret)
            }
        }
        keys = resealed
    }
}

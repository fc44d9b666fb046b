@_spi(KeySealing) import CMKCrypto
import Foundation

/// Key Vault's keys data plane as its REST API exposes it: the caller a bearer token names, and the operations the
/// command line has no verb for (wrapKey and unwrapKey by a named caller, deleted-key lookup, version listing,
/// import from a JSON Web Key). Every call is evaluated by `AccessEvaluator` as the caller and audited, as the
/// command line's calls are.
extension Session {
    /// The resource (audience) of Key Vault's data plane, as its challenge names it.
    public static let keyVaultResource = "https://vault.azure.net"

    /// The caller a Key Vault bearer token speaks for: a Microsoft Entra token this home issued for Key Vault's
    /// resource, still current.
    ///
    /// The operator's object id gives the signed-in operator; a managed identity's principal id gives that identity
    /// (not a trusted Azure service). A token for an identity deleted since it was issued
    /// still names its principal, which then holds no permission, as in Azure.
    ///
    /// - Throws: `CMKError` with code `Unauthorized` when there is no token, it is not this home's Entra token, it
    ///   was issued for another resource, or it expired.
    public func keyVaultCaller(bearer: String?) throws -> Principal {
        guard let bearer else {
            throw Self.unauthorized("Request is missing a Bearer or PoP token.")
        }
        guard let token = RegistryToken.decode(bearer, signingKey: try registryTokenKey), token.kind == .entra,
              case .principal(let objectId) = token.subject
        else {
            throw Self.unauthorized("The bearer token is not a Microsoft Entra access token issued by this home.",
                                    hint: "Get one from the identity endpoint: GET /metadata/identity/oauth2/token"
                                        + "?resource=https://vault.azure.net with header Metadata: true.")
        }
        var audience = token.audience.lowercased()
        if audience.hasSuffix("/.default") { audience.removeLast("/.default".count) }
        while audience.hasSuffix("/") { audience.removeLast() }
        guard audience == Self.keyVaultResource else {
            throw Self.unauthorized("AKV10022: Invalid audience. Expected \(Self.keyVaultResource), found: "
                                    + "\(token.audience).")
        }
        guard token.expiresAt > now else {
            throw Self.unauthorized("AKV10000: Request is missing a Bearer or PoP token. (The token expired at "
                                    + "\(Timestamp.zulu(token.expiresAt)).)")
        }
        if objectId.lowercased() == world.account.operatorObjectId.lowercased() {
            return signedInOperator
        }
        if let identity = world.identities.first(where: { $0.principalId.lowercased() == objectId.lowercased() }) {
            return Principal(objectId: identity.principalId, tenantId: identity.tenantId,
                             applicationId: identity.clientId, kind: .managedIdentity(name: identity.name),
                             displayName: "managed identity \(identity.name)")
        }
        return Principal(objectId: objectId, tenantId: world.account.tenantId, applicationId: nil,
                         kind: .managedIdentity(name: objectId), displayName: "principal \(objectId)")
    }

    /// Key Vault's wrapKey: RSA encryption of a key with the public half of a key version, as `principal`.
    public func wrapKey(vaultName: String, name: String, version: String?, algorithm: KeyWrapAlgorithm,
                        plaintext: [UInt8], as principal: Principal? = nil) throws -> (ciphertext: [UInt8], kid: String)
    {
        let vault = try requireVault(vaultName)
        let id = KeyIdentifier(vaultName: vault.name, keyName: name, version: version)
        switch try vaultWrap(plaintext, key: id, algorithm: algorithm, operation: .wrapKey,
                         as: principal ?? signedInOperator) {
        case .success(let result): return result
        case .failure(let denial): throw denial.asError
        }
    }

    /// Key Vault's unwrapKey: RSA decryption with the sealed private half of a key version, as `principal`.
    public func unwrapKey(vaultName: String, name: String, version: String?, algorithm: KeyWrapAlgorithm,
                          ciphertext: [UInt8], as principal: Principal? = nil) throws
        -> (plaintext: SecureBytes, kid: String)
    {
        let vault = try requireVault(vaultName)
        let id = KeyIdentifier(vaultName: vault.name, keyName: name, version: version)
        switch try vaultUnwrap(ciphertext, key: id, algorithm: algorithm, operation: .unwrapKey,
                               as: principal ?? signedInOperator) {
        case .success(let result): return result
        case .failure(let denial): throw denial.asError
        }
    }

    /// Every version of a key, oldest first (`GET /keys/{name}/versions`).
    public func listKeyVersions(vaultName: String, name: String, as principal: Principal? = nil) throws
        -> (VaultKey, [KeyVersion])
    {
        let vault = try requireVault(vaultName)
        let access = try requireAccess(.list, vaultName: vault.name, keyName: name, as: principal ?? signedInOperator)
        let key = access.key!
        return (key, Array(key.versions))
    }

    /// A soft-deleted key (`GET /deletedkeys/{name}`): its current version and deletion dates.
    public func showDeletedKey(vaultName: String, name: String, as principal: Principal? = nil) throws -> VaultKey {
        let vault = try requireVault(vaultName)
        _ = try requireAccess(.get, vaultName: vault.name, keyName: nil, as: principal ?? signedInOperator)
        return world.keys[try deletedKeyIndex(vaultName: vault.name, name: name)]
    }

    /// Key Vault's import (`PUT /keys/{name}`) of an RSA private JSON Web Key: sealed with the vault master key at
    /// once and never returned.
    ///
    /// - Throws: `BadParameter` when a member is missing, is not base64url, or the members do not form a key pair.
    @discardableResult
    public func importKey(
        vaultName: String, name: String, jwk: RSAPrivateJSONWebKey, hsm: Bool, operations: [String]?,
        enabled: Bool, notBefore: Date?, expires: Date?, tags: [String: String]?, as principal: Principal? = nil
    ) throws -> (VaultKey, KeyVersion) {
        try importKey(vaultName: vaultName, name: name, hsm: hsm, operations: operations, disabled: !enabled,
                      notBefore: notBefore, expires: expires, tags: tags, as: principal) {
            let components = try jwk.components()
            do {
                return try RSAPrivateKey(components: components)
            } catch {
                throw CMKError.badRequest(.badParameter, "The JSON Web Key is not a valid RSA private key: \(error)")
            }
        }
    }
}

/// The members of an RSA private JSON Web Key as Key Vault's import receives them: base64url text.
public struct RSAPrivateJSONWebKey: Sendable {
    public var members: [String: String]

    /// - Parameter members: `n`, `e`, `d`, `p`, `q`, `dp`, `dq`, `qi` by name; others are ignored.
    public init(members: [String: String]) {
        self.members = members
    }

    static let names = ["n", "e", "d", "p", "q", "dp", "dq", "qi"]

    func components() throws -> RSAPrivateKeyComponents {
        func bytes(_ name: String) throws -> [UInt8] {
            guard let text = members[name] else {
                throw CMKError.badRequest(.badParameter, "The JSON Web Key has no '\(name)': an RSA private key "
                                              + "needs " + Self.names.joined(separator: ", ") + ".")
            }
            guard let value = Base64URL.decode(text), !value.isEmpty else {
                throw CMKError.badRequest(.badParameter, "The JSON Web Key member '\(name)' is not base64url.")
            }
            return value
        }
        func secret(_ name: String) throws -> SecureBytes { SecureBytes(try bytes(name)) }
        return RSAPrivateKeyComponents(n: try bytes("n"), e: try bytes("e"), d: try secret("d"), p: try secret("p"),
                                       q: try secret("q"), dp: try secret("dp"), dq: try secret("dq"),
                                       qi: try secret("qi"))
    }
}

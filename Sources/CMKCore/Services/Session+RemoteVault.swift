import Foundation

/// A registry home whose vault is served by another acrcmk process over Key Vault's REST API.
///
/// In Azure the key vault and the registry are different services: the registry holds wrapped keys and calls
/// `unwrapKey` as its identity; only the vault holds private keys. A state home can be split the same way: the
/// vault home keeps Key Vault (its vaults, keys and `control/vault.key`) and serves it with `acrcmk serve`; the
/// registry home keeps the registries, their identities and content, names the vault's address in `keyvault.url`,
/// and holds no vault key material at all. Its registries' data-encryption keys then come through
/// `KeyVaultUnwrapping` from the vault process, which the front end wires in (CMKVaultClient).
extension Session {
    /// The setting naming the vault process a registry home's registries unwrap through (`https://host:port`).
    public static let keyVaultURLConfigKey = "keyvault.url"
    /// The setting naming a PEM file of CA certificates to trust for `keyvault.url` (e.g. the vault home's
    /// `serve-ca.pem`); without it the system's trust store is used.
    public static let keyVaultCAFileConfigKey = "keyvault.ca-file"

    /// Where this home's registries find their vault, when it is served by another process.
    public var remoteVaultURL: String? { world.config[Self.keyVaultURLConfigKey] }

    /// What `detachVaults` removed.
    public struct DetachedVaults: Sendable, Equatable {
        public var vaults: [String]
        public var keys: Int
        public var keyVersions: Int
    }

    /// Makes this world a registry home's: every vault and key, with every key version and its sealed private key,
    /// is removed, and the registries are pointed at the vault served at `url`.
    ///
    /// Registries, identities, role assignments, the platform (service-managed) layer and content stay: they are
    /// the registry service's, not Key Vault's. Run on a copy of a vault home; the vault home keeps everything.
    ///
    /// - Parameters:
    ///   - url: The vault process's address, as `validatedKeyVaultURL` accepts it.
    ///   - caFile: A PEM file of CA certificates to trust for it, or nil for the system's trust store.
    /// - Throws: `CMKError` (usage) for an address that is not one.
    @discardableResult
    public func detachVaults(to url: String, caFile: String?) throws -> DetachedVaults {
        let address = try Self.validatedKeyVaultURL(url)
        let removed = DetachedVaults(vaults: world.vaults.map(\.name), keys: world.keys.count,
                                     keyVersions: world.keys.reduce(0) { $0 + $1.versions.count })
        world.keys.removeAll { _ in true }
        world.vaults.removeAll { _ in true }
        setConfig(Self.keyVaultURLConfigKey, to: address)
        setConfig(Self.keyVaultCAFileConfigKey, to: caFile)
        return removed
    }

    /// `url` as the setting stores it: `https://host[:port]` without a trailing slash, or `http://` on a loopback
    /// host only (bearer tokens then cross the loopback interface in the clear; say so explicitly).
    ///
    /// - Throws: `CMKError` (usage) when it is not an http(s) URL of a host, carries a path, query or credentials, or
    ///   asks for plain HTTP to a host that is not loopback.
    public static func validatedKeyVaultURL(_ url: String) throws -> String {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              ["https", "http"].contains(scheme), let host = components.host, !host.isEmpty,
              components.path.isEmpty, components.query == nil, components.fragment == nil,
              components.user == nil, components.password == nil
        else {
            throw CMKError.usage("'\(url)' is not a vault address: give https://<host>[:<port>], e.g. "
                                     + "https://127.0.0.1:8443 where the vault's home runs acrcmk serve.")
        }
        if scheme == "http", !["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased()) {
            throw CMKError.usage("Plain HTTP to the vault is allowed on loopback only ('\(url)'): Key Vault's bearer "
                                     + "tokens must not cross a network in the clear.",
                                 hint: "Serve the vault with --tls-self-signed (or --tls-cert/--tls-key) and use https.")
        }
        return scheme + "://" + text.dropFirst(scheme.count + 3)
    }
}

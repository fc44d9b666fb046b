#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import CMKCore
public import Foundation

extension StateHome {
    /// Makes a registry home at `destination` from this (vault) home: a copy whose registries use this home's vault
    /// served by `acrcmk serve` at `vaultURL`, and which holds no Key Vault key material at all.
    ///
    /// The copy is taken under this home's write lock, so it is one consistent state. In the copy every vault and
    /// key (with each key version's sealed private key) is removed and `keyvault.url` (and `keyvault.ca-file`) set,
    /// in one transaction; the freed pages are rewritten (`VACUUM`, with `secure_delete`) and the write-ahead log
    /// emptied, then `control/vault.key` is deleted, and with it `serve-ca.pem` (this home's server's, not the
    /// copy's). The platform key stays: it is the registry service's own layer (service-managed encryption), not
    /// Key Vault's. This home is left as it was.
    ///
    /// - Parameters:
    ///   - destination: A path where nothing is yet.
    ///   - vaultURL: Where this home's `acrcmk serve` listens, validated by `Session.validatedKeyVaultURL`.
    ///   - caFile: The CA certificate file the registry home trusts for `vaultURL`, or nil for the system's.
    /// - Returns: What was removed from the copy.
    /// - Throws: `CMKError` (usage) for a bad address or an existing destination; the store's errors otherwise.
    ///   A failed copy is removed.
    public func makeRegistryHome(at destination: String, vaultURL: String, caFile: String?,
                                 wallClock: @escaping @Sendable () -> Date) throws -> Session.DetachedVaults {
        let address = try Session.validatedKeyVaultURL(vaultURL)
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination) else {
            throw CMKError.usage("'\(destination)' already exists: give a path where nothing is yet for the registry "
                                     + "home.")
        }
        let hasVault = try store.perform { session -> Bool in
            guard !session.world.vaults.isEmpty else { return false }
            try fileManager.copyItem(atPath: root, toPath: destination)
            return true
        }
        guard hasVault else {
            throw CMKError.usage("The state home '\(root)' has no Key Vault to serve: a registry home needs a vault "
                                     + "home whose vaults hold its registries' keys.")
        }
        do {
            let copy = try StateHome.open(path: destination, wallClock: wallClock)
            let removed = try copy.store.perform { try $0.detachVaults(to: address, caFile: caFile) }
            // Deleted rows' pages are zeroed (secure_delete); VACUUM rewrites the file without them and the
            // checkpoint empties the write-ahead log that held them.
            try copy.store.connection.execute("VACUUM main")
            try copy.store.connection.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")
            for file in [copy.layout.vaultMasterKey, (destination as NSString).appendingPathComponent("serve-ca.pem")]
            where fileManager.fileExists(atPath: file) {
                try fileManager.removeItem(atPath: file)
            }
            return removed
        } catch {
            try? fileManager.removeItem(atPath: destination)
            throw error
        }
    }
}

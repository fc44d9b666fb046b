#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

extension StateHome {
    /// The home's two keys, created only where nothing can have been sealed with them yet.
    ///
    /// A key file is made when the home is new (no `control/state.db`, no content), or, for the vault master key,
    /// when the control state predates it (a 0.1 home whose private keys are re-sealed under it by migration 5).
    /// Anywhere else a missing key means everything sealed with it is lost: making a new one would hide that, and a
    /// later `fsck --repair` would then delete content as unreadable. So the home is refused as damaged, and nothing
    /// is created, changed or deleted. The same goes for content whose control state is gone.
    ///
    /// - Throws: `StateHomeError` (`.damaged`, or a key file's own errors).
    static func installationKeys(_ layout: Layout) throws -> (PlatformKey, VaultMasterKey?) {
        guard FileDescriptorIO.exists(layout.controlDatabase) else {
            if let content = try contentWithoutControl(layout) {
                throw StateHomeError(code: .damaged, path: layout.root,
                                     reason: "registry/ holds \(content) but control/state.db is missing, and with it "
                                         + "every registry's record and key")
            }
            try prepareDirectory(layout.control)
            try prepareDirectory(layout.registry)
            return (try InstallationKeyFile<PlatformKeyPurpose>.loadOrCreate(at: layout.platformKey),
                    try InstallationKeyFile<VaultMasterKeyPurpose>.loadOrCreate(at: layout.vaultMasterKey))
        }
        try prepareDirectory(layout.registry)
        guard let platformKey = try InstallationKeyFile<PlatformKeyPurpose>.load(layout.platformKey) else {
            throw StateHomeError(code: .damaged, path: layout.root,
                                 reason: "control/platform.key is missing but control/state.db exists: the platform "
                                     + "layer of every registry's content opens with that key only")
        }
        if let vaultMasterKey = try InstallationKeyFile<VaultMasterKeyPurpose>.load(layout.vaultMasterKey) {
            return (platformKey, vaultMasterKey)
        }
        let version = try SQLiteConnection(path: layout.controlDatabase).userVersion
        guard version < SQLiteStateStore.firstVersionSealedUnderVaultKey else {
            if try isRegistryHome(layout) {
                return (platformKey, nil)
            }
            throw StateHomeError(code: .damaged, path: layout.root,
                                 reason: "control/vault.key is missing but control/state.db holds private keys sealed "
                                     + "under it")
        }
        return (platformKey, try InstallationKeyFile<VaultMasterKeyPurpose>.loadOrCreate(at: layout.vaultMasterKey))
    }

    /// Whether the home is a registry home whose vault is served by another process: its settings name the vault
    /// (`keyvault.url`) and it holds no key version, so nothing was ever sealed under a vault master key here.
    /// Such a home has no `control/vault.key` by design (`acrcmk vault detach` makes it).
    private static func isRegistryHome(_ layout: Layout) throws -> Bool {
        let connection = try SQLiteConnection(path: layout.controlDatabase)
        guard try connection.scalar(
                  "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'key_versions'") == .integer(1),
              let header = try? SQLiteWorldTables(connection: connection).header(),
              header.config[Session.keyVaultURLConfigKey] != nil
        else { return false }
        return try connection.scalar("SELECT EXISTS (SELECT 1 FROM key_versions)") == .integer(0)
    }

    /// What `registry/` holds when it holds anything ("3 sealed objects", "an index of 2 blobs"), else nil.
    private static func contentWithoutControl(_ layout: Layout) throws -> String? {
        if FileDescriptorIO.exists(layout.blobs) {
            let objects = try BlobDirectory(root: layout.blobs).allIDs().count
            if objects > 0 { return "\(objects) sealed object\(objects == 1 ? "" : "s")" }
        }
        guard FileDescriptorIO.exists(layout.contentIndexDatabase) else { return nil }
        let index = try SQLiteConnection(path: layout.contentIndexDatabase)
        let hasBlobsTable = try index.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'content_blobs'") == .integer(1)
        guard hasBlobsTable, case .integer(let rows)? = try index.scalar("SELECT count(*) FROM content_blobs"),
              rows > 0
        else { return nil }
        return "a content index of \(rows) object\(rows == 1 ? "" : "s")"
    }

}

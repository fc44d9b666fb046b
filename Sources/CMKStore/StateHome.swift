#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
public import Foundation

/// One installation's state on disk: the directory given by `--home`, `ACRCMK_HOME` or `~/.acrcmk`.
///
/// Two trust domains, as in Azure, where Key Vault and the registry's storage are different services:
/// - `control/`: the simulated Azure. `state.db` (SQLite in WAL mode: ARM resources, RBAC, Key Vault with every
///   private key sealed under `vault.key`, the clock, the audit trail), `vault.key` (the vault's master key) and
///   `platform.key` (the platform content layer). It decides every access.
/// - `registry/`: content only. `content.db` (the sealed content index) and `blobs/` (sealed objects). No key of
///   any kind: a copy of it alone opens nothing, and restoring an old copy cannot undo a revocation.
///
/// Opening creates what is missing, so the first command of a new home needs no setup step, and moves a home of
/// acrcmk 0.1 (`state.db`, `blobs/`, `platform.key` at the top) into this layout. Everything of a home is its
/// owner's only (folders 0700, files 0600, whatever the umask; see `StateHome+Permissions`). Opening removes the
/// partial files of commands that were killed (`PartialFileOwner`): a pull's plaintext, an export's staging folder,
/// a push's temporary object; those of live commands are kept. A home that cannot work (not a
/// directory, not writable, a damaged key file) is refused with an error naming the path and the fix.
public final class StateHome {
    /// The home directory, as given without trailing slashes.
    public let root: String
    /// Where every part of the home lives.
    public let layout: Layout
    /// Where sealed registry content lives.
    public let blobs: BlobDirectory
    /// The world and the audit trail, with the content index attached.
    public let store: SQLiteStateStore
    /// The installation's platform key; it never leaves CMKStore except inside a `Session`.
    let platformKey: PlatformKey
    /// The simulated Key Vault's master key; likewise. Nil in a registry home whose vault is served by another
    /// process (`keyvault.url`, made by `acrcmk vault detach`): such a home has no `control/vault.key`.
    let vaultMasterKey: VaultMasterKey?

    private init(root: String, layout: Layout, blobs: BlobDirectory, store: SQLiteStateStore,
                 platformKey: PlatformKey, vaultMasterKey: VaultMasterKey?) {
        self.root = root
        self.layout = layout
        self.blobs = blobs
        self.store = store
        self.platformKey = platformKey
        self.vaultMasterKey = vaultMasterKey
    }

    /// Opens the state home at `path`, creating the directory (mode 0700) and its contents when missing, and
    /// migrating a home written by an earlier version.
    ///
    /// Several processes may open the same new home at once: they agree on one set of keys, one schema and
    /// one world.
    ///
    /// - Parameters:
    ///   - path: The home directory; missing parents are created too.
    ///   - wallClock: Real time; each command's simulated time is this plus the world's clock offset.
    ///   - busyTimeout: How long a command waits for another's write lock before failing with `StateHomeBusy`.
    /// - Throws: `StateHomeError` when the home is not a writable directory, a key file is damaged or the layout
    ///   cannot be upgraded; `SQLiteError` when a database cannot be opened or migrated (or is newer than this
    ///   build); `BlobStoreError` when `registry/blobs/` cannot be created.
    public static func open(path: String, wallClock: @escaping @Sendable () -> Date,
                            busyTimeout: Duration = .seconds(30)) throws -> StateHome {
        precondition(!path.isEmpty, "a state home needs a path")
        var root = path
        while root.count > 1 && root.hasSuffix("/") {
            root.removeLast()
        }
        try prepareDirectory(root)
        let layout = Layout(root: root)
        try LegacyLayoutUpgrade.run(layout)
        try restrictHomeRoot(root)
        let (platformKey, vaultMasterKey) = try installationKeys(layout)
        let blobs = try BlobDirectory(root: layout.blobs)
        for directory in [layout.control, layout.registry, blobs.root, blobs.temporaryDirectory,
                          blobs.writersDirectory] {
            try restrictDirectory(directory)
        }
        // What commands that were killed left behind goes first; what cannot be removed now is tried again next
        // time, and `fsck` lists it.
        _ = try? blobs.removeStaleTemporaryFiles()
        try prepareDatabaseFile(layout.controlDatabase)
        try prepareDatabaseFile(layout.contentIndexDatabase)
        try restrictContents(of: layout.control)
        try restrictContents(of: layout.registry)
        let connection = try SQLiteConnection(path: layout.controlDatabase, busyTimeout: busyTimeout)
        let store = try SQLiteStateStore(connection: connection, layout: layout, platformKey: platformKey,
                                         vaultMasterKey: vaultMasterKey, wallClock: wallClock)
        return StateHome(root: root, layout: layout, blobs: blobs, store: store, platformKey: platformKey,
                         vaultMasterKey: vaultMasterKey)
    }

    /// Makes sure `root` is a directory this process can write into, creating it (and its parents) if needed.
    static func prepareDirectory(_ root: String) throws {
        var info = stat()
        if stat(root, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw StateHomeError(code: .notADirectory, path: root, reason: "a file is in the way")
            }
        } else if errno == ENOENT || errno == ENOTDIR {
            // ENOTDIR: a parent is a file; makeDirectory finds it and says which.
            try makeDirectory(root, mode: 0o700)
        } else {
            throw StateHomeError(code: .notWritable, path: root, reason: String(cString: strerror(errno)))
        }
        guard access(root, W_OK | X_OK) == 0 else {
            throw StateHomeError(code: .notWritable, path: root, reason: String(cString: strerror(errno)))
        }
    }

    private static func makeDirectory(_ path: String, mode: mode_t) throws {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let parent = String(path[..<slash])
            var info = stat()
            if stat(parent, &info) != 0 {
                try makeDirectory(parent, mode: 0o755)
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                throw StateHomeError(code: .notADirectory, path: parent, reason: "a file is in the way")
            }
        }
        // Another process creating the same home at the same moment is fine.
        guard mkdir(path, mode) == 0 || errno == EEXIST else {
            throw StateHomeError(code: .notWritable, path: path,
                                 reason: "cannot create the directory: \(String(cString: strerror(errno)))")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
public import Foundation

/// One installation's state on disk: the directory given by `--home`, `ACRCMK_HOME` or `~/.acrcmk`.
///
/// The layout is `<root>/state.db` (SQLite in WAL mode: the world and the audit trail), `<root>/blobs/`
/// (sealed registry content) and `<root>/platform.key` (32 random bytes, mode 0600). Opening creates what is
/// missing, so the first command of a new home needs no setup step; a home that cannot work (not a directory,
/// not writable, a damaged platform key) is refused with an error naming the path and the fix.
public final class StateHome {
    /// The home directory, as given without trailing slashes.
    public let root: String
    /// Where sealed registry content lives.
    public let blobs: BlobDirectory
    /// The world and the audit trail.
    public let store: SQLiteStateStore
    /// The installation's platform key; it never leaves CMKStore except inside a `Session`.
    let platformKey: PlatformKey

    /// The database file inside a home.
    public static let databaseName = "state.db"
    /// The blob directory inside a home.
    public static let blobsName = "blobs"
    /// The platform key file inside a home.
    public static let platformKeyName = "platform.key"

    private init(root: String, blobs: BlobDirectory, store: SQLiteStateStore, platformKey: PlatformKey) {
        self.root = root
        self.blobs = blobs
        self.store = store
        self.platformKey = platformKey
    }

    /// Opens the state home at `path`, creating the directory (mode 0700) and its contents when missing.
    ///
    /// Several processes may open the same new home at once: they agree on one platform key, one schema and
    /// one world.
    ///
    /// - Parameters:
    ///   - path: The home directory; missing parents are created too.
    ///   - wallClock: Real time; each command's simulated time is this plus the world's clock offset.
    /// - Throws: `StateHomeError` when the home is not a writable directory or its platform key is damaged;
    ///   `SQLiteError` when `state.db` cannot be opened or migrated; `BlobStoreError` when `blobs/` cannot be
    ///   created.
    public static func open(path: String, wallClock: @escaping @Sendable () -> Date) throws -> StateHome {
        precondition(!path.isEmpty, "a state home needs a path")
        var root = path
        while root.count > 1 && root.hasSuffix("/") {
            root.removeLast()
        }
        try prepareDirectory(root)
        let platformKey = try PlatformKeyFile.loadOrCreate(at: root + "/" + platformKeyName)
        let blobs = try BlobDirectory(root: root + "/" + blobsName)
        let connection = try SQLiteConnection(path: root + "/" + databaseName)
        let store = try SQLiteStateStore(connection: connection, platformKey: platformKey, wallClock: wallClock)
        return StateHome(root: root, blobs: blobs, store: store, platformKey: platformKey)
    }

    /// Makes sure `root` is a directory this process can write into, creating it (and its parents) if needed.
    private static func prepareDirectory(_ root: String) throws {
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

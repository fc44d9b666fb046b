#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything of a state home is its owner's only: folders 0700, files 0600, whatever the umask and whatever mode a
/// folder had before acrcmk used it.
///
/// Files acrcmk creates itself (key files, sealed objects, temporary files, notes) are created owner-only. SQLite
/// creates its databases 0644 minus the umask and gives a database's `-wal` and `-shm` files the database's own mode,
/// so each database file is created 0600 before SQLite opens it. Existing folders, and files directly in `control/`
/// and `registry/`, looser than that (a folder made by hand, a home written by an earlier acrcmk) are tightened when
/// the home is opened; key files are not, they are refused when loose (`InstallationKeyFile`), since someone may
/// have copied them.
extension StateHome {
    /// The mode of every file a home creates.
    static let ownerOnlyFileMode: mode_t = 0o600

    /// Names a home's top folder may hold: the two parts, acrcmk 0.1's layout and the upgrade's lock.
    private static var homeEntryNames: Set<String> {
        [Layout.controlName, Layout.registryName, Layout.controlDatabaseName, Layout.controlDatabaseName + "-wal",
         Layout.controlDatabaseName + "-shm", Layout.platformKeyName, Layout.blobsName, LegacyLayoutUpgrade.lockName]
    }

    /// Makes the home's own top folder owner-only, unless it also holds files that are not the home's.
    ///
    /// A home given as a folder that holds other things (`--home ~` by mistake) keeps its mode: changing it would
    /// change who may read those things, and the home's parts below it are owner-only anyway.
    static func restrictHomeRoot(_ root: String) throws {
        guard let entries = try? FileDescriptorIO.entries(of: root),
              entries.allSatisfy(homeEntryNames.contains) else { return }
        try restrictToOwner(root)
    }

    /// Makes a folder of the home owner-only.
    ///
    /// - Throws: `StateHomeError` (`.notOwnerOnly`) when its mode cannot be changed (it belongs to another user).
    static func restrictDirectory(_ path: String) throws {
        try restrictToOwner(path)
    }

    /// Makes every entry directly in `folder` owner-only (the databases, their `-wal` and `-shm` files, notes).
    ///
    /// - Throws: `StateHomeError` (`.notOwnerOnly`) when a mode cannot be changed.
    static func restrictContents(of folder: String) throws {
        for name in (try? FileDescriptorIO.entries(of: folder)) ?? [] {
            try restrictToOwner(folder + "/" + name)
        }
    }

    /// Creates the database file at `path` owner-only when it is missing; SQLite then creates its `-wal` and `-shm`
    /// files with the same mode.
    ///
    /// - Throws: `StateHomeError` (`.notWritable`).
    static func prepareDatabaseFile(_ path: String) throws {
        do {
            let descriptor = try FileDescriptorIO.open(path, flags: O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK,
                                                       mode: ownerOnlyFileMode, operation: "create database file")
            FileDescriptorIO.systemClose(descriptor)
        } catch let error as BlobStoreError where error.errorNumber != ELOOP && error.errorNumber != EISDIR {
            // A symbolic link or a folder in its place is left to SQLite, which names the database in its error.
            let reason = error.errorNumber.map { String(cString: strerror($0)) } ?? "\(error.code)"
            throw StateHomeError(code: .notWritable, path: path, reason: "cannot create the database file: \(reason)")
        } catch is BlobStoreError {}
    }

    /// Clears the group and other bits of `path`, without following a symbolic link; the owner's bits are kept,
    /// and a missing path or one already owner-only is left alone.
    private static func restrictToOwner(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return }
        let current = info.st_mode & 0o7777
        guard current & 0o077 != 0 else { return }
        guard chmod(path, current & ~0o077) == 0 else {
            throw StateHomeError(code: .notOwnerOnly, path: path, reason: String(cString: strerror(errno)))
        }
    }
}

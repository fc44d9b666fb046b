#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves a state home written by acrcmk 0.1 (`state.db`, `blobs/` and `platform.key` at the top) into the two
/// parts of the 0.2 layout, so that a copy of `registry/` holds no key.
///
/// Only renames within the home, each atomic, under an exclusive lock, so a crash at any point leaves every file
/// in exactly one place and the next run finishes the move. The database's contents are migrated afterwards by
/// `SQLiteStateStore` (the content index moves to `registry/content.db`, private keys are re-sealed under the
/// vault master key), in transactions of their own.
enum LegacyLayoutUpgrade {
    static let lockName = ".layout-upgrade.lock"

    /// What 0.1 kept at the top of the home, and where each goes.
    private static func moves(_ layout: StateHome.Layout) -> [(from: String, to: String)] {
        let database = StateHome.Layout.controlDatabaseName
        return [
            (layout.root + "/" + database, layout.controlDatabase),
            (layout.root + "/" + database + "-wal", layout.controlDatabase + "-wal"),
            (layout.root + "/" + database + "-shm", layout.controlDatabase + "-shm"),
            (layout.root + "/" + StateHome.Layout.platformKeyName, layout.platformKey),
            (layout.root + "/" + StateHome.Layout.blobsName, layout.blobs),
        ]
    }

    /// Runs the move if the home has anything of the 0.1 layout; otherwise returns at once.
    ///
    /// - Throws: `StateHomeError` (`.layoutConflict`) when a 0.1 file and its 0.2 counterpart both exist;
    ///   (`.layoutUpgradeFailed`) when a directory cannot be made or a rename fails.
    static func run(_ layout: StateHome.Layout) throws {
        guard hasLegacyParts(layout) else { return }
        let lockPath = layout.root + "/" + lockName
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw failure(layout, "cannot create \(lockPath): \(errorText())") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw failure(layout, "cannot lock \(lockPath): \(errorText())") }
        // Another process may have finished the move while this one waited for the lock.
        guard hasLegacyParts(layout) else { return }
        if let clash = moves(layout).first(where: {
            FileDescriptorIO.exists($0.from) && FileDescriptorIO.exists($0.to)
        }) {
            throw StateHomeError(code: .layoutConflict, path: layout.root,
                                 reason: "both \(clash.from) and \(clash.to) exist")
        }
        for directory in [layout.control, layout.registry] where !FileDescriptorIO.exists(directory) {
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
                throw failure(layout, "cannot create \(directory): \(errorText())")
            }
        }
        try foldWriteAheadLog(layout)
        // Listed after folding: the fold removes the database's -wal and -shm files when it closes.
        for move in moves(layout) where FileDescriptorIO.exists(move.from) {
            guard rename(move.from, move.to) == 0 else {
                throw failure(layout, "cannot move \(move.from) to \(move.to): \(errorText())")
            }
        }
        for directory in [layout.root, layout.control, layout.registry] {
            try? FileDescriptorIO.syncDirectory(directory)
        }
        unlink(lockPath)
    }

    /// Checkpoints the 0.1 database so that its committed transactions are in `state.db` itself and its WAL is
    /// gone when the connection closes: one file then moves, not three that must stay together.
    private static func foldWriteAheadLog(_ layout: StateHome.Layout) throws {
        let path = layout.root + "/" + StateHome.Layout.controlDatabaseName
        guard FileDescriptorIO.exists(path) else { return }
        let connection = try SQLiteConnection(path: path)
        try connection.keepWriteAheadLog(false)
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private static func hasLegacyParts(_ layout: StateHome.Layout) -> Bool {
        moves(layout).contains { FileDescriptorIO.exists($0.from) }
    }


    private static func errorText() -> String {
        String(cString: strerror(errno))
    }

    private static func failure(_ layout: StateHome.Layout, _ reason: String) -> StateHomeError {
        StateHomeError(code: .layoutUpgradeFailed, path: layout.root, reason: reason)
    }
}

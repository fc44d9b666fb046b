import CMKCore

/// Why a state home cannot be opened or its state read, with the path involved and how to fix it.
public struct StateHomeError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure, for callers (and tests) that react differently to each.
    public enum Code: Sendable, Equatable {
        /// The home path exists but is a file (or something else), not a directory.
        case notADirectory
        /// The home directory (or a parent) cannot be created, or this user cannot write into it.
        case notWritable
        /// A key file (`control/platform.key`, `control/vault.key`) is not a regular file of exactly 32 bytes.
        case keyFileInvalid
        /// A key file can be read or written by the group or others.
        case keyFilePermissions
        /// A key file could not be created or read.
        case keyFileUnreadable
        /// The home holds both the 0.1 layout (`state.db` at the top) and the 0.2 one (`control/state.db`).
        case layoutConflict
        /// Moving a 0.1 home into the 0.2 layout failed part way (it resumes at the next run).
        case layoutUpgradeFailed
        /// The home holds state that needs something it lost: content without its control state, a control state
        /// without its keys or without its account. Nothing is created, changed or deleted.
        case damaged
        /// The world's header (account and settings) in `control/state.db` cannot be decoded by this build.
        case worldUnreadable
        /// A folder or database file of the home is open to other users and its mode cannot be changed.
        case notOwnerOnly
    }

    /// The kind of failure.
    public let code: Code
    /// The file or directory involved.
    public let path: String
    /// The specific reason (a system error, a size, a decoding error).
    public let reason: String

    /// Creates an error from its parts.
    public init(code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    /// The key a key-file error is about, named from the file.
    private var keyName: String {
        path.hasSuffix("/" + StateHome.Layout.vaultMasterKeyName) ? VaultMasterKey.displayName : PlatformKey.displayName
    }

    public var description: String {
        switch code {
        case .notADirectory:
            return "state home '\(path)' is not a directory (\(reason)); "
                + "pass a directory with --home DIR (or ACRCMK_HOME), or move the file away"
        case .notWritable:
            return "state home '\(path)' is not writable (\(reason)); "
                + "fix its permissions, or pass a writable directory with --home DIR (or ACRCMK_HOME)"
        case .keyFileInvalid:
            return "\(keyName) '\(path)' is invalid (\(reason)); it must be a regular file of exactly 32 bytes. "
                + "Restore it from a backup: content sealed with it cannot be read without it. "
                + "Only for a home whose content you can lose, delete the whole home and start again"
        case .keyFilePermissions:
            return "\(keyName) '\(path)' is readable or writable by other users (\(reason)); "
                + "run 'chmod 600 \(path)' and check that nobody copied it"
        case .keyFileUnreadable:
            return "\(keyName) '\(path)' cannot be created or read (\(reason)); "
                + "fix the permissions of the state home, or pass another one with --home DIR"
        case .layoutConflict:
            return "state home '\(path)' holds both an acrcmk 0.1 layout (state.db, blobs/, platform.key at the top) "
                + "and a 0.2 one (control/, registry/) (\(reason)); an older acrcmk probably wrote beside a newer one. "
                + "Move the top-level state.db, blobs/ and platform.key to another folder and open that with "
                + "--home DIR to migrate it on its own"
        case .layoutUpgradeFailed:
            return "state home '\(path)' could not be moved into the 0.2 layout (\(reason)); nothing was deleted and "
                + "the move resumes at the next run once the cause is fixed"
        case .notOwnerOnly:
            return "'\(path)' of the state home is open to other users and cannot be made owner-only (\(reason)); "
                + "every file of a home is its owner's only: run acrcmk as the owner of the home, or run "
                + "'chmod go= \(path)' as its owner"
        case .damaged:
            return "state home '\(path)' is damaged: \(reason). acrcmk changed and deleted nothing. Restore control/ "
                + "and registry/ from the same backup; or, to start afresh, move the home aside and pass a new one "
                + "with --home DIR"
        case .worldUnreadable:
            return "the account record in '\(path)' cannot be read by this build (\(reason)); "
                + "use the acrcmk version that wrote this state home, or pass a fresh one with --home DIR"
        }
    }
}

/// Why a state home cannot be opened or its state read, with the path involved and how to fix it.
public struct StateHomeError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure, for callers (and tests) that react differently to each.
    public enum Code: Sendable, Equatable {
        /// The home path exists but is a file (or something else), not a directory.
        case notADirectory
        /// The home directory (or a parent) cannot be created, or this user cannot write into it.
        case notWritable
        /// `platform.key` is not a regular file of exactly 32 bytes.
        case platformKeyInvalid
        /// `platform.key` can be read or written by the group or others.
        case platformKeyPermissions
        /// `platform.key` could not be created or read.
        case platformKeyUnreadable
        /// The world document in `state.db` cannot be decoded by this build.
        case worldUnreadable
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

    public var description: String {
        switch code {
        case .notADirectory:
            return "state home '\(path)' is not a directory (\(reason)); "
                + "pass a directory with --home DIR (or ACRCMK_HOME), or move the file away"
        case .notWritable:
            return "state home '\(path)' is not writable (\(reason)); "
                + "fix its permissions, or pass a writable directory with --home DIR (or ACRCMK_HOME)"
        case .platformKeyInvalid:
            return "platform key '\(path)' is invalid (\(reason)); it must be a regular file of exactly 32 bytes. "
                + "Restore it from a backup: content sealed with it cannot be read without it. "
                + "Only for a home whose content you can lose, delete the whole home and start again"
        case .platformKeyPermissions:
            return "platform key '\(path)' is readable or writable by other users (\(reason)); "
                + "run 'chmod 600 \(path)' and check that nobody copied it"
        case .platformKeyUnreadable:
            return "platform key '\(path)' cannot be created or read (\(reason)); "
                + "fix the permissions of the state home, or pass another one with --home DIR"
        case .worldUnreadable:
            return "the world document in '\(path)' cannot be read by this build (\(reason)); "
                + "use the acrcmk version that wrote this state home, or pass a fresh one with --home DIR"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error from the blob files: what was attempted, on which path, and the system's reason.
public struct BlobStoreError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure, for callers that react differently to each.
    public enum Code: Sendable, Equatable {
        /// The id is not lowercase hex of 1 to 128 characters; nothing touched the disk.
        case invalidID
        /// No committed blob has that id.
        case notFound
        /// A writer was used after `commit` or `abort`.
        case writerClosed
        /// A system call failed; `errorNumber` says why.
        case system
        /// The path is a FIFO, a folder, a device, a socket or a symbolic link where a regular file belongs.
        case notARegularFile
    }

    /// The kind of failure.
    public let code: Code
    /// The operation attempted, e.g. `"open for reading"` or `"fsync"`.
    public let operation: String
    /// The file or directory involved (the rejected id for `invalidID`).
    public let path: String
    /// The `errno` value, when a system call failed.
    public let errorNumber: Int32?
    /// For `notARegularFile`, what is there instead (the `S_IFMT` bits of its mode), when known.
    public let fileType: mode_t?

    /// Creates an error from its parts.
    public init(code: Code, operation: String, path: String, errorNumber: Int32? = nil, fileType: mode_t? = nil) {
        self.code = code
        self.operation = operation
        self.path = path
        self.errorNumber = errorNumber
        self.fileType = fileType
    }

    /// True when the file system is full (or the user's quota used up).
    public var isDiskFull: Bool {
        errorNumber.map(SQLiteError.isDiskFull(errorNumber:)) == true
    }

    /// "a FIFO", "a folder", ...: what is at the path instead of a regular file.
    public var fileTypeDescription: String {
        fileType.map(FileDescriptorIO.describe(fileType:)) ?? "not a regular file"
    }

    public var description: String {
        switch code {
        case .invalidID:
            return "invalid blob id '\(path)' (\(operation)): ids are 1 to 128 lowercase hex characters [0-9a-f]"
        case .notFound:
            return "blob not found: \(operation) '\(path)' failed because the file does not exist"
                + " (run 'acrcmk fsck' if the database still names it)"
        case .writerClosed:
            return "blob writer misuse: \(operation) after the writer was committed or aborted (temp file '\(path)')"
        case .system:
            let reason = errorNumber.map { "\(String(cString: strerror($0))) (errno \($0))" } ?? "unknown error"
            guard !isDiskFull else {
                return "disk full: \(operation) '\(path)' failed: \(reason); free some space on its disk and run the "
                    + "command again"
            }
            return "blob store error: \(operation) '\(path)' failed: \(reason)"
        case .notARegularFile:
            return "blob store error: \(operation) '\(path)' refused: it is \(fileTypeDescription), not a regular file"
        }
    }

    /// Builds an error from the current `errno`, mapping ENOENT to `.notFound`.
    static func fromErrno(_ operation: String, path: String) -> BlobStoreError {
        let number = errno
        return BlobStoreError(code: number == ENOENT ? .notFound : .system, operation: operation, path: path,
                              errorNumber: number)
    }
}

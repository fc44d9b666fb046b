#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// Writes one new blob into a ``BlobDirectory``: a temporary file that becomes visible only on commit.
///
/// A writer released without ``commit(id:)`` removes its temporary file, so an error thrown while
/// streaming leaves nothing behind; so does an interrupt (SIGINT, SIGTERM, SIGHUP: `InterruptCleanup`). While it
/// writes, it holds its process's claim (`PartialFileOwner`), by which a later sweep knows that a file left by a
/// killed process is stale. Belongs to one thread at a time.
public final class BlobWriter {
    private enum State {
        case open
        case committed
        case aborted
    }

    private let directory: BlobDirectory
    private let temporaryPath: String
    private var descriptor: Int32
    private var state = State.open
    private let claim: PartialFileClaim
    private var cleanupToken: Int?

    /// The number of bytes written so far.
    public private(set) var bytesWritten: Int64 = 0

    /// Creates the temporary file.
    ///
    /// - Parameters:
    ///   - temporaryPath: Its path, named with `claim`'s token.
    ///   - claim: The hold on the process's claim, released when the blob is committed or aborted.
    init(directory: BlobDirectory, temporaryPath: String, claim: PartialFileClaim) throws {
        self.directory = directory
        self.temporaryPath = temporaryPath
        self.claim = claim
        let path = temporaryPath
        (cleanupToken, descriptor) = try InterruptCleanup.shared.register({ unlink(path) }, creating: {
            try FileDescriptorIO.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600,
                                      operation: "create temporary file")
        })
    }

    deinit {
        if state == .open {
            abort()
        }
    }

    /// Appends bytes to the blob.
    ///
    /// - Parameter bytes: The bytes; all are written (short writes and EINTR are retried).
    /// - Throws: `BlobStoreError`, e.g. ENOSPC; after an error the writer should be aborted.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try requireOpen("write")
        guard bytes.count > 0 else {
            return
        }
        try FileDescriptorIO.writeAll(descriptor, bytes, path: temporaryPath)
        bytesWritten += Int64(bytes.count)
    }

    /// Appends bytes to the blob.
    ///
    /// - Parameter bytes: The bytes to append.
    /// - Throws: `BlobStoreError`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Makes the blob durable and visible under `id`.
    ///
    /// Flushes the file, renames it to the id's path (replacing an existing blob with that id,
    /// which in a content-addressed store holds the same bytes) and flushes the directory.
    /// After this returns the blob survives a crash.
    ///
    /// - Parameter id: The blob's id, 1 to 128 lowercase hex characters.
    /// - Throws: `BlobStoreError`; on `.invalidID` nothing happened and the writer is still open.
    public func commit(id: String) throws {
        try requireOpen("commit")
        guard BlobDirectory.isValidID(id) else {
            throw BlobStoreError(code: .invalidID, operation: "commit", path: id)
        }
        try FileDescriptorIO.sync(descriptor, path: temporaryPath)
        FileDescriptorIO.systemClose(descriptor)
        descriptor = -1
        let folder = directory.prefixDirectory(for: id)
        if try FileDescriptorIO.makeDirectory(folder, mode: 0o700) {
            try FileDescriptorIO.syncDirectory(directory.root)
        }
        let finalPath = directory.path(for: id)
        guard rename(temporaryPath, finalPath) == 0 else {
            throw BlobStoreError.fromErrno("rename into place as '\(finalPath)' from", path: temporaryPath)
        }
        state = .committed
        endHold()
        try FileDescriptorIO.syncDirectory(folder)
    }

    /// Gives up the blob: closes and deletes the temporary file. Harmless after commit or a previous abort.
    public func abort() {
        guard state == .open else {
            return
        }
        state = .aborted
        if descriptor >= 0 {
            FileDescriptorIO.systemClose(descriptor)
            descriptor = -1
        }
        _ = unlink(temporaryPath)
        endHold()
    }

    /// The temporary file is gone (renamed or deleted): no interrupt needs to remove it, no claim to protect it.
    private func endHold() {
        cleanupToken.map(InterruptCleanup.shared.unregister)
        cleanupToken = nil
        claim.release()
    }

    /// The temporary file's path, for diagnostics and tests.
    public var temporaryFilePath: String {
        temporaryPath
    }

    private func requireOpen(_ operation: String) throws {
        guard state == .open, descriptor >= 0 else {
            throw BlobStoreError(code: .writerClosed, operation: operation, path: temporaryPath)
        }
    }
}

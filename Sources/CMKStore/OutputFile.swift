#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// A file written under a temporary name beside its destination, flushed and renamed over it only on `commit`, so
/// a failed pull leaves no partial output and a finished one survives a crash.
///
/// The destination must be missing or a regular file, both when the file is created and just before the rename
/// (`OutputDestination`): a device, a FIFO, a socket, a folder or a symbolic link is refused, never replaced.
///
/// The temporary file `.<name>.acrcmk-partial-<claim>-<random>` is removed on failure and on an interrupt; given a
/// `PartialFileOwner`, its folder is recorded in the state home before it is created, so that if the process is
/// killed outright the next command on that home removes it.
final class OutputFile {
    private let destination: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var isCommitted = false
    private var cleanupToken: Int?
    private let claim: PartialFileClaim?

    /// Creates the temporary file in the destination's directory.
    ///
    /// - Parameters:
    ///   - destination: The file to create or replace.
    ///   - owner: Where to record the temporary file for the sweeps of later commands; nil for a file inside a
    ///     staging folder that is recorded itself.
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the path and the system's reason, or what is at the
    ///   destination instead of a regular file.
    init(destination: String, owner: PartialFileOwner?) throws {
        try OutputDestination.check(destination, replaces: .regularFile)
        self.destination = destination
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { $0 == destination.startIndex ? "/" : String(destination[..<$0]) } ?? "."
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        do {
            claim = try owner?.claim(recording: directory)
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(destination)': the state home cannot "
                + "record its partial file (\(error.description)).")
        }
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let tag = claim?.token ?? "\(getpid())"
        temporaryPath = (directory == "/" ? "" : directory)
            + "/.\(name)\(PartialFileOwner.outputMarker)\(tag)-\(random)"
        let path = temporaryPath
        do {
            // Owner-only while it holds partial plaintext; the usual mode is applied when it is complete.
            (cleanupToken, descriptor) = try InterruptCleanup.shared.register({ unlink(path) }, creating: {
                try FileDescriptorIO.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600,
                                          operation: "create output file")
            })
        } catch let error as BlobStoreError {
            claim?.release()
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(destination)': "
                + "\(SealedObjectStreamer.reason(error)).", hint: "Check that its directory exists and is writable.")
        }
    }

    deinit {
        discardUnlessCommitted()
    }

    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try FileDescriptorIO.writeAll(descriptor, bytes, path: temporaryPath)
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(destination)': "
                + "\(SealedObjectStreamer.reason(error)).")
        }
    }

    /// Flushes the file to stable storage, checks the destination again, renames the file over it and closes it.
    ///
    /// The flush comes first so that after a crash the destination holds either its old content or all of the new,
    /// never an empty or partial file under its final name.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`); the temporary file is then still there, for `discard`.
    func commit() throws {
        do {
            try FileDescriptorIO.sync(descriptor, path: temporaryPath)
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.outputUnwritable, "Cannot write '\(destination)': "
                + "\(SealedObjectStreamer.reason(error)).")
        }
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        // Something else may have taken the name while the content streamed.
        try OutputDestination.check(destination, replaces: .regularFile)
        guard rename(temporaryPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CMKError.badRequest(.outputUnwritable, "Cannot move the output into place as '\(destination)': "
                + "\(reason).")
        }
        isCommitted = true
        FileDescriptorIO.systemClose(descriptor)
        descriptor = -1
        cleanupToken.map(InterruptCleanup.shared.unregister)
        claim?.release()
    }

    /// Deletes the temporary file unless it was committed.
    func discardUnlessCommitted() {
        guard !isCommitted else { return }
        if descriptor >= 0 {
            FileDescriptorIO.systemClose(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
        cleanupToken.map(InterruptCleanup.shared.unregister)
        claim?.release()
    }
}

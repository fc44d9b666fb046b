#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// Streams content between sealed object files and whoever supplies or takes the plaintext; the sealing, opening
/// and verifying (in constant memory, on two threads) is CMKCore's `SealedContentPipeline`, and this type only
/// moves the sealed bytes.
///
/// Sealing writes a private temporary file, fsyncs it and renames it into place only after the digest is known
/// (and matches when one was expected). Opening verifies every record, the total size and the digest while the
/// caller's `consume` takes the plaintext.
struct SealedObjectStreamer {
    let blobs: BlobDirectory

    // MARK: Sealing

    /// Seals what `read` delivers into a private temporary file, renamed into place once the digest is known.
    func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
              read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        let writer = try blobs.makeWriter()  // Released without commit, it deletes its temporary file.
        let object = try SealedContentPipeline.seal(keys: keys, expectedDigest: expectedDigest, progress: progress,
                                                    read: read, write: { try writer.write($0) })
        try writer.commit(id: object.objectID)
        return object
    }

    // MARK: Opening

    /// Opens the sealed object's file and hands it to the pipeline, which verifies it while `consume` takes the
    /// plaintext.
    func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
              consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard BlobDirectory.isValidID(object.objectID) else {
            throw SealedContentPipeline.tampered(object, keys: keys,
                                                 detail: "its object id '\(object.objectID)' is malformed")
        }
        let path = blobs.path(for: object.objectID)
        let descriptor: Int32
        let info: stat
        do {
            (descriptor, info) = try FileDescriptorIO.openRegularFile(path, operation: "open sealed object")
        } catch let error as BlobStoreError {
            throw Self.unreadable(object, keys: keys, path: path, error)
        }
        defer { FileDescriptorIO.systemClose(descriptor) }
        try SealedContentPipeline.open(
            object, keys: keys, sealedSize: Int64(info.st_size), progress: progress,
            read: { buffer, offset in
                do {
                    return try Self.readFully(descriptor, into: buffer, at: offset, path: path)
                } catch let error as BlobStoreError {
                    throw Self.unreadable(object, keys: keys, path: path, error)
                }
            },
            consume: consume)
    }

    /// Why an object's file cannot be read, as a problem of that object (which `fsck` lists and goes on), never a
    /// failure of the whole store: missing, something other than a regular file in its place (a FIFO would block
    /// the reader forever, a folder fails every read), or a system error.
    private static func unreadable(_ object: ContentObject, keys: ContentKeys, path: String,
                                   _ error: BlobStoreError) -> CMKError {
        switch error.code {
        case .notFound:
            return CMKError(.notFound, code: .contentMissing, "The sealed object of \(object.digest) in registry "
                + "'\(keys.registryName)' is missing (\(path)).", hint: "Run 'acrcmk fsck' to list what is damaged.")
        case .notARegularFile:
            return SealedContentPipeline.tampered(object, keys: keys,
                                                  detail: "its file \(path) is \(error.fileTypeDescription), "
                                                      + "not a regular file")
        case .invalidID, .writerClosed, .system:
            return CMKError(.badRequest, code: .contentUnreadable, "The sealed object of \(object.digest) in registry "
                + "'\(keys.registryName)' cannot be read: \(error.description).",
                hint: error.isDiskFull ? nil : "Check the disk and the permissions of the state home, then run "
                    + "'acrcmk fsck' to list what is damaged.")
        }
    }

    // MARK: I/O helpers

    /// Fills `buffer` from `offset`; returns less only at end of file.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64,
                          path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled,
                              off_t(offset) + off_t(filled))
            if count < 0 {
                if errno == EINTR {
                    continue
                }
                throw BlobStoreError.fromErrno("read", path: path)
            }
            if count == 0 {
                break
            }
            filled += count
        }
        return filled
    }

    static func reason(_ error: BlobStoreError) -> String {
        error.errorNumber.map { String(cString: strerror($0)) } ?? "\(error.code)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// Streams content between files and sealed objects; the sealing, opening and verifying (in constant memory, on
/// two threads) is CMKCore's `SealedContentPipeline`, and this type only supplies and takes the bytes.
///
/// Sealing writes a private temporary file, fsyncs it and renames it into place only after the digest is known
/// (and matches when one was expected). Opening verifies every record, the total size and the digest; output
/// goes to a temporary file beside the destination that is renamed over it only when everything checked out.
struct SealedObjectStreamer {
    let blobs: BlobDirectory

    /// The largest manifest or config read into memory.
    static let defaultReadLimit = 16 << 20

    // MARK: Sealing

    func sealFile(at path: String, keys: ContentKeys, expectedDigest: String?,
                  progress: ((Int64) -> Void)?) throws -> ContentObject {
        let descriptor: Int32
        do {
            descriptor = try FileDescriptorIO.open(path, flags: O_RDONLY, operation: "open for reading")
        } catch let error as BlobStoreError {
            throw CMKError.badRequest("FileUnreadable", "Cannot read '\(path)': \(Self.reason(error)).",
                                      hint: "Check the path and its permissions.")
        }
        defer { FileDescriptorIO.systemClose(descriptor) }
        return try seal(keys: keys, expectedDigest: expectedDigest, progress: progress) { buffer in
            do {
                return try FileDescriptorIO.readFully(descriptor, into: buffer, path: path)
            } catch let error as BlobStoreError {
                throw CMKError.badRequest("FileUnreadable", "Cannot read '\(path)': \(Self.reason(error)).")
            }
        }
    }

    func sealBytes(_ bytes: [UInt8], keys: ContentKeys) throws -> ContentObject {
        var offset = 0
        return try seal(keys: keys, expectedDigest: nil, progress: nil) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
            }
            offset += count
            return count
        }
    }

    /// Seals what `read` delivers into a private temporary file, renamed into place once the digest is known.
    private func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
                      read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        let writer = try blobs.makeWriter()  // Released without commit, it deletes its temporary file.
        let object = try SealedContentPipeline.seal(keys: keys, expectedDigest: expectedDigest, progress: progress,
                                                    read: read, write: { try writer.write($0) })
        try writer.commit(id: object.objectID)
        return object
    }

    // MARK: Opening

    func openObject(_ object: ContentObject, keys: ContentKeys, toFile path: String,
                    progress: ((Int64) -> Void)?) throws {
        let output = try OutputFile(destination: path)
        defer { output.discardUnlessCommitted() }
        try open(object, keys: keys, progress: progress) { plaintext in
            try output.write(plaintext)
        }
        try output.commit()
    }

    func readObject(_ object: ContentObject, keys: ContentKeys, limit: Int) throws -> [UInt8] {
        guard object.size <= Int64(limit) else {
            throw CMKError.badRequest("ContentTooLarge", "\(object.digest) is \(object.size) bytes; documents of at "
                + "most \(limit) bytes are read into memory.")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(object.size))
        try open(object, keys: keys, progress: nil) { bytes.append(contentsOf: $0) }
        return bytes
    }

    func verifyObject(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?) throws {
        try open(object, keys: keys, progress: progress) { _ in }
    }

    /// Opens the sealed object's file and hands it to the pipeline, which verifies it while `consume` takes the
    /// plaintext.
    private func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
                      consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard BlobDirectory.isValidID(object.objectID) else {
            throw SealedContentPipeline.tampered(object, keys: keys,
                                                 detail: "its object id '\(object.objectID)' is malformed")
        }
        let path = blobs.path(for: object.objectID)
        let descriptor: Int32
        do {
            descriptor = try FileDescriptorIO.open(path, flags: O_RDONLY, operation: "open sealed object")
        } catch let error as BlobStoreError where error.code == .notFound {
            throw CMKError(.notFound, code: "ContentMissing", "The sealed object of \(object.digest) in registry "
                + "'\(keys.registryName)' is missing (\(path)).", hint: "Run 'acrcmk fsck' to list what is damaged.")
        }
        defer { FileDescriptorIO.systemClose(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw BlobStoreError.fromErrno("stat", path: path)
        }
        try SealedContentPipeline.open(object, keys: keys, sealedSize: Int64(info.st_size), progress: progress,
                                       read: { try Self.readFully(descriptor, into: $0, at: $1, path: path) },
                                       consume: consume)
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

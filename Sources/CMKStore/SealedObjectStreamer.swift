#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import CMKCrypto
import Dispatch

/// Streams content into and out of sealed objects in constant memory: 1 MiB chunks, reused buffers, hashing
/// overlapped with sealing (or opening) on a second thread.
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
                return try Self.readFully(descriptor, into: buffer, path: path)
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

    /// The sealing loop: while one thread seals chunk `i`, the other hashes it, writes record `i - 1` and reads
    /// chunk `i + 1`.
    private func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
                      read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject {
        let writer = try blobs.makeWriter()  // Released without commit, it deletes its temporary file.
        let sealer = try SealedStreamWriter(layerKeys: keys.layerKeys, context: keys.streamContext)
        try writer.write(sealer.header)
        let chunkSize = sealer.chunkSize
        let recordCapacity = sealer.recordLength(forChunkLength: chunkSize)
        let buffers = StreamBuffers(count: 2, chunkSize: chunkSize, recordCapacity: recordCapacity)
        defer { buffers.deallocate() }
        let hasher = SHA256Hasher()
        var total: Int64 = 0
        var current = 0
        var currentCount = try read(buffers.plain[0])
        var pendingRecord: Int?  // The record length waiting in buffers.records[1 - current].
        while true {
            let isLast = currentCount < chunkSize
            var nextCount = 0
            var recordLength = 0
            var sealError: Error?
            var ioError: Error?
            let plain = UnsafeRawBufferPointer(rebasing: buffers.plain[current][0..<currentCount])
            let next = buffers.plain[1 - current]
            let sealInto = buffers.records[current]
            let previousRecord = pendingRecord.map {
                UnsafeRawBufferPointer(rebasing: buffers.records[1 - current][0..<$0])
            }
            Overlap.run({
                do {
                    recordLength = try sealer.sealChunk(plain, isLast: isLast, into: sealInto)
                } catch {
                    sealError = error
                }
            }, {
                hasher.update(plain)
                do {
                    if let previousRecord {
                        try writer.write(previousRecord)
                    }
                    if !isLast {
                        nextCount = try read(next)
                    }
                } catch {
                    ioError = error
                }
            })
            if let error = ioError ?? sealError {
                throw error
            }
            total += Int64(currentCount)
            progress?(total)
            pendingRecord = recordLength
            if isLast {
                break
            }
            if nextCount == 0 {
                // A full chunk turned out to end the file, but it was sealed as not-last (it had to be sealed
                // before the read that found the end). An empty last record closes the stream; the format
                // allows one.
                try writer.write(UnsafeRawBufferPointer(rebasing: buffers.records[current][0..<recordLength]))
                let empty = UnsafeRawBufferPointer(rebasing: buffers.plain[0][0..<0])
                let length = try sealer.sealChunk(empty, isLast: true, into: buffers.records[1 - current])
                try writer.write(UnsafeRawBufferPointer(rebasing: buffers.records[1 - current][0..<length]))
                pendingRecord = nil
                break
            }
            current = 1 - current
            currentCount = nextCount
        }
        if let pending = pendingRecord {
            try writer.write(UnsafeRawBufferPointer(rebasing: buffers.records[current][0..<pending]))
        }
        let digest = ContentDigest.prefix + SHA256.hex(hasher.finalize())
        if let expectedDigest, expectedDigest != digest {
            throw CMKError.badRequest("DigestMismatch", "The content read has digest \(digest) but \(expectedDigest) "
                + "was expected; nothing was stored.", hint: "The source was modified or is corrupt; fetch it again.")
        }
        let objectID = try keys.objectID(for: digest)
        try writer.commit(id: objectID)
        return ContentObject(digest: digest, size: total, objectID: objectID)
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

    /// The opening loop: while one thread opens record `i + 1`, the other hashes and consumes record `i`.
    private func open(_ object: ContentObject, keys: ContentKeys, progress: ((Int64) -> Void)?,
                      consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard BlobDirectory.isValidID(object.objectID) else {
            throw tampered(object, keys: keys, detail: "its object id '\(object.objectID)' is malformed")
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
        let fileSize = Int64(info.st_size)
        let prefixLength = Int(min(fileSize, Int64(SealedStreamFormat.maxHeaderLength)))
        var prefix = [UInt8](repeating: 0, count: prefixLength)
        _ = try prefix.withUnsafeMutableBytes { try Self.readFully(descriptor, into: $0, at: 0, path: path) }
        let reader: SealedStreamReader
        let headerLength: Int64
        do {
            let length = try SealedStreamReader.headerLength(of: prefix)
            reader = try SealedStreamReader(layerKeys: keys.layerKeys, header: Array(prefix[0..<length]),
                                            expectedContext: keys.streamContext)
            headerLength = Int64(length)
        } catch let error as CryptoError {
            throw tampered(object, keys: keys, detail: "its header is invalid or not this registry's (\(error))")
        }
        let buffers = StreamBuffers(count: 2, chunkSize: reader.recordSize, recordCapacity: reader.recordSize)
        defer { buffers.deallocate() }
        let hasher = SHA256Hasher()
        var offset = headerLength
        var index = 0

        /// Reads and opens the record at `offset` into `buffers.plain[slot]`; returns its plaintext length and
        /// whether it was the last one.
        func openRecord(into slot: Int, at recordOffset: Int64, recordIndex: Int) throws -> (Int, Bool) {
            let length = Int(min(Int64(reader.recordSize), fileSize - recordOffset))
            let isLast = recordOffset + Int64(length) >= fileSize
            let record = UnsafeMutableRawBufferPointer(rebasing: buffers.records[slot][0..<max(length, 0)])
            let read = try Self.readFully(descriptor, into: record, at: recordOffset, path: path)
            guard read == length else {
                throw tampered(object, keys: keys, detail: "it changed size while being read")
            }
            do {
                let count = try reader.openRecord(UnsafeRawBufferPointer(record), isLast: isLast,
                                                  into: buffers.plain[slot])
                return (count, isLast)
            } catch {
                throw tampered(object, keys: keys, detail: "record \(recordIndex) failed authentication")
            }
        }

        guard fileSize > headerLength else {
            throw tampered(object, keys: keys, detail: "it ends right after its header (truncated)")
        }
        var (currentCount, currentIsLast) = try openRecord(into: 0, at: offset, recordIndex: 0)
        var current = 0
        var total: Int64 = 0
        while true {
            let recordLength = Int64(currentCount + SealedStreamFormat.tagLength * reader.layerCount)
            offset += recordLength
            var nextResult: (Int, Bool)?
            var openError: Error?
            var consumeError: Error?
            let plain = UnsafeRawBufferPointer(rebasing: buffers.plain[current][0..<currentCount])
            let isLast = currentIsLast
            let nextOffset = offset
            let nextIndex = index + 1
            let nextSlot = 1 - current
            Overlap.run({
                guard !isLast else { return }
                do {
                    nextResult = try openRecord(into: nextSlot, at: nextOffset, recordIndex: nextIndex)
                } catch {
                    openError = error
                }
            }, {
                hasher.update(plain)
                do {
                    try consume(plain)
                } catch {
                    consumeError = error
                }
            })
            if let error = consumeError ?? openError {
                throw error
            }
            total += Int64(currentCount)
            progress?(total)
            if isLast {
                break
            }
            guard let (count, last) = nextResult else {
                preconditionFailure("the next record was neither opened nor failed")
            }
            current = nextSlot
            currentCount = count
            currentIsLast = last
            index = nextIndex
        }
        guard reader.isComplete else {
            throw tampered(object, keys: keys, detail: "it is truncated")
        }
        let digest = ContentDigest.prefix + SHA256.hex(hasher.finalize())
        guard digest == object.digest, total == object.size else {
            throw tampered(object, keys: keys, detail: "it decrypts to \(total) bytes with digest \(digest), "
                + "not \(object.size) bytes with digest \(object.digest) (another object was put in its place)")
        }
    }

    private func tampered(_ object: ContentObject, keys: ContentKeys, detail: String) -> CMKError {
        CMKError(.badRequest, code: "ContentTampered",
                 "The sealed object of \(object.digest) in registry '\(keys.registryName)' failed verification: "
                     + "\(detail). It was modified, truncated or replaced on disk; no output was written.",
                 hint: "Run 'acrcmk fsck' to list damaged objects; restore the state home from a backup or push "
                     + "the content again.")
    }

    // MARK: I/O helpers

    /// Fills `buffer` from the current position; returns less only at end of file.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try FileDescriptorIO.read(
                descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), path: path)
            if count == 0 {
                break
            }
            filled += count
        }
        return filled
    }

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

/// Two plaintext and two record buffers, allocated once per stream.
private struct StreamBuffers {
    let plain: [UnsafeMutableRawBufferPointer]
    let records: [UnsafeMutableRawBufferPointer]

    init(count: Int, chunkSize: Int, recordCapacity: Int) {
        plain = (0..<count).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64) }
        records = (0..<count).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: recordCapacity, alignment: 64)
        }
    }

    func deallocate() {
        for buffer in plain + records {
            buffer.deallocate()
        }
    }
}

import CMKCrypto

/// Seals content into the sealed stream format and opens it back out, in constant memory: 1 MiB chunks, two
/// reused plaintext and two record buffers, hashing overlapped with sealing (or opening) on a second thread.
///
/// The pipeline owns the cryptography and every check (digest, size, record authentication, truncation); the
/// bytes come and go through closures, so CMKCore makes no system call and the store keeps the files (temporary
/// files, fsync, rename). Each closure is called from one of the two worker threads, never from both at once.
public enum SealedContentPipeline {
    // MARK: Sealing

    /// Seals everything `read` delivers, handing the sealed stream (header, then records in order) to `write`.
    ///
    /// The loop keeps both cores busy: while one thread seals chunk `i`, the other hashes it, writes record
    /// `i - 1` and reads chunk `i + 1`. The caller commits what `write` received under the returned object id,
    /// and only then; on any error it discards it.
    ///
    /// - Parameters:
    ///   - keys: The registry's content keys.
    ///   - expectedDigest: The digest the content must have, or nil to accept any.
    ///   - progress: Called with the plaintext byte count sealed so far.
    ///   - read: Fills the buffer and returns how many bytes it put there; less than the buffer only at the end.
    ///   - write: Appends bytes to the sealed object.
    /// - Returns: The content's digest and size and the object id to store the sealed stream under.
    /// - Throws: `DigestMismatch` when `expectedDigest` is given and differs; whatever `read` or `write` throw;
    ///   `CryptoError` if OpenSSL fails.
    public static func seal(keys: ContentKeys, expectedDigest: String?, progress: ((Int64) -> Void)?,
                            read: (UnsafeMutableRawBufferPointer) throws -> Int,
                            write: (UnsafeRawBufferPointer) throws -> Void) throws -> ContentObject {
        let sealer = try SealedStreamWriter(layerKeys: keys.layerKeys, context: keys.streamContext)
        try sealer.header.withUnsafeBytes { try write($0) }
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
                        try write(previousRecord)
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
                // A full chunk turned out to end the content, but it was sealed as not-last (it had to be sealed
                // before the read that found the end). An empty last record closes the stream; the format
                // allows one.
                try write(UnsafeRawBufferPointer(rebasing: buffers.records[current][0..<recordLength]))
                let empty = UnsafeRawBufferPointer(rebasing: buffers.plain[0][0..<0])
                let length = try sealer.sealChunk(empty, isLast: true, into: buffers.records[1 - current])
                try write(UnsafeRawBufferPointer(rebasing: buffers.records[1 - current][0..<length]))
                pendingRecord = nil
                break
            }
            current = 1 - current
            currentCount = nextCount
        }
        if let pending = pendingRecord {
            try write(UnsafeRawBufferPointer(rebasing: buffers.records[current][0..<pending]))
        }
        let digest = ContentDigest.prefix + SHA256.hex(hasher.finalize())
        if let expectedDigest, expectedDigest != digest {
            throw CMKError.badRequest(.digestMismatch, "The content read has digest \(digest) but \(expectedDigest) "
                + "was expected; nothing was stored.", hint: "The source was modified or is corrupt; fetch it again.")
        }
        return ContentObject(digest: digest, size: total, objectID: try keys.objectID(for: digest))
    }

    // MARK: Opening

    /// Opens the sealed object of `object`, handing its plaintext to `consume` in order, and verifies it.
    ///
    /// While one thread reads and opens record `i + 1`, the other hashes and consumes record `i`. Plaintext is
    /// consumed before the whole object has been verified, so the caller must discard what it received when
    /// this throws.
    ///
    /// - Parameters:
    ///   - object: The content and the sealed object expected to hold it.
    ///   - keys: The registry's content keys.
    ///   - sealedSize: The sealed object's size in bytes.
    ///   - progress: Called with the plaintext byte count opened so far.
    ///   - read: Fills the buffer from the given offset of the sealed object and returns how many bytes it put
    ///     there; less than the buffer only at the end.
    ///   - consume: Takes the next piece of plaintext.
    /// - Throws: `ContentTampered` when the header, a record, the size or the digest does not verify; whatever
    ///   `read` or `consume` throw.
    public static func open(_ object: ContentObject, keys: ContentKeys, sealedSize fileSize: Int64,
                            progress: ((Int64) -> Void)?,
                            read: (UnsafeMutableRawBufferPointer, Int64) throws -> Int,
                            consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let prefixLength = Int(min(fileSize, Int64(SealedStreamFormat.maxHeaderLength)))
        var prefix = [UInt8](repeating: 0, count: prefixLength)
        _ = try prefix.withUnsafeMutableBytes { try read($0, 0) }
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
            let count = try read(record, recordOffset)
            guard count == length else {
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

    /// The error of a sealed object that failed verification.
    ///
    /// - Parameters:
    ///   - object: The content whose sealed object failed.
    ///   - keys: The registry's content keys (for its name).
    ///   - detail: What was wrong, completing "failed verification: ...".
    public static func tampered(_ object: ContentObject, keys: ContentKeys, detail: String) -> CMKError {
        CMKError(.badRequest, code: .contentTampered,
                 "The sealed object of \(object.digest) in registry '\(keys.registryName)' failed verification: "
                     + "\(detail). It was modified, truncated or replaced on disk; no output was written.",
                 hint: "Run 'acrcmk fsck' to list damaged objects; restore the state home from a backup or push "
                     + "the content again.")
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

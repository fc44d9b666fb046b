import Foundation

/// A bounded pipe between two threads: one writes bytes as they arrive, the other reads them; the writer blocks
/// while the channel is full (back-pressure), the reader while it is empty. Either side can end it: `close` (the
/// end of the bytes) or `fail` (an error both sides then see).
final class ByteChannel: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var storage: [UInt8]
    private var head = 0
    private var count = 0
    private var closed = false
    private var failure: Error?

    init(capacity: Int) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// Appends all of `bytes`, waiting for room as needed.
    /// - Throws: The channel's failure, or `Cancelled` when it was closed.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        condition.lock()
        defer { condition.unlock() }
        while offset < bytes.count {
            while count == storage.count && failure == nil && !closed {
                condition.wait()
            }
            if let failure { throw failure }
            if closed { throw Cancelled() }
            let tail = (head + count) % storage.count
            let room = min(storage.count - count, storage.count - tail, bytes.count - offset)
            storage.withUnsafeMutableBytes { target in
                target.baseAddress!.advanced(by: tail).copyMemory(from: bytes.baseAddress!.advanced(by: offset),
                                                                  byteCount: room)
            }
            count += room
            offset += room
            condition.broadcast()
        }
    }

    /// Fills `buffer` completely, or with what is left once the channel is closed; 0 only at the end.
    func readFull(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// Reads what is available (at least one byte), waiting for some; 0 once the channel is closed and empty.
    func readSome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && failure == nil && !closed {
            condition.wait()
        }
        if let failure { throw failure }
        if count == 0 { return 0 }
        let taken = min(count, storage.count - head, buffer.count)
        storage.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress!.advanced(by: head), byteCount: taken)
        }
        head = (head + taken) % storage.count
        count -= taken
        condition.broadcast()
        return taken
    }

    /// No more bytes will be written: the reader gets what is left, then the end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the channel with an error for both sides (the first failure wins).
    func fail(_ error: Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }
}

/// Bytes in memory as a content stream: read by a push, written by a pull (kept apart until `commit`, so a failed
/// pull leaves `bytes` as it was). For tests, previews and small probes such as the revocation drill's.
public final class ContentBuffer: ContentReader, ContentWriter {
    /// The content: what it was made with, or what the last committed pull wrote.
    public private(set) var bytes: [UInt8]
    /// Whether a pull committed into it.
    public private(set) var isCommitted = false
    private var pending: [UInt8] = []
    private var readOffset = 0

    public init(_ bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    public var expectedSize: Int64? { Int64(bytes.count) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - readOffset)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[readOffset..<readOffset + count]))
        }
        readOffset += count
        return count
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        pending.append(contentsOf: bytes)
    }

    public func commit() throws {
        bytes = pending
        pending = []
        readOffset = 0
        isCommitted = true
    }

    public func discard() {
        pending = []
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one committed blob sequentially. The file is closed when the reader is released.
public final class BlobReader {
    /// The blob's size in bytes when it was opened.
    public let size: Int64

    private let path: String
    private let descriptor: Int32

    /// - Throws: `BlobStoreError` (`.notARegularFile` for a FIFO, folder or link in the blob's place).
    init(path: String) throws {
        let (descriptor, info) = try FileDescriptorIO.openRegularFile(path, operation: "open for reading")
        self.path = path
        self.descriptor = descriptor
        self.size = Int64(info.st_size)
    }

    deinit {
        FileDescriptorIO.systemClose(descriptor)
    }

    /// Reads the next bytes.
    ///
    /// - Parameter count: The most bytes to return; fewer only at the end of the blob.
    /// - Returns: The bytes, empty at end of file.
    /// - Throws: `BlobStoreError`.
    public func read(upTo count: Int) throws -> [UInt8] {
        precondition(count >= 0, "cannot read a negative number of bytes")
        var bytes = [UInt8](repeating: 0, count: count)
        let filled = try bytes.withUnsafeMutableBytes { try read(into: $0) }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// Fills `buffer` with the next bytes, without allocating.
    ///
    /// - Parameter buffer: Where to put them.
    /// - Returns: The number of bytes stored: `buffer.count` except at the end of the blob, 0 at end of file.
    /// - Throws: `BlobStoreError`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try FileDescriptorIO.readFully(descriptor, into: buffer, path: path)
    }

    /// Reads everything left; for small blobs and tests.
    ///
    /// - Throws: `BlobStoreError`.
    public func readToEnd() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = try read(upTo: 64 * 1024)
            if chunk.isEmpty {
                return bytes
            }
            bytes += chunk
        }
    }
}

/// A stream of bytes to seal: a local file, a request body, bytes in memory.
///
/// The sealing pipeline reads it chunk by chunk, from one of its two worker threads at a time, so a reader needs no
/// locking but must not assume it is read on the thread that created it.
public protocol ContentReader: AnyObject {
    /// How many bytes the stream holds, when known before reading (a file's size), for progress.
    var expectedSize: Int64? { get }

    /// Fills `buffer` from the stream.
    ///
    /// - Returns: How many bytes it put there; fewer than `buffer.count` only at the end of the stream.
    /// - Throws: `CMKError` naming the source when it cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

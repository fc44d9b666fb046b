/// Where verified plaintext goes: a pulled file, a blob of an exported layout, a response body, memory.
///
/// Plaintext arrives before the whole object has been verified, so a writer keeps it out of sight (a temporary
/// file, a buffer) until `commit`; on any failure the caller calls `discard`, and nothing partial remains.
public protocol ContentWriter: AnyObject {
    /// Appends the next piece of plaintext; called from one worker thread at a time.
    func write(_ bytes: UnsafeRawBufferPointer) throws

    /// Makes what was written durable and visible under its final name.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the destination.
    func commit() throws

    /// Removes what was written; harmless after `commit` or a second call.
    func discard()
}

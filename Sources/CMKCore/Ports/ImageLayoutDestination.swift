/// An OCI image layout being written by a pull or an export, all or nothing: blobs go into a staging area that
/// becomes the layout only on `commit`.
public protocol ImageLayoutDestination: AnyObject {
    /// Where the layout will be, as messages name it.
    var location: String { get }

    /// A writer for the blob of `digest`; what it commits stays staged until the layout's own `commit`.
    func blobWriter(for digest: String) throws -> any ContentWriter

    /// Writes `index.json` (`index`, the encoded image index) and puts the whole layout in place.
    ///
    /// - Throws: `CMKError` (`OutputUnwritable`) naming the destination.
    func commit(index: [UInt8]) throws

    /// Removes everything staged; harmless after `commit`.
    func discard()
}

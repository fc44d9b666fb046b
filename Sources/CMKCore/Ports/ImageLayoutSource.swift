/// The files of an OCI image layout to push or import (`oci-layout`, `index.json`, `blobs/sha256/<hex>`, as
/// `skopeo copy … oci:DIR:TAG` and `umoci` write them), read by digest.
///
/// Only the bytes come through this port; what they mean (which manifest a tag names, digests, sizes, what a
/// manifest references) is `OCIImageLayout`'s, in CMKCore.
public protocol ImageLayoutSource: AnyObject {
    /// Where the layout is, as messages name it (its directory).
    var location: String { get }

    /// The bytes of `index.json`, or nil when the layout has none.
    ///
    /// - Parameter limit: The most bytes to read: a larger file is refused without being read whole.
    /// - Throws: `CMKError` when it exists but cannot be read, is not a regular file, or is over `limit`.
    func readIndex(limit: Int) throws -> [UInt8]?

    /// The bytes of the blob of `digest` (a manifest or config, which the caller has checked is small), or nil
    /// when the layout lacks it.
    ///
    /// - Parameter limit: The most bytes to read: a larger file is refused without being read whole.
    /// - Throws: `CMKError` when it cannot be read, is not a regular file, or is over `limit`.
    func readBlob(_ digest: String, limit: Int) throws -> [UInt8]?

    /// Whether the layout holds the blob of `digest`.
    func hasBlob(_ digest: String) -> Bool

    /// Opens the blob of `digest` for streaming.
    ///
    /// - Throws: `CMKError` (`FileUnreadable`) when it cannot be opened.
    func openBlob(_ digest: String) throws -> any ContentReader
}

import CMKCrypto

/// An OCI image layout held in memory: a source to push or import, and a destination a pull or export writes
/// whole (blobs stay staged until `commit(index:)`). For tests and previews.
public final class InMemoryImageLayout: ImageLayoutSource, ImageLayoutDestination {
    public let location: String
    /// The committed blobs, by digest.
    public private(set) var blobs: [String: [UInt8]] = [:]
    /// The committed `index.json`.
    public private(set) var indexBytes: [UInt8]?
    private var staged: [String: [UInt8]] = [:]

    public init(location: String = "memory:layout") {
        self.location = location
    }

    /// Whether a pull or export committed a whole layout here.
    public var isCommitted: Bool { indexBytes != nil }

    /// The committed `index.json`, decoded.
    public func index() throws -> OCIImageIndex? {
        guard indexBytes != nil else { return nil }
        return try OCIImageLayout(self).index()
    }

    // MARK: Building a layout to push

    /// Adds a blob and returns its descriptor.
    @discardableResult
    public func addBlob(_ bytes: [UInt8], mediaType: String) -> OCIDescriptor {
        let digest = ContentDigest.prefix + SHA256.hex(SHA256.hash(bytes))
        blobs[digest] = bytes
        return OCIDescriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count))
    }

    /// Stores `bytes` under `digest` as given, right or wrong: how a test builds a damaged layout.
    public func putBlob(_ bytes: [UInt8], as digest: String) {
        blobs[digest] = bytes
    }

    /// Sets `index.json`.
    public func setIndex(_ index: OCIImageIndex) throws {
        indexBytes = try OCIImageLayout.encode(index)
    }

    // MARK: ImageLayoutSource

    public func readIndex(limit: Int) throws -> [UInt8]? {
        try indexBytes.map { bytes in
            try OCIImageLayout.requireWithin(bytes.count, limit: limit, "index.json")
            return bytes
        }
    }

    public func readBlob(_ digest: String, limit: Int) throws -> [UInt8]? {
        try blobs[digest].map { bytes in
            try OCIImageLayout.requireWithin(bytes.count, limit: limit, digest)
            return bytes
        }
    }

    public func hasBlob(_ digest: String) -> Bool {
        blobs[digest] != nil
    }

    public func openBlob(_ digest: String) throws -> any ContentReader {
        ContentBuffer(blobs[digest] ?? [])
    }

    // MARK: ImageLayoutDestination

    public func blobWriter(for digest: String) throws -> any ContentWriter {
        StagedBlob { [unowned self] in staged[digest] = $0 }
    }

    public func commit(index: [UInt8]) throws {
        blobs.merge(staged) { _, new in new }
        staged = [:]
        indexBytes = index
    }

    public func discard() {
        staged = [:]
    }
}

/// A blob of an in-memory layout: its bytes reach the layout's staging area only when the blob is committed.
private final class StagedBlob: ContentWriter {
    private var bytes: [UInt8] = []
    private let stage: ([UInt8]) -> Void

    init(stage: @escaping ([UInt8]) -> Void) {
        self.stage = stage
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    func commit() throws {
        stage(bytes)
    }

    func discard() {
        bytes = []
    }
}

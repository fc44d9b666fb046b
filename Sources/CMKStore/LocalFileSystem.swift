#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import CMKCore
import Foundation

/// CMKCore's `LocalContentFiles` over the machine's file system: the files and OCI image layouts a user pushes,
/// imports, pulls and exports.
///
/// Reads go through `FileDescriptorIO` like the blob files; every output is written under a temporary name, flushed
/// and renamed into place only when complete (`OutputFile`, `StagedImageLayout`), so a failed or interrupted pull
/// leaves nothing behind. Once bound to a state home (`recordPartialOutputs(in:)`), the folders of those temporary
/// names are recorded there, so that even a pull killed outright (kill -9) leaves nothing the next command on that
/// home does not remove.
public struct LocalFileSystem: LocalContentFiles {
    private let binding = HomeBinding()

    public init() {}

    /// Records this file system's partial outputs in `home` from now on (`PartialFileOwner`); the first home a
    /// process binds is kept, since a command works on one home (a drill's scratch copy is opened after it).
    public func recordPartialOutputs(in home: StateHome) {
        binding.bind(home.blobs.writers)
    }

    public func entry(at path: String) -> LocalEntry {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .file }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return .directory(isEmpty: entries.isEmpty)
    }

    public func openFile(at path: String) throws -> any ContentReader {
        try LocalFileReader(path: path)
    }

    public func imageLayout(at path: String) -> any ImageLayoutSource {
        LocalImageLayout(root: path)
    }

    public func createFile(at path: String) throws -> any ContentWriter {
        try OutputFile(destination: path, owner: binding.owner)
    }

    public func createImageLayout(at path: String) throws -> any ImageLayoutDestination {
        try StagedImageLayout(destination: path, owner: binding.owner)
    }
}

/// The state home a `LocalFileSystem` records its partial outputs in, set once.
private final class HomeBinding: @unchecked Sendable {
    private let lock = NSLock()
    private var bound: PartialFileOwner?

    var owner: PartialFileOwner? {
        lock.withLock { bound }
    }

    func bind(_ owner: PartialFileOwner) {
        lock.withLock {
            if bound == nil { bound = owner }
        }
    }
}

/// A local file opened for sealing; the descriptor is closed when the reader is released.
final class LocalFileReader: ContentReader {
    private let path: String
    private let descriptor: Int32
    let expectedSize: Int64?

    /// - Throws: `CMKError` (`FileUnreadable`) naming the path and the system's reason.
    init(path: String) throws {
        self.path = path
        do {
            descriptor = try FileDescriptorIO.open(path, flags: O_RDONLY, operation: "open for reading")
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.fileUnreadable, "Cannot read '\(path)': \(SealedObjectStreamer.reason(error)).",
                                      hint: "Check the path and its permissions.")
        }
        var info = stat()
        expectedSize = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : nil
    }

    deinit {
        FileDescriptorIO.systemClose(descriptor)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do {
            return try FileDescriptorIO.readFully(descriptor, into: buffer, path: path)
        } catch let error as BlobStoreError {
            throw CMKError.badRequest(.fileUnreadable, "Cannot read '\(path)': \(SealedObjectStreamer.reason(error)).")
        }
    }
}

/// An OCI image layout directory on the local disk, read by digest.
final class LocalImageLayout: ImageLayoutSource {
    let location: String

    init(root: String) {
        self.location = root
    }

    func readIndex(limit: Int) throws -> [UInt8]? {
        try readBounded(location + "/index.json", limit: limit)
    }

    func readBlob(_ digest: String, limit: Int) throws -> [UInt8]? {
        try readBounded(path(of: digest), limit: limit)
    }

    /// A regular file's bytes, at most `limit` of them; nil when there is no file. A FIFO or device would block or
    /// never end, and a file over `limit` (a manifest that declares 100 bytes and is 3 GiB) is refused unread.
    private func readBounded(_ path: String, limit: Int) throws -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CMKError.badRequest(.fileUnreadable, "'\(path)' is not a regular file; an OCI layout holds files.")
        }
        try OCIImageLayout.requireWithin(Int(info.st_size), limit: limit, path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CMKError.badRequest(.fileUnreadable, "Cannot read '\(path)'.")
        }
        defer { try? handle.close() }
        let bytes = [UInt8](try handle.read(upToCount: limit + 1) ?? Data())
        try OCIImageLayout.requireWithin(bytes.count, limit: limit, path)
        return bytes
    }

    func hasBlob(_ digest: String) -> Bool {
        FileManager.default.fileExists(atPath: path(of: digest))
    }

    func openBlob(_ digest: String) throws -> any ContentReader {
        try LocalFileReader(path: path(of: digest))
    }

    private func path(of digest: String) -> String {
        location + "/blobs/sha256/" + ContentDigest.hex(digest)
    }
}

extension OutputFile: ContentWriter {
    func discard() {
        discardUnlessCommitted()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import CMKCore

/// A content-addressed directory of files named by lowercase hex ids (e.g. SHA-256 hex digests).
///
/// A blob lives at `<root>/<first 2 hex>/<id>`. Writers fill a private temporary file in
/// `<root>/tmp` (created with `O_EXCL`, mode 0600), fsync it, rename it into place and fsync the
/// directory, so a blob that is visible is complete and durable, and a crash leaves at worst a
/// temporary file that ``removeStaleTemporaryFiles()`` sweeps away once its writer is gone (each writer holds a
/// lock in `<root>/writers` while it writes: `PartialFileOwner`). Ids are validated before any
/// path is built from them: only 1 to 128 characters of `[0-9a-f]` are accepted.
public struct BlobDirectory: Sendable {
    /// The directory holding the blobs (without a trailing slash).
    public let root: String

    /// This process's claim on partial files, and the sweeps of dead writers' ones; shared by every copy.
    let writers: PartialFileOwner

    /// Where writers keep their temporary files.
    var temporaryDirectory: String { root + "/tmp" }

    /// Where the lock files of writers live.
    var writersDirectory: String { root + "/writers" }

    /// Opens the blob directory at `root`, creating it (mode 0700, with missing parents) and its `tmp` folder.
    ///
    /// - Parameter root: The directory; relative paths are relative to the current directory.
    /// - Throws: `BlobStoreError` when a directory cannot be created.
    public init(root: String) throws {
        precondition(!root.isEmpty, "a blob directory needs a root path")
        var trimmed = root
        while trimmed.count > 1 && trimmed.hasSuffix("/") {
            trimmed.removeLast()
        }
        self.root = trimmed
        writers = PartialFileOwner(directory: trimmed + "/writers")
        try BlobDirectory.makeDirectoryWithParents(trimmed)
        if try FileDescriptorIO.makeDirectory(temporaryDirectory, mode: 0o700) {
            try FileDescriptorIO.syncDirectory(trimmed)
        }
    }

    /// True when `id` is acceptable as a blob id: 1 to 128 characters, each in `[0-9a-f]`.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...128).contains(bytes.count) else {
            return false
        }
        return bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// Starts a new blob; nothing is visible under any id until ``BlobWriter/commit(id:)``.
    ///
    /// - Throws: `BlobStoreError` when the temporary file cannot be created.
    public func makeWriter() throws -> BlobWriter {
        let claim = try writers.claim(recording: nil)
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return try BlobWriter(directory: self, temporaryPath: temporaryDirectory + "/\(claim.token)-\(random).partial",
                              claim: claim)
    }

    /// Opens a committed blob for reading.
    ///
    /// - Parameter id: The blob id.
    /// - Throws: `BlobStoreError` with `.invalidID`, `.notFound` (naming the id's path) or `.system`.
    public func openReader(id: String) throws -> BlobReader {
        try BlobReader(path: validatedPath(for: id, operation: "open for reading"))
    }

    /// True when a committed blob with this id exists: a regular file, not a link to one; false for invalid ids.
    public func exists(id: String) -> Bool {
        guard BlobDirectory.isValidID(id) else {
            return false
        }
        return BlobDirectory.isRegularFile(path(for: id))
    }

    /// The size in bytes of a committed blob.
    ///
    /// - Throws: `BlobStoreError` with `.invalidID`, `.notFound` or `.system`.
    public func size(id: String) throws -> Int64 {
        let path = try validatedPath(for: id, operation: "stat")
        guard let info = try FileDescriptorIO.status(path, operation: "stat") else {
            throw BlobStoreError(code: .notFound, operation: "stat", path: path, errorNumber: ENOENT)
        }
        return Int64(info.st_size)
    }

    /// Deletes a committed blob and makes the deletion durable.
    ///
    /// - Throws: `BlobStoreError` with `.invalidID`, `.notFound` or `.system`.
    public func remove(id: String) throws {
        let path = try validatedPath(for: id, operation: "remove")
        guard unlink(path) == 0 else {
            throw BlobStoreError.fromErrno("remove", path: path)
        }
        try FileDescriptorIO.syncDirectory(prefixDirectory(for: id))
    }

    /// Every committed blob id, sorted; temporary files, stray names and whatever is not a regular file (a FIFO or
    /// a folder no writer made) are not listed.
    ///
    /// - Throws: `BlobStoreError` when a directory cannot be read.
    public func allIDs() throws -> [String] {
        var ids: [String] = []
        let prefixes = try FileDescriptorIO.entries(of: root).filter { BlobDirectory.isValidID($0) && $0.count <= 2 }
        for prefix in prefixes {
            let folder = root + "/" + prefix
            guard let info = try FileDescriptorIO.status(folder, operation: "stat"),
                  (info.st_mode & S_IFMT) == S_IFDIR else {
                continue
            }
            for name in try FileDescriptorIO.entries(of: folder)
            where BlobDirectory.isValidID(name) && name.utf8.prefix(2).elementsEqual(prefix.utf8)
                && BlobDirectory.isRegularFile(folder + "/" + name) {
                ids.append(name)
            }
        }
        return ids.sorted()
    }

    /// Removes temporary files left by writers that can no longer finish, and the partial output files (a pull's
    /// plaintext, an export's staging folder) that dead writers recorded (`PartialFileOwner`).
    ///
    /// A temporary file is stale when the lock its writer held while writing is free (the process is gone,
    /// however it ended) or was released, or when its name is not one a writer makes. Files of live writers (in
    /// this or another process) are kept, however old.
    ///
    /// - Returns: How many files were removed.
    /// - Throws: `BlobStoreError` when the folder cannot be read.
    public func removeStaleTemporaryFiles() throws -> Int {
        let sweep = try writers.sweep(temporaryDirectory: temporaryDirectory)
        if sweep.removed.contains(where: { $0.hasPrefix(temporaryDirectory + "/") }) {
            try FileDescriptorIO.syncDirectory(temporaryDirectory)
        }
        return sweep.removed.count
    }

    /// Everything the sweeps of this blob directory removed (or could not remove) so far, in this process.
    public var partialFilesSwept: PartialFileSweep {
        writers.sweepSoFar
    }

    /// The file path a blob id maps to.
    ///
    /// For diagnostics and tests only; `id` must be valid (a programmer error otherwise).
    public func path(for id: String) -> String {
        precondition(BlobDirectory.isValidID(id), "blob id '\(id)' is not 1 to 128 lowercase hex characters")
        return prefixDirectory(for: id) + "/" + id
    }

    func prefixDirectory(for id: String) -> String {
        root + "/" + String(id.prefix(2))
    }

    private func validatedPath(for id: String, operation: String) throws -> String {
        guard BlobDirectory.isValidID(id) else {
            throw BlobStoreError(code: .invalidID, operation: operation, path: id)
        }
        return path(for: id)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func makeDirectoryWithParents(_ path: String) throws {
        if let info = try FileDescriptorIO.status(path, operation: "stat"), (info.st_mode & S_IFMT) == S_IFDIR {
            return
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectoryWithParents(String(path[..<slash]))
        }
        try FileDescriptorIO.makeDirectory(path, mode: 0o700)
    }
}

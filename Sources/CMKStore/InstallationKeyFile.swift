#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore

/// An installation key on disk (`control/platform.key`, `control/vault.key`): 32 random bytes, mode 0600.
///
/// Losing or replacing such a key makes everything sealed with it unreadable. It is therefore created exactly
/// once, atomically (concurrent first runs agree on one key), and a file of the wrong size or with loose
/// permissions is refused rather than silently replaced.
enum InstallationKeyFile<Purpose: InstallationKeyPurpose> {
    typealias Key = InstallationKey<Purpose>
    /// The key length: AES-256.
    static var byteCount: Int { Key.byteCount }

    /// Reads the key at `path`, creating it first when it does not exist.
    ///
    /// - Parameter path: The key file; its directory must exist and be writable.
    /// - Throws: `StateHomeError` with `.keyFileInvalid`, `.keyFilePermissions` or `.keyFileUnreadable`.
    static func loadOrCreate(at path: String) throws -> Key {
        if let key = try load(path) {
            return key
        }
        try create(path)
        guard let key = try load(path) else {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: "it vanished right after creation")
        }
        return key
    }

    /// The key at `path`, or nil when there is no file.
    static func load(_ path: String) throws -> Key? {
        let descriptor: Int32
        do {
            descriptor = try FileDescriptorIO.open(path, flags: O_RDONLY, operation: "open \(Key.displayName)")
        } catch let error as BlobStoreError where error.code == .notFound {
            return nil
        } catch let error as BlobStoreError {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: reason(error))
        }
        defer { FileDescriptorIO.systemClose(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StateHomeError(code: .keyFileInvalid, path: path, reason: "it is not a regular file")
        }
        guard info.st_size == byteCount else {
            throw StateHomeError(code: .keyFileInvalid, path: path,
                                 reason: "it holds \(info.st_size) bytes instead of \(byteCount)")
        }
        let permissions = info.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw StateHomeError(code: .keyFilePermissions, path: path,
                                 reason: "mode is \(String(permissions, radix: 8)), expected 600")
        }
        var buffer = [UInt8](repeating: 0, count: byteCount)
        // The array is wiped before it is released; only the PlatformKey's copy survives.
        defer { buffer.withUnsafeMutableBytes { _ = memset($0.baseAddress!, 0, $0.count) } }
        var filled = 0
        do {
            while filled < byteCount {
                let count = try buffer.withUnsafeMutableBytes { bytes in
                    let rest = UnsafeMutableRawBufferPointer(rebasing: bytes[filled...])
                    return try FileDescriptorIO.read(descriptor, into: rest, path: path)
                }
                guard count > 0 else {
                    throw StateHomeError(code: .keyFileInvalid, path: path,
                                         reason: "it ended after \(filled) of \(byteCount) bytes")
                }
                filled += count
            }
        } catch let error as BlobStoreError {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: reason(error))
        }
        return buffer.withUnsafeBytes { Key(copying: $0) }
    }

    /// Writes a new random key to a private temporary file, then links it to `path` unless a key is already there.
    ///
    /// `link` never replaces an existing name, so when several processes start on a new home at once exactly
    /// one key wins and the others read it; nobody ever reads a half-written key.
    private static func create(_ path: String) throws {
        let temporary = path + ".\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16)).partial"
        defer { unlink(temporary) }
        do {
            let descriptor = try FileDescriptorIO.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600,
                                                       operation: "create \(Key.displayName)")
            defer { FileDescriptorIO.systemClose(descriptor) }
            // The umask may have removed bits; the owner must be able to read the key back.
            guard fchmod(descriptor, 0o600) == 0 else {
                throw BlobStoreError.fromErrno("chmod 600", path: temporary)
            }
            let key = Key.generate()
            try key.withUnsafeBytes { try FileDescriptorIO.writeAll(descriptor, $0, path: temporary) }
            try FileDescriptorIO.sync(descriptor, path: temporary)
        } catch let error as BlobStoreError {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: reason(error))
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw StateHomeError(code: .keyFileUnreadable, path: path,
                                 reason: "link into place failed: \(String(cString: strerror(errno)))")
        }
        do {
            try FileDescriptorIO.syncDirectory(directory(of: path))
        } catch let error as BlobStoreError {
            throw StateHomeError(code: .keyFileUnreadable, path: path, reason: reason(error))
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else {
            return "."
        }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func reason(_ error: BlobStoreError) -> String {
        let cause = error.errorNumber.map { String(cString: strerror($0)) } ?? "unknown error"
        return "\(error.operation) '\(error.path)': \(cause)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, EINTR-safe wrappers over the few system calls the blob files need.
///
/// Each returns normally or throws a `BlobStoreError` naming the operation and path.
enum FileDescriptorIO {
    /// Opens `path`, retrying on EINTR.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0, operation: String) throws -> Int32 {
        while true {
            let descriptor = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
            if descriptor >= 0 {
                return descriptor
            }
            if errno != EINTR {
                throw BlobStoreError.fromErrno(operation, path: path)
            }
        }
    }

    /// Opens an existing regular file for reading, refusing anything else without waiting on it.
    ///
    /// `O_NONBLOCK` keeps a FIFO from blocking the open until a writer comes, `O_NOFOLLOW` refuses a symbolic link,
    /// and the file's type is checked on the open descriptor, so what is read is the regular file that was opened.
    ///
    /// - Returns: The descriptor and the file's status.
    /// - Throws: `BlobStoreError` (`.notFound`, `.notARegularFile`, `.system`).
    static func openRegularFile(_ path: String, operation: String) throws -> (descriptor: Int32, status: stat) {
        let descriptor: Int32
        do {
            descriptor = try open(path, flags: O_RDONLY | O_NONBLOCK | O_NOFOLLOW, operation: operation)
        } catch let error as BlobStoreError where error.errorNumber == ELOOP {
            throw BlobStoreError(code: .notARegularFile, operation: operation, path: path, fileType: S_IFLNK)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let error = BlobStoreError.fromErrno("stat", path: path)
            systemClose(descriptor)
            throw error
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            systemClose(descriptor)
            throw BlobStoreError(code: .notARegularFile, operation: operation, path: path,
                                 fileType: info.st_mode & S_IFMT)
        }
        return (descriptor, info)
    }

    /// "a FIFO", "a folder", "a character device"...: a file type (the `S_IFMT` bits of a mode) in words.
    static func describe(fileType: mode_t) -> String {
        switch fileType {
        case S_IFREG: return "a regular file"
        case S_IFIFO: return "a FIFO"
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Writes all of `bytes`, looping on short writes and EINTR.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR {
                    continue
                }
                throw BlobStoreError.fromErrno("write", path: path)
            }
            offset += written
        }
    }

    /// Fills `buffer` from the current position; returns less only at end of file.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), path: path)
            if count == 0 {
                break
            }
            filled += count
        }
        return filled
    }

    /// Reads up to `buffer.count` bytes, retrying on EINTR; 0 means end of file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            return 0
        }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                return count
            }
            if errno != EINTR {
                throw BlobStoreError.fromErrno("read", path: path)
            }
        }
    }

    /// Flushes a file's data and metadata to stable storage.
    static func sync(_ descriptor: Int32, path: String) throws {
        #if canImport(Darwin)
        // Darwin's fsync only reaches the drive's cache; F_FULLFSYNC asks the drive to flush it.
        if fcntl(descriptor, F_FULLFSYNC) == 0 {
            return
        }
        #endif
        while fsync(descriptor) != 0 {
            if errno != EINTR {
                throw BlobStoreError.fromErrno("fsync", path: path)
            }
        }
    }

    /// Makes a directory's entries (a new name from rename, create or unlink) durable.
    static func syncDirectory(_ path: String) throws {
        let descriptor = try open(path, flags: O_RDONLY | O_DIRECTORY, operation: "open directory for fsync")
        defer { systemClose(descriptor) }
        try sync(descriptor, path: path)
    }

    /// Creates a directory, accepting one that already exists.
    ///
    /// - Returns: True when the directory was created now (so its parent needs an fsync).
    @discardableResult
    static func makeDirectory(_ path: String, mode: mode_t) throws -> Bool {
        if mkdir(path, mode) == 0 {
            return true
        }
        let number = errno
        var info = stat()
        guard number == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw BlobStoreError(code: .system, operation: "create directory", path: path, errorNumber: number)
        }
        return false
    }

    /// Lists the names in a directory, without `.` and `..`.
    static func entries(of path: String) throws -> [String] {
        guard let directory = opendir(path) else {
            throw BlobStoreError.fromErrno("list directory", path: path)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names
    }

    /// Whether anything (a link included, followed or not) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The size and kind of a path, or nil when it does not exist.
    static func status(_ path: String, operation: String) throws -> stat? {
        var info = stat()
        if stat(path, &info) == 0 {
            return info
        }
        if errno == ENOENT {
            return nil
        }
        throw BlobStoreError.fromErrno(operation, path: path)
    }

    static func systemClose(_ descriptor: Int32) {
        // Retrying close after EINTR is wrong on Linux (the descriptor is already gone).
        _ = close(descriptor)
    }

    private static func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags, mode)
        #else
        return Darwin.open(path, flags, mode)
        #endif
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
        #else
        return Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }
}

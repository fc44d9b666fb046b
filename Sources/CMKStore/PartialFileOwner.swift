#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import Foundation

/// Tells the partial files of live commands from those dead commands left behind, so that the next command removes
/// the latter and never the former.
///
/// Every partial file acrcmk writes — a push's temporary object in `blobs/tmp/`, a pull's plaintext
/// `.<name>.acrcmk-partial-…` beside its destination, an export's staging folder `<name>.acrcmk-partial-…` —
/// carries in its name the token of a *claim*: a lock file `blobs/writers/<token>.lock` that the writing process holds
/// locked (`flock`, exclusive) from before the first file of the claim is created until the last one is committed
/// or discarded, and that lists, before anything is created there, each folder outside the home the claim writes
/// in. The kernel drops the lock when the process ends, however it ends (kill -9 included). So a sweep knows:
/// - a lock file whose lock it can take, and whose process (the token starts with its id) is gone, belongs to a
///   command that is gone: the files with its token, in `blobs/tmp/` and in the folders it lists, are stale and are
///   removed, then the lock file;
/// - a lock file whose lock is held belongs to a live command: its files are kept, however old they are; so are
///   those of a free lock file whose process is alive (a copy of the home, whose original lock is held elsewhere);
/// - a temporary object whose token has no lock file is stale: its claim ended, or was swept already.
///
/// A process holds at most one claim per home at a time, shared by all its writers; a new claim gets a new token,
/// so no token is ever reused. Names written by acrcmk 0.1 and 0.2.0 (`<pid>-<random>.partial`) are judged as they
/// were then: stale when their process is gone or after a day.
final class PartialFileOwner: @unchecked Sendable {
    /// Where the lock files live: `blobs/writers/`.
    let directory: String

    private let lock = NSLock()
    private var current: Claim?
    private var swept = PartialFileSweep()

    /// The claim being held: its lock file, open and locked, and what it recorded.
    private struct Claim {
        var token: String
        var path: String
        var descriptor: Int32
        var holders: Int
        var folders: Set<String>
        /// Removes the lock file on an interrupt, after the partial files (registered later, so removed first).
        var cleanupToken: Int
    }

    static let lockSuffix = ".lock"
    static let temporarySuffix = ".partial"
    static let outputMarker = ".acrcmk-partial-"
    /// Temporary objects in the 0.1 format older than this are stale even if a process with their id is alive
    /// (process ids are reused).
    static let legacyMaximumAge: Int64 = 24 * 60 * 60

    init(directory: String) {
        self.directory = directory
    }

    /// Everything removed (or found unremovable) by this owner's sweeps so far.
    var sweepSoFar: PartialFileSweep {
        lock.withLock { swept }
    }

    // MARK: Claiming

    /// Holds this process's claim, creating and locking its lock file when it holds none, and records `folder`
    /// (made absolute) in it before the caller creates anything there.
    ///
    /// - Parameter folder: The folder outside the home where the caller's partial file or folder will be, if any.
    /// - Returns: The claim to name the partial file by and to release when it is committed or discarded.
    /// - Throws: `BlobStoreError` when the lock file cannot be created, locked or written.
    func claim(recording folder: String?) throws -> PartialFileClaim {
        try lock.withLock {
            var claim = try current ?? makeClaim()
            if let folder {
                let absolute = Self.absolute(folder)
                if !claim.folders.contains(absolute) {
                    var bytes = Array(absolute.utf8)
                    bytes.append(0)
                    do {
                        try bytes.withUnsafeBytes {
                            try FileDescriptorIO.writeAll(claim.descriptor, $0, path: claim.path)
                        }
                    } catch {
                        if current == nil { end(claim) }  // Made just now, for nothing.
                        throw error
                    }
                    claim.folders.insert(absolute)
                }
            }
            claim.holders += 1
            current = claim
            return PartialFileClaim(token: claim.token, owner: self)
        }
    }

    /// Ends one hold on the claim `token`; the last one removes its lock file.
    fileprivate func release(_ token: String) {
        lock.withLock {
            guard var claim = current, claim.token == token else { return }
            claim.holders -= 1
            if claim.holders == 0 {
                end(claim)
                current = nil
            } else {
                current = claim
            }
        }
    }

    private func makeClaim() throws -> Claim {
        try FileDescriptorIO.makeDirectory(directory, mode: 0o700)
        for _ in 0..<5 {
            let token = "\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16))"
            let path = directory + "/" + token + Self.lockSuffix
            let descriptor = try FileDescriptorIO.open(path, flags: O_RDWR | O_CREAT | O_EXCL | O_APPEND,
                                                       mode: 0o600, operation: "create lock file")
            // A sweep may take the lock of the new, empty file first; it then deletes it, and so must this process
            // notice: a claim whose file is gone would protect nothing.
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let error = BlobStoreError.fromErrno("lock", path: path)
                    FileDescriptorIO.systemClose(descriptor)
                    throw error
                }
            }
            if Self.isStillLinked(descriptor, path: path) {
                let cleanupToken = InterruptCleanup.shared.register { unlink(path) }
                return Claim(token: token, path: path, descriptor: descriptor, holders: 0, folders: [],
                             cleanupToken: cleanupToken)
            }
            FileDescriptorIO.systemClose(descriptor)
        }
        throw BlobStoreError(code: .system, operation: "claim a lock file (swept away five times)", path: directory)
    }

    /// Removes the lock file while it is still locked, then lets go of it.
    private func end(_ claim: Claim) {
        InterruptCleanup.shared.unregister(claim.cleanupToken)
        unlink(claim.path)
        FileDescriptorIO.systemClose(claim.descriptor)
    }

    // MARK: Sweeping

    /// Removes the partial files of commands that are gone: those named in the lock files nobody holds, and the
    /// temporary objects in `temporaryDirectory` whose claim has ended.
    ///
    /// - Returns: What this sweep removed, and what it could not remove and why.
    /// - Throws: `BlobStoreError` when `temporaryDirectory` cannot be listed.
    func sweep(temporaryDirectory: String) throws -> PartialFileSweep {
        var result = PartialFileSweep()
        let own = lock.withLock { current?.token }
        let lockNames = (try? FileDescriptorIO.entries(of: directory)) ?? []
        for name in lockNames where name.hasSuffix(Self.lockSuffix) {
            let token = String(name.dropLast(Self.lockSuffix.count))
            guard token != own else { continue }
            sweepClaim(token: token, temporaryDirectory: temporaryDirectory, into: &result)
        }
        let now = Int64(time(nil))
        for name in try FileDescriptorIO.entries(of: temporaryDirectory) {
            let path = temporaryDirectory + "/" + name
            guard isStale(temporaryName: name, now: now, path: path) else { continue }
            remove(path, into: &result)
        }
        lock.withLock { swept.merge(result) }
        return result
    }

    /// Sweeps the claim `token` if its command is gone: its files first, its lock file last.
    private func sweepClaim(token: String, temporaryDirectory: String, into result: inout PartialFileSweep) {
        let path = directory + "/" + token + Self.lockSuffix
        guard let descriptor = try? FileDescriptorIO.open(path, flags: O_RDWR | O_NOFOLLOW | O_NONBLOCK,
                                                          operation: "open lock file") else { return }
        defer { FileDescriptorIO.systemClose(descriptor) }
        // Held: its command is alive. Unlinked meanwhile: its command released it, having finished. Free, but its
        // process is alive: a copy of a home (a drill's scratch copy, a restored backup) whose original lock file is
        // held elsewhere; the folders it lists are that live command's.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, Self.isStillLinked(descriptor, path: path),
              let pid = Int32(token.prefix { $0 != "-" }), !Self.processIsAlive(pid) else { return }
        let marker = Self.outputMarker + token + "-"
        let failuresBefore = result.unremovable.count
        for folder in Self.recordedFolders(descriptor) {
            guard let names = try? FileDescriptorIO.entries(of: folder) else { continue }
            for name in names where name.contains(marker) {
                remove(folder + "/" + name, into: &result)
            }
        }
        for name in (try? FileDescriptorIO.entries(of: temporaryDirectory)) ?? []
        where name.hasPrefix(token + "-") && name.hasSuffix(Self.temporarySuffix) {
            remove(temporaryDirectory + "/" + name, into: &result)
        }
        // Kept while a file of the claim could not be removed, so that the next sweep tries again.
        if result.unremovable.count == failuresBefore {
            unlink(path)
        }
    }

    /// Whether a name in `blobs/tmp/` is a temporary object nobody is writing any more.
    private func isStale(temporaryName name: String, now: Int64, path: String) -> Bool {
        guard name.hasSuffix(Self.temporarySuffix) else { return true }  // No writer makes such a name.
        let parts = name.dropLast(Self.temporarySuffix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard let pid = Int32(parts[0]), pid > 0 else { return true }
        switch parts.count {
        case 3:
            // `<pid>-<claim>-<random>.partial`: live exactly while the claim's lock file exists.
            let lockPath = directory + "/" + parts[0] + "-" + parts[1] + Self.lockSuffix
            var info = stat()
            return lstat(lockPath, &info) != 0 && errno == ENOENT
        case 2:
            // `<pid>-<random>.partial`, from acrcmk 0.1 and 0.2.0: by process id and age.
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let age = now - Int64(info.st_mtim_seconds)
            return age > Self.legacyMaximumAge || !Self.processIsAlive(pid)
        default:
            return true
        }
    }

    /// Removes a partial file, or a staging folder with everything in it; anything else with a partial name (a
    /// link, a device) is not what a writer made, and is left alone.
    private func remove(_ path: String, into result: inout PartialFileSweep) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if unlink(path) == 0 || errno == ENOENT {
                result.removed.append(path)
            } else {
                result.unremovable.append("\(path): \(String(cString: strerror(errno)))")
            }
        case S_IFDIR:
            do {
                try FileManager.default.removeItem(atPath: path)
                result.removed.append(path)
            } catch {
                result.unremovable.append("\(path): \(error.localizedDescription)")
            }
        default:
            return
        }
    }

    // MARK: Helpers

    /// True when a process with this id exists (EPERM: it belongs to someone else, but exists).
    private static func processIsAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    /// True when `descriptor` is still the file at `path` (not unlinked, not replaced).
    private static func isStillLinked(_ descriptor: Int32, path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, open.st_nlink > 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// The folders a lock file lists: NUL-terminated absolute paths; a last one cut short is ignored.
    private static func recordedFolders(_ descriptor: Int32) -> [String] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
            offset += off_t(count)
        }
        guard let end = bytes.lastIndex(of: 0) else { return [] }
        return bytes[..<end].split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .filter { $0.hasPrefix("/") }
    }

    /// `folder` as an absolute path without symbolic links, so that a sweep from any working folder finds it.
    private static func absolute(_ folder: String) -> String {
        if let resolved = realpath(folder, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if folder.hasPrefix("/") { return folder }
        return FileManager.default.currentDirectoryPath + "/" + folder
    }
}

/// One writer's hold on its process's claim: the token its partial file is named with. Released when the file is
/// committed or discarded (or when the hold is dropped).
final class PartialFileClaim: @unchecked Sendable {
    let token: String
    private let owner: PartialFileOwner
    private let lock = NSLock()
    private var isReleased = false

    fileprivate init(token: String, owner: PartialFileOwner) {
        self.token = token
        self.owner = owner
    }

    deinit {
        release()
    }

    /// Ends the hold; harmless when called again.
    func release() {
        let first = lock.withLock { () -> Bool in
            defer { isReleased = true }
            return !isReleased
        }
        if first { owner.release(token) }
    }
}

extension stat {
    /// Modification time in whole seconds, spelled the same on Linux and Darwin.
    var st_mtim_seconds: Int {
        #if canImport(Glibc)
        return Int(st_mtim.tv_sec)
        #else
        return Int(st_mtimespec.tv_sec)
        #endif
    }
}

import CMKCore
import Foundation

/// Blob uploads in progress (`POST …/blobs/uploads/`, then `PATCH`es, then `PUT ?digest=`). Each upload seals its
/// bytes as they arrive, on a thread of its own, into a temporary object of the store: no plaintext is ever
/// written to disk, and memory stays bounded by the channel between requests and sealer. An upload that is
/// cancelled, abandoned (idle past the timeout) or fails leaves nothing: its temporary object is discarded.
final class BlobUploads: @unchecked Sendable {
    private let lock = NSLock()
    private var uploads: [String: BlobUpload] = [:]
    let idleTimeout: TimeInterval

    init(idleTimeout: TimeInterval) {
        self.idleTimeout = idleTimeout
    }

    func add(_ upload: BlobUpload) {
        lock.lock()
        uploads[upload.id] = upload
        lock.unlock()
    }

    func find(_ id: String) -> BlobUpload? {
        lock.lock()
        defer { lock.unlock() }
        return uploads[id]
    }

    func remove(_ id: String) {
        lock.lock()
        uploads[id] = nil
        lock.unlock()
    }

    /// Cancels uploads idle for longer than the timeout.
    func expireIdle(now: Date = Date()) {
        lock.lock()
        let expired = uploads.values.filter { !$0.isBusy && now.timeIntervalSince($0.lastActivity) > idleTimeout }
        for upload in expired {
            uploads[upload.id] = nil
        }
        lock.unlock()
        for upload in expired {
            upload.cancel()
        }
    }

    /// Cancels every upload (the server stops).
    func cancelAll() {
        lock.lock()
        let all = Array(uploads.values)
        uploads = [:]
        lock.unlock()
        for upload in all {
            upload.cancel()
        }
    }
}

/// One upload: a sealer thread reading from a channel that requests write into.
final class BlobUpload: @unchecked Sendable {
    let id = UUID().uuidString.lowercased()
    let registry: String
    let addressedName: String
    private let channel = ByteChannel(capacity: 1 << 20)
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<ContentObject, Error>?
    private var receivedBytes: Int64 = 0
    private var busy = false
    private var activity = Date()

    /// - Parameter seal: Seals what its `read` argument delivers; runs on the upload's own thread.
    init(registry: String, addressedName: String,
         seal: @escaping (_ read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> ContentObject) {
        self.registry = registry
        self.addressedName = addressedName
        let channel = self.channel
        let box = UncheckedBox(value: seal)
        Thread.detachNewThread { [self] in
            let seal = box.value
            let outcome = Result { try seal { try channel.readFull(into: $0) } }
            if case .failure(let error) = outcome {
                channel.fail(error)
            }
            lock.lock()
            result = outcome
            lock.unlock()
            done.signal()
        }
    }

    var received: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return receivedBytes
    }

    var lastActivity: Date {
        lock.lock()
        defer { lock.unlock() }
        return activity
    }

    var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return busy
    }

    /// Claims the upload for one request; false when another request is writing to it.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !busy else { return false }
        busy = true
        activity = Date()
        return true
    }

    func release() {
        lock.lock()
        busy = false
        activity = Date()
        lock.unlock()
    }

    /// Appends request bytes (blocking while the sealer catches up).
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        try channel.write(bytes)
        lock.lock()
        receivedBytes += Int64(bytes.count)
        activity = Date()
        lock.unlock()
    }

    /// Ends the bytes and waits for the sealed object.
    func finish() throws -> ContentObject {
        channel.close()
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        return try result!.get()
    }

    /// Stops the upload; the sealer discards its temporary object.
    func cancel() {
        channel.fail(ByteChannel.Cancelled())
        done.wait()
        done.signal()
    }
}

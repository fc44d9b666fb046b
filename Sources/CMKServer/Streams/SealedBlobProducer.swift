import CMKCore
import Foundation

/// A blob's plaintext for a response body: a thread opens (decrypts and verifies) the sealed object into a
/// bounded channel, the connection's thread sends from it. Memory stays bounded whatever the blob's size; a
/// blob that fails verification ends the response early, so the client never gets a complete-looking wrong body.
final class SealedBlobProducer: ResponseProducer, @unchecked Sendable {
    private let channel = ByteChannel(capacity: 1 << 20)
    private var started = false
    private let start: @Sendable (ByteChannel) -> Void

    /// - Parameters:
    ///   - range: The plaintext bytes to send (a Range request), or the whole object.
    ///   - open: Streams the object's plaintext into its argument, from the start; throws when it fails.
    init(range: ClosedRange<Int64>?, open: @escaping (_ consume: (UnsafeRawBufferPointer) throws -> Void)
         throws -> Void) {
        let box = UncheckedBox(value: open)
        start = { channel in
            Thread.detachNewThread {
                let open = box.value
                do {
                    var position: Int64 = 0
                    try open { chunk in
                        guard let range else {
                            try channel.write(chunk)
                            return
                        }
                        let chunkEnd = position + Int64(chunk.count)
                        defer { position = chunkEnd }
                        let from = max(position, range.lowerBound)
                        let to = min(chunkEnd - 1, range.upperBound)
                        if from <= to {
                            try channel.write(UnsafeRawBufferPointer(rebasing: chunk[Int(from - position)...Int(to - position)]))
                        }
                        if chunkEnd > range.upperBound { throw RangeComplete() }
                    }
                    channel.close()
                } catch is RangeComplete {
                    channel.close()
                } catch {
                    channel.fail(error)
                }
            }
        }
    }

    private struct RangeComplete: Error {}

    func produce(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !started {
            started = true
            start(channel)
        }
        return try channel.readSome(into: buffer)
    }

    func close() {
        channel.fail(ByteChannel.Cancelled())
    }
}

/// Collects a small request body (a manifest, a token form) in memory, refusing more than `limit` bytes.
final class CollectedBody: RequestBodyReceiver {
    struct TooLarge: Error {}

    private(set) var bytes: [UInt8] = []
    private let limit: Int
    private let answer: ([UInt8]) -> HTTPResponse
    private let refuse: (Error) -> HTTPResponse

    init(limit: Int, answer: @escaping ([UInt8]) -> HTTPResponse, refuse: @escaping (Error) -> HTTPResponse) {
        self.limit = limit
        self.answer = answer
        self.refuse = refuse
    }

    func receive(_ chunk: UnsafeRawBufferPointer) throws {
        guard bytes.count + chunk.count <= limit else { throw TooLarge() }
        bytes.append(contentsOf: chunk)
    }

    func finish() -> HTTPResponse { answer(bytes) }
    func abandon() {}
    func failure(_ error: Error) -> HTTPResponse { refuse(error) }
}

import Foundation
import JSON

/// `--access-log FILE`: one JSON object per finished request, appended.
public final class AccessLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    /// - Throws: When the file cannot be created or opened for appending.
    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func write(_ record: HTTPExchangeRecord) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let line = JSONValue.object(JSONObject([
            ("time", .string(formatter.string(from: record.started))), ("client", .string(record.clientAddress)),
            ("method", .string(record.method)), ("path", .string(record.path)),
            ("status", .number(Double(record.status))), ("bytesIn", .number(Double(record.bytesReceived))),
            ("bytesOut", .number(Double(record.bytesSent))),
            ("seconds", .number((record.seconds * 1000).rounded() / 1000)), ("completed", .bool(record.completed)),
        ])).serialized(.compact) + "\n"
        lock.lock()
        handle.write(Data(line.utf8))
        lock.unlock()
    }
}

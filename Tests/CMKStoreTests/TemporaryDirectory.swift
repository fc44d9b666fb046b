import Foundation
import Testing

/// A fresh directory under the system temp folder, deleted with everything in it when released.
final class TemporaryDirectory {
    let path: String

    init(_ label: String = "cmkstore") throws {
        let template = FileManager.default.temporaryDirectory.path + "/\(label)-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw TestFailure("mkdtemp failed for \(template): errno \(errno)")
        }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }
}

/// A plain error for test-setup failures, with a message saying what to fix.
struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

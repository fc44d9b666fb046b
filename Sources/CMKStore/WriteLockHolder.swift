#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMKCore
import Foundation

/// Who holds a state home's write lock: each command notes itself in `control/write-lock-holder` once it has the
/// lock, so a command that waited out the busy timeout can say what it waited for instead of a bare SQLITE_BUSY.
///
/// Only ever read after a timeout, and only as a hint: a note left by a command that has since finished names the
/// last holder, which the message says.
struct WriteLockHolder {
    let path: String

    init(layout: StateHome.Layout) {
        path = layout.control + "/write-lock-holder"
    }

    /// Notes this process as the holder (best effort: a failure to note must not fail the command).
    ///
    /// Only the command's first two words are noted (`acrcmk clock advance`), never what follows: it may name
    /// repositories or tags, which nothing in the state home may hold in the clear.
    func noteSelf(now: Date) {
        let arguments = CommandLine.arguments
        let program = arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "acrcmk"
        let words = arguments.dropFirst().prefix { word in
            !word.isEmpty && word.allSatisfy { ("a"..."z").contains($0) || $0 == "-" } && !word.hasPrefix("-")
        }.prefix(2)
        let note = "pid \(getpid()) since \(Timestamp.zulu(now)): \(([program] + words).joined(separator: " "))\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = note.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
    }

    /// The last holder's note, if any.
    func lastNote() -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty
        else { return nil }
        return text
    }
}

/// A command waited longer than the busy timeout for the write lock that another command holds.
public struct StateHomeBusy: Error, CustomStringConvertible {
    public let path: String
    public let waited: Duration
    public let holder: String?

    public var description: String {
        "the state home '\(path)' is busy: another command has held its write lock for more than \(waited) "
            + (holder.map { "(the last to take it: \($0))" } ?? "")
            + "; wait for it to finish, or stop it, and run this command again"
    }
}

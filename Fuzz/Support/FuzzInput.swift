/// The bytes libFuzzer hands a target, and the one way targets cut them into parts.
///
/// Targets that need several inputs (a query and a document, the files of a layout, the tokens of a command line)
/// separate them with NUL bytes: libFuzzer's mutations insert and erase NULs, so the number of parts is explored
/// too.
struct FuzzInput {
    let bytes: [UInt8]

    init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The bytes as text, ill-formed UTF-8 repaired with U+FFFD as `String(decoding:as:)` does.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes cut at each NUL into at most `maximumParts` parts; the last part keeps any further NULs.
    func parts(maximumParts: Int = .max) -> [[UInt8]] {
        bytes.split(separator: 0, maxSplits: maximumParts - 1, omittingEmptySubsequences: false).map(Array.init)
    }

    /// `parts(maximumParts:)` as text.
    func textParts(maximumParts: Int = .max) -> [String] {
        parts(maximumParts: maximumParts).map { String(decoding: $0, as: UTF8.self) }
    }
}

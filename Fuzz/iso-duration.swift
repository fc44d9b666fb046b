import CMKCore
import Foundation

/// ISO 8601 durations (`P90D`, `PT1H`), as rotation policies, `--expires-in` and `clock advance` read them.
///
/// An accepted duration must add to and subtract from any date without trapping (the length limit exists for
/// that), and its text must read back as the same duration.
private let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_428_000),
                     Date(timeIntervalSince1970: 253_402_300_799)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzISODuration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let duration = try? ISODuration(FuzzInput(data, size).text) else { return 0 }
    for date in dates {
        _ = duration.added(to: date)
        _ = duration.subtracted(from: date)
    }
    _ = duration.approximateDays
    precondition((try? ISODuration(duration.description)) == duration, "\(duration) does not read back")
    return 0
}

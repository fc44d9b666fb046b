import Foundation

/// A one-line progress bar on stderr, shown only when stderr is a terminal (never in scripts or CI logs).
final class ProgressBar {
    private let io: CommandIO
    private let label: String
    private let total: Int64?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var done: Int64 = 0

    /// A bar, or nil when stderr is not a terminal or `--only-show-errors` was given.
    init?(context: CommandContext, label: String, total: Int64?) {
        guard context.io.errorIsTerminal, !context.settings.onlyShowErrors else { return nil }
        self.io = context.io
        self.label = label
        self.total = total
    }

    /// Records progress; redraws at most ten times a second.
    func update(_ bytes: Int64) {
        done = bytes
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(now: now)
    }

    /// Draws the final state and ends the line.
    func finish() {
        draw(now: Date())
        io.writeError("\n")
    }

    private func draw(now: Date) {
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / seconds / 1_048_576
        let width = 30
        var line = "\r\(label) "
        if let total, total > 0 {
            let fraction = min(Double(done) / Double(total), 1)
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
        }
        line += String(format: "%.1f MiB %.1f MiB/s", Double(done) / 1_048_576, rate)
        io.writeError(line)
    }
}

import Foundation

/// One line of progress on stderr, rewritten in place; shown only when stderr is a terminal (as `ProgressBar`), so
/// scripts, logs and tests see exactly what they saw before.
final class StatusLine {
    private let io: CommandIO
    private var lastDraw = Date.distantPast
    private var drawnWidth = 0

    /// A status line, or nil when stderr is not a terminal or `--only-show-errors` was given.
    init?(context: CommandContext) {
        guard context.io.errorIsTerminal, !context.settings.onlyShowErrors else { return nil }
        self.io = context.io
    }

    /// Shows `text` in place of the previous status; at most ten times a second, so drawing never slows the work.
    func show(_ text: String) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        // Pad over a longer previous text instead of an escape sequence: it works on any terminal.
        let padding = String(repeating: " ", count: max(0, drawnWidth - text.count))
        io.writeError("\r" + text + padding)
        drawnWidth = text.count
    }

    /// Removes the status, leaving the cursor at the start of an empty line for whatever is printed next.
    func clear() {
        guard drawnWidth > 0 else { return }
        io.writeError("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }
}

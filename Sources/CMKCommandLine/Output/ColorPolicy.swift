/// Decides whether output may carry ANSI colour.
///
/// az colours only when stdout and stderr are terminals and `core.no_color` is off
/// (`AZURE_CORE_NO_COLOR`). acrcmk follows that and the wider conventions scripts rely on.
public enum ColorPolicy {
    /// Environment switches that turn colour off when set to a true-ish value (or to anything
    /// other than a recognised false value, so a typo errs on the side of plain text).
    public static let disablingVariables = ["ACRCMK_NO_COLOR", "AZURE_CORE_NO_COLOR"]

    /// Colour only on a terminal.
    ///
    /// Never when `NO_COLOR` is present with any value, even empty (no-color.org); never when
    /// stdout is not a terminal; never when `ACRCMK_NO_COLOR` or `AZURE_CORE_NO_COLOR` is set
    /// to anything but `0`, `false`, `no` or `off`; never when `TERM` is `dumb`.
    ///
    /// - Parameters:
    ///   - isTerminal: whether stdout is a terminal (the caller asks `isatty`).
    ///   - environment: the process environment.
    /// - Returns: `true` when `jsonc`/`yamlc` should be coloured.
    public static func shouldColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        for name in disablingVariables {
            if let value = environment[name], !isFalse(value) { return false }
        }
        return true
    }

    private static func isFalse(_ value: String) -> Bool {
        ["0", "false", "no", "off"].contains(value.trimmingWhitespace().lowercased())
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

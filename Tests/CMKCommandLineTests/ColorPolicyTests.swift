import Testing
@testable import CMKCommandLine

@Suite("Colour policy")
struct ColorPolicyTests {
    @Test(arguments: [
        // (isTerminal, environment, expected)
        (true, [:], true),
        (false, [:], false),
        (true, ["NO_COLOR": ""], false),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": "0"], false),
        (false, ["NO_COLOR": "1"], false),
        (true, ["ACRCMK_NO_COLOR": "1"], false),
        (true, ["ACRCMK_NO_COLOR": "true"], false),
        (true, ["ACRCMK_NO_COLOR": ""], false),
        (true, ["ACRCMK_NO_COLOR": "yes please"], false),
        (true, ["ACRCMK_NO_COLOR": "0"], true),
        (true, ["ACRCMK_NO_COLOR": "False"], true),
        (true, ["ACRCMK_NO_COLOR": " off "], true),
        (true, ["AZURE_CORE_NO_COLOR": "true"], false),
        (true, ["AZURE_CORE_NO_COLOR": "false"], true),
        (true, ["TERM": "dumb"], false),
        (true, ["TERM": "xterm-256color"], true),
        (false, ["TERM": "xterm-256color", "ACRCMK_NO_COLOR": "0"], false),
    ] as [(Bool, [String: String], Bool)])
    func decides(_ isTerminal: Bool, _ environment: [String: String], _ expected: Bool) {
        #expect(ColorPolicy.shouldColor(isTerminal: isTerminal, environment: environment) == expected)
    }
}

import JMESPath
import Testing
@testable import CMKCommandLine

/// Outputs produced by knack 0.14's own formatters (az 2.91: tabulate 0.10, PyYAML 6.0.3,
/// pygments 2.21, Python 3.12) for tricky values: YAML-ambiguous strings, control and Unicode
/// characters, long lines that PyYAML folds, keys that need the explicit `? key` form,
/// multi-line table cells, `--query` key order. Generated once by running knack itself; the
/// expected text is stored JSON-encoded (split in chunks) so that escapes survive. `jsonc` and
/// `yamlc` cases are the coloured variants.
@Suite("Output matches knack 0.14 byte for byte")
struct OutputKnackCorpusTests {
    struct KnackCase: CustomTestStringConvertible, Sendable {
        let format: OutputFormat
        let query: Bool
        let input: String
        let expected: String

        init(_ format: OutputFormat, query: Bool, input: String, expected: String) {
            self.format = format
            self.query = query
            self.input = input
            self.expected = expected
        }

        var testDescription: String {
            "-o \(format.rawValue)\(query ? " with --query" : ""): \(input.prefix(50))"
        }
    }

    @Test(arguments: OutputKnackCorpusTests.cases)
    func rendersLikeKnack(_ knackCase: KnackCase) {
        let renderer = OutputRenderer(format: knackCase.format, preserveKeyOrder: knackCase.query, colored: true)
        let expected = OutputTestSupport.json(knackCase.expected).stringValue
        #expect(renderer.render(OutputTestSupport.json(knackCase.input)) == expected)
    }

    static let cases: [KnackCase] = [
        KnackCase(
            .json, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""[\n  \"yes\",\n  \"no\",\n  \"on\",\n  \"off\",\n  \"Yes\",\n  \"NO\",\n  \"nul"###,
                ###"l\",\n  \"Null\",\n  \"~\",\n  \"\",\n  \"123\",\n  \"1e3\",\n  \"0x1f\",\n  \"0"###,
                ###"o17\",\n  \"017\",\n  \"1_000\",\n  \"2026-11-23\",\n  \"2026-11-23T00:00:00+00:"###,
                ###"00\",\n  \"2026-11-23 10:00:00\",\n  \"1.5\",\n  \"-1\",\n  \"+1\",\n  \".5\",\n"###,
                ###"  \".inf\",\n  \"-.inf\",\n  \".nan\",\n  \"<<\",\n  \"=\",\n  \" lead\",\n  \"t"###,
                ###"rail \",\n  \"a: b\",\n  \"a:b\",\n  \"#x\",\n  \"a #b\",\n  \"a#b\",\n  \"- x\""###,
                ###",\n  \"-x\",\n  \"-\",\n  \"* x\",\n  \"&a\",\n  \"!t\",\n  \"%x\",\n  \"@x\",\n"###,
                ###"  \"`x\",\n  \"[x\",\n  \"{x\",\n  \"]x\",\n  \"}x\",\n  \",x\",\n  \"x,y\",\n  "###,
                ###"\"x\\ny\",\n  \"x\\n\",\n  \"\\nx\",\n  \"x\\n\\ny\",\n  \"x \\ny\",\n  \"x\\n y"###,
                ###"\",\n  \"'\",\n  \"\\\"\",\n  \"it's\",\n  \"say \\\"hi\\\"\"\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"yes\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\""###,
                ###"no\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u0"###,
                ###"01b[33m\"on\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;"###,
                ###"49;00m\u001b[33m\"off\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  "###,
                ###"\u001b[39;49;00m\u001b[33m\"Yes\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m\u001b[33m\"NO\"\u001b[39;49;00m,\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"null\"\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"Null\"\u001b[39;49;00m"###,
                ###",\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"~\"\u001b[3"###,
                ###"9;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\"\"###,
                ###"u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[3"###,
                ###"3m\"123\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;0"###,
                ###"0m\u001b[33m\"1e3\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u00"###,
                ###"1b[39;49;00m\u001b[33m\"0x1f\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m  \u001b[39;49;00m\u001b[33m\"0o17\"\u001b[39;49;00m,\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"017\"\u001b[39;49;00m,\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"1_000\"\u001b[39;49;00m,"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"2026-11-23\""###,
                ###"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b["###,
                ###"33m\"2026-11-23T00:00:00+00:00\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m\u001b[33m\"2026-11-23 10:00:00\"\u001b[39;49;00m,\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"1.5\"\u001b[39;49"###,
                ###";00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"-1\"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m"###,
                ###"\"+1\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\"###,
                ###"u001b[33m\".5\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m\u001b[33m\".inf\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m  \u001b[39;49;00m\u001b[33m\"-.inf\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\".nan\"\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"<<\"\u001b[39;49;00m,\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"=\"\u001b[39;49;0"###,
                ###"0m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\" lead\"\u"###,
                ###"001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33"###,
                ###"m\"trail \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m\u001b[33m\"a: b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m\u001b[33m\"a:b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m\u001b[33m\"#x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"a #b\"\u001b[39;49;00m,\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"a#b\"\u001b[39;49;00m,\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"- x\"\u001b[3"###,
                ###"9;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"-x\"###,
                ###""\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b"###,
                ###"[33m\"-\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;0"###,
                ###"0m\u001b[33m\"* x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u00"###,
                ###"1b[39;49;00m\u001b[33m\"&a\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m  \u001b[39;49;00m\u001b[33m\"!t\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"%x\"\u001b[39;49;00m,\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"@x\"\u001b[39;49;00m,\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"`x\"\u001b[39;49;00m"###,
                ###",\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"[x\"\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"{x"###,
                ###"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001"###,
                ###"b[33m\"]x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m\u001b[33m\"}x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u0"###,
                ###"01b[39;49;00m\u001b[33m\",x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m\u001b[33m\"x,y\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"x\\ny\"\u001b[39;49;00m,\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"x\\n\"\u001b[39;49;00m,\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\\nx\"\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"x\"###,
                ###"\n\\ny\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[33m\"x \\ny\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m\u001b[33m\"x\\n y\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m  \u001b[39;49;00m\u001b[33m\"'\"\u001b[39;49;00m,\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\\\"\"\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"it's\"\u001b[39;49;00m"###,
                ###",\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"say \\\"hi\"###,
                ###"\\"\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""- 'yes'\n- 'no'\n- 'on'\n- 'off'\n- 'Yes'\n- 'NO'\n- 'null'\n- 'Null'\n- '~'\n-"###,
                ###" ''\n- '123'\n- 1e3\n- '0x1f'\n- 0o17\n- '017'\n- '1_000'\n- '2026-11-23'\n- '20"###,
                ###"26-11-23T00:00:00+00:00'\n- '2026-11-23 10:00:00'\n- '1.5'\n- '-1'\n- '+1'\n- '."###,
                ###"5'\n- '.inf'\n- '-.inf'\n- '.nan'\n- '<<'\n- '='\n- ' lead'\n- 'trail '\n- 'a: b"###,
                ###"'\n- a:b\n- '#x'\n- 'a #b'\n- a#b\n- '- x'\n- -x\n- '-'\n- '* x'\n- '&a'\n- '!t'"###,
                ###"\n- '%x'\n- '@x'\n- '`x'\n- '[x'\n- '{x'\n- ']x'\n- '}x'\n- ',x'\n- x,y\n- 'x\n\"###,
                ###"n  y'\n- 'x\n\n  '\n- '\n\n  x'\n- 'x\n\n\n  y'\n- \"x \\ny\"\n- \"x\\n y\"\n- '"###,
                ###"'''\n- '\"'\n- it's\n- say \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mno\u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u0"###,
                ###"01b[39;49;00m\u001b[33mon\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u"###,
                ###"001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33"###,
                ###"moff\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u00"###,
                ###"1b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mYes\u001b[39;49;00m\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m'\u001b[39;49;00m\u001b[33mNO\u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[33mnull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b"###,
                ###"[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mNul"###,
                ###"l\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b["###,
                ###"37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m~\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u0"###,
                ###"01b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-"###,
                ###"\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;"###,
                ###"49;00m1e3\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m0x1f\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\"###,
                ###"u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m0o17\u001b[37m\u001b[39;49;00m\n-\u"###,
                ###"001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m017\u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[33m1_000\u001b[39;49;00m\u001b[33m'\u001b["###,
                ###"39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m2026-11-23\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[33m2026-11-23T00:00:00+00:00\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\"###,
                ###"u001b[33m2026-11-23\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m10:00:00"###,
                ###"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m1.5\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33m-1\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m"###,
                ###"\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[33m+1\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m.5\u001b["###,
                ###"39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m.inf\u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[33m-.inf\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m"###,
                ###"\u001b[33m.nan\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;"###,
                ###"00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m<<\u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001"###,
                ###"b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m=\u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlead\u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[33mtrail\u001b[39;49;00m\u001b[31m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m\u001b[33ma:\u001b[39;49;00m\u001b[31m \u001b[39;4"###,
                ###"9;00m\u001b[33mb\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;4"###,
                ###"9;00m\n-\u001b[37m \u001b[39;49;00ma:b\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#x\u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[33ma\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b["###,
                ###"33m#b\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u0"###,
                ###"01b[37m \u001b[39;49;00ma#b\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m\u001b[33m-\u001b[39;49;00m\u001b[31m \u001b[39;49"###,
                ###";00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n-\u001b[37m \u001b[39;49;00m-x\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m-\u001b[39;49;00m\u001b[33m'\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33m*\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m"###,
                ###"x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b["###,
                ###"37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m&a\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33m!t\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m"###,
                ###"\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[33m%x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m@x\u001b["###,
                ###"39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m`x\u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[33m[x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"7m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[33m{x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\"###,
                ###"u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m]x\u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[33m}x\u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b["###,
                ###"39;49;00m\u001b[33m,x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b"###,
                ###"[39;49;00m\n-\u001b[37m \u001b[39;49;00mx,y\u001b[37m\u001b[39;49;00m\n-\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u0"###,
                ###"01b[33my\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-"###,
                ###"\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mx\u001b[39;49;00"###,
                ###"m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001"###,
                ###"b[33my\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u"###,
                ###"001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m"###,
                ###"\u001b[31m \u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[33my\u001b[39;49;"###,
                ###"00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39"###,
                ###";49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m\\n\u001"###,
                ###"b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33my\u001b[39;49;00m\u001b[33m\"\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b"###,
                ###"[33m\"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u"###,
                ###"001b[37m \u001b[39;49;00mit's\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;4"###,
                ###"9;00msay \"hi\"\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""Result\n-------------------------\nyes\nno\non\noff\nYes\nNO\nnull\nNull\n~\n12"###,
                ###"3\n1e3\n0x1f\n0o17\n017\n1_000\n2026-11-23\n2026-11-23T00:00:00+00:00\n2026-11-2"###,
                ###"3 10:00:00\n1.5\n-1\n+1\n.5\n.inf\n-.inf\n.nan\n<<\n=\nlead\ntrail\na: b\na:b\n#"###,
                ###"x\na #b\na#b\n- x\n-x\n-\n* x\n&a\n!t\n%x\n@x\n`x\n[x\n{x\n]x\n}x\n,x\nx,y\nx\ny"###,
                ###"\nx\nx\nx\n\ny\nx\ny\nx\n y\n'\n\"\nit's\nsay \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""Result\n-------------------------\nyes\nno\non\noff\nYes\nNO\nnull\nNull\n~\n12"###,
                ###"3\n1e3\n0x1f\n0o17\n017\n1_000\n2026-11-23\n2026-11-23T00:00:00+00:00\n2026-11-2"###,
                ###"3 10:00:00\n1.5\n-1\n+1\n.5\n.inf\n-.inf\n.nan\n<<\n=\nlead\ntrail\na: b\na:b\n#"###,
                ###"x\na #b\na#b\n- x\n-x\n-\n* x\n&a\n!t\n%x\n@x\n`x\n[x\n{x\n]x\n}x\n,x\nx,y\nx\ny"###,
                ###"\nx\nx\nx\n\ny\nx\ny\nx\n y\n'\n\"\nit's\nsay \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""yes\nno\non\noff\nYes\nNO\nnull\nNull\n~\n\n123\n1e3\n0x1f\n0o17\n017\n1_000\n2"###,
                ###"026-11-23\n2026-11-23T00:00:00+00:00\n2026-11-23 10:00:00\n1.5\n-1\n+1\n.5\n.inf"###,
                ###"\n-.inf\n.nan\n<<\n=\n lead\ntrail \na: b\na:b\n#x\na #b\na#b\n- x\n-x\n-\n* x\n"###,
                ###"&a\n!t\n%x\n@x\n`x\n[x\n{x\n]x\n}x\n,x\nx,y\nx\ny\nx\n\n\nx\nx\n\ny\nx \ny\nx\n "###,
                ###"y\n'\n\"\nit's\nsay \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"["yes", "no", "on", "off", "Yes", "NO", "null", "Null", "~", "", "123", "1e3", ""###,
                ###"0x1f", "0o17", "017", "1_000", "2026-11-23", "2026-11-23T00:00:00+00:00", "2026-"###,
                ###"11-23 10:00:00", "1.5", "-1", "+1", ".5", ".inf", "-.inf", ".nan", "<<", "=", " "###,
                ###"lead", "trail ", "a: b", "a:b", "#x", "a #b", "a#b", "- x", "-x", "-", "* x", "&"###,
                ###"a", "!t", "%x", "@x", "`x", "[x", "{x", "]x", "}x", ",x", "x,y", "x\ny", "x\n", "###,
                ###""\nx", "x\n\ny", "x \ny", "x\n y", "'", "\"", "it's", "say \"hi\""]"###,
            ].joined(),
            expected: [
                ###""yes\nno\non\noff\nYes\nNO\nnull\nNull\n~\n\n123\n1e3\n0x1f\n0o17\n017\n1_000\n2"###,
                ###"026-11-23\n2026-11-23T00:00:00+00:00\n2026-11-23 10:00:00\n1.5\n-1\n+1\n.5\n.inf"###,
                ###"\n-.inf\n.nan\n<<\n=\n lead\ntrail \na: b\na:b\n#x\na #b\na#b\n- x\n-x\n-\n* x\n"###,
                ###"&a\n!t\n%x\n@x\n`x\n[x\n{x\n]x\n}x\n,x\nx,y\nx\ny\nx\n\n\nx\nx\n\ny\nx \ny\nx\n "###,
                ###"y\n'\n\"\nit's\nsay \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""[\n  \"tab\\there\",\n  \"\u00e9t\u00e9\",\n  \"\u65e5\u672c\",\n  \"\ud83d\ude"###,
                ###"00\",\n  \"\u00a0nbsp\",\n  \"bell\\u0007\",\n  \"esc\\u001b[0m\",\n  \"\u2028ls"###,
                ###"\",\n  \"\ufeffbom\",\n  \"---\",\n  \"...\",\n  \"--- x\",\n  \"? x\",\n  \"?x\"###,
                ###"",\n  \": x\",\n  \":x\",\n  \"x:\",\n  \"x: \",\n  \"|x\",\n  \">x\",\n  \"a  b"###,
                ###"\",\n  \"v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry l"###,
                ###"ong v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v"###,
                ###"\u00e9ry long v\u00e9ry long \",\n  \"word word word word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word \",\n  \"http://example.com/a?b=c&d=e#f\",\n  \"C:\\"###,
                ###"\\path\\\\x\",\n  \"\\u0001\",\n  \"\\r\\nx\",\n  \"x\\r\",\n  \"True\",\n  \"FA"###,
                ###"LSE\",\n  \"0\",\n  \"00\",\n  \"0.0\",\n  \"1:20\",\n  \"1:20:30.5\",\n  \"0b10"###,
                ###"1\",\n  \"12:30:45\",\n  \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n  \"###,
                ###""bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\n  \"cccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccc\",\n  \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\",\n  \"y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\",\n  \"  \",\n  \" \",\n  "###,
                ###"\"\\t\",\n  \"\u0085x\"\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"tab\\there"###,
                ###"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001"###,
                ###"b[33m\"\u00e9t\u00e9\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m\u001b[33m\"\u65e5\u672c\"\u001b[39;49;00m,\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\ud83d\ude00\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\u00a0nbsp\"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m"###,
                ###"\"bell\\u0007\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m\u001b[33m\"esc\\u001b[0m\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n"###,
                ###"\u001b[37m  \u001b[39;49;00m\u001b[33m\"\u2028\u001b[39;49;00m\u001b[33mls\"\u00"###,
                ###"1b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"###,
                ###""\ufeffbom\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;4"###,
                ###"9;00m\u001b[33m\"---\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m\u001b[33m\"...\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m\u001b[33m\"--- x\"\u001b[39;49;00m,\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"? x\"\u001b[39;49;00m,\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"?x\"\u001b[39;49;00m,"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\": x\"\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\":x"###,
                ###"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001"###,
                ###"b[33m\"x:\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m\u001b[33m\"x: \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m\u001b[33m\"|x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m  \u001b[39;49;00m\u001b[33m\">x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"a  b\"\u001b[39;49;00m,\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"v\u00e9ry long v\u00e9ry "###,
                ###"long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long "###,
                ###"v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long \"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m"###,
                ###"\"word word word word word word word word word word word word word word word wor"###,
                ###"d word word word word word word word word word word word word word word \"\u001b"###,
                ###"[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"h"###,
                ###"ttp://example.com/a?b=c&d=e#f\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m  \u001b[39;49;00m\u001b[33m\"C:\\\\path\\\\x\"\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\\u0001\"\u001b[39;49;"###,
                ###"00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\\r\\nx\"###,
                ###""\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b"###,
                ###"[33m\"x\\r\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;4"###,
                ###"9;00m\u001b[33m\"True\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  "###,
                ###"\u001b[39;49;00m\u001b[33m\"FALSE\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n"###,
                ###"\u001b[37m  \u001b[39;49;00m\u001b[33m\"0\"\u001b[39;49;00m,\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"00\"\u001b[39;49;00m,\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"0.0\"\u001b[39;49;00m,\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"1:20\"\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"1:"###,
                ###"20:30.5\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;0"###,
                ###"0m\u001b[33m\"0b101\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m\u001b[33m\"12:30:45\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m  \u001b[39;49;00m\u001b[33m\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaa\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[33m\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\u001b[39;49;00m,\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"cccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccccccccccc\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m  \u001b[39;49;00m\u001b[33m\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\"\u001b[39;49;00m,\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"  \"\u001b[39;4"###,
                ###"9;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\" \"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m"###,
                ###"\"\\t\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m"###,
                ###"\u001b[33m\"\u0085\u001b[39;49;00m\u001b[33mx\"\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""- \"tab\\there\"\n- \u00e9t\u00e9\n- \u65e5\u672c\n- \ud83d\ude00\n- \u00a0nbsp"###,
                ###"\n- \"bell\\a\"\n- \"esc\\e[0m\"\n- '\u2028  ls'\n- \"\\uFEFFbom\"\n- '---'\n- '"###,
                ###"...'\n- '--- x'\n- '? x'\n- ?x\n- ': x'\n- :x\n- 'x:'\n- 'x: '\n- '|x'\n- '>x'\n"###,
                ###"- a  b\n- 'v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry"###,
                ###" long v\u00e9ry long v\u00e9ry long v\u00e9ry long\n  v\u00e9ry long v\u00e9ry l"###,
                ###"ong v\u00e9ry long v\u00e9ry long '\n- 'word word word word word word word word "###,
                ###"word word word word word word word word\n  word word word word word word word wo"###,
                ###"rd word word word word word word '\n- http://example.com/a?b=c&d=e#f\n- C:\\path"###,
                ###"\\x\n- \"\\x01\"\n- \"\\r\\nx\"\n- \"x\\r\"\n- 'True'\n- 'FALSE'\n- '0'\n- '00'\"###,
                ###"n- '0.0'\n- '1:20'\n- '1:20:30.5'\n- '0b101'\n- '12:30:45'\n- aaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaa\n- bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n- ccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccc\n- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  y\n- y zzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n- '  '\n"###,
                ###"- ' '\n- \"\\t\"\n- '\u0085  x'\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mtab\u001b[39;"###,
                ###"49;00m\u001b[33m\\t\u001b[39;49;00m\u001b[33mhere\u001b[39;49;00m\u001b[33m\"\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u00e9t\u00"###,
                ###"e9\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u65e5\u672c\u001b[37m"###,
                ###"\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\ud83d\ude00\u001b[37m\u001b[39;49"###,
                ###";00m\n-\u001b[37m \u001b[39;49;00m\u001b[04m\u001b[91m\u00a0\u001b[39;49;00mnbsp"###,
                ###"\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49"###,
                ###";00m\u001b[33mbell\u001b[39;49;00m\u001b[33m\\a\u001b[39;49;00m\u001b[33m\"\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m\"\"###,
                ###"u001b[39;49;00m\u001b[33mesc\u001b[39;49;00m\u001b[33m\\e\u001b[39;49;00m\u001b["###,
                ###"33m[0m\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\"###,
                ###"u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[04m\u001b[91m\u2028\"###,
                ###"u001b[39;49;00m\u001b[31m  \u001b[39;49;00m\u001b[33mls\u001b[39;49;00m\u001b[33"###,
                ###"m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b"###,
                ###"[33m\"\u001b[39;49;00m\u001b[33m\\uFEFF\u001b[39;49;00m\u001b[33mbom\u001b[39;49"###,
                ###";00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m---\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[33m...\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m"###,
                ###"\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b["###,
                ###"33m---\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[33m?\u001b[39;49;00m\u001b[31m \u001b[39;49;00m"###,
                ###"\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m"###,
                ###"\n-\u001b[37m \u001b[39;49;00m?x\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m:\u001b[39;49;00m\u001b[31m \u001b["###,
                ###"39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n-\u001b[37m \u001b[39;49;00m:x\u001b[37m\u001b[39;49;00m\n-\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mx:\u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[33mx:\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u0"###,
                ###"01b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[33m|x\u001b[39;49;00m\u001b[33m'\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;4"###,
                ###"9;00m\u001b[33m>x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;"###,
                ###"49;00m\n-\u001b[37m \u001b[39;49;00ma  b\u001b[37m\u001b[39;49;00m\n-\u001b[37m "###,
                ###"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u"###,
                ###"001b[31m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;0"###,
                ###"0m\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u"###,
                ###"001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u00"###,
                ###"1b[31m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;00m"###,
                ###"\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u00"###,
                ###"1b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b"###,
                ###"[31m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u"###,
                ###"001b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u001b"###,
                ###"[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b[3"###,
                ###"1m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u00"###,
                ###"1b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u001b[3"###,
                ###"9;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33mv\u00e"###,
                ###"9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u00"###,
                ###"1b[31m \u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;4"###,
                ###"9;00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mv\u00e9r"###,
                ###"y\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlong\u001b[39;49;00m\u001b"###,
                ###"[31m \u001b[39;49;00m\u001b[33mv\u00e9ry\u001b[39;49;00m\u001b[31m \u001b[39;49;"###,
                ###"00m\u001b[33mlong\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mwor"###,
                ###"d\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b"###,
                ###"[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u"###,
                ###"001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;4"###,
                ###"9;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b["###,
                ###"39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword"###,
                ###"\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b["###,
                ###"31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u0"###,
                ###"01b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49"###,
                ###";00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[3"###,
                ###"9;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33"###,
                ###"mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u"###,
                ###"001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;0"###,
                ###"0m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b["###,
                ###"39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u0"###,
                ###"01b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m"###,
                ###"word\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u0"###,
                ###"01b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00"###,
                ###"m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[3"###,
                ###"9;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u00"###,
                ###"1b[39;49;00m\u001b[33mword\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00mhttp://e"###,
                ###"xample.com/a?b=c&d=e#f\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00mC:"###,
                ###"\\path\\x\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u0"###,
                ###"01b[39;49;00m\u001b[33m\\x01\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[3"###,
                ###"7m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u00"###,
                ###"1b[33m\\r\u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[33mx\u001b[39;49;00"###,
                ###"m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m\\r\u001b["###,
                ###"39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u0"###,
                ###"01b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mTrue\u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m'\u001b[39;49;00m\u001b[33mFALSE\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33m0\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00"###,
                ###"m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m00\u001b[39;"###,
                ###"49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b["###,
                ###"39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m0.0\u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[33m1:20\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"7m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[33m1:20:30.5\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;"###,
                ###"00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m0b101\u001"###,
                ###"b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m12:30:45\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00maa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u001b[37m\u001b[39;49;00m\n-\u001b[3"###,
                ###"7m \u001b[39;49;00mbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\u001b[37m\u001b[39"###,
                ###";49;00m\n-\u001b[37m \u001b[39;49;00mccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00mxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m  \u001b[39;49;00my\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u"###,
                ###"001b[39;49;00my zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzz\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m'\u001b[39;49;00m\u001b[31m  \u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39"###,
                ###";49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33m\\t\u"###,
                ###"001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[04m\u001b[91m\u0085\u001b[39"###,
                ###";49;00m\u001b[31m  \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b["###,
                ###"39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""Result\n-----------------------------------------------------------------------"###,
                ###"------------------------------------------------------------------------------\n"###,
                ###"tab\there\n\u00e9t\u00e9\n\u65e5\u672c\n\ud83d\ude00\nnbsp\nbell\u0007\nesc\u001"###,
                ###"b[0m\nls\n\ufeffbom\n---\n...\n--- x\n? x\n?x\n: x\n:x\nx:\nx:\n|x\n>x\na  b\nv\"###,
                ###"u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9"###,
                ###"ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry lo"###,
                ###"ng v\u00e9ry long\nword word word word word word word word word word word word w"###,
                ###"ord word word word word word word word word word word word word word word word w"###,
                ###"ord word\nhttp://example.com/a?b=c&d=e#f\nC:\\path\\x\n-------------------------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"--------------------------------------------\nx\nx\nTrue\nFALSE\n0\n00\n0.0\n1:2"###,
                ###"0\n1:20:30.5\n0b101\n12:30:45\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\ncccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccc\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxx y\ny zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzz\nx\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""Result\n-----------------------------------------------------------------------"###,
                ###"------------------------------------------------------------------------------\n"###,
                ###"tab\there\n\u00e9t\u00e9\n\u65e5\u672c\n\ud83d\ude00\nnbsp\nbell\u0007\nesc\u001"###,
                ###"b[0m\nls\n\ufeffbom\n---\n...\n--- x\n? x\n?x\n: x\n:x\nx:\nx:\n|x\n>x\na  b\nv\"###,
                ###"u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9"###,
                ###"ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry lo"###,
                ###"ng v\u00e9ry long\nword word word word word word word word word word word word w"###,
                ###"ord word word word word word word word word word word word word word word word w"###,
                ###"ord word\nhttp://example.com/a?b=c&d=e#f\nC:\\path\\x\n-------------------------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"--------------------------------------------\nx\nx\nTrue\nFALSE\n0\n00\n0.0\n1:2"###,
                ###"0\n1:20:30.5\n0b101\n12:30:45\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\ncccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccc\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxx y\ny zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzz\nx\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""tab\there\n\u00e9t\u00e9\n\u65e5\u672c\n\ud83d\ude00\n\u00a0nbsp\nbell\u0007\ne"###,
                ###"sc\u001b[0m\n\u2028ls\n\ufeffbom\n---\n...\n--- x\n? x\n?x\n: x\n:x\nx:\nx: \n|x"###,
                ###"\n>x\na  b\nv\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9r"###,
                ###"y long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry lon"###,
                ###"g v\u00e9ry long v\u00e9ry long \nword word word word word word word word word w"###,
                ###"ord word word word word word word word word word word word word word word word w"###,
                ###"ord word word word word \nhttp://example.com/a?b=c&d=e#f\nC:\\path\\x\n\u0001\n\"###,
                ###"r\nx\nx\r\nTrue\nFALSE\n0\n00\n0.0\n1:20\n1:20:30.5\n0b101\n12:30:45\naaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"###,
                ###"nccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccc\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\ny zzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n  \n \n\t\n"###,
                ###"\u0085x\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"["tab\there", "été", "日本", "😀", " nbsp", "bell\u0007", "esc\u001b[0m", " ls", "﻿"###,
                ###"bom", "---", "...", "--- x", "? x", "?x", ": x", ":x", "x:", "x: ", "|x", ">x", "###,
                ###""a  b", "véry long véry long véry long véry long véry long véry long véry long v"###,
                ###"éry long véry long véry long véry long véry long ", "word word word word word wo"###,
                ###"rd word word word word word word word word word word word word word word word wo"###,
                ###"rd word word word word word word word word ", "http://example.com/a?b=c&d=e#f", "###,
                ###""C:\\path\\x", "\u0001", "\r\nx", "x\r", "True", "FALSE", "0", "00", "0.0", "1:2"###,
                ###"0", "1:20:30.5", "0b101", "12:30:45", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"ccccccccccccccccc", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx y", "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  ", " ", "\t", "x"]"###,
            ].joined(),
            expected: [
                ###""tab\there\n\u00e9t\u00e9\n\u65e5\u672c\n\ud83d\ude00\n\u00a0nbsp\nbell\u0007\ne"###,
                ###"sc\u001b[0m\n\u2028ls\n\ufeffbom\n---\n...\n--- x\n? x\n?x\n: x\n:x\nx:\nx: \n|x"###,
                ###"\n>x\na  b\nv\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9r"###,
                ###"y long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry long v\u00e9ry lon"###,
                ###"g v\u00e9ry long v\u00e9ry long \nword word word word word word word word word w"###,
                ###"ord word word word word word word word word word word word word word word word w"###,
                ###"ord word word word word \nhttp://example.com/a?b=c&d=e#f\nC:\\path\\x\n\u0001\n\"###,
                ###"r\nx\nx\r\nTrue\nFALSE\n0\n00\n0.0\n1:20\n1:20:30.5\n0b101\n12:30:45\naaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"###,
                ###"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"###,
                ###"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"###,
                ###"nccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"###,
                ###"cccccccccccccccccccccccccccccccccccccccccccc\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\ny zzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n  \n \n\t\n"###,
                ###"\u0085x\n""###,
            ].joined()
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""{\n  \" lead\": \" lead\",\n  \"#x\": \"#x\",\n  \"&a\": \"&a\",\n  \"* x\": \""###,
                ###"* x\",\n  \"+1\": \"+1\",\n  \"-\": \"-\",\n  \"- x\": \"- x\",\n  \"-.inf\": \""###,
                ###"-.inf\",\n  \"-1\": \"-1\",\n  \"-x\": \"-x\",\n  \".5\": \".5\",\n  \".inf\": \"###,
                ###"".inf\",\n  \".nan\": \".nan\",\n  \"017\": \"017\",\n  \"0o17\": \"0o17\",\n  \"###,
                ###""0x1f\": \"0x1f\",\n  \"1.5\": \"1.5\",\n  \"123\": \"123\",\n  \"1_000\": \"1_0"###,
                ###"00\",\n  \"1e3\": \"1e3\",\n  \"2026-11-23\": \"2026-11-23\",\n  \"2026-11-23 10"###,
                ###":00:00\": \"2026-11-23 10:00:00\",\n  \"2026-11-23T00:00:00+00:00\": \"2026-11-2"###,
                ###"3T00:00:00+00:00\",\n  \"<<\": \"<<\",\n  \"=\": \"=\",\n  \"NO\": \"NO\",\n  \""###,
                ###"Null\": \"Null\",\n  \"Yes\": \"Yes\",\n  \"a #b\": \"a #b\",\n  \"a#b\": \"a#b\"###,
                ###"",\n  \"a: b\": \"a: b\",\n  \"a:b\": \"a:b\",\n  \"no\": \"no\",\n  \"null\": \"###,
                ###""null\",\n  \"off\": \"off\",\n  \"on\": \"on\",\n  \"trail \": \"trail \",\n  \"###,
                ###""yes\": \"yes\",\n  \"~\": \"~\"\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\" lead\"\u0"###,
                ###"01b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\" lead\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"#x\"\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"#x\"\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"&a\"\u001b[39;49;00m:\u001"###,
                ###"b[37m \u001b[39;49;00m\u001b[33m\"&a\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"* x\"\u001b[39;49;00m:\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m\"* x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m\u001b[94m\"+1\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m\"+1\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001"###,
                ###"b[39;49;00m\u001b[94m\"-\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"\"-\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u"###,
                ###"001b[94m\"- x\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"- x\"\u00"###,
                ###"1b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"###,
                ###""-.inf\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"-.inf\"\u001b[39"###,
                ###";49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"-1\""###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"-1\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"-x\"\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"-x\"\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\".5\"\u001b[39;49;00m:\u001"###,
                ###"b[37m \u001b[39;49;00m\u001b[33m\".5\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\".inf\"\u001b[39;49;00m:\u001b[37m \u0"###,
                ###"01b[39;49;00m\u001b[33m\".inf\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m  \u001b[39;49;00m\u001b[94m\".nan\"\u001b[39;49;00m:\u001b[37m \u001b[39;"###,
                ###"49;00m\u001b[33m\".nan\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###" \u001b[39;49;00m\u001b[94m\"017\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m\"017\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m\u001b[94m\"0o17\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"\"0o17\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[94m\"0x1f\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"0x1f\"###,
                ###""\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b"###,
                ###"[94m\"1.5\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"1.5\"\u001b[3"###,
                ###"9;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"123"###,
                ###"\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"123\"\u001b[39;49;00m,"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"1_000\"\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"1_000\"\u001b[39;49;00m,\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"1e3\"\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"1e3\"\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"2026-11-23\"\u001b[39;49;0"###,
                ###"0m:\u001b[37m \u001b[39;49;00m\u001b[33m\"2026-11-23\"\u001b[39;49;00m,\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"2026-11-23 10:00:00\""###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"2026-11-23 10:00:00\"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m"###,
                ###"\"2026-11-23T00:00:00+00:00\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m\"2026-11-23T00:00:00+00:00\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m\u001b[94m\"<<\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m\"<<\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m\u001b[94m\"=\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m\"=\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[94m\"NO\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"NO\"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m"###,
                ###"\"Null\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"Null\"\u001b[39;"###,
                ###"49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"Yes\""###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"Yes\"\u001b[39;49;00m,\u"###,
                ###"001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a #b\"\u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"a #b\"\u001b[39;49;00m,\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a#b\"\u001b[39;49;00m"###,
                ###":\u001b[37m \u001b[39;49;00m\u001b[33m\"a#b\"\u001b[39;49;00m,\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a: b\"\u001b[39;49;00m:\u001b["###,
                ###"37m \u001b[39;49;00m\u001b[33m\"a: b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a:b\"\u001b[39;49;00m:\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m\"a:b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m\u001b[94m\"no\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m\"no\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001"###,
                ###"b[39;49;00m\u001b[94m\"null\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m\"null\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m\u001b[94m\"off\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"off"###,
                ###"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001"###,
                ###"b[94m\"on\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"on\"\u001b[39"###,
                ###";49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"trai"###,
                ###"l \"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"trail \"\u001b[39;49"###,
                ###";00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"yes\"\u"###,
                ###"001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"yes\"\u001b[39;49;00m,\u00"###,
                ###"1b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"~\"\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"~\"\u001b[39;49;00m\u001b[37m\u001b[3"###,
                ###"9;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""' lead': ' lead'\n'#x': '#x'\n'&a': '&a'\n'* x': '* x'\n'+1': '+1'\n'-': '-'\n'"###,
                ###"- x': '- x'\n'-.inf': '-.inf'\n'-1': '-1'\n-x: -x\n'.5': '.5'\n'.inf': '.inf'\n'"###,
                ###".nan': '.nan'\n'017': '017'\n0o17: 0o17\n'0x1f': '0x1f'\n'1.5': '1.5'\n'123': '1"###,
                ###"23'\n'1_000': '1_000'\n1e3: 1e3\n'2026-11-23': '2026-11-23'\n'2026-11-23 10:00:0"###,
                ###"0': '2026-11-23 10:00:00'\n'2026-11-23T00:00:00+00:00': '2026-11-23T00:00:00+00:"###,
                ###"00'\n'<<': '<<'\n'=': '='\n'NO': 'NO'\n'Null': 'Null'\n'Yes': 'Yes'\n'a #b': 'a "###,
                ###"#b'\na#b: a#b\n'a: b': 'a: b'\na:b: a:b\n'no': 'no'\n'null': 'null'\n'off': 'off"###,
                ###"'\n'on': 'on'\n'trail ': 'trail '\n'yes': 'yes'\n'~': '~'\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""\u001b[33m'\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlead\u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[31m \u001b[39;49;00m\u001b[33mlead\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m#x\u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33m#x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m&a\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33m&a\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[33m*\u001b[39;49;00m\u001b[31m \u001b[39;49;00m"###,
                ###"\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m'\u001b[39;49;00m\u001b[33m*\u001b[39;49;00m\u001b[31m \u001b[39;49;"###,
                ###"00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;"###,
                ###"00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m+1\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m+1\u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m-\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m-\u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m"###,
                ###"-\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33"###,
                ###"m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b["###,
                ###"33m-\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33m-.inf\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[33m'\u001b[39;49;00m\u001b[33m-.inf\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m-1\u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m-1\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[94m-x\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m-x\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m.5\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[33m.5\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[33m'\u001b[39;49;00m\u001b[33m.inf\u001b[39;49;00m\u001b[33m'\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m.inf\u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m.nan\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m.nan\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33m017\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[33m017\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n\u001b[94m0o17\u001b[39;49;00m:\u001b[37m \u001b["###,
                ###"39;49;00m0o17\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m0x"###,
                ###"1f\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m'\u001b[39;49;00m\u001b[33m0x1f\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m1.5\u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[33m1.5\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m123\u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33m1_000\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001"###,
                ###"b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m1_000\u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[94m1e3\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m1e3\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[33m2026-11-23\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b"###,
                ###"[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m2026-11-23\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[33m2026-11-23\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m1"###,
                ###"0:00:00\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33m2026-11-23\u001b[39;49;00m\u001b[31m \u001b[3"###,
                ###"9;49;00m\u001b[33m10:00:00\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m2026-11-23T00:00:00+00:00\"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[33m2026-11-23T00:00:00+00:00\u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m"###,
                ###"<<\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m'\u001b[39;49;00m\u001b[33m<<\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33m=\u001b[39;49;00m\u0"###,
                ###"01b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\"###,
                ###"u001b[33m=\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[33m'\u001b[39;49;00m\u001b[33mNO\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mNO\u001b[39;"###,
                ###"49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[3"###,
                ###"9;49;00m\u001b[33mNull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u0"###,
                ###"01b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mNull\u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"3mYes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[33mYes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33ma\u001b[39;49;00"###,
                ###"m\u001b[31m \u001b[39;49;00m\u001b[33m#b\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33ma\u001b[39;4"###,
                ###"9;00m\u001b[31m \u001b[39;49;00m\u001b[33m#b\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\na#b:\u001b[37m \u001b[39;49;00ma#b\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33ma:\u001b[39;49;00m\u001b[3"###,
                ###"1m \u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b"###,
                ###"[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33ma:\u001b[39;49;00m\u00"###,
                ###"1b[31m \u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[94ma:b\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0ma:b\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33mno\u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[33mno\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33mnull\u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"3mnull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[33m'\u001b[39;49;00m\u001b[33moff\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m"###,
                ###":\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33moff\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[33mon\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b["###,
                ###"39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mon\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[39;49;00m\u001b[33mtrai"###,
                ###"l\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mtrail\u001b[39;49;00m\u0"###,
                ###"01b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;0"###,
                ###"0m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;"###,
                ###"49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[33m'\u001b[3"###,
                ###"9;49;00m\u001b[33m~\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m~\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###"" lead    #x    &a    * x    +1    -    - x    -.inf    -1    -x    .5    .inf  "###,
                ###"  .nan    017    0o17    0x1f    1.5    123    1_000    1e3    2026-11-23    202"###,
                ###"6-11-23 10:00:00    2026-11-23T00:00:00+00:00    <<    =    NO    Null    Yes   "###,
                ###" A #b    A#b    A: b    A:b    No    Off    On    Trail     ~\n-------  ----  --"###,
                ###"--  -----  ----  ---  -----  -------  ----  ----  ----  ------  ------  -----  -"###,
                ###"-----  ------  -----  -----  -------  -----  ------------  ---------------------"###,
                ###"  ---------------------------  ----  ---  ----  ------  -----  ------  -----  --"###,
                ###"----  -----  ----  -----  ----  --------  ---\nlead     #x    &a    * x    +1   "###,
                ###" -    - x    -.inf    -1    -x    .5    .inf    .nan    017    0o17    0x1f    1"###,
                ###".5    123    1_000    1e3    2026-11-23    2026-11-23 10:00:00    2026-11-23T00:"###,
                ###"00:00+00:00    <<    =    NO    null    yes    a #b    a#b    a: b    a:b    no "###,
                ###"   off    on    trail     ~\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""Yes    No    On    Off    NO    Null    ~    123    1e3    0x1f    0o17    017 "###,
                ###"   1_000    2026-11-23    2026-11-23T00:00:00+00:00    2026-11-23 10:00:00    1."###,
                ###"5    -1    +1    .5    .inf    -.inf    .nan    <<    =     lead    Trail     A:"###,
                ###" b    A:b    #x    A #b    A#b    - x    -x    -    * x    &a\n-----  ----  ----"###,
                ###"  -----  ----  ------  ---  -----  -----  ------  ------  -----  -------  ------"###,
                ###"------  ---------------------------  ---------------------  -----  ----  ----  -"###,
                ###"---  ------  -------  ------  ----  ---  -------  --------  ------  -----  ---- "###,
                ###" ------  -----  -----  ----  ---  -----  ----\nYes    no    on    off    NO    N"###,
                ###"ull    ~    123    1e3    0x1f    0o17    017    1_000    2026-11-23    2026-11-"###,
                ###"23T00:00:00+00:00    2026-11-23 10:00:00    1.5    -1    +1    .5    .inf    -.i"###,
                ###"nf    .nan    <<    =    lead     trail     a: b    a:b    #x    a #b    a#b    "###,
                ###"- x    -x    -    * x    &a\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###"" lead\t#x\t&a\t* x\t+1\t-\t- x\t-.inf\t-1\t-x\t.5\t.inf\t.nan\t017\t0o17\t0x1f\"###,
                ###"t1.5\t123\t1_000\t1e3\t2026-11-23\t2026-11-23 10:00:00\t2026-11-23T00:00:00+00:0"###,
                ###"0\t<<\t=\tNO\tNull\tYes\ta #b\ta#b\ta: b\ta:b\tno\tnull\toff\ton\ttrail \tyes\t~"###,
                ###"\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"yes": "yes", "no": "no", "on": "on", "off": "off", "Yes": "Yes", "NO": "NO", ""###,
                ###"null": "null", "Null": "Null", "~": "~", "123": "123", "1e3": "1e3", "0x1f": "0x"###,
                ###"1f", "0o17": "0o17", "017": "017", "1_000": "1_000", "2026-11-23": "2026-11-23","###,
                ###" "2026-11-23T00:00:00+00:00": "2026-11-23T00:00:00+00:00", "2026-11-23 10:00:00""###,
                ###": "2026-11-23 10:00:00", "1.5": "1.5", "-1": "-1", "+1": "+1", ".5": ".5", ".inf"###,
                ###"": ".inf", "-.inf": "-.inf", ".nan": ".nan", "<<": "<<", "=": "=", " lead": " le"###,
                ###"ad", "trail ": "trail ", "a: b": "a: b", "a:b": "a:b", "#x": "#x", "a #b": "a #b"###,
                ###"", "a#b": "a#b", "- x": "- x", "-x": "-x", "-": "-", "* x": "* x", "&a": "&a"}"###,
            ].joined(),
            expected: [
                ###""yes\tno\ton\toff\tYes\tNO\tnull\tNull\t~\t123\t1e3\t0x1f\t0o17\t017\t1_000\t202"###,
                ###"6-11-23\t2026-11-23T00:00:00+00:00\t2026-11-23 10:00:00\t1.5\t-1\t+1\t.5\t.inf\t"###,
                ###"-.inf\t.nan\t<<\t=\t lead\ttrail \ta: b\ta:b\t#x\ta #b\ta#b\t- x\t-x\t-\t* x\t&a"###,
                ###"\n""###,
            ].joined()
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""{\n  \"\": 1,\n  \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": 2,\n  "###,
                ###"\"z\\nz\": 3\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"\"\u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1\u001b[39;49;00m,\u001b[37m\u001b"###,
                ###"[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"xxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxx\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m2\"###,
                ###"u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[9"###,
                ###"4m\"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m3\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""? ''\n: 1\n? xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n: 2\n? 'z\n\n "###,
                ###" z'\n: 3\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m1\u001b[37m\u001b[39;"###,
                ###"49;00m\n?\u001b[37m \u001b[39;49;00mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxx\u001b[37m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m2\u001b[37m\u001b["###,
                ###"39;49;00m\n?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mz\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###" \u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m3\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""    Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx    Z\n                  "###,
                ###"                                                                                "###,
                ###"                                        z\n--  ---------------------------------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"-------------------  ---\n1   2                                                 "###,
                ###"                                                                                "###,
                ###"    3\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: [
                ###""    Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx    Z\n                  "###,
                ###"                                                                                "###,
                ###"                                        z\n--  ---------------------------------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"-------------------  ---\n1   2                                                 "###,
                ###"                                                                                "###,
                ###"    3\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: ###""1\t2\t3\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"": 1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": 2, "z\nz": 3}"###,
            ].joined(),
            expected: ###""1\t2\t3\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: [
                ###""{\n  \"\": \"Null\",\n  \"type\": \"http://example.com/a?b=c&d=e#f\",\n  \"xxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": [\n    1e+20\n  ]\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"\"\u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"Null\"\u001b[39;49;00m,\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"type\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m\u001b[33m\"http://example.com/a?b=c&d=e#f\"\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"xx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\u001b[39;49;00m:\u001b[37m \u"###,
                ###"001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b["###,
                ###"34m1e+20\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m"###,
                ###"]\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: [
                ###""? ''\n: 'Null'\ntype: http://example.com/a?b=c&d=e#f\n? xxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxx\n: - 1.0e+20\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: [
                ###""?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[33mNull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[94mtype\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mhttp://exam"###,
                ###"ple.com/a?b=c&d=e#f\u001b[37m\u001b[39;49;00m\n?\u001b[37m \u001b[39;49;00mxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u001b[37m\u001b[39;49;00m\n:\u001b"###,
                ###"[37m \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m1.0e+20\u001b[37m\u001b[39;49;0"###,
                ###"0m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: ###""\n----\nNull\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: ###""\n----\nNull\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: ###""Null\thttp://example.com/a?b=c&d=e#f\t1\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"": "Null", "type": "http://example.com/a?b=c&d=e#f", "xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx": [1e+20]}"###,
            ].joined(),
            expected: ###""Null\thttp://example.com/a?b=c&d=e#f\t1\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: ###""[\n  \"#\\n \",\n  [\n    \"0\",\n    123456789012,\n    3.5\n  ]\n]\n""###
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"#\\n \"\u0"###,
                ###"01b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m[\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m\"0\"\u001b[39;49;00m"###,
                ###",\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[34m12345678901"###,
                ###"2\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u00"###,
                ###"1b[34m3.5\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m]\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: ###""- \"#\\n \"\n- - '0'\n  - 123456789012\n  - 3.5\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33m#\u001b[39;49"###,
                ###";00m\u001b[33m\\n\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m\"\u001b[3"###,
                ###"9;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m-\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m0\u001b[39;49;00m\u001b[33m'\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m"###,
                ###" \u001b[39;49;00m123456789012\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;4"###,
                ###"9;00m-\u001b[37m \u001b[39;49;00m3.5\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: [
                ###""Result    Column1    Column2       Column3\n--------  ---------  ------------  "###,
                ###"---------\n#\n          0          123456789012  3.5\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: [
                ###""Result    Column1    Column2       Column3\n--------  ---------  ------------  "###,
                ###"---------\n#\n          0          123456789012  3.5\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: ###""#\n \n0\t123456789012\t3.5\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"["#\n ", ["0", 123456789012, 3.5]]"###,
            expected: ###""#\n \n0\t123456789012\t3.5\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: [
                ###""{\n  \"\": 0.1,\n  \"Name\": {\n    \"id\": \" \"\n  },\n  \"a b\": [\n    {},\"###,
                ###"n    {},\n    \" -a\",\n    {\n      \"Name\": \"?x\",\n      \"tags\": null\n  "###,
                ###"  }\n  ]\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"\"\u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m0.1\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u0"###,
                ###"01b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;"###,
                ###"00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\" \"\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m},\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[3"###,
                ###"9;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{},\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m\" -a\"\u001b[39;49;"###,
                ###"00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u"###,
                ###"001b[37m \u001b[39;49;00m\u001b[33m\"?x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b["###,
                ###"37m \u001b[39;49;00m\u001b[34mnull\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m    \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;4"###,
                ###"9;00m]\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: [
                ###""? ''\n: 0.1\nName:\n  id: ' '\na b:\n- {}\n- {}\n- ' -a'\n- Name: ?x\n  tags: n"###,
                ###"ull\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: [
                ###""?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[94mName\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###" \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m'\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[94ma b\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n"###,
                ###"-\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;"###,
                ###"49;00m{}\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m-a\u001b[39;49;00m\u001b[33m'\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[94mN"###,
                ###"ame\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m?x\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;"###,
                ###"00mnull\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: ###""\n---\n0.1\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: ###""\n---\n0.1\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: ###""0.1\t\t4\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"a b": [{}, {}, " -a", {"Name": "?x", "tags": null}], "": 0.1, "Name": {"id": ""###,
                ###" "}}"###,
            ].joined(),
            expected: ###""4\t0.1\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""{\n  \"k:\": \"\\r\\nx\"\n}\n""###
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"k:\"\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\\r\\nx\"\u001b[39;49;00m\u001"###,
                ###"b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""'k:': \"\\r\\nx\"\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: [
                ###""\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33m\\r\u001b[3"###,
                ###"9;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m\"\u00"###,
                ###"1b[39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""K:\n----\nx\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""K:\n----\nx\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""\r\nx\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"{"k:": "\r\nx"}"###,
            expected: ###""\r\nx\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""[\n  2048,\n  {\n    \"Name\": 2.5e-05,\n    \"k:\": [\n      true,\n      fals"###,
                ###"e,\n      2.5e-05\n    ],\n    \"z\\nz\": {\n      \"\": \"1.5\",\n      \"locat"###,
                ###"ion\": \"\\nx\",\n      \"yes\": 0.1\n    },\n    \"\u043a\u043b\u044e\u0447\": "###,
                ###"0\n  },\n  false\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34m2048\u001b[3"###,
                ###"9;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\"###,
                ###"u001b[37m \u001b[39;49;00m\u001b[34m2.5e-05\u001b[39;49;00m,\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\"###,
                ###"u001b[34mtrue\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b"###,
                ###"[39;49;00m\u001b[34mfalse\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"      \u001b[39;49;00m\u001b[34m2.5e-05\u001b[39;49;00m\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u0"###,
                ###"01b[39;49;00m\u001b[94m\"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"\"\u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"1.5\"\u001b[39;49;00m,\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"location\"\u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\\nx\"\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"yes\"\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[34m0.1\u001b[39;49;00m\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  "###,
                ###"  \u001b[39;49;00m\u001b[94m\"\u043a\u043b\u044e\u0447\"\u001b[39;49;00m:\u001b["###,
                ###"37m \u001b[39;49;00m\u001b[34m0\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[34mfalse\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39"###,
                ###";49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""- 2048\n- Name: 2.5e-05\n  'k:':\n  - true\n  - false\n  - 2.5e-05\n  ? 'z\n\n "###,
                ###"   z'\n  : ? ''\n    : '1.5'\n    location: '\n\n      x'\n    'yes': 0.1\n  \u0"###,
                ###"43a\u043b\u044e\u0447: 0\n- false\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m2048\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b["###,
                ###"39;49;00m\u001b[94mName\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m2.5e-05\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00mtrue\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00mfalse\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m2.5e-0"###,
                ###"5\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m?\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33mz\u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m:\u001b[37m \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33"###,
                ###"m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m    \u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[33m1.5\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m    \u001b[39;49;00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001"###,
                ###"b[39;49;00m\u001b[94m\u043a\u043b\u044e\u0447\u001b[39;49;00m:\u001b[37m \u001b["###,
                ###"39;49;00m0\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00mfalse\u001b[37"###,
                ###"m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""Result    Name     \u041a\u043b\u044e\u0447\n--------  -------  ------\n2048\n "###,
                ###"         2.5e-05  0\nFalse\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: [
                ###""Result    Name     \u041a\u043b\u044e\u0447\n--------  -------  ------\n2048\n "###,
                ###"         2.5e-05  0\nFalse\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: ###""2048\n2.5e-05\t3\t\t0\nfalse\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[2048, {"Name": 2.5e-05, "ключ": 0, "k:": [true, false, 2.5e-05], "z\nz": {"loca"###,
                ###"tion": "\nx", "yes": 0.1, "": "1.5"}}, false]"###,
            ].joined(),
            expected: ###""2048\n2.5e-05\t0\t3\t\nfalse\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: [
                ###""{\n  \"0o17\": {\n    \"#k\": 1e-07,\n    \"location\": {\n      \"Name\": \"{x"###,
                ###"\"\n    }\n  },\n  \"Name\": {\n    \"yes\": {\n      \"id\": \"x: \",\n      \""###,
                ###"type\": \"x\\r\",\n      \"z\\nz\": 0.1,\n      \"\u043a\u043b\u044e\u0447\": 3."###,
                ###"5\n    }\n  },\n  \"k:\": \"a#b\",\n  \"x,y\": {\n    \"#k\": [\n      1e+20,\n "###,
                ###"     \"null\"\n    ],\n    \"id\": \"\"\n  }\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"0o17\"\u00"###,
                ###"1b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###"   \u001b[39;49;00m\u001b[94m\"#k\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\"###,
                ###"u001b[34m1e-07\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b["###,
                ###"39;49;00m\u001b[94m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u00"###,
                ###"1b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"Name\"\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"{x\"\u001b[39;49;00m\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;"###,
                ###"00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"yes\"\u001b[39;49;00m:\u"###,
                ###"001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;"###,
                ###"49;00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"x:"###,
                ###" \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m"###,
                ###"\u001b[94m\"type\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"x\\r\""###,
                ###"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u0"###,
                ###"01b[94m\"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m0.1\u001b["###,
                ###"39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m"###,
                ###"\"\u043a\u043b\u044e\u0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"4m3.5\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[33m\"a#b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m  \u001b[39;49;00m\u001b[94m\"x,y\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"#k\""###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m      \u001b[39;49;00m\u001b[34m1e+20\u001b[39;49;00m,\u001b[37m\u001b[39;49;"###,
                ###"00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"null\"\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m    \u001b[39;49;00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u001b["###,
                ###"39;49;00m\u001b[33m\"\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: [
                ###""0o17:\n  '#k': 1.0e-07\n  location:\n    Name: '{x'\nName:\n  'yes':\n    id: '"###,
                ###"x: '\n    type: \"x\\r\"\n    ? 'z\n\n      z'\n    : 0.1\n    \u043a\u043b\u044"###,
                ###"e\u0447: 3.5\n'k:': a#b\nx,y:\n  '#k':\n  - 1.0e+20\n  - 'null'\n  id: ''\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: [
                ###""\u001b[94m0o17\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m1.0e-07\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m  \u001b[39;49;00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m    \u001b[39;49;00m\u001b[94mName\u001b[39;49;00m:\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m{x\u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[94mName\u001b[39;49;00m:\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m    \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mx:\u001b[39;49;00m\u001b[31m \u001b["###,
                ###"39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u"###,
                ###"001b[39;49;00m\u001b[94mtype\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m\"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m\\r\u001b[39;49;00m\u00"###,
                ###"1b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;0"###,
                ###"0m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mz\u001b[39;49"###,
                ###";00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u00"###,
                ###"1b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m    \u001b[39;49;00m:\u001b[37m \u001b[39;49;00m0.1\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\u043a\u043b\u044"###,
                ###"e\u0447\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m3.5\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00ma#b\u001b[37m\u001b[39;49;00m\nx,y:\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m"###,
                ###"#k\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m1.0e+20\u001b[37m\u001b[39;49;"###,
                ###"00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[3"###,
                ###"9;49;00m\u001b[33mnull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: ###""K:\n----\na#b\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: ###""K:\n----\na#b\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: ###""\t\ta#b\t\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"x,y": {"#k": [1e+20, "null"], "id": ""}, "k:": "a#b", "Name": {"yes": {"ключ":"###,
                ###" 3.5, "type": "x\r", "id": "x: ", "z\nz": 0.1}}, "0o17": {"location": {"Name": ""###,
                ###"{x"}, "#k": 1e-07}}"###,
            ].joined(),
            expected: ###""\ta#b\t\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"Name\": \"C:\\\\path\\\\x\",\n    \"etag\": {\n      \"location\""###,
                ###": \"--- x\",\n      \"status\": \",x\"\n    },\n    \"location\": [\n      \"x\\"###,
                ###"ny\",\n      \"b -::'#\"\n    ],\n    \"status\": \"xaa:\",\n    \"yes\": \"?x\""###,
                ###"\n  },\n  [],\n  0.1,\n  [\n    [\n      \"y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\n    ]\n  ]\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m\"C:\\\\path\\\\x\"\u001b[39;49;00m,\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"etag\"\u001b[39;49;00m:\u"###,
                ###"001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;"###,
                ###"49;00m\u001b[94m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m\"--- x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[3"###,
                ###"9;49;00m\u001b[94m\"status\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m\",x\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;0"###,
                ###"0m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"locati"###,
                ###"on\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m      \u001b[39;49;00m\u001b[33m\"x\\ny\"\u001b[39;49;00m,\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"b -::'#\"\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"status\"\u001b[39;49;00m:\u0"###,
                ###"01b[37m \u001b[39;49;00m\u001b[33m\"xaa:\"\u001b[39;49;00m,\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"yes\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[33m\"?x\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m[],\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34m0.1\u00"###,
                ###"1b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m[\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m      \u001b[39;49;00m\u001b[33m\"y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m]\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m]\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;0"###,
                ###"0m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""- Name: C:\\path\\x\n  etag:\n    location: '--- x'\n    status: ',x'\n  locati"###,
                ###"on:\n  - 'x\n\n    y'\n  - b -::'#\n  status: 'xaa:'\n  'yes': ?x\n- []\n- 0.1\n"###,
                ###"- - - y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzz\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[94mName\u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00mC:\\path\\x\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b"###,
                ###"[94metag\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;"###,
                ###"00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33m---\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx\"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"    \u001b[39;49;00m\u001b[94mstatus\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[33m,x\u001b[39;49;00m\u001b[33m'\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mlocation\u00"###,
                ###"1b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u0"###,
                ###"01b[33my\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00mb -::'#\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mstatus\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mxaa:\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m?x\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39"###,
                ###";49;00m[]\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u"###,
                ###"001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m-\u001b["###,
                ###"37m \u001b[39;49;00my zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""Name       Status    Yes    Result    Column1\n---------  --------  -----  ----"###,
                ###"----  --------------------------------------------------------------------------"###,
                ###"----------------------\nC:\\path\\x  xaa:      ?x\n\n                           "###,
                ###" 0.1\n                                      ['y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: [
                ###""Status    Yes    Name       Result    Column1\n--------  -----  ---------  ----"###,
                ###"----  --------------------------------------------------------------------------"###,
                ###"----------------------\nxaa:      ?x     C:\\path\\x\n\n                        "###,
                ###"    0.1\n                                      ['y zzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: ###""C:\\path\\x\t\t2\txaa:\t?x\n\n0.1\n1\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"status": "xaa:", "yes": "?x", "location": ["x\ny", "b -::'#"], "etag": {"stat"###,
                ###"us": ",x", "location": "--- x"}, "Name": "C:\\path\\x"}, [], 0.1, [["y zzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"z"]]]"###,
            ].joined(),
            expected: ###""xaa:\t?x\t2\t\tC:\\path\\x\n\n0.1\n1\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"["a:b", []]"###,
            expected: ###""[\n  \"a:b\",\n  []\n]\n""###
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"["a:b", []]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"a:b\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m[]\u001b[37m"###,
                ###"\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"["a:b", []]"###,
            expected: ###""- a:b\n- []\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"["a:b", []]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00ma:b\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m[]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"["a:b", []]"###,
            expected: ###""Result\n--------\na:b\n\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"["a:b", []]"###,
            expected: ###""Result\n--------\na:b\n\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"["a:b", []]"###,
            expected: ###""a:b\n\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"["a:b", []]"###,
            expected: ###""a:b\n\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: [
                ###""{\n  \"sku\": {},\n  \"tags\": [\n    \"\\\"-\\\"x'a\\\"\",\n    0.1,\n    \": "###,
                ###"x\",\n    {}\n  ]\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"sku\"\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"  \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"[\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m\"\\\"-\\\""###,
                ###"x'a\\\"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49"###,
                ###";00m\u001b[34m0.1\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u00"###,
                ###"1b[39;49;00m\u001b[33m\": x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m    \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;0"###,
                ###"0m]\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: ###""sku: {}\ntags:\n- '\"-\"x''a\"'\n- 0.1\n- ': x'\n- {}\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: [
                ###""\u001b[94msku\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[94mtags\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n-\u001b[37m \"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m\"-\"x\u001b[39;49;00m\u001b"###,
                ###"[33m''\u001b[39;49;00m\u001b[33ma\"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[39;49;"###,
                ###"00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m:\u001b[39"###,
                ###";49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[3"###,
                ###"9;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m{}\u001b[37m\u00"###,
                ###"1b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: ###""\t4\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"{"tags": ["\"-\"x'a\"", 0.1, ": x", {}], "sku": {}}"###,
            expected: ###""4\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""[\n  true,\n  {\n    \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": \""###,
                ###"---\"\n  },\n  {}\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34mtrue\u001b[3"###,
                ###"9;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"xxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxx\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m\"---\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{}\u001b[37m\u001b[39"###,
                ###";49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""- true\n- ? xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n  : '---'\n- {}"###,
                ###"\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00mtrue\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b["###,
                ###"39;49;00m?\u001b[37m \u001b[39;49;00mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxx\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001"###,
                ###"b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m---\u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m{}\u001b[3"###,
                ###"7m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""Result    Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n--------  -------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"---------------------------------------------\nTrue\n          ---\n\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: [
                ###""Result    Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n--------  -------"###,
                ###"--------------------------------------------------------------------------------"###,
                ###"---------------------------------------------\nTrue\n          ---\n\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: ###""true\n---\n\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[true, {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": "---"}, {}]"###,
            ].joined(),
            expected: ###""true\n---\n\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: [
                ###""[\n  {\n    \"Name\": [\n      \"-\\\"b-\\\"- x\",\n      \"017\",\n      2048\"###,
                ###"n    ],\n    \"a b\": {},\n    \"id\": []\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m"###,
                ###"\u001b[33m\"-\\\"b-\\\"- x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m      \u001b[39;49;00m\u001b[33m\"017\"\u001b[39;49;00m,\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m      \u001b[39;49;00m\u001b[34m2048\u001b[39;49;00m\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b[37m \u001b[3"###,
                ###"9;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"###,
                ###""id\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;"###,
                ###"00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: ###""- Name:\n  - -\"b-\"- x\n  - '017'\n  - 2048\n  a b: {}\n  id: []\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[94mName\u001b[39;49;00m:\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m-\"b-\"- x\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33m017\u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;4"###,
                ###"9;00m2048\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94ma b\u"###,
                ###"001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m  \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u"###,
                ###"001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: ###""3\t\t0\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"[{"id": [], "Name": ["-\"b-\"- x", "017", 2048], "a b": {}}]"###,
            expected: ###""0\t3\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: [
                ###""[\n  3.5,\n  {\n    \"location\": {\n      \"tags\": \".inf\",\n      \"type\":"###,
                ###" \":a b \",\n      \"yes\": 0.1\n    }\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34m3.5\u001b[39"###,
                ###";49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"location\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b"###,
                ###"[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m\".inf\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39"###,
                ###";49;00m\u001b[94m\"type\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"###,
                ###"":a b \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;4"###,
                ###"9;00m\u001b[94m\"yes\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m0.1\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n]"###,
                ###"\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: ###""- 3.5\n- location:\n    tags: '.inf'\n    type: ':a b '\n    'yes': 0.1\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m3.5\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m    \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[33m.inf\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mtype\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m:a\u"###,
                ###"001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[31m \"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[39;49;00m"###,
                ###"\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: ###""Result\n--------\n3.5\n\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: ###""Result\n--------\n3.5\n\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: ###""3.5\n\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"[3.5, {"location": {"tags": ".inf", "yes": 0.1, "type": ":a b "}}]"###,
            expected: ###""3.5\n\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: [
                ###""{\n  \"123\": null,\n  \"status\": {},\n  \"tags\": [\n    {\n      \"Name\": \"###,
                ###""a#b\",\n      \"k:\": true,\n      \"yes\": 3.5\n    },\n    {\n      \"locatio"###,
                ###"n\": \"\u00a0nbsp\",\n      \"sku\": 1e+16,\n      \"type\": \"- - b '-\",\n    "###,
                ###"  \"\u043a\u043b\u044e\u0447\": \"say \\\"hi\\\"\"\n    }\n  ]\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"123\"\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34mnull\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"status\"\u001b[39;49;0"###,
                ###"0m:\u001b[37m \u001b[39;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b["###,
                ###"39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m      \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[37m \u0"###,
                ###"01b[39;49;00m\u001b[33m\"a#b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m      \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00m\u001b[34mtrue\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    "###,
                ###"  \u001b[39;49;00m\u001b[94m\"yes\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\"###,
                ###"u001b[34m3.5\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;"###,
                ###"49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"location\"\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u00a0nbsp\"\u001b[39;49;00m,\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"sku\"\u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1e+16\u001b[39;49;00m,\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"type\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m\u001b[33m\"- - b '-\"\u001b[39;49;00m,\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"\u043a\u043b\u044e\u"###,
                ###"0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"say \\\"hi\\\"\"\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m]\u001b[37m\u001b[39;49;00m\n}\"###,
                ###"u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: [
                ###""'123': null\nstatus: {}\ntags:\n- Name: a#b\n  'k:': true\n  'yes': 3.5\n- loca"###,
                ###"tion: \u00a0nbsp\n  sku: 1.0e+16\n  type: '- - b ''-'\n  \u043a\u043b\u044e\u044"###,
                ###"7: say \"hi\"\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: [
                ###""\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00mnull\u001b[37m\u001b[39;49;00m\n\u001b[94mstatus"###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[94mtags\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00"###,
                ###"m\u001b[94mName\u001b[39;49;00m:\u001b[37m \u001b[39;49;00ma#b\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u0"###,
                ###"01b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mtrue\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m3"###,
                ###".5\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[94mlocation\u00"###,
                ###"1b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[04m\u001b[91m\u00a0\u001b[39;49;0"###,
                ###"0mnbsp\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94msku\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m1.0e+16\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m\u001b[94mtype\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[33m-\u001b[39;49;00m\u001b[31m \u001b[39;49;00"###,
                ###"m\u001b[33m-\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mb\u001b[39;49;0"###,
                ###"0m\u001b[31m \u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m-\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39"###,
                ###";49;00m\u001b[94m\u043a\u043b\u044e\u0447\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00msay \"hi\"\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: ###""None\t\t2\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"tags": [{"Name": "a#b", "yes": 3.5, "k:": true}, {"sku": 1e+16, "type": "- - b"###,
                ###" '-", "location": " nbsp", "ключ": "say \"hi\""}], "123": null, "status": {}}"###,
            ].joined(),
            expected: ###""2\tNone\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"["\"- #"]"###,
            expected: ###""[\n  \"\\\"- #\"\n]\n""###
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"["\"- #"]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"\\\"- #\"\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"["\"- #"]"###,
            expected: ###""- '\"- #'\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"["\"- #"]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m\"-\u001b[39;4"###,
                ###"9;00m\u001b[31m \u001b[39;49;00m\u001b[33m#\u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"["\"- #"]"###,
            expected: ###""Result\n--------\n\"- #\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"["\"- #"]"###,
            expected: ###""Result\n--------\n\"- #\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"["\"- #"]"###,
            expected: ###""\"- #\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"["\"- #"]"###,
            expected: ###""\"- #\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""[\n  [\n    [\n      \"':\",\n      false,\n      \"|x\",\n      \"x':-x\"\n   "###,
                ###" ],\n    [\n      \" \",\n      true,\n      \"#x\"\n    ],\n    {\n      \"\": "###,
                ###"2.5e-05,\n      \"123\": \",x\",\n      \"id\": \"\",\n      \"status\": 1\n    "###,
                ###"},\n    \"- \\n##\"\n  ],\n  \"FALSE\",\n  [\n    {\n      \"#k\": 2.5e-05,\n   "###,
                ###"   \"123\": \"a  b\",\n      \"id\": 123456789012,\n      \"tags\": 3.5\n    }\n"###,
                ###"  ],\n  \"# xa#xa'\"\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m[\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m    "###,
                ###"  \u001b[39;49;00m\u001b[33m\"':\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m      \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m,\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"|x\"\u001b[39;49;00m,\u00"###,
                ###"1b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"x':-x\"\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m      \u001b[39;49;00m\u001b[33m\" \"\u001b[39;49;00m,\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[34mtrue\u001b[39;49;00m,\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"#x\"\u001b[39;4"###,
                ###"9;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m      \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;0"###,
                ###"0m\u001b[34m2.5e-05\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      "###,
                ###"\u001b[39;49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u0"###,
                ###"01b[33m\",x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b"###,
                ###"[39;49;00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"\"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00"###,
                ###"m\u001b[94m\"status\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1\u00"###,
                ###"1b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m\"- \\n##\"\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m],\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"FALSE\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u0"###,
                ###"01b[39;49;00m\u001b[94m\"#k\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"34m2.5e-05\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39"###,
                ###";49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\""###,
                ###"a  b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;"###,
                ###"00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1234567"###,
                ###"89012\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;0"###,
                ###"0m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m3.5\u0"###,
                ###"01b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m\u001b[33m\"# xa#xa'\"\u001b[39;49;00m\u001b[37m\u001b"###,
                ###"[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""- - - ''':'\n    - false\n    - '|x'\n    - x':-x\n  - - ' '\n    - true\n    -"###,
                ###" '#x'\n  - ? ''\n    : 2.5e-05\n    '123': ',x'\n    id: ''\n    status: 1\n  - "###,
                ###"\"- \\n##\"\n- 'FALSE'\n- - '#k': 2.5e-05\n    '123': a  b\n    id: 123456789012"###,
                ###"\n    tags: 3.5\n- '# xa#xa'''\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m-\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m:\u001b[39"###,
                ###";49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u00"###,
                ###"1b[39;49;00m-\u001b[37m \u001b[39;49;00mfalse\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m    \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[33m|x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m    \u001b[39;49;00m-\u001b[37m \u001b[39;49;00mx':-x\u001b[37m\u001b"###,
                ###"[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m-\u001b[37m "###,
                ###"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m-\u00"###,
                ###"1b[37m \u001b[39;49;00mtrue\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;4"###,
                ###"9;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#x\u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001"###,
                ###"b[39;49;00m-\u001b[37m \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###"   \u001b[39;49;00m:\u001b[37m \u001b[39;49;00m2.5e-05\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[33m,x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mstatus\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m1\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33m-\u001"###,
                ###"b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[33m##\"###,
                ###"u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mFALSE\u001b[39;49;00m\u0"###,
                ###"01b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m"###,
                ###"-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m2.5e-05\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m"###,
                ###"123\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00ma  b\u"###,
                ###"001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mid\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m123456789012\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m    \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"3.5\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[33m#\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mxa#xa\u001"###,
                ###"b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u00"###,
                ###"1b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""Column1                                                          Column2       "###,
                ###"     Column3                                            Column4    Result\n-----"###,
                ###"----------------------------------------------------------  -----------------  -"###,
                ###"------------------------------------------------  ---------  --------\n[\"':\", "###,
                ###"False, '|x', \"x':-x\"]                                     [' ', True, '#x']  {"###,
                ###"'': 2.5e-05, 'id': '', '123': ',x', 'status': 1}  -\n                           "###,
                ###"                                                                                "###,
                ###"                            ##\n                                                "###,
                ###"                                                                                "###,
                ###"                  FALSE\n{'tags': 3.5, '123': 'a  b', '#k': 2.5e-05, 'id': 12345"###,
                ###"6789012}\n                                                                      "###,
                ###"                                                                            # xa"###,
                ###"#xa'\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: [
                ###""Column1                                                                       C"###,
                ###"olumn2            Column3                                                       "###,
                ###"  Column4    Result\n-----------------------------------------------------------"###,
                ###"-----------------  -----------------  ------------------------------------------"###,
                ###"--------------------  ---------  --------\n[\"':\", False, '|x', \"x':-x\"]     "###,
                ###"                                             [' ', True, '#x']  OrderedDict({'':"###,
                ###" 2.5e-05, 'id': '', '123': ',x', 'status': 1})  -\n                             "###,
                ###"                                                                                "###,
                ###"                                                    ##\n                        "###,
                ###"                                                                                "###,
                ###"                                                                    FALSE\nOrder"###,
                ###"edDict({'tags': 3.5, '123': 'a  b', '#k': 2.5e-05, 'id': 123456789012})\n       "###,
                ###"                                                                                "###,
                ###"                                                                                "###,
                ###"     # xa#xa'\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: ###""4\t3\t\t- \n##\nFALSE\n\n# xa#xa'\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[[["':", false, "|x", "x':-x"], [" ", true, "#x"], {"": 2.5e-05, "id": "", "123""###,
                ###": ",x", "status": 1}, "- \n##"], "FALSE", [{"tags": 3.5, "123": "a  b", "#k": 2."###,
                ###"5e-05, "id": 123456789012}], "# xa#xa'"]"###,
            ].joined(),
            expected: ###""4\t3\t\t- \n##\nFALSE\n\n# xa#xa'\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: [
                ###""[\n  \"%x\",\n  null,\n  {\n    \"123\": {\n      \"123\": \"b:#\"\n    },\n   "###,
                ###" \"etag\": [\n      false,\n      \"\\n:x \",\n      \"<<\",\n      \"x\\n y\"\n"###,
                ###"    ],\n    \"k:\": {\n      \"\": \",x\",\n      \"k:\": \"\\t\"\n    },\n    \"###,
                ###""}x\": [\n      1e+20,\n      \"\",\n      \"esc\\u001b[0m\",\n      \"#x\"\n   "###,
                ###" ],\n    \"\u043a\u043b\u044e\u0447\": [\n      \"&a\",\n      \"#\\n \\\"-a\\\""###,
                ###"b\"\n    ]\n  },\n  0.1\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m\"%x\"\u001b"###,
                ###"[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34mnul"###,
                ###"l\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"123\"\u001b[39;"###,
                ###"49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \"###,
                ###"u001b[39;49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u00"###,
                ###"1b[33m\"b:#\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39"###,
                ###";49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"e"###,
                ###"tag\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m      \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m,\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"\\n:x \"\u001b[39;49;00m,\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"<<\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[3"###,
                ###"3m\"x\\n y\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;"###,
                ###"49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"k:"###,
                ###"\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m      \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m\",x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    "###,
                ###"  \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m\"\\t\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b["###,
                ###"39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"###,
                ###""}x\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m      \u001b[39;49;00m\u001b[34m1e+20\u001b[39;49;00m,\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"\"\u001b[39;49;00m,\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"esc\\u001b[0m\""###,
                ###"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u0"###,
                ###"01b[33m\"#x\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39"###,
                ###";49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"\"###,
                ###"u043a\u043b\u044e\u0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"&a\"\u001b[39;49;0"###,
                ###"0m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"#\\n "###,
                ###"\\\"-a\\\"b\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39"###,
                ###";49;00m]\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[34m0.1\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: [
                ###""- '%x'\n- null\n- '123':\n    '123': b:#\n  etag:\n  - false\n  - '\n\n    :x '"###,
                ###"\n  - '<<'\n  - \"x\\n y\"\n  'k:':\n    ? ''\n    : ',x'\n    'k:': \"\\t\"\n  "###,
                ###"'}x':\n  - 1.0e+20\n  - ''\n  - \"esc\\e[0m\"\n  - '#x'\n  \u043a\u043b\u044e\u0"###,
                ###"447:\n  - '&a'\n  - \"#\\n \\\"-a\\\"b\"\n- 0.1\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m%x\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39"###,
                ###";49;00mnull\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[33m123\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33m123\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"b:#\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94metag\u001b["###,
                ###"39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u"###,
                ###"001b[39;49;00mfalse\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u00"###,
                ###"1b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m:x\u001b[39;49"###,
                ###";00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b["###,
                ###"39;49;00m\u001b[33m<<\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b"###,
                ###"[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m\""###,
                ###"\u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[3"###,
                ###"1m \u001b[39;49;00m\u001b[33my\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m    \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m,x\u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###"   \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u0"###,
                ###"01b[33m\\t\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m}x\u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b["###,
                ###"39;49;00m-\u001b[37m \u001b[39;49;00m1.0e+20\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\"###,
                ###"u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mesc\u001b[39;49;"###,
                ###"00m\u001b[33m\\e\u001b[39;49;00m\u001b[33m[0m\u001b[39;49;00m\u001b[33m\"\u001b["###,
                ###"39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u0"###,
                ###"01b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#x\u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94"###,
                ###"m\u043a\u043b\u044e\u0447\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b["###,
                ###"33m&a\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m"###,
                ###"\u001b[33m#\u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[31m \u001b[39;49;"###,
                ###"00m\u001b[33m\\\"\u001b[39;49;00m\u001b[33m-a\u001b[39;49;00m\u001b[33m\\\"\u001"###,
                ###"b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u00"###,
                ###"1b[39;49;00m\n-\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: ###""Result\n--------\n%x\n\n\n0.1\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: ###""Result\n--------\n%x\n\n\n0.1\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: ###""%x\nNone\n\t4\t\t4\t2\n0.1\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"["%x", null, {"}x": [1e+20, "", "esc\u001b[0m", "#x"], "ключ": ["&a", "#\n \"-a\"###,
                ###""b"], "123": {"123": "b:#"}, "etag": [false, "\n:x ", "<<", "x\n y"], "k:": {"k:"###,
                ###"": "\t", "": ",x"}}, 0.1]"###,
            ].joined(),
            expected: ###""%x\nNone\n4\t2\t\t4\t\n0.1\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: [
                ###""{\n  \"#k\": 0.1,\n  \"a b\": {\n    \"Name\": {\n      \": x\": \"\u0085x\"\n "###,
                ###"   },\n    \"]x\": {\n      \"tags\": 123456789012\n    },\n    \"location\": []"###,
                ###"\n  },\n  \"tags\": {\n    \"\": {},\n    \"Name\": [],\n    \"status\": 1e-07,\"###,
                ###"n    \"tags\": false\n  },\n  \"type\": [\n    [\n      \"0o17\",\n      \"on\","###,
                ###"\n      -0.25\n    ],\n    {\n      \"id\": 1,\n      \"tags\": 2.5e-05\n    },\"###,
                ###"n    \"a: b\",\n    {\n      \"\": \":-#:x\"\n    }\n  ],\n  \"z\\nz\": \"''#- x"###,
                ###":b\"\n}\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: [
                ###""{\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"#k\"\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m0.1\u001b[39;49;00m,\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u"###,
                ###"001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49"###,
                ###";00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\": x\"\u001b[39;49;00m"###,
                ###":\u001b[37m \u001b[39;49;00m\u001b[33m\"\u0085\u001b[39;49;00m\u001b[33mx\"\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"]x\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b"###,
                ###"[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"4m123456789012\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[3"###,
                ###"9;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\""###,
                ###"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b"###,
                ###"[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b"###,
                ###"[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[],\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"status\"\u001b["###,
                ###"39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1e-07\u001b[39;49;00m,\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m\u001b[94m\"type\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m[\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"0o17\"\u001b[39;49;00m,\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"on\"\u001b[39;49;"###,
                ###"00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[34m-0.25\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37m \u"###,
                ###"001b[39;49;00m\u001b[34m1\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"      \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49"###,
                ###";00m\u001b[34m2.5e-05\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \"###,
                ###"u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001"###,
                ###"b[33m\"a: b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[3"###,
                ###"9;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"###,
                ###""\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\":-#:x\"\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m  \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m  \"###,
                ###"u001b[39;49;00m\u001b[94m\"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m\"''#- x:b\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n}\u001b[37m\u001"###,
                ###"b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: [
                ###""'#k': 0.1\na b:\n  Name:\n    ': x': '\u0085      x'\n  ']x':\n    tags: 123456"###,
                ###"789012\n  location: []\ntags:\n  ? ''\n  : {}\n  Name: []\n  status: 1.0e-07\n  "###,
                ###"tags: false\ntype:\n- - 0o17\n  - 'on'\n  - -0.25\n- id: 1\n  tags: 2.5e-05\n- '"###,
                ###"a: b'\n- ? ''\n  : :-#:x\n? 'z\n\n  z'\n: '''''#- x:b'\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: [
                ###""\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[39;49;00m\n\u001b[94ma b\u001"###,
                ###"b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mNa"###,
                ###"me\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u0"###,
                ###"01b[33m'\u001b[39;49;00m\u001b[33m:\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u"###,
                ###"001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[04m\u001b[91m\u0085\u001b[39;49;00m\u001b[31m "###,
                ###"     \u001b[39;49;00m\u001b[33mx\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u"###,
                ###"001b[33m]x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m"###,
                ###"\n\u001b[37m    \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b"###,
                ###"[39;49;00m123456789012\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u"###,
                ###"001b[94mlocation\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[94mtags\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###" \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u00"###,
                ###"1b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00"###,
                ###"m\u001b[94mName\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mstatus\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m1.0e-07\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m"###,
                ###"\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mfalse\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[94mtype\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n-\u001b[37"###,
                ###"m \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m0o17\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33mon\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m-0.25\u001b[37m\u001"###,
                ###"b[39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m1\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b"###,
                ###"[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m2.5e-05\u001b[37m\u001b[39;4"###,
                ###"9;00m\n-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33ma:\u001b"###,
                ###"[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m?\u001b[37m \"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001b[39;49;00m:-#:x\u"###,
                ###"001b[37m\u001b[39;49;00m\n?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33mz\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[33m'\u001b[39;"###,
                ###"49;00m\u001b[37m\u001b[39;49;00m\n:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b["###,
                ###"39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m#-\u0"###,
                ###"01b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mx:b\u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: ###""#k    Z\n      z\n----  --------\n0.1   ''#- x:b\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: ###""#k    Z\n      z\n----  --------\n0.1   ''#- x:b\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: ###""0.1\t\t\t4\t''#- x:b\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"{"#k": 0.1, "a b": {"Name": {": x": "x"}, "location": [], "]x": {"tags": 123456"###,
                ###"789012}}, "type": [["0o17", "on", -0.25], {"tags": 2.5e-05, "id": 1}, "a: b", {""###,
                ###"": ":-#:x"}], "tags": {"": {}, "Name": [], "status": 1e-07, "tags": false}, "z\n"###,
                ###"z": "''#- x:b"}"###,
            ].joined(),
            expected: ###""0.1\t\t4\t\t''#- x:b\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"123\": \"yes\",\n    \"Name\": \"1e3\",\n    \"k:\": {},\n    \"y"###,
                ###"es\": {\n      \"a b\": \"'b\",\n      \"etag\": \"esc\\u001b[0m\",\n      \"k:\"###,
                ###"": \"\\\"\",\n      \"null\": \"b '\\n -x\",\n      \"yes\": false\n    }\n  }\n"###,
                ###"]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[33m\"yes\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n"###,
                ###"\u001b[37m    \u001b[39;49;00m\u001b[94m\"Name\"\u001b[39;49;00m:\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m\"1e3\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m    \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39;49"###,
                ###";00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"yes"###,
                ###"\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m      \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m\"'b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###"     \u001b[39;49;00m\u001b[94m\"etag\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;"###,
                ###"00m\u001b[33m\"esc\\u001b[0m\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m      \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00m\u001b[33m\"\\\"\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m"###,
                ###"      \u001b[39;49;00m\u001b[94m\"null\"\u001b[39;49;00m:\u001b[37m \u001b[39;49"###,
                ###";00m\u001b[33m\"b '\\n -x\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m      \u001b[39;49;00m\u001b[94m\"yes\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[34mfalse\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u"###,
                ###"001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u001b[3"###,
                ###"7m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: [
                ###""- '123': 'yes'\n  Name: 1e3\n  'k:': {}\n  'yes':\n    a b: '''b'\n    etag: \""###,
                ###"esc\\e[0m\"\n    'k:': '\"'\n    'null': \"b '\\n -x\"\n    'yes': false\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[39;4"###,
                ###"9;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mName\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m1e3\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\"###,
                ###"u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94ma b\"###,
                ###"u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m"###,
                ###"''\u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94metag\u001b[39;49;00m"###,
                ###":\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mesc\u001b[39;4"###,
                ###"9;00m\u001b[33m\\e\u001b[39;49;00m\u001b[33m[0m\u001b[39;49;00m\u001b[33m\"\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'"###,
                ###"\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b"###,
                ###"[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\"###,
                ###"u001b[33m'\u001b[39;49;00m\u001b[33mnull\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mb\u001b[39;"###,
                ###"49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m\\n\u001b["###,
                ###"39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m-x\u001b[39;49;00m\u001b[33m\"\u00"###,
                ###"1b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b"###,
                ###"[37m \u001b[39;49;00mfalse\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: ###""123    Name\n-----  ------\nyes    1e3\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: ###""Name    123\n------  -----\n1e3     yes\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: ###""yes\t1e3\t\t\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"Name": "1e3", "123": "yes", "k:": {}, "yes": {"k:": "\"", "yes": false, "a b""###,
                ###": "'b", "etag": "esc\u001b[0m", "null": "b '\n -x"}}]"###,
            ].joined(),
            expected: ###""1e3\tyes\t\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"a b\": {\n      \"#k\": \" #\",\n      \"a b\": \"x\\n\\ny\",\n  "###,
                ###"    \"location\": 3.5,\n      \"type\": \"\"\n    },\n    \"id\": 123456789012\n"###,
                ###"  },\n  {\n    \"\u043a\u043b\u044e\u0447\": {}\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\"###,
                ###"u001b[94m\"#k\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\" #\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[9"###,
                ###"4m\"a b\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"x\\n\\ny\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[9"###,
                ###"4m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m3.5\u001b[39"###,
                ###";49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\""###,
                ###"type\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\"\u001b[39;49;00m"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[37m\u001b[39;"###,
                ###"49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"id\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[34m123456789012\u001b[39;49;00m\u001b[37m\u001b[39;49;0"###,
                ###"0m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b"###,
                ###"[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"###,
                ###""\u043a\u043b\u044e\u0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n]\"###,
                ###"u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: [
                ###""- a b:\n    '#k': ' #'\n    a b: 'x\n\n\n      y'\n    location: 3.5\n    type:"###,
                ###" ''\n  id: 123456789012\n- \u043a\u043b\u044e\u0447: {}\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[94ma b\u001b[39;49;00m:\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m#\u001b[39;49;00m\u001b[33m'\"###,
                ###"u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b["###,
                ###"94ma b\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u0"###,
                ###"01b[33mx\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n"###,
                ###"\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33my\u001b[39"###,
                ###";49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u00"###,
                ###"1b[39;49;00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m3.5\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mtype\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mid\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m123456789012\u001b[37m\u001b[39;49;00m\n-"###,
                ###"\u001b[37m \u001b[39;49;00m\u001b[94m\u043a\u043b\u044e\u0447\u001b[39;49;00m:\u"###,
                ###"001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: ###""\t123456789012\n\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"id": 123456789012, "a b": {"#k": " #", "type": "", "a b": "x\n\ny", "location"###,
                ###"": 3.5}}, {"ключ": {}}]"###,
            ].joined(),
            expected: ###""123456789012\t\n\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"k:\": 3.5,\n    \"sku\": [\n      \"a\\\"#b#b- \"\n    ],\n    \""###,
                ###"status\": \"#x\",\n    \"\u043a\u043b\u044e\u0447\": {}\n  },\n  {\n    \"locati"###,
                ###"on\": [\n      false\n    ]\n  },\n  {\n    \"z\\nz\": 1e+16\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[34m3.5\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m    \u001b[39;49;00m\u001b[94m\"sku\"\u001b[39;49;00m:\u001b[37m \u001b[39;"###,
                ###"49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"a"###,
                ###"\\\"#b#b- \"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;"###,
                ###"49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"st"###,
                ###"atus\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"#x\"\u001b[39;49;0"###,
                ###"0m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"\u043a\"###,
                ###"u043b\u044e\u0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m  \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u"###,
                ###"001b[94m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m\u00"###,
                ###"1b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m]\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b["###,
                ###"39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\""###,
                ###"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m1e+16\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;4"###,
                ###"9;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""- 'k:': 3.5\n  sku:\n  - 'a\"#b#b- '\n  status: '#x'\n  \u043a\u043b\u044e\u044"###,
                ###"7: {}\n- location:\n  - false\n- ? 'z\n\n    z'\n  : 1.0e+16\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m3.5\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94msku\u001b[39;49;00m:\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[33ma\"#b#b-\u001b[39;49;00m\u001b[31m \u001b[39;49;00m"###,
                ###"\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;"###,
                ###"00m\u001b[94mstatus\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[33m#x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m\u043a\u043b\u044e\u0447\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n-\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n"###,
                ###"\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00mfalse\u001b[37m\u001b[39"###,
                ###";49;00m\n-\u001b[37m \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[3"###,
                ###"3m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u00"###,
                ###"1b[37m \u001b[39;49;00m1.0e+16\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""K:    Status    Z\n                z\n----  --------  -----\n3.5   #x\n        "###,
                ###"        1e+16\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: [
                ###""Status    K:    Z\n                z\n--------  ----  -----\n#x        3.5\n   "###,
                ###"             1e+16\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: ###""3.5\t1\t#x\t\n1\n1e+16\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"sku": ["a\"#b#b- "], "status": "#x", "k:": 3.5, "ключ": {}}, {"location": [fa"###,
                ###"lse]}, {"z\nz": 1e+16}]"###,
            ].joined(),
            expected: ###""1\t#x\t3.5\t\n1\n1e+16\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: [
                ###""[\n  {\n    \"a b\": {},\n    \"sku\": [\n      \"?x\"\n    ],\n    \"tags\": ["###,
                ###"\n      1e+20,\n      \"x    '-'\",\n      \"\"\n    ]\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m{},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\"###,
                ###"u001b[94m\"sku\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u001b[39"###,
                ###";49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"?x\"\u001b[39;49;00m\u001b["###,
                ###"37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\"###,
                ###"n\u001b[37m    \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u0"###,
                ###"01b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b"###,
                ###"[34m1e+20\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;"###,
                ###"49;00m\u001b[33m\"x    '-'\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m      \u001b[39;49;00m\u001b[33m\"\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m    \u001b[39;49;00m]\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b"###,
                ###"[39;49;00m}\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: ###""- a b: {}\n  sku:\n  - ?x\n  tags:\n  - 1.0e+20\n  - x    '-'\n  - ''\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[94ma b\u001b[39;49;00m:\u001b[37m \u001b[39;"###,
                ###"49;00m{}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94msku\u0"###,
                ###"01b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37"###,
                ###"m \u001b[39;49;00m?x\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u00"###,
                ###"1b[94mtags\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;"###,
                ###"00m-\u001b[37m \u001b[39;49;00m1.0e+20\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u"###,
                ###"001b[39;49;00m-\u001b[37m \u001b[39;49;00mx    '-'\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: ###""\t1\t3\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"[{"sku": ["?x"], "tags": [1e+20, "x    '-'", ""], "a b": {}}]"###,
            expected: ###""1\t3\t\n""###
        ),
        KnackCase(
            .json, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""[\n  {\n    \"a b\": [\n      \" xb #:b\",\n      1e+16\n    ]\n  }\n]\n""###
        ),
        KnackCase(
            .jsonc, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b[37"###,
                ###"m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\"###,
                ###"u001b[33m\" xb #:b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m     "###,
                ###" \u001b[39;49;00m\u001b[34m1e+16\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m    \u001b[39;49;00m]\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;"###,
                ###"00m}\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""- a b:\n  - ' xb #:b'\n  - 1.0e+16\n""###
        ),
        KnackCase(
            .yamlc, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[94ma b\u001b[39;49;00m:\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b"###,
                ###"[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mxb\u001b[39;49;00m\u001b[31m \u00"###,
                ###"1b[39;49;00m\u001b[33m#:b\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m1.0e+16\"###,
                ###"u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""2\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: ###"[{"a b": [" xb #:b", 1e+16]}]"###,
            expected: ###""2\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"k:\": 0.1\n  },\n  {\n    \"a b\": \"'\",\n    \"sku\": {\n      "###,
                ###"\"123\": \"=\"\n    },\n    \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"\": []\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[34m0.1\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b"###,
                ###"[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m"###,
                ###"{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u00"###,
                ###"1b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"'\"\u001b[39;49;00m,\u001b[3"###,
                ###"7m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"sku\"\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u00"###,
                ###"1b[39;49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b["###,
                ###"33m\"=\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;0"###,
                ###"0m},\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"xxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\u001b[39;49;00m:\u001b[37m \u001b"###,
                ###"[39;49;00m[]\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u001b[37m\"###,
                ###"u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: [
                ###""- 'k:': 0.1\n- a b: ''''\n  sku:\n    '123': '='\n  ? xxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxx\n  : []\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m0.1\u001b[37m\u001b[3"###,
                ###"9;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[94ma b\u001b[39;49;00m:\u001b[37m \"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m"###,
                ###"'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b["###,
                ###"94msku\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00"###,
                ###"m\u001b[33m'\u001b[39;49;00m\u001b[33m123\u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m=\u001b[39;"###,
                ###"49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b["###,
                ###"39;49;00m?\u001b[37m \u001b[39;49;00mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxx\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001"###,
                ###"b[39;49;00m[]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: ###""K:    A b\n----  -----\n0.1\n      '\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: ###""K:    A b\n----  -----\n0.1\n      '\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: ###""0.1\n'\t\t0\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"k:": 0.1}, {"a b": "'", "sku": {"123": "="}, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"###,
                ###"xxxxxxxxxxxxxxxxxxx": []}]"###,
            ].joined(),
            expected: ###""0.1\n'\t\t0\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"\": {\n      \"#k\": \"FALSE\",\n      \"Null\": -5\n    },\n    "###,
                ###"\"a b\": [\n      \"  \",\n      \".nan\"\n    ],\n    \"k:\": [\n      12345678"###,
                ###"9012,\n      \"# #-:a\",\n      0.1,\n      \"0\"\n    ],\n    \"location\": {\n"###,
                ###"      \"\": \":#-b: a\",\n      \"#k\": \"12:30:45\",\n      \"name\": 0,\n     "###,
                ###" \"tags\": \"bx\",\n      \"\u043a\u043b\u044e\u0447\": \"1:20:30.5\"\n    }\n  "###,
                ###"},\n  {\n    \"status\": {}\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00m:\u001b[37m \"###,
                ###"u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u00"###,
                ###"1b[94m\"#k\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"FALSE\"\u001"###,
                ###"b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[9"###,
                ###"4m\"Null\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m-5\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[37m\u001b[3"###,
                ###"9;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"a b\"\u001b[39;49;00m:\u001b"###,
                ###"[37m \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;0"###,
                ###"0m\u001b[33m\"  \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \"###,
                ###"u001b[39;49;00m\u001b[33m\".nan\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39"###,
                ###";49;00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[\u001b[37m\u"###,
                ###"001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[34m123456789012\u001b[39;"###,
                ###"49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33m\"#"###,
                ###" #-:a\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49"###,
                ###";00m\u001b[34m0.1\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u"###,
                ###"001b[39;49;00m\u001b[33m\"0\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;"###,
                ###"00m\u001b[94m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00m"###,
                ###":\u001b[37m \u001b[39;49;00m\u001b[33m\":#-b: a\"\u001b[39;49;00m,\u001b[37m\u00"###,
                ###"1b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"#k\"\u001b[39;49;00m:\"###,
                ###"u001b[37m \u001b[39;49;00m\u001b[33m\"12:30:45\"\u001b[39;49;00m,\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"name\"\u001b[39;49;00m:"###,
                ###"\u001b[37m \u001b[39;49;00m\u001b[34m0\u001b[39;49;00m,\u001b[37m\u001b[39;49;00"###,
                ###"m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[33m\"bx\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m      \u001b[39;49;00m\u001b[94m\"\u043a\u043b\u044e\u0447\"\u001b[39;49"###,
                ###";00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"1:20:30.5\"\u001b[39;49;00m\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m  \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49"###,
                ###";00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"statu"###,
                ###"s\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n\u0"###,
                ###"01b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00"###,
                ###"m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: [
                ###""- ? ''\n  : '#k': 'FALSE'\n    'Null': -5\n  a b:\n  - '  '\n  - '.nan'\n  'k:'"###,
                ###":\n  - 123456789012\n  - '# #-:a'\n  - 0.1\n  - '0'\n  location:\n    ? ''\n    "###,
                ###": ':#-b: a'\n    '#k': '12:30:45'\n    name: 0\n    tags: bx\n    \u043a\u043b\u"###,
                ###"044e\u0447: '1:20:30.5'\n- status: {}\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u00"###,
                ###"1b[39;49;00m\u001b[33mFALSE\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001"###,
                ###"b[33mNull\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"-5\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94ma b\u001b[39"###,
                ###";49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[31m  \u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37"###,
                ###"m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m.nan\u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m"###,
                ###":\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;4"###,
                ###"9;00m123456789012\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b"###,
                ###"[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#\u001b[39;49;00m\u001"###,
                ###"b[31m \u001b[39;49;00m\u001b[33m#-:a\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;"###,
                ###"00m0.1\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m-\u001b[37m \u001b"###,
                ###"[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m0\u001b[39;49;00m\u001b[33m'\u001"###,
                ###"b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mloc"###,
                ###"ation\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m"###,
                ###"?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;0"###,
                ###"0m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m:\u001b[37m \u001b[3"###,
                ###"9;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m:#-b:\u001b[39;49;00m\u001b[31m \u0"###,
                ###"01b[39;49;00m\u001b[33ma\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"3m#k\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001"###,
                ###"b[33m'\u001b[39;49;00m\u001b[33m12:30:45\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mname\u001"###,
                ###"b[39;49;00m:\u001b[37m \u001b[39;49;00m0\u001b[37m\u001b[39;49;00m\n\u001b[37m  "###,
                ###"  \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mbx\u"###,
                ###"001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\u043a\u043b\u"###,
                ###"044e\u0447\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33m1:20:30.5\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n-\u001b[37m \u001b[39;49;00m\u001b[94mstatus\u001b[39;49;00m:\u001b[3"###,
                ###"7m \u001b[39;49;00m{}\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: ###""\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: ###""\t2\t4\t\n\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"": {"Null": -5, "#k": "FALSE"}, "k:": [123456789012, "# #-:a", 0.1, "0"], "a "###,
                ###"b": ["  ", ".nan"], "location": {"name": 0, "#k": "12:30:45", "tags": "bx", "клю"###,
                ###"ч": "1:20:30.5", "": ":#-b: a"}}, {"status": {}}]"###,
            ].joined(),
            expected: ###""\t4\t2\t\n\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"#k\": [\n      0,\n      \"  \",\n      \"\\n: -a-'\"\n    ],\n  "###,
                ###"  \"etag\": \"NO\",\n    \"sku\": \"a: b\",\n    \"\u043a\u043b\u044e\u0447\": {"###,
                ###"\n      \"\": \"}x\",\n      \"id\": false,\n      \"location\": \" b-x\"\n    }"###,
                ###"\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"#k\"\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m[\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u"###,
                ###"001b[34m0\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;"###,
                ###"49;00m\u001b[33m\"  \"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m   "###,
                ###"   \u001b[39;49;00m\u001b[33m\"\\n: -a-'\"\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m    \u001b[39;49;00m],\u001b[37m\u001b[39;49;00m\n\u001b[37m    "###,
                ###"\u001b[39;49;00m\u001b[94m\"etag\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m\"NO\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b["###,
                ###"39;49;00m\u001b[94m\"sku\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m"###,
                ###"\"a: b\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;"###,
                ###"00m\u001b[94m\"\u043a\u043b\u044e\u0447\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"\""###,
                ###"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"}x\"\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"id\"\u001b["###,
                ###"39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m,\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"location\"\u001b[39"###,
                ###";49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\" b-x\"\u001b[39;49;00m\u001b[37m\"###,
                ###"u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m"###,
                ###"\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: [
                ###""- '#k':\n  - 0\n  - '  '\n  - '\n\n    : -a-'''\n  etag: 'NO'\n  sku: 'a: b'\n "###,
                ###" \u043a\u043b\u044e\u0447:\n    ? ''\n    : '}x'\n    id: false\n    location: '"###,
                ###" b-x'\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m-\u001b[37m \u001b[39;49;00m0\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u0"###,
                ###"01b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[31m  "###,
                ###"\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m  \u001b[39;49;00m-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b"###,
                ###"[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m"###,
                ###"\u001b[33m:\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m-a-\u001b[39;49;"###,
                ###"00m\u001b[33m''\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49"###,
                ###";00m\n\u001b[37m  \u001b[39;49;00m\u001b[94metag\u001b[39;49;00m:\u001b[37m \u00"###,
                ###"1b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33mNO\u001b[39;49;00m\u001b[33m'\u"###,
                ###"001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94m"###,
                ###"sku\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b"###,
                ###"[33ma:\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33mb\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\"###,
                ###"u001b[94m\u043a\u043b\u044e\u0447\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u"###,
                ###"001b[37m    \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m}x\u001"###,
                ###"b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    "###,
                ###"\u001b[39;49;00m\u001b[94mid\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mfalse\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94mlocation\u001b["###,
                ###"39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[31m \u001"###,
                ###"b[39;49;00m\u001b[33mb-x\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u0"###,
                ###"01b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: ###""Sku\n-----\na: b\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: ###""Sku\n-----\na: b\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: ###""3\tNO\ta: b\t\n""###
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"sku": "a: b", "ключ": {"": "}x", "location": " b-x", "id": false}, "#k": [0, "###,
                ###""  ", "\n: -a-'"], "etag": "NO"}]"###,
            ].joined(),
            expected: ###""a: b\t\t3\tNO\n""###
        ),
        KnackCase(
            .json, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""[\n  {\n    \"#k\": 2048,\n    \"123\": {\n      \"\": \"x \\ny\",\n      \"eta"###,
                ###"g\": false,\n      \"yes\": 0\n    },\n    \"tags\": \"-\",\n    \"z\\nz\": \"Nu"###,
                ###"ll\"\n  },\n  {\n    \"\": [],\n    \"k:\": {},\n    \"type\": \"y zzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\","###,
                ###"\n    \"z\\nz\": {\n      \" \": \"\\n-'#x:\\\"#\",\n      \"location\": \"\\n #"###,
                ###"\",\n      \"tags\": \"bell\\u0007\"\n    }\n  }\n]\n""###,
            ].joined()
        ),
        KnackCase(
            .jsonc, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""[\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u001b[39;4"###,
                ###"9;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"#k\"\u001b[39;49;00m:\u001b[37m"###,
                ###" \u001b[39;49;00m\u001b[34m2048\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u00"###,
                ###"1b[37m    \u001b[39;49;00m\u001b[94m\"123\"\u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\""###,
                ###"\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"x \\ny\"\u001b[39;49;0"###,
                ###"0m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"etag\"###,
                ###""\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34mfalse\u001b[39;49;00m,\u0"###,
                ###"01b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[94m\"yes\"\u001b"###,
                ###"[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[34m0\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m    \u001b[39;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m    \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m\u001b[33m\"-\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m    \"###,
                ###"u001b[39;49;00m\u001b[94m\"z\\nz\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u"###,
                ###"001b[33m\"Null\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[3"###,
                ###"9;49;00m},\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m{\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"\"\u001b[39;49;00m:\u00"###,
                ###"1b[37m \u001b[39;49;00m[],\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49"###,
                ###";00m\u001b[94m\"k:\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{},\u001b[37m\u0"###,
                ###"01b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"type\"\u001b[39;49;00m:"###,
                ###"\u001b[37m \u001b[39;49;00m\u001b[33m\"y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\u001b[39;49;00m,\u001b[37m"###,
                ###"\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[94m\"z\\nz\"\u001b[39;49;"###,
                ###"00m:\u001b[37m \u001b[39;49;00m{\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u00"###,
                ###"1b[39;49;00m\u001b[94m\" \"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33"###,
                ###"m\"\\n-'#x:\\\"#\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m      \"###,
                ###"u001b[39;49;00m\u001b[94m\"location\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00"###,
                ###"m\u001b[33m\"\\n #\"\u001b[39;49;00m,\u001b[37m\u001b[39;49;00m\n\u001b[37m     "###,
                ###" \u001b[39;49;00m\u001b[94m\"tags\"\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\"###,
                ###"u001b[33m\"bell\\u0007\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  "###,
                ###"  \u001b[39;49;00m}\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m}\u00"###,
                ###"1b[37m\u001b[39;49;00m\n]\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .yaml, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""- '#k': 2048\n  '123':\n    ? ''\n    : \"x \\ny\"\n    etag: false\n    'yes':"###,
                ###" 0\n  tags: '-'\n  ? 'z\n\n    z'\n  : 'Null'\n- ? ''\n  : []\n  'k:': {}\n  typ"###,
                ###"e: y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzz\n  ? 'z\n\n    z'\n  : ' ': '\n\n      -''#x:\"#'\n    location:"###,
                ###" \"\\n #\"\n    tags: \"bell\\a\"\n""###,
            ].joined()
        ),
        KnackCase(
            .yamlc, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""-\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m#k\u001b[39;49"###,
                ###";00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m2048\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m123\"###,
                ###"u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m\u001b[39;49;00m\n\u001b[37"###,
                ###"m    \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00"###,
                ###"m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[33mx\u001b[39;49"###,
                ###";00m\u001b[31m \u001b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[33my\u001b[39"###,
                ###";49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u0"###,
                ###"01b[39;49;00m\u001b[94metag\u001b[39;49;00m:\u001b[37m \u001b[39;49;00mfalse\u00"###,
                ###"1b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;00m\u001b[33m'\u001b[39;49;00"###,
                ###"m\u001b[33myes\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;4"###,
                ###"9;00m0\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mtags\u00"###,
                ###"1b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m-\u"###,
                ###"001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m "###,
                ###" \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[3"###,
                ###"3mz\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001"###,
                ###"b[37m    \u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001b[39;49;"###,
                ###"00m\u001b[33m'\u001b[39;49;00m\u001b[33mNull\u001b[39;49;00m\u001b[33m'\u001b[39"###,
                ###";49;00m\u001b[37m\u001b[39;49;00m\n-\u001b[37m \u001b[39;49;00m?\u001b[37m \u001"###,
                ###"b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001"###,
                ###"b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001b[39;49;00m[]\u001b[37"###,
                ###"m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b"###,
                ###"[33mk:\u001b[39;49;00m\u001b[33m'\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m{}\"###,
                ###"u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m\u001b[94mtype\u001b[39;4"###,
                ###"9;00m:\u001b[37m \u001b[39;49;00my zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\u001b[37m\u001b[39;49;00m\n\u001b["###,
                ###"37m  \u001b[39;49;00m?\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u00"###,
                ###"1b[33mz\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m\u001b[39;49;00m\n\"###,
                ###"u001b[37m    \u001b[39;49;00m\u001b[33mz\u001b[39;49;00m\u001b[33m'\u001b[39;49;"###,
                ###"00m\u001b[37m\u001b[39;49;00m\n\u001b[37m  \u001b[39;49;00m:\u001b[37m \u001b[39"###,
                ###";49;00m\u001b[33m'\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m'\u001b[3"###,
                ###"9;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m'\u001b[39;49;00m\u001b[37m\u001b["###,
                ###"39;49;00m\n\u001b[37m\u001b[39;49;00m\n\u001b[37m      \u001b[39;49;00m\u001b[33"###,
                ###"m-\u001b[39;49;00m\u001b[33m''\u001b[39;49;00m\u001b[33m#x:\"#\u001b[39;49;00m\u"###,
                ###"001b[33m'\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[37m    \u001b[39;49;"###,
                ###"00m\u001b[94mlocation\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m\u001b[33m\"\u0"###,
                ###"01b[39;49;00m\u001b[33m\\n\u001b[39;49;00m\u001b[31m \u001b[39;49;00m\u001b[33m#"###,
                ###"\u001b[39;49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n\u001b[3"###,
                ###"7m    \u001b[39;49;00m\u001b[94mtags\u001b[39;49;00m:\u001b[37m \u001b[39;49;00m"###,
                ###"\u001b[33m\"\u001b[39;49;00m\u001b[33mbell\u001b[39;49;00m\u001b[33m\\a\u001b[39"###,
                ###";49;00m\u001b[33m\"\u001b[39;49;00m\u001b[37m\u001b[39;49;00m\n""###,
            ].joined()
        ),
        KnackCase(
            .table, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: ###""#k    Tags    Z\n              z\n----  ------  ----\n2048  -       Null\n""###
        ),
        KnackCase(
            .table, query: true,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: ###""Z     Tags    #k\nz\n----  ------  ----\nNull  -       2048\n""###
        ),
        KnackCase(
            .tsv, query: false,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""2048\t\t-\tNull\n0\t\ty zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\t\n""###,
            ].joined()
        ),
        KnackCase(
            .tsv, query: true,
            input: [
                ###"[{"z\nz": "Null", "tags": "-", "#k": 2048, "123": {"yes": 0, "": "x \ny", "etag""###,
                ###": false}}, {"k:": {}, "": [], "z\nz": {"tags": "bell\u0007", "location": "\n #","###,
                ###" " ": "\n-'#x:\"#"}, "type": "y zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}]"###,
            ].joined(),
            expected: [
                ###""Null\t-\t2048\t\n\t0\t\ty zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"###,
                ###"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n""###,
            ].joined()
        ),
    ]
}

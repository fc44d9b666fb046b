import Foundation
import Testing
@testable import JMESPath

/// Compares the module with Python's `jmespath` package (the one az uses) on generated queries.
@Suite("JMESPath against the Python oracle")
struct PythonOracleTests {
    /// SplitMix64: a tiny deterministic generator, so every run builds the same pairs.
    private struct SplitMix64 {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func pick<T>(_ elements: [T]) -> T { elements[below(elements.count)] }
    }

    private struct Pair {
        let expression: String
        let given: JSONValue
    }

    /// Fixed so runs are reproducible; `ACRCMK_JMESPATH_SEED` (decimal) explores other pairs.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ACRCMK_JMESPATH_SEED"].flatMap { UInt64($0) }
        ?? 0xACC0_2026_0000_0042
    static let generatedPairs = 240

    /// Why the oracle cannot run, or nil when `python3 -c 'import jmespath'` works.
    static let unavailableReason: String? = {
        do {
            let output = try runPython(["-c", "import jmespath"], input: nil)
            return output.status == 0 ? nil : "python3 cannot import jmespath: \(output.standardError)"
        } catch {
            return "python3 not runnable: \(error)"
        }
    }()

    private static let oracleScript = """
        import json, sys, warnings
        warnings.simplefilter("ignore")
        import jmespath
        from jmespath import exceptions as E
        def kind(error):
            if isinstance(error, E.ParseError): return "syntax"
            if isinstance(error, E.UnknownFunctionError): return "unknown-function"
            if isinstance(error, E.ArityError): return "invalid-arity"
            if isinstance(error, E.JMESPathTypeError): return "invalid-type"
            return type(error).__name__
        out = []
        for pair in json.load(open(sys.argv[1], encoding="utf-8")):
            try:
                value = jmespath.search(pair["expression"], pair["given"])
            except Exception as error:
                out.append({"error": kind(error)})
                continue
            try:
                out.append({"ok": json.loads(json.dumps(value, allow_nan=False))})
            except Exception as error:
                out.append({"unrepresentable": type(error).__name__})
        print(json.dumps(out))
        """

    @Test("generated queries agree with Python's jmespath",
          .enabled(if: PythonOracleTests.unavailableReason == nil,
                   "Skipped: python3 with the jmespath package is required for the oracle comparison"))
    func agreesWithPython() throws {
        var generator = SplitMix64(seed: Self.seed)
        print("jmespath oracle: SplitMix64 seed 0x\(String(Self.seed, radix: 16))")
        let pairs = try Self.generatePairs(count: Self.generatedPairs, generator: &generator)
        let benchmarks = try SharedTestData.loadSuite("benchmarks.json").flatMap { group in
            group.cases.map { Pair(expression: $0.expression, given: group.given) }
        }
        let all = pairs + benchmarks
        let answers = try Self.askPython(all)
        try #require(answers.count == all.count, "python answered \(answers.count) of \(all.count) pairs")

        var compared = 0
        var values = 0
        var nonNullValues = 0
        var mismatches: [String] = []
        for (index, (pair, answer)) in zip(all, answers).enumerated() {
            let ours = Result { try JMESPathExpression(pair.expression).search(pair.given) }
            let label = "pair #\(index) `\(pair.expression)` on \(pair.given.serialized(.compact).prefix(120))"
            if let expected = answer["ok"] {
                compared += 1
                values += 1
                if !expected.isNull { nonNullValues += 1 }
                switch ours {
                case .success(let actual) where actual == expected: break
                case .success(let actual):
                    mismatches.append(
                        "\(label): ours \(actual.serialized(.compact)), python \(expected.serialized(.compact))")
                case .failure(let error):
                    mismatches.append("\(label): ours threw \(error), python \(expected.serialized(.compact))")
                }
            } else if let kind = answer["error"]?.stringValue {
                compared += 1
                if case .success(let actual) = ours {
                    mismatches.append("\(label): ours \(actual.serialized(.compact)), python raised \(kind)")
                }
            }
        }
        print("jmespath oracle: \(all.count) pairs (\(pairs.count) generated + \(benchmarks.count) benchmarks), "
            + "\(compared) compared, \(values) values in python (\(nonNullValues) not null), "
            + "\(mismatches.count) mismatches")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).joined(separator: "\n"))")
        #expect(compared >= 200)
        #expect(values >= 120)
    }

    // MARK: - Generating pairs

    private static func generatePairs(count: Int, generator: inout SplitMix64) throws -> [Pair] {
        let groups = try SharedTestData.complianceFileNames.flatMap { try SharedTestData.loadSuite($0) }
        try #require(!groups.isEmpty, "\(SharedTestData.missingMessage)")
        // Only expressions that compile in Python are worth combining; the suite's own pairs keep the error cases.
        let usable = groups.filter { group in group.cases.contains { $0.error == nil } }
        var pairs: [Pair] = []
        while pairs.count < count {
            let group = generator.pick(groups)
            let item = generator.pick(group.cases)
            switch generator.below(10) {
            case 0...3:
                pairs.append(Pair(expression: item.expression, given: group.given))
            case 4...5:
                let other = generator.pick(usable)
                pairs.append(Pair(expression: generator.pick(other.cases).expression, given: group.given))
            default:
                let host = generator.pick(usable)
                let valid = host.cases.filter { $0.error == nil }.map(\.expression)
                let combined = combine(generator.pick(valid), generator.pick(valid), generator: &generator)
                pairs.append(Pair(expression: combined, given: host.given))
            }
        }
        return pairs
    }

    private static func combine(_ first: String, _ second: String, generator: inout SplitMix64) -> String {
        let templates: [(String, String) -> String] = [
            { a, b in "(\(a)) | (\(b))" },
            { a, b in "[\(a), \(b)]" },
            { a, b in "{first: \(a), second: \(b)}" },
            { a, b in "(\(a)) || (\(b))" },
            { a, b in "(\(a)) && (\(b))" },
            { a, b in "!(\(a)) || \(b)" },
            { a, b in "not_null(\(a), \(b))" },
            { a, b in "(\(a)) == (\(b))" },
            { a, _ in "to_array(\(a))[*] | length(@)" },
            { a, _ in "type(\(a))" },
            { a, _ in "to_string(\(a))" },
            { a, _ in "to_array(\(a))[::-1]" },
            { a, _ in "to_array(\(a))[].to_string(@)" },
            { a, _ in "[(\(a))][?@ != null] | [0]" },
            { a, _ in "sort_by(to_array(\(a)), &to_string(@))" },
            { a, _ in "max_by(to_array(\(a)), &length(to_string(@)))" },
            { a, _ in "map(&type(@), to_array(\(a)))" },
        ]
        return generator.pick(templates)(first, second)
    }

    // MARK: - Running Python

    private static func askPython(_ pairs: [Pair]) throws -> [JSONValue] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jmespath-oracle-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("pairs.json")
        let document = JSONValue.array(pairs.map { ["expression": .string($0.expression), "given": $0.given] })
        try Data(document.serialized(.compact).utf8).write(to: input)
        let output = try runPython(["-c", oracleScript, input.path], input: nil)
        try #require(output.status == 0, "python3 failed: \(output.standardError)")
        guard case .array(let answers) = try JSONValue.parse(output.standardOutput) else {
            throw SharedTestData.MissingData(message: "python3 printed no JSON array")
        }
        return answers
    }

    private static func runPython(_ arguments: [String], input: String?) throws
        -> (status: Int32, standardOutput: String, standardError: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        // Read before waiting so a large answer cannot fill the pipe and stall the child.
        let outData = standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errData = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }
}

import Testing
@testable import JMESPath

/// Runs the official JMESPath compliance suite (jmespath.test) against the module.
@Suite("JMESPath compliance")
struct ComplianceTests {
    /// Runs every case of one file and returns the failures, each naming file, case index and expression.
    static func failures(in file: String) throws -> (cases: Int, failures: [String]) {
        var failures: [String] = []
        var count = 0
        for group in try SharedTestData.loadSuite(file) {
            for item in group.cases {
                let label = "\(file) case #\(count) `\(item.expression)`"
                count += 1
                if let problem = check(item, given: group.given) { failures.append("\(label): \(problem)") }
            }
        }
        return (count, failures)
    }

    /// Nil when the case passes, else what went wrong.
    private static func check(_ item: ComplianceCase, given: JSONValue) -> String? {
        let compiled: JMESPathExpression
        do {
            compiled = try JMESPathExpression(item.expression)
        } catch let error as JMESPathError {
            if item.error == error.kind.rawValue { return nil }
            return "compile failed with \(error.kind.rawValue) (\(error.message)); expected "
                + (item.error.map { "error \($0)" } ?? "a result")
        } catch {
            return "unexpected error \(error)"
        }
        if item.error == "syntax" { return "compiled, but a syntax error was expected" }
        do {
            let actual = try compiled.search(given)
            if let expectedError = item.error {
                return "returned \(actual.serialized(.compact)), expected \(expectedError)"
            }
            guard let expected = item.result else { return nil }
            return actual == expected
                ? nil : "returned \(actual.serialized(.compact)), expected \(expected.serialized(.compact))"
        } catch let error as JMESPathError {
            if item.error == error.kind.rawValue { return nil }
            return "failed with \(error.kind.rawValue) (\(error.message)); expected "
                + (item.error.map { "error \($0)" } ?? "a result")
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test("the suite is present")
    func suiteIsPresent() {
        #expect(SharedTestData.jmespathDirectory != nil, "\(SharedTestData.missingMessage)")
        #expect(SharedTestData.complianceFileNames.count >= 14)
    }

    @Test("each compliance file passes", arguments: SharedTestData.complianceFileNames)
    func file(_ name: String) throws {
        let (count, failures) = try Self.failures(in: name)
        print("jmespath compliance: \(name): \(count) cases, \(failures.count) failed")
        for failure in failures { Issue.record("\(failure)") }
        #expect(count > 0)
    }

    @Test("every compliance case passes, in total")
    func total() throws {
        let files = SharedTestData.complianceFileNames
        var total = 0
        var failed: [String] = []
        for file in files {
            let (count, failures) = try Self.failures(in: file)
            total += count
            failed += failures
        }
        print("jmespath compliance: \(total) cases in \(files.count) files, \(failed.count) failed")
        #expect(failed.isEmpty, "\(failed.prefix(20).joined(separator: "\n"))")
        #expect(total >= 800)
    }

    @Test("every benchmark expression compiles and evaluates")
    func benchmarks() throws {
        var count = 0
        for group in try SharedTestData.loadSuite("benchmarks.json") {
            for item in group.cases {
                count += 1
                let expression = try JMESPathExpression(item.expression)
                _ = try expression.search(group.given)
            }
        }
        print("jmespath benchmarks: \(count) expressions evaluated")
        #expect(count > 0)
    }
}

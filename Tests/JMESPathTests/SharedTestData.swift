import CMKTestSupport
import Foundation
@testable import JMESPath

/// Loads the JMESPath compliance suite kept in the project (`Tests/Vectors/jmespath`).
enum SharedTestData {
    /// `Tests/Vectors/jmespath`, or nil when the checkout lacks it (the tests that read it then fail).
    static var jmespathDirectory: URL? {
        try? PackageLayout.vectorDirectory("jmespath")
    }

    static let missingMessage = "JMESPath compliance files not found at Tests/Vectors/jmespath: "
        + "restore them with `git checkout -- Tests/Vectors`"

    /// Names of the compliance files (all `*.json` except `benchmarks.json`), sorted.
    static var complianceFileNames: [String] {
        guard let directory = jmespathDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") && $0 != "benchmarks.json" }.sorted()
    }

    /// Parses one suite file with the module's own JSON parser.
    static func loadSuite(_ name: String) throws -> [ComplianceGroup] {
        guard let directory = jmespathDirectory else { throw MissingData(message: missingMessage) }
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        guard case .array(let groups) = try JSONValue.parse(bytes: bytes) else {
            throw MissingData(message: "\(name): expected a top-level array of {given, cases}")
        }
        return try groups.map { group in
            guard case .object(let object) = group, case .array(let cases)? = object["cases"] else {
                throw MissingData(message: "\(name): a group lacks 'cases'")
            }
            return ComplianceGroup(given: object["given"] ?? .null, cases: try cases.map { item in
                guard case .object(let fields) = item, let expression = fields["expression"]?.stringValue else {
                    throw MissingData(message: "\(name): a case lacks 'expression'")
                }
                // A JSON null result is present; only an absent key means "no result".
                return ComplianceCase(expression: expression, result: fields["result"],
                                      error: fields["error"]?.stringValue)
            })
        }
    }

    struct MissingData: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

struct ComplianceGroup {
    let given: JSONValue
    let cases: [ComplianceCase]
}

struct ComplianceCase {
    let expression: String
    /// `nil` when the case has no `result` key; `.some(.null)` when the expected result is null.
    let result: JSONValue?
    let error: String?
}

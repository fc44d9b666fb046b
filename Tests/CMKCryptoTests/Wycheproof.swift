import Foundation

/// The common shape of a Wycheproof vector file.
struct WycheproofFile<Group: Decodable>: Decodable {
    let algorithm: String
    let numberOfTests: Int
    let testGroups: [Group]

    static func load(_ name: String) throws -> WycheproofFile {
        try JSONDecoder().decode(WycheproofFile.self, from: TestSupport.wycheproofData(name))
    }
}

/// What a vector expects: valid must succeed, invalid must fail, acceptable may do either.
enum WycheproofResult: String, Decodable {
    case valid
    case invalid
    case acceptable
}

/// Counts what a Wycheproof test checked, for the summary line and the completeness check.
struct WycheproofTally: CustomStringConvertible {
    var valid = 0
    var invalid = 0
    var acceptableSucceeded = 0
    var acceptableFailed = 0
    var skipped: [Int: String] = [:]

    var checked: Int {
        valid + invalid + acceptableSucceeded + acceptableFailed
    }

    var description: String {
        var text = "checked \(checked) vectors (valid \(valid), invalid \(invalid), "
            + "acceptable \(acceptableSucceeded + acceptableFailed): \(acceptableSucceeded) accepted, "
            + "\(acceptableFailed) rejected)"
        if !skipped.isEmpty {
            let reasons = skipped.sorted { $0.key < $1.key }.map { "tcId \($0.key): \($0.value)" }
            text += ", skipped \(skipped.count) [\(reasons.joined(separator: "; "))]"
        }
        return text
    }
}

struct AEADGroup: Decodable {
    let ivSize: Int
    let keySize: Int
    let tagSize: Int
    let tests: [AEADVector]
}

struct AEADVector: Decodable {
    let tcId: Int
    let comment: String
    let key: String
    let iv: String
    let aad: String
    let msg: String
    let ct: String
    let tag: String
    let result: WycheproofResult
}

struct HKDFGroup: Decodable {
    let tests: [HKDFVector]
}

struct HKDFVector: Decodable {
    let tcId: Int
    let comment: String
    let ikm: String
    let salt: String
    let info: String
    let size: Int
    let okm: String
    let result: WycheproofResult
}

struct RSAOAEPGroup: Decodable {
    let keySize: Int
    let sha: String
    let mgf: String
    let mgfSha: String
    let privateKeyPkcs8: String
    let tests: [RSAOAEPVector]
}

struct RSAOAEPVector: Decodable {
    let tcId: Int
    let comment: String
    let msg: String
    let ct: String
    let label: String
    let result: WycheproofResult
    let flags: [String]
}

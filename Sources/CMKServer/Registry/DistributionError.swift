import CMKCore
import Foundation
import JSON

/// An error as the distribution specification's clients read it: a status and
/// `{"errors":[{"code","message","detail"}]}` with one of the spec's codes.
struct DistributionError: Error {
    var status: Int
    var code: String
    var message: String
    var detail: JSONValue = .null
    var headers: [(name: String, value: String)] = []

    init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var response: HTTPResponse {
        let body = JSONValue.object(JSONObject([("errors", .array([.object(JSONObject([
            ("code", .string(code)), ("message", .string(message)), ("detail", detail),
        ]))]))]))
        var response = HTTPResponse.json(body, status: status)
        response.headers += headers
        return response
    }

    static func unsupported(_ message: String) -> DistributionError {
        DistributionError(405, "UNSUPPORTED", message)
    }

    static func nameInvalid(_ name: String) -> DistributionError {
        DistributionError(400, "NAME_INVALID", "invalid repository name: '\(name)'")
    }

    static func digestInvalid(_ digest: String) -> DistributionError {
        DistributionError(400, "DIGEST_INVALID", "'\(digest)' is not a valid digest: use sha256: followed by 64 "
                              + "lowercase hex digits")
    }

    /// The core's error as the spec's: the vault's denials (a revoked or unreachable key) become 403 DENIED with
    /// the precise cause and the fix, since ACR's own wire text for them is not published.
    init(_ error: CMKError, uploadContext: Bool = false) {
        let text = error.message + (error.hint.map { " Fix: \($0)" } ?? "")
        switch error.code {
        case .blobMissing?:
            self.init(404, uploadContext ? "MANIFEST_BLOB_UNKNOWN" : "BLOB_UNKNOWN", text)
            if uploadContext { status = 400 }
        case .manifestUnknown?, .tagNotFound?:
            self.init(404, "MANIFEST_UNKNOWN", text)
        case .nameUnknown?, .repositoryNotFound?:
            self.init(404, "NAME_UNKNOWN", text)
        case .digestInvalid?, .digestMismatch?:
            self.init(400, "DIGEST_INVALID", text)
        case .manifestInvalid?, .unsupportedMediaType?, .badParameter?:
            self.init(400, "MANIFEST_INVALID", text)
        case .manifestTooLarge?, .contentTooLarge?:
            self.init(413, "SIZE_INVALID", text)
        case .sizeMismatch?:
            self.init(400, "SIZE_INVALID", text)
        case .unauthorized?:
            self.init(401, "UNAUTHORIZED", text)
        case .resourceNotFound?:
            self.init(404, "NAME_UNKNOWN", text)
        case .contentConflict?:
            self.init(409, "BLOB_UPLOAD_INVALID", text)
        default:
            switch error.category {
            case .forbidden: self.init(403, "DENIED", text)
            case .notFound: self.init(404, "NAME_UNKNOWN", text)
            case .usage, .badRequest: self.init(400, "NAME_INVALID", text)
            case .conflict: self.init(409, "DENIED", text)
            }
        }
    }
}

extension HTTPResponse {
    static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json") -> HTTPResponse {
        let bytes = Array(value.serialized(.compact).utf8)
        return HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: .bytes(bytes))
    }
}

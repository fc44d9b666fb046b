import CMKCore
import Foundation
import JSON

/// An error as Key Vault's REST API returns it: a status and
/// `{"error":{"code","message","innererror":{"code"}}}`, the inner code naming the precise cause
/// (`ForbiddenByPolicy`, `ForbiddenByRbac`, `ForbiddenByFirewall`, `KeyDisabled`, ...).
struct KeyVaultError: Error {
    var status: Int
    var code: String
    var message: String
    var innerCode: String?
    var headers: [(name: String, value: String)] = []

    init(_ status: Int, _ code: String, _ message: String, innerCode: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.innerCode = innerCode
    }

    var response: HTTPResponse {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if let innerCode {
            error["innererror"] = ["code": .string(innerCode)]
        }
        var response = HTTPResponse.json(["error": .object(error)], status: status,
                                         contentType: "application/json; charset=utf-8")
        response.headers += headers
        return response
    }

    /// The core's error in Key Vault's terms. The vault's denials keep their stable code as the inner code; the
    /// message is the core's, with the fix when it has one.
    init(_ error: CMKError) {
        let text = error.message + (error.hint.map { " Fix: \($0)" } ?? "")
        let code = error.code?.rawValue
        switch code {
        case "Unauthorized":
            self.init(401, "Unauthorized", text)
        case "ForbiddenByPolicy", "ForbiddenByRbac", "ForbiddenByFirewall", "KeyDisabled", "KeyExpired",
             "KeyNotYetValid", "VaultDeleted":
            self.init(403, "Forbidden", text, innerCode: code)
        case "KeyNotFound":
            self.init(404, "KeyNotFound", text)
        case "KeyDeleted", "KeyPurged":
            self.init(404, "KeyNotFound", text, innerCode: code)
        case "VaultNotFound", "ResourceNotFound":
            self.init(404, "VaultNotFound", text)
        case "KeyTypeNotSupported", "OperationNotAllowed":
            self.init(400, "BadParameter", text, innerCode: code)
        default:
            switch error.category {
            case .forbidden: self.init(403, "Forbidden", text)
            case .notFound: self.init(404, "NotFound", text)
            case .conflict: self.init(409, "Conflict", text)
            case .usage, .badRequest: self.init(400, "BadParameter", text)
            }
        }
    }

    static func badParameter(_ message: String) -> KeyVaultError {
        KeyVaultError(400, "BadParameter", message)
    }
}

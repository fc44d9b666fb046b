import CMKCore
import Foundation

/// Who may use the console: the holder of the token `acrcmk serve` prints (as notebook servers do), kept in an
/// HttpOnly, SameSite=Strict cookie once presented; every change also carries a CSRF token derived from it and
/// must come from this origin.
struct ConsoleAccess: Sendable {
    static let cookieName = "acrcmk_console"

    /// The token printed at start, random for each server run.
    let token: String

    init(token: String = Identifiers.randomBytes(count: 24).map { String(format: "%02x", $0) }.joined()) {
        self.token = token
    }

    /// The CSRF token every form carries: bound to the console token, so another site cannot know it.
    var csrfToken: String {
        ContentDigest.hex(ContentDigest.of(Array("acrcmk-console-csrf|\(token)".utf8)))
    }

    /// True when the request carries the console cookie.
    func isSignedIn(_ request: HTTPRequest) -> Bool {
        guard let cookies = request.header("cookie") else { return false }
        return cookies.split(separator: ";").contains { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && parts[0] == Self.cookieName && constantTimeEqual(parts[1], token)
        }
    }

    /// True when a change request carries the CSRF token and, if the browser says where it comes from, comes
    /// from this origin.
    func isGenuineChange(_ request: HTTPRequest, form: FormFields) -> Bool {
        guard let sent = form.value("csrf"), constantTimeEqual(sent, csrfToken) else { return false }
        if let origin = request.header("origin"), let host = request.header("host") {
            return origin == "\(request.scheme)://\(host)"
        }
        return true
    }

    func cookieHeader() -> String {
        "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

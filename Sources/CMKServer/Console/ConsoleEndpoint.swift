import CMKCore
import Foundation

/// The portal method as a web console, served by `acrcmk serve` at `/`: plain HTML forms over the same core use
/// cases as the command line (no rule lives here), labelled as Azure Portal labels them, so that an operator's portal
/// runbook maps one to one.
final class ConsoleEndpoint: @unchecked Sendable {
    let homes: HomePool
    let access: ConsoleAccess
    /// Renders a drill report as the command line does (Markdown, JSON); given by the executable.
    let renderDrillReport: @Sendable (DrillReport) -> (markdown: String, json: String)
    /// Opens a scratch copy of the state home for a drill, and what removes it.
    let openScratchHome: @Sendable () throws -> (home: any ContentHome, remove: @Sendable () -> Void)
    /// Access policies added but not saved yet, by vault (the portal's Add, then Save).
    private var pendingPolicies: [String: [PendingPolicy]] = [:]
    /// Drill reports of this run, by id.
    private var drills: [String: DrillReport] = [:]
    private let lock = NSLock()

    struct PendingPolicy {
        var objectId: String
        var principalName: String
        var keyPermissions: [String]
    }

    init(homes: HomePool, access: ConsoleAccess,
         renderDrillReport: @escaping @Sendable (DrillReport) -> (markdown: String, json: String),
         openScratchHome: @escaping @Sendable () throws -> (home: any ContentHome, remove: @Sendable () -> Void)) {
        self.homes = homes
        self.access = access
        self.renderDrillReport = renderDrillReport
        self.openScratchHome = openScratchHome
    }

    /// Whether the console answers this path.
    static func handles(_ path: String) -> Bool {
        path == "/" || path == "/portal" || path.hasPrefix("/portal/")
    }

    func exchange(for request: HTTPRequest) -> HTTPExchange {
        if request.path == "/" {
            return .respond(signIn(request))
        }
        if request.path == "/portal/style.css" {
            return .respond(HTTPResponse(status: 200, headers: [("Content-Type", "text/css; charset=utf-8"),
                                                                ("Cache-Control", "max-age=300")],
                                         body: .bytes(Array(ConsoleStyle.css.utf8))))
        }
        if request.path == "/portal/script.js" {
            return .respond(HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"),
                                                                ("Cache-Control", "max-age=300")],
                                         body: .bytes(Array(ConsoleStyle.script.utf8))))
        }
        guard access.isSignedIn(request) else {
            return .respond(message(status: 401, title: "Sign in to the console",
                                    text: "Open the console address that acrcmk serve printed when it started "
                                        + "(it carries the console token)."))
        }
        let segments = request.path.split(separator: "/").dropFirst().map(String.init)
        switch request.method {
        case "GET", "HEAD":
            return .respond(get(segments, request))
        case "POST":
            return .receive(CollectedBody(limit: 256 * 1024, answer: { [self] body in
                let form = FormFields(body)
                guard access.isGenuineChange(request, form: form) else {
                    return message(status: 403, title: "Change refused",
                                   text: "The request did not carry this console's CSRF token (or came from another "
                                       + "site). Reload the page and try again.")
                }
                return post(segments, form, request)
            }, refuse: { [self] _ in
                message(status: 413, title: "Too large", text: "The form is larger than the console accepts.")
            }))
        default:
            return .respond(message(status: 405, title: "Method not allowed", text: request.method))
        }
    }

    // MARK: Sign-in

    /// `/?token=…`: the printed address; sets the cookie and goes to the portal.
    private func signIn(_ request: HTTPRequest) -> HTTPResponse {
        if let token = request.queryValue("token") {
            guard token == access.token else {
                return message(status: 403, title: "Wrong console token",
                               text: "This is not the token acrcmk serve printed. Open the address it printed.")
            }
            return HTTPResponse(status: 303, headers: [("Location", "/portal/"), ("Set-Cookie", access.cookieHeader())])
        }
        if access.isSignedIn(request) {
            return HTTPResponse(status: 303, headers: [("Location", "/portal/")])
        }
        return message(status: 401, title: "Sign in to the console",
                       text: "Open the console address that acrcmk serve printed when it started (it carries the "
                           + "console token).")
    }

    // MARK: Dispatch

    private func get(_ path: [String], _ request: HTTPRequest) -> HTTPResponse {
        let notice = request.queryValue("notice")
        do {
            switch path {
            case []: return homePage()
            case ["identities"]: return try identitiesPage(notice: notice)
            case ["identities", "create"]: return try identityForm(values: nil, error: nil)
            case let p where p.count == 3 && p[0] == "identities": return try identityPage(group: p[1], name: p[2], notice: notice)
            case ["vaults"]: return try vaultsPage(notice: notice)
            case ["vaults", "create"]: return try vaultForm(values: nil, error: nil)
            case let p where p.count == 2 && p[0] == "vaults": return try vaultPage(p[1], notice: notice)
            case let p where p.count == 3 && p[0] == "vaults" && p[2] == "access-policies":
                return try accessPoliciesPage(p[1], notice: notice, error: nil)
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "access-policies" && p[3] == "add":
                return try addAccessPolicyForm(p[1], error: nil)
            case let p where p.count == 3 && p[0] == "vaults" && p[2] == "keys": return try keysPage(p[1], notice: notice)
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "keys" && p[3] == "create":
                return try keyForm(p[1], values: nil, error: nil)
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "keys":
                return try keyPage(vault: p[1], key: p[3], notice: notice)
            case let p where p.count == 5 && p[0] == "vaults" && p[2] == "keys":
                return try keyVersionPage(vault: p[1], key: p[3], version: p[4])
            case ["registries"]: return try registriesPage(notice: notice)
            case ["registries", "create"]: return try registryForm(values: nil, error: nil)
            case let p where p.count == 2 && p[0] == "registries": return try registryPage(p[1], notice: notice)
            case let p where p.count == 3 && p[0] == "registries" && p[2] == "encryption":
                return try encryptionPage(p[1], notice: notice, error: nil)
            case ["estate"]: return try estatePage(notice: notice)
            case ["estate", "view"]: return try estateFragment()
            case ["drill"]: return try drillPage(notice: notice, error: nil)
            case let p where p.count == 2 && p[0] == "drill": return try drillResultPage(p[1])
            case let p where p.count == 3 && p[0] == "drill" && p[2] == "report.md": return drillDownload(p[1], json: false)
            case let p where p.count == 3 && p[0] == "drill" && p[2] == "report.json": return drillDownload(p[1], json: true)
            default:
                return message(status: 404, title: "Not found", text: "The console has no page at \(request.path).")
            }
        } catch let error as CMKError {
            return message(status: 404, title: "Not available", text: Self.errorText(error))
        } catch {
            return message(status: 500, title: "Error", text: "\(error)")
        }
    }

    private func post(_ path: [String], _ form: FormFields, _ request: HTTPRequest) -> HTTPResponse {
        do {
            switch path {
            case ["identities", "review"]: return try identityReview(form)
            case ["identities", "create"]: return try createIdentity(form)
            case ["vaults", "review"]: return try vaultReview(form)
            case ["vaults", "create"]: return try createVault(form)
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "access-policies" && p[3] == "add":
                return try addAccessPolicy(p[1], form)
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "access-policies" && p[3] == "save":
                return try saveAccessPolicies(p[1])
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "access-policies" && p[3] == "discard":
                discardPendingPolicies(p[1])
                return redirect("/portal/vaults/\(HTML.segment(p[1]))/access-policies")
            case let p where p.count == 4 && p[0] == "vaults" && p[2] == "keys" && p[3] == "create":
                return try createKey(p[1], form)
            case ["registries", "review"]: return try registryReview(form)
            case ["registries", "create"]: return try createRegistry(form)
            case let p where p.count == 4 && p[0] == "registries" && p[2] == "encryption" && p[3] == "change":
                return try changeKey(p[1], form)
            case let p where p.count == 4 && p[0] == "registries" && p[2] == "encryption" && p[3] == "rotate":
                return try rotateToNewVersion(p[1])
            case ["drill", "run"]: return try runDrill(form)
            case ["drill", "revoke"]: return try revokeNow(form)
            case ["drill", "recover"]: return try recoverNow(form)
            default:
                return message(status: 404, title: "Not found", text: "The console has no action at \(request.path).")
            }
        } catch {
            return message(status: 500, title: "Error", text: "\(error)")
        }
    }

    // MARK: Shared pieces

    /// Runs `body` as one transaction on the state home, as a CLI command does.
    func perform<T>(_ body: (Session) throws -> T) throws -> T {
        try homes.withHome { home in try home.perform(body) }
    }

    func redirect(_ path: String, notice: String? = nil) -> HTTPResponse {
        let query = notice.map {
            "?notice=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        } ?? ""
        return HTTPResponse(status: 303, headers: [("Location", path + query)])
    }

    /// An error as the command line prints it: `(Code) message`, then the hint.
    static func errorText(_ error: Error) -> String {
        guard let error = error as? CMKError else { return "\(error)" }
        return error.description + (error.hint.map { "\n\($0)" } ?? "")
    }

    var csrfField: HTML { Control.hidden("csrf", access.csrfToken) }

    func remember(_ report: DrillReport) -> String {
        let id = Identifiers.guid()
        lock.lock()
        drills[id] = report
        lock.unlock()
        return id
    }

    func drill(_ id: String) -> DrillReport? {
        lock.lock()
        defer { lock.unlock() }
        return drills[id]
    }

    func pending(_ vault: String) -> [PendingPolicy] {
        lock.lock()
        defer { lock.unlock() }
        return pendingPolicies[vault.lowercased()] ?? []
    }

    func addPending(_ policy: PendingPolicy, vault: String) {
        lock.lock()
        pendingPolicies[vault.lowercased(), default: []].append(policy)
        lock.unlock()
    }

    func discardPendingPolicies(_ vault: String) {
        lock.lock()
        pendingPolicies[vault.lowercased()] = nil
        lock.unlock()
    }

    /// A whole page: top bar, breadcrumbs, notice or error, content.
    func page(_ title: String, crumbs: [(String, String)] = [], notice: String? = nil, error: String? = nil,
              status: Int = 200, _ content: HTML) -> HTTPResponse {
        let trail = HTML.join(([("Home", "/portal/")] + crumbs).map { "<a href=\"\($0.1)\">\($0.0)</a>" },
                              separator: " &rsaquo; ")
        let html: HTML = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) - acrcmk console</title><link rel="stylesheet" href="/portal/style.css"></head>
            <body><a class="skip" href="#main">Skip to content</a>
            <header class="top"><a class="brand" href="/portal/">acrcmk console</a>
            <nav class="main" aria-label="Services"><a href="/portal/identities">Managed Identities</a>
            <a href="/portal/vaults">Key vaults</a><a href="/portal/registries">Container registries</a>
            <a href="/portal/estate">Estate</a><a href="/portal/drill">Revocation drill</a></nav></header>
            <main id="main"><div class="crumbs">\(trail)</div><h1>\(title)</h1>
            \(notice.map { HTML("<div class=\"notice\" role=\"status\">\($0)</div>") } ?? "")\
            \(error.map { HTML("<div class=\"error\" role=\"alert\">\($0)</div>") } ?? "")
            \(content)</main><script src="/portal/script.js"></script></body></html>
            """
        return HTTPResponse(status: status, headers: [
            ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
            ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"),
            ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
        ], body: .bytes(Array(html.markup.utf8)))
    }

    func message(status: Int, title: String, text: String) -> HTTPResponse {
        page(title, status: status, "<div class=\"panel\"><p>\(text)</p></div>")
    }

    private func homePage() -> HTTPResponse {
        page("Azure services (simulated)", """
            <div class="panel"><p>Set up a registry encrypted with a customer-managed key the way the Azure Portal
            does it, step by step: a managed identity, a key vault with purge protection, an access policy for the
            identity, a key, then the registry with its Encryption tab. Everything here is visible to
            <code>acrcmk az ...</code> at once, and the reverse.</p>
            <ul><li><a href="/portal/identities">Managed Identities</a></li><li><a href="/portal/vaults">Key vaults</a></li>
            <li><a href="/portal/registries">Container registries</a></li>
            <li><a href="/portal/estate">Estate</a>: every registry, its identity, vault and key, red where access is broken</li>
            <li><a href="/portal/drill">Revocation drill</a></li></ul></div>
            """)
    }
}

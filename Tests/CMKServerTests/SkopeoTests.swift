import CMKTestSupport
import Foundation
import Testing

/// skopeo (Debian's) against `acrcmk serve`, with ACR's token flow: push, inspect, list tags, pull; `denied`
/// after a revocation, working again after recovery.
@Suite(.serialized) struct SkopeoTests {
    @Test func pushPullListInspectThenDeniedAfterRevocationAndBackAfterRecovery() throws {
        let server = try ServedRegistry()
        let layout = try server.makeImage("image", content: "skopeo layer \(UUID())")
        let creds = "\(refreshTokenUser):\(try server.refreshToken())"
        let target = "docker://\(server.host)/servedreg/team/app:1.0"

        try server.require(server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", creds,
                                                 "oci:\(layout):v1", target]), "push")
        let inspect = try server.run("skopeo", ["inspect", "--tls-verify=false", "--creds", creds, target])
        try server.require(inspect, "inspect")
        #expect(inspect.stdout.contains("\"1.0\""))
        let tags = try server.run("skopeo", ["list-tags", "--tls-verify=false", "--creds", creds,
                                             "docker://\(server.host)/servedreg/team/app"])
        try server.require(tags, "list-tags")
        #expect(tags.stdout.contains("\"1.0\""))
        let back = server.folder.appendingPathComponent("back").path
        try server.require(server.run("skopeo", ["copy", "--src-tls-verify=false", "--src-creds", creds, target,
                                                 "oci:\(back):v1"]), "pull")
        // What came back is what went in: the same manifest digest.
        let sent = try server.run("skopeo", ["inspect", "--raw", "oci:\(layout):v1"])
        let received = try server.run("skopeo", ["inspect", "--raw", "oci:\(back):v1"])
        #expect(sent.stdout == received.stdout && !sent.stdout.isEmpty)
        // Content pushed over HTTP pulls with acrcmk's own pull.
        let pulled = try server.acrcmk("pull", "servedreg", "team/app:1.0", server.folder.appendingPathComponent("cli").path)
        try server.require(pulled, "acrcmk pull")

        try server.require(server.acrcmk("revoke", "--registry", "servedreg", "--method", "disable-key"))
        let denied = try server.run("skopeo", ["copy", "--src-tls-verify=false", "--src-creds", creds, target,
                                               "oci:\(back)-2:v1"])
        #expect(denied.exitCode != 0)
        #expect(denied.stderr.contains("denied:"))
        #expect(denied.stderr.contains("Operation unwrapKey is not allowed on a disabled key"))
        let deniedPush = try server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", creds,
                                                   "oci:\(layout):v1", "docker://\(server.host)/servedreg/team/app:2.0"])
        #expect(deniedPush.exitCode != 0)
        // skopeo's push starts with a HEAD of each blob, and a HEAD response has no body: it prints the status.
        #expect(deniedPush.stderr.contains("denied") || deniedPush.stderr.contains("403 (Forbidden)"))

        try server.require(server.acrcmk("recover", "--registry", "servedreg"))
        try server.require(server.run("skopeo", ["copy", "--src-tls-verify=false", "--src-creds", creds, target,
                                                 "oci:\(back)-3:v1"]), "pull after recovery")
    }

    @Test func unauthenticatedPushIsRefusedWith401() throws {
        let server = try ServedRegistry()
        let layout = try server.makeImage("image", content: "anonymous")
        let push = try server.run("skopeo", ["copy", "--dest-tls-verify=false", "oci:\(layout):v1",
                                             "docker://\(server.host)/servedreg/app:1"])
        #expect(push.exitCode != 0)
        #expect(push.stderr.contains("401") || push.stderr.lowercased().contains("unauthorized")
                    || push.stderr.contains("authentication required"))
        let repositories = try server.acrcmk("az", "acr", "repository", "list", "-n", "servedreg", "-o", "tsv")
        #expect(repositories.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// A managed identity with AcrPull only, signed in as a VM would (IMDS token, then ACR's exchange): it pulls,
    /// it cannot push; granted AcrPush, it can.
    @Test func acrPullOnlyIdentityCannotPushUntilGrantedAcrPush() throws {
        let server = try ServedRegistry(extraSetup: [
            ["az", "identity", "create", "-g", "servedreg-rg", "-n", "puller"],
        ])
        let layout = try server.makeImage("image", content: "rbac")
        let operatorCreds = "\(refreshTokenUser):\(try server.refreshToken())"
        try server.require(server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", operatorCreds,
                                                 "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:1"]))
        let ids = try server.acrcmk("az", "identity", "show", "-g", "servedreg-rg", "-n", "puller", "--query",
                                    "[clientId, principalId]", "-o", "tsv")
        try server.require(ids)
        let parts = ids.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        let registryID = try server.acrcmk("az", "acr", "show", "-n", "servedreg", "--query", "id", "-o", "tsv")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try server.require(server.acrcmk("az", "role", "assignment", "create", "--role", "AcrPull", "--assignee",
                                          parts[1], "--scope", registryID))
        let identityCreds = "\(refreshTokenUser):\(try identityRefreshToken(server, clientId: parts[0]))"

        try server.require(server.run("skopeo", ["copy", "--src-tls-verify=false", "--src-creds", identityCreds,
                                                 "docker://\(server.host)/servedreg/app:1",
                                                 "oci:\(server.folder.path)/pulled:v1"]), "AcrPull pulls")
        let push = try server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", identityCreds,
                                             "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:2"])
        #expect(push.exitCode != 0)
        #expect(push.stderr.contains("denied") || push.stderr.contains("insufficient"))

        try server.require(server.acrcmk("az", "role", "assignment", "create", "--role", "AcrPush", "--assignee",
                                          parts[1], "--scope", registryID))
        try server.require(server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", identityCreds,
                                                 "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:2"]),
                           "AcrPush pushes")
    }

    @Test func adminUserSignsInWhileEnabledAndIsRefusedOnceDisabled() throws {
        let server = try ServedRegistry()
        try server.require(server.acrcmk("az", "acr", "update", "-n", "servedreg", "--admin-enabled", "true"))
        let credentials = try server.acrcmk("az", "acr", "credential", "show", "-n", "servedreg", "--query",
                                            "passwords[0].value", "-o", "tsv")
        try server.require(credentials)
        let creds = "servedreg:\(credentials.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"
        let layout = try server.makeImage("image", content: "admin")
        try server.require(server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", creds,
                                                 "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:1"]))
        try server.require(server.acrcmk("az", "acr", "update", "-n", "servedreg", "--admin-enabled", "false"))
        let refused = try server.run("skopeo", ["inspect", "--tls-verify=false", "--creds", creds,
                                                "docker://\(server.host)/servedreg/app:1"])
        #expect(refused.exitCode != 0)
        #expect(refused.stderr.contains("admin user of registry 'servedreg' is disabled"))
    }

    @Test func anonymousPullOnlyWhenEnabled() throws {
        let server = try ServedRegistry()
        let layout = try server.makeImage("image", content: "public")
        try server.require(server.run("skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds",
                                                 "\(refreshTokenUser):\(try server.refreshToken())",
                                                 "oci:\(layout):v1", "docker://\(server.host)/servedreg/app:1"]))
        let inspect = ["inspect", "--tls-verify=false", "--no-creds", "docker://\(server.host)/servedreg/app:1"]
        #expect(try server.run("skopeo", inspect).exitCode != 0)
        try server.require(server.acrcmk("az", "acr", "update", "-n", "servedreg", "--anonymous-pull-enabled", "true"))
        try server.require(server.run("skopeo", inspect), "anonymous pull")
    }

    /// IMDS (`Metadata: true`) → Entra token → ACR's `/oauth2/exchange` → refresh token.
    private func identityRefreshToken(_ server: ServedRegistry, clientId: String) throws -> String {
        let imds = try server.run("curl", ["-sf", "-H", "Metadata: true",
                                           "http://\(server.host)/metadata/identity/oauth2/token?api-version=2018-02-01"
                                               + "&resource=https://management.azure.com/&client_id=\(clientId)"])
        try server.require(imds, "IMDS token")
        let entra = try #require(try JSONSerialization.jsonObject(with: Data(imds.stdout.utf8)) as? [String: Any])
        let accessToken = try #require(entra["access_token"] as? String)
        let exchange = try server.run("curl", ["-sf", "-X", "POST", "--data-urlencode", "grant_type=access_token",
                                               "--data-urlencode", "service=servedreg.azurecr.io",
                                               "--data-urlencode", "access_token=\(accessToken)",
                                               "http://\(server.host)/oauth2/exchange"])
        try server.require(exchange, "exchange")
        let refresh = try #require(try JSONSerialization.jsonObject(with: Data(exchange.stdout.utf8)) as? [String: Any])
        return try #require(refresh["refresh_token"] as? String)
    }
}

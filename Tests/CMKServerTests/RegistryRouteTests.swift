import Testing

@testable import CMKServer

/// Paths of the distribution API to routes: names with slashes, the last marker wins, traversal refused.
struct RegistryRouteTests {
    @Test func everyEndpointOfTheSpecParses() {
        let cases: [(String, RegistryRoute)] = [
            ("/v2/", .base), ("/v2", .base), ("/v2/_catalog", .catalog), ("/oauth2/token", .token),
            ("/oauth2/exchange", .exchange), ("/metadata/identity/oauth2/token", .identityToken),
            ("/v2/reg/team/app/tags/list", .tags(name: "reg/team/app")),
            ("/v2/reg/app/manifests/v1", .manifest(name: "reg/app", reference: "v1")),
            ("/v2/reg/app/manifests/sha256:abc", .manifest(name: "reg/app", reference: "sha256:abc")),
            ("/v2/reg/app/blobs/sha256:abc", .blob(name: "reg/app", digest: "sha256:abc")),
            ("/v2/reg/app/blobs/uploads/", .uploads(name: "reg/app")),
            ("/v2/reg/app/blobs/uploads", .uploads(name: "reg/app")),
            ("/v2/reg/app/blobs/uploads/1234", .upload(name: "reg/app", id: "1234")),
            ("/v2/reg/app/referrers/sha256:abc", .referrers(name: "reg/app", digest: "sha256:abc")),
            // A repository may itself be called "manifests" or "blobs": the last marker decides.
            ("/v2/reg/manifests/manifests/v1", .manifest(name: "reg/manifests", reference: "v1")),
        ]
        for (path, route) in cases {
            #expect(RegistryRoute.parse(path) == route, "\(path)")
        }
    }

    @Test func traversalEmptySegmentsAndStrangersAreUnknown() {
        for path in ["/v2/../etc/manifests/v1", "/v2/reg/../app/manifests/v1", "/v2/reg//app/manifests/v1",
                     "/v2/./app/blobs/sha256:a", "/v2/app/manifests/", "/v2/app/manifests/a/b", "/etc/passwd",
                     "/v2/app", "/", "", "/v2/manifests/v1", "/v3/app/manifests/v1"] {
            #expect(RegistryRoute.parse(path) == .unknown, "\(path)")
        }
    }

    @Test func byteRangesFollowRFC9110() {
        #expect(ByteRange.parse("bytes=0-9", size: 100) == 0...9)
        #expect(ByteRange.parse("bytes=90-", size: 100) == 90...99)
        #expect(ByteRange.parse("bytes=-10", size: 100) == 90...99)
        #expect(ByteRange.parse("bytes=95-200", size: 100) == 95...99)
        for bad in ["bytes=100-", "bytes=10-5", "bytes=a-b", "items=0-1", "bytes=0-1,3-4", "bytes=-0", "0-1"] {
            #expect(ByteRange.parse(bad, size: 100) == nil, "\(bad)")
        }
    }

    @Test func pagesFollowLastAndN() throws {
        let names = ["a", "b", "c", "d", "e"]
        let first = try Paging(HTTPRequest(method: "GET", path: "/", query: [("n", "2")])).apply(names)
        #expect(first.items == ["a", "b"] && first.nextLast == "b")
        let second = try Paging(HTTPRequest(method: "GET", path: "/", query: [("n", "2"), ("last", "b")])).apply(names)
        #expect(second.items == ["c", "d"] && second.nextLast == "d")
        let last = try Paging(HTTPRequest(method: "GET", path: "/", query: [("n", "2"), ("last", "d")])).apply(names)
        #expect(last.items == ["e"] && last.nextLast == nil)
        #expect(throws: DistributionError.self) {
            try Paging(HTTPRequest(method: "GET", path: "/", query: [("n", "-1")]))
        }
    }

    @Test func formFieldsDecodeAsBrowsersAndClientsEncode() {
        let form = FormFields(Array("grant_type=refresh_token&scope=repository%3Aa%2Fb%3Apull+push&scope=x&e=".utf8))
        #expect(form.value("grant_type") == "refresh_token")
        #expect(form.values("scope") == ["repository:a/b:pull push", "x"])
        #expect(form.value("missing") == nil)
    }

    /// A form is the client's bytes: nothing in it may stop the server (raw non-ASCII trapped in Foundation).
    @Test func malformedFormsReadWithoutTrapping() {
        for body in ["scope=r\u{E5}pository%3Aapp&grant_type=password", "a=%zz&b=%", "x=1#y=2", "\u{0}=\u{7F}", "=&&="] {
            let form = FormFields(Array(body.utf8))
            #expect(form.values("missing").isEmpty)
        }
        #expect(FormFields(Array([0x61, 0x3D, 0xFF, 0xFE])).value("b") == nil)
        #expect(FormFields(Array("grant_type=password&k=caf\u{E9}".utf8)).value("grant_type") == "password")
    }
}

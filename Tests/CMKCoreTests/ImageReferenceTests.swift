import CMKCore
import Testing

@Suite("Image references for push and pull")
struct ImageReferenceTests {
    @Test("valid references parse into repository, tag and digest", arguments: [
        ("samples/hello:v1", "samples/hello", "v1", nil),
        ("hello", "hello", "latest", nil),
        ("team/app.web_x-y:1.0-rc_2", "team/app.web_x-y", "1.0-rc_2", nil),
        ("a/b@sha256:" + String(repeating: "0a", count: 32), "a/b", nil,
         "sha256:" + String(repeating: "0a", count: 32)),
    ] as [(String, String, String?, String?)])
    func parsesValid(text: String, repository: String, tag: String?, digest: String?) throws {
        let reference = try ImageReference(parsing: text)
        #expect(reference.repository == repository)
        #expect(reference.tag == tag)
        #expect(reference.digest == digest)
    }

    @Test("invalid references are refused as usage errors", arguments: [
        "Samples/hello:v1", "samples//hello:v1", "/hello:v1", "hello/:v1", "hello:-bad", "hello:.bad",
        "hello@sha256:xyz", "hel lo:v1", "hello:" + String(repeating: "t", count: 129),
    ])
    func refusesInvalid(text: String) {
        #expect(throws: CMKError.self) { try ImageReference(parsing: text) }
        do {
            _ = try ImageReference(parsing: text)
        } catch let failure as CMKError {
            #expect(failure.category == .usage)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

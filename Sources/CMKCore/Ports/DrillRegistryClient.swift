/// A real registry client (skopeo, podman) that a drill sends its push, pull and list probes through, against a
/// registry server over the drill's state home: the impact table then shows what *that* client says.
///
/// Implementations run the client as a process; a refusal is thrown as `CMKError` with code `ClientRefused` and
/// the client's own error text as the message.
public protocol DrillRegistryClient {
    /// The client's name for the report ("skopeo").
    var name: String { get }
    /// Pushes `bytes` as a one-file image to `repository:tag` of `registry`.
    func push(_ bytes: [UInt8], registry: String, repository: String, tag: String) throws
    /// Pulls `repository:tag` and returns the file the image holds.
    func pull(registry: String, repository: String, tag: String) throws -> [UInt8]
    /// Lists the tags of `repository`.
    func listTags(registry: String, repository: String) throws -> [String]
}

/// A registry's data plane as a user asks for it: push, import, pull, export, listing and deletion of content.
///
/// Every operation obtains the registry's keys through the vault in one short transaction (one audited unwrap),
/// streams sealed objects outside any transaction through the `ContentStore`, and records what it changed in a
/// second transaction that checks again what may have changed meanwhile. Front ends (the command line, a registry
/// server) call these functions and present the typed results; they hold no rule of their own.
public struct RegistryContent {
    /// The world and its transactions.
    public let store: any StateStore
    /// The sealed objects and the content index.
    public let content: any ContentStore

    public init(store: any StateStore, content: any ContentStore) {
        self.store = store
        self.content = content
    }

    /// The content operations of a state home that holds both.
    public init(home: any ContentHome) {
        self.init(store: home, content: home.content)
    }

    /// The registry's keys, unwrapped in a transaction of their own (one audited `KeyUnwrap`).
    ///
    /// - Parameter action: What is done with the content, for the error message (e.g. "pushed").
    func keys(forRegistry registry: String, action: String) throws -> ContentKeys {
        try store.perform { try $0.contentKeys(forRegistry: registry, action: action) }
    }
}

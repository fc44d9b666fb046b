/// A Key Vault key URL: `https://<vault>.vault.azure.net/keys/<name>[/<version>]`.
public struct KeyIdentifier: Sendable, Equatable {
    public var vaultName: String
    public var keyName: String
    public var version: String?

    public init(vaultName: String, keyName: String, version: String?) {
        self.vaultName = vaultName
        self.keyName = keyName
        self.version = version
    }

    /// Parses a key URL; `nil` when it is not one. Host and path compare case-insensitively, as Key Vault does.
    ///
    /// The vault, key name and version must be letters, digits and dashes, the only characters Key Vault allows in
    /// them: anything else (a space, a newline, `?`) would make a key no URL could name again, since `url` prints the
    /// parts as they are and the surrounding whitespace is trimmed on reading.
    public static func parse(_ text: String) -> KeyIdentifier? {
        var rest = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let scheme = "https://"
        guard rest.lowercased().hasPrefix(scheme) else { return nil }
        rest.removeFirst(scheme.count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else { return nil }
        let host = parts[0].lowercased().split(separator: ":").first.map(String.init) ?? ""
        let suffix = ".vault.azure.net"
        guard host.hasSuffix(suffix), parts[1].lowercased() == "keys" else { return nil }
        let vault = String(host.dropLast(suffix.count))
        let name = parts[2]
        guard isObjectName(vault), isObjectName(name) else { return nil }
        var version: String?
        if parts.count >= 4, !parts[3].isEmpty {
            guard isObjectName(parts[3]) else { return nil }
            version = parts[3].lowercased()
        }
        guard parts.count <= 4 || (parts.count == 5 && parts[4].isEmpty) else { return nil }
        return KeyIdentifier(vaultName: vault, keyName: name, version: version)
    }

    /// Whether `part` is a non-empty run of the characters Key Vault allows in vault, key and version names.
    private static func isObjectName(_ part: String) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }
    }

    public var versionless: String { "https://\(vaultName).vault.azure.net/keys/\(keyName)" }

    public var url: String { version.map { versionless + "/" + $0 } ?? versionless }
}

import Foundation

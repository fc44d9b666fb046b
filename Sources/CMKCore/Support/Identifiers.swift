import Foundation
import CMKCrypto

/// Random identifiers in the shapes Azure uses.
public enum Identifiers {
    /// A random RFC 4122 version-4 GUID, lowercase.
    public static func guid() -> String {
        var bytes = SecureRandom.bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A key version: 32 lowercase hex characters, as Key Vault generates.
    public static func keyVersion() -> String {
        SecureRandom.bytes(count: 16).map { String(format: "%02x", $0) }.joined()
    }
}

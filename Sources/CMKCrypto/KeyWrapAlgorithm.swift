internal import COpenSSL

/// RSA encryption schemes for wrapping keys, named as Azure Key Vault names them.
///
/// - `rsaOAEP` ("RSA-OAEP"): OAEP with SHA-1 and MGF1-SHA1.
/// - `rsaOAEP256` ("RSA-OAEP-256"): OAEP with SHA-256 and MGF1-SHA256. Prefer this one.
/// - `rsa1_5` ("RSA1_5"): PKCS #1 v1.5 padding; legacy, kept because Key Vault still offers it.
public enum KeyWrapAlgorithm: String, CaseIterable, Sendable {
    case rsaOAEP = "RSA-OAEP"
    case rsaOAEP256 = "RSA-OAEP-256"
    case rsa1_5 = "RSA1_5"

    /// The OpenSSL padding mode.
    var padding: Int32 {
        switch self {
        case .rsaOAEP, .rsaOAEP256:
            return RSA_PKCS1_OAEP_PADDING
        case .rsa1_5:
            return RSA_PKCS1_PADDING
        }
    }

    /// The OAEP and MGF1 digest name, or nil for PKCS #1 v1.5.
    var oaepDigestName: String? {
        switch self {
        case .rsaOAEP:
            return "SHA1"
        case .rsaOAEP256:
            return "SHA256"
        case .rsa1_5:
            return nil
        }
    }

    /// Bytes of padding overhead: the plaintext may be at most modulus bytes minus this.
    var paddingOverhead: Int {
        switch self {
        case .rsaOAEP:
            return 2 * 20 + 2
        case .rsaOAEP256:
            return 2 * 32 + 2
        case .rsa1_5:
            return 11
        }
    }
}

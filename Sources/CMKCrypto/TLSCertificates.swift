internal import COpenSSL
import Foundation

/// A certificate authority made for one server run and the server certificate it issued, as PEM: what
/// `acrcmk serve --tls-self-signed` serves with, and what clients are told to trust.
public struct TLSCertificates: Sendable {
    /// The CA certificate clients add to their trust store (e.g. `REQUESTS_CA_BUNDLE`, `--cert-dir`).
    public let authorityCertificatePEM: String
    /// The server's certificate followed by the CA's (the chain the server presents).
    public let serverChainPEM: String
    /// The server's private key (PKCS #8).
    public let serverKeyPEM: String

    /// Makes a fresh CA (RSA 2048) and a server certificate for `hostNames` and `ipAddresses`, valid `days` days.
    ///
    /// - Throws: `CryptoError` when OpenSSL fails.
    public static func make(hostNames: [String], ipAddresses: [String], days: Int = 30) throws -> TLSCertificates {
        let authorityKey = try RSAPrivateKey.generate(bitCount: 2048)
        let authority = try Certificate(subject: "acrcmk serve local CA", key: authorityKey, days: days)
        try authority.sign(issuer: authority, issuerKey: authorityKey, extensions: [
            (NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
            (NID_subject_key_identifier, "hash"),
        ])
        let serverKey = try RSAPrivateKey.generate(bitCount: 2048)
        let server = try Certificate(subject: hostNames.first ?? "localhost", key: serverKey, days: days)
        let names = hostNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
        try server.sign(issuer: authority, issuerKey: authorityKey, extensions: [
            (NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
            (NID_ext_key_usage, "serverAuth"), (NID_subject_alt_name, names.joined(separator: ",")),
            (NID_authority_key_identifier, "keyid"),
        ])
        let authorityPEM = try authority.pem()
        return TLSCertificates(authorityCertificatePEM: authorityPEM, serverChainPEM: try server.pem() + authorityPEM,
                               serverKeyPEM: String(decoding: serverKey.pemRepresentation.withUnsafeBytes { Array($0) },
                                                    as: UTF8.self))
    }
}

/// An X.509 certificate being made.
private final class Certificate {
    let pointer: OpaquePointer

    init(subject: String, key: RSAPrivateKey, days: Int) throws {
        guard let pointer = X509_new() else { throw CryptoError.fromLibrary("X509_new") }
        self.pointer = pointer
        let serial = SecureRandom.bytes(count: 16)
        guard X509_set_version(pointer, 2) == 1,
              let number = BN_bin2bn(serial, Int32(serial.count), nil)
        else { throw CryptoError.fromLibrary("X509_set_version") }
        defer { BN_free(number) }
        BN_set_bit(number, 0)
        BN_clear_bit(number, 127)  // A positive serial.
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(pointer)) != nil,
              X509_gmtime_adj(X509_getm_notBefore(pointer), -3600) != nil,
              X509_gmtime_adj(X509_getm_notAfter(pointer), days * 86400) != nil,
              X509_set_pubkey(pointer, key.key.pointer) == 1,
              let name = X509_get_subject_name(pointer),
              X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, subject, -1, -1, 0) == 1
        else { throw CryptoError.fromLibrary("X509 fields") }
    }

    deinit {
        X509_free(pointer)
    }

    func sign(issuer: Certificate, issuerKey: RSAPrivateKey, extensions: [(Int32, String)]) throws {
        guard X509_set_issuer_name(pointer, X509_get_subject_name(issuer.pointer)) == 1 else {
            throw CryptoError.fromLibrary("X509_set_issuer_name")
        }
        for (nid, value) in extensions {
            guard COpenSSL_add_extension(pointer, issuer.pointer, nid, value) == 1 else {
                throw CryptoError.fromLibrary("X509 extension \(value)")
            }
        }
        guard X509_sign(pointer, issuerKey.key.pointer, EVP_sha256()) > 0 else {
            throw CryptoError.fromLibrary("X509_sign")
        }
    }

    func pem() throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError.fromLibrary("BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, pointer) == 1 else { throw CryptoError.fromLibrary("PEM_write_bio_X509") }
        var data: UnsafeMutablePointer<CChar>?
        let length = COpenSSL_BIO_get_mem_data(bio, &data)
        guard length > 0, let data else { throw CryptoError.fromLibrary("PEM_write_bio_X509") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}

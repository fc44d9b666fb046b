#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CCurl

/// One HTTP exchange with a vault process, as libcurl performs it (no HTTP is written or parsed here).
struct HTTPTransfer {
    var method: String
    var url: String
    var headers: [String]
    var body: [UInt8]?

    /// What came back: the status and the body (at most `responseLimit` bytes).
    struct Response {
        var status: Int
        var body: [UInt8]
    }

    /// Why no response came back: a typed cause with libcurl's code and words.
    struct Failure: Error, CustomStringConvertible {
        enum Cause: Sendable, Equatable {
            /// Nothing listens there (ECONNREFUSED), or the host is unreachable.
            case connectionRefused
            case timedOut
            case hostNotFound
            /// The TLS handshake failed: an untrusted or mismatched certificate, most often.
            case tls
            case other
        }

        var cause: Cause
        /// libcurl's result code (`CURLcode`).
        var curlCode: Int
        /// What libcurl said, or the system's words for the socket error ("Connection refused").
        var detail: String

        var description: String { detail }
    }

    /// Bodies larger than this are refused: a Key Vault answer is a few KiB.
    static let responseLimit = 1 << 20

    /// Runs the exchange synchronously.
    ///
    /// - Parameters:
    ///   - caFile: PEM file of the CA certificates to trust, or nil for the system's.
    ///   - connectTimeout: Seconds to wait for the connection (a stopped vault fails at once with "refused").
    ///   - timeout: Seconds for the whole exchange.
    /// - Throws: `Failure`.
    func perform(caFile: String?, connectTimeout: Double, timeout: Double) throws -> Response {
        _ = HTTPTransfer.globalInit
        guard let handle = curl_easy_init() else {
            throw Failure(cause: .other, curlCode: -1, detail: "libcurl could not create a handle")
        }
        defer { curl_easy_cleanup(handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in headers {
            headerList = curl_slist_append(headerList, header)
        }
        let sink = ResponseSink()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        // Strings handed to libcurl are copied by it (CURLOPT_URL, CAINFO, CUSTOMREQUEST, COPYPOSTFIELDS).
        try check(url.withCString { CCurl_setopt_pointer(handle, CURLOPT_URL, $0) })
        try check(CCurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(CCurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(CCurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000)))
        try check(CCurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000)))
        try check(CCurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        try check("http,https".withCString { CCurl_setopt_pointer(handle, CURLOPT_PROTOCOLS_STR, $0) })
        if let caFile {
            try check(caFile.withCString { CCurl_setopt_pointer(handle, CURLOPT_CAINFO, $0) })
        }
        try check(CCurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        try check(method.withCString { CCurl_setopt_pointer(handle, CURLOPT_CUSTOMREQUEST, $0) })
        if let body {
            try check(CCurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
            try check(body.withUnsafeBytes { CCurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) })
        }
        try check(CCurl_setopt_write_function(handle, { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard sink.bytes.count + length <= HTTPTransfer.responseLimit else { return 0 }
            if let data, length > 0 {
                data.withMemoryRebound(to: UInt8.self, capacity: length) {
                    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                }
            }
            return length
        }))
        let code = withExtendedLifetime(sink) { () -> CURLcode in
            let context = Unmanaged.passUnretained(sink).toOpaque()
            guard CCurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context) == CURLE_OK else {
                return CURLE_FAILED_INIT
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            var systemError = 0
            _ = CCurl_getinfo_long(handle, CURLINFO_OS_ERRNO, &systemError)
            throw Self.failure(code, systemError: Int32(systemError), message: String(cString: errorBuffer))
        }
        var status = 0
        _ = CCurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return Response(status: status, body: sink.bytes)
    }

    private static let globalInit: Void = {
        _ = CCurl_global_init()
    }()

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw Failure(cause: .other, curlCode: Int(code.rawValue),
                          detail: "libcurl refused an option: " + String(cString: curl_easy_strerror(code)))
        }
    }

    private static func failure(_ code: CURLcode, systemError: Int32, message: String) -> Failure {
        let words = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        let cause: Failure.Cause
        var detail = words
        switch code {
        case CURLE_COULDNT_CONNECT:
            cause = .connectionRefused
            if systemError != 0 { detail = String(cString: strerror(systemError)).lowercased() }
        case CURLE_OPERATION_TIMEDOUT:
            cause = .timedOut
        case CURLE_COULDNT_RESOLVE_HOST:
            cause = .hostNotFound
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM:
            cause = .tls
        default:
            cause = .other
        }
        return Failure(cause: cause, curlCode: Int(code.rawValue), detail: detail)
    }
}

/// Collects a response body for libcurl's write callback.
private final class ResponseSink {
    var bytes: [UInt8] = []
}

import Foundation

/// A request as the HTTP library parsed it: method, path (percent-decoded), query arguments and headers.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query, percent-decoded by the library.
    public var path: String
    /// Query arguments in order, decoded.
    public var query: [(name: String, value: String)]
    /// Header values by lowercased name; repeated headers are joined with ", " as RFC 9110 allows.
    public var headers: [String: String]
    /// The peer's IP address as text.
    public var clientAddress: String
    /// "https" or "http".
    public var scheme: String

    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [String: String] = [:], clientAddress: String = "127.0.0.1", scheme: String = "http") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { "\($0), \($1)" })
        self.clientAddress = clientAddress
        self.scheme = scheme
    }

    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The first value of a query argument.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The declared body length, when the request has a valid Content-Length header.
    public var contentLength: Int64? {
        header("content-length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }
}

/// A response: status, headers and a body held in memory or produced while it is sent.
public struct HTTPResponse {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: HTTPResponseBody

    public init(status: Int, headers: [(name: String, value: String)] = [], body: HTTPResponseBody = .none) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// The number of body bytes, when known before sending.
    public var bodyLength: Int64? {
        switch body {
        case .none: return 0
        case .bytes(let bytes): return Int64(bytes.count)
        case .stream(let length, _): return length
        }
    }
}

/// What a response carries.
public enum HTTPResponseBody {
    case none
    case bytes([UInt8])
    /// `length` bytes produced on demand (the header says `length`; HEAD responses send none of them).
    case stream(length: Int64, any ResponseProducer)
}

/// Produces a response body piece by piece, in order, on the connection's thread.
public protocol ResponseProducer: AnyObject {
    /// Fills `buffer` with the next bytes and returns how many; 0 at the end.
    /// - Throws: When the body cannot be completed: the connection is closed mid-body so the client sees a
    ///   truncated response, never a complete-looking wrong one.
    func produce(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// The response ended (sent, or the client went away); release what production holds.
    func close()
}

/// How a handler answers a request whose headers have arrived.
public enum HTTPExchange {
    /// Answer now; any body the client sends is discarded.
    case respond(HTTPResponse)
    /// Stream the body into a receiver, which answers once the body is complete.
    case receive(any RequestBodyReceiver)
}

/// Takes a request body as it arrives and answers when it is complete.
public protocol RequestBodyReceiver: AnyObject {
    /// The next piece of the body; may block to apply back-pressure.
    func receive(_ bytes: UnsafeRawBufferPointer) throws
    /// The body is complete: the response.
    func finish() -> HTTPResponse
    /// The request ended without `finish` (the client went away, the server stops, or `receive` threw): undo.
    func abandon()
    /// The response when `receive` threw: built from the error.
    func failure(_ error: Error) -> HTTPResponse
}

/// Answers requests: the registry, token and console endpoints sit behind it.
public protocol HTTPHandler: AnyObject, Sendable {
    func exchange(for request: HTTPRequest) -> HTTPExchange
    /// Called once per finished request, for the access log.
    func completed(_ record: HTTPExchangeRecord)
}

/// What one request did, for the access log.
public struct HTTPExchangeRecord: Sendable {
    public var started: Date
    public var method: String
    public var path: String
    public var clientAddress: String
    public var status: Int
    public var bytesReceived: Int64
    public var bytesSent: Int64
    public var seconds: Double
    /// False when the connection ended before the response was complete.
    public var completed: Bool
}

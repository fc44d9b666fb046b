import CMicroHTTPD
import Foundation

/// libmicrohttpd behind one door: a thread per connection, bodies streamed in and out, TLS from PEM.
///
/// The library parses HTTP (request line, headers, chunked bodies, keep-alive, timeouts, TLS); this type only
/// carries requests to an `HTTPHandler` and its responses back. Handlers may block: each connection has its own
/// thread, so a slow upload or a long blob download holds only its own.
public final class HTTPDaemon: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var address: String
        public var port: UInt16
        /// PEM text of the server's private key and certificate chain, for HTTPS.
        public var tls: (key: String, certificate: String)?
        /// Per-connection memory for headers and body buffering: bounds the request header size.
        public var connectionMemoryLimit = 128 * 1024
        /// An idle connection (no bytes either way) is closed after this many seconds.
        public var idleTimeoutSeconds: UInt32 = 300
        public var connectionLimit: UInt32 = 128
        /// A request that is refused before its body is read is answered at once (and the connection closed)
        /// when the body declares more than this; smaller bodies are read and discarded to keep the connection.
        public var discardLimit: Int64 = 1 << 20

        public init(address: String, port: UInt16, tls: (key: String, certificate: String)? = nil) {
            self.address = address
            self.port = port
            self.tls = tls
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case badAddress(String)
        case tlsUnsupported
        case cannotListen(String, UInt16, String)

        public var description: String {
            switch self {
            case .badAddress(let address):
                return "'\(address)' is not an IPv4 or IPv6 address."
            case .tlsUnsupported:
                return "This build of libmicrohttpd has no TLS support (GnuTLS)."
            case .cannotListen(let address, let port, let reason):
                return "Cannot listen on \(address):\(port): \(reason)."
            }
        }
    }

    private let handler: any HTTPHandler
    private let configuration: Configuration
    private var daemon: OpaquePointer?
    private var context: Unmanaged<DaemonContext>?
    /// The PEM texts of the key and certificate: the library reads them through these pointers for as long as the
    /// daemon runs, so they are freed only after it stops.
    private var tlsTexts: [UnsafeMutablePointer<CChar>] = []
    /// The port the daemon listens on (the one chosen by the system when asked for 0).
    public private(set) var port: UInt16 = 0

    public init(handler: any HTTPHandler, configuration: Configuration) {
        self.handler = handler
        self.configuration = configuration
    }

    deinit {
        stop()
    }

    /// Starts listening; requests are served on the library's threads until `stop`.
    public func start() throws {
        if configuration.tls != nil, MHD_is_feature_supported(MHD_FEATURE.FEATURE_TLS) != MHD_Result.YES {
            throw StartError.tlsUnsupported
        }
        var flags = UInt32(MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_THREAD_PER_CONNECTION.rawValue)
        if configuration.tls != nil {
            flags |= UInt32(MHD_USE_TLS.rawValue)
        }
        let context = Unmanaged.passRetained(DaemonContext(handler: handler, configuration: configuration))
        var storage = sockaddr_storage()
        let isIPv6 = configuration.address.contains(":")
        try withUnsafeMutableBytes(of: &storage) { raw in
            if isIPv6 {
                var address = sockaddr_in6()
                address.sin6_family = sa_family_t(AF_INET6)
                address.sin6_port = configuration.port.bigEndian
                guard inet_pton(AF_INET6, configuration.address, &address.sin6_addr) == 1 else {
                    throw StartError.badAddress(configuration.address)
                }
                withUnsafeBytes(of: address) { raw.copyMemory(from: $0) }
            } else {
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = configuration.port.bigEndian
                guard inet_pton(AF_INET, configuration.address, &address.sin_addr) == 1 else {
                    throw StartError.badAddress(configuration.address)
                }
                withUnsafeBytes(of: address) { raw.copyMemory(from: $0) }
            }
        }
        if isIPv6 {
            flags |= UInt32(MHD_USE_IPv6.rawValue)
        }
        let started: OpaquePointer? = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                let key = configuration.tls.map { strdup($0.key) }
                let certificate = configuration.tls.map { strdup($0.certificate) }
                tlsTexts = [key, certificate].compactMap { $0 ?? nil }
                return acrcmk_mhd_start(flags, address, accessHandler, context.toOpaque(), requestCompleted,
                                        context.toOpaque(), configuration.connectionMemoryLimit,
                                        configuration.idleTimeoutSeconds, configuration.connectionLimit,
                                        key ?? nil, certificate ?? nil)
            }
        }
        guard let started else {
            context.release()
            freeTLSTexts()
            throw StartError.cannotListen(configuration.address, configuration.port,
                                          String(cString: strerror(errno)))
        }
        daemon = started
        self.context = context
        port = acrcmk_mhd_bound_port(started)
    }

    /// Stops listening and closes every connection; requests in flight end (their receivers are abandoned).
    public func stop() {
        guard let daemon else { return }
        MHD_stop_daemon(daemon)
        self.daemon = nil
        context?.release()
        context = nil
        freeTLSTexts()
    }

    private func freeTLSTexts() {
        tlsTexts.forEach { free($0) }
        tlsTexts = []
    }
}

/// What the C callbacks reach through their context pointer.
private final class DaemonContext {
    let handler: any HTTPHandler
    let configuration: HTTPDaemon.Configuration

    init(handler: any HTTPHandler, configuration: HTTPDaemon.Configuration) {
        self.handler = handler
        self.configuration = configuration
    }
}

/// One request's state between the library's calls.
private final class RequestState {
    let request: HTTPRequest
    let started = Date()
    var receiver: (any RequestBodyReceiver)?
    /// A response decided before the body was read (refusals): sent once the body is discarded.
    var pending: HTTPResponse?
    var receiveError: Error?
    var bytesReceived: Int64 = 0
    var status = 0
    var finished = false
    let bodyCounter = BodyCounter()

    init(request: HTTPRequest) {
        self.request = request
    }
}

/// Counts the bytes a streamed response really sent.
private final class BodyCounter: @unchecked Sendable {
    var sent: Int64 = 0
    var completed = false
}

/// Feeds a `ResponseProducer` to the library.
private final class ProducerBox {
    let producer: any ResponseProducer
    let counter: BodyCounter
    let length: Int64

    init(producer: any ResponseProducer, counter: BodyCounter, length: Int64) {
        self.producer = producer
        self.counter = counter
        self.length = length
    }
}

private let accessHandler: MHD_AccessHandlerCallback = {
    contextPointer, connection, url, method, _, uploadData, uploadDataSize, requestContext in
    guard let contextPointer, let connection, let url, let method, let uploadDataSize, let requestContext else {
        return MHD_Result.NO
    }
    let context = Unmanaged<DaemonContext>.fromOpaque(contextPointer).takeUnretainedValue()
    guard let statePointer = requestContext.pointee else {
        // First call: the headers are complete, no body byte has been read.
        let request = readRequest(connection, url: url, method: method, tls: context.configuration.tls != nil)
        let state = RequestState(request: request)
        requestContext.pointee = Unmanaged.passRetained(state).toOpaque()
        switch context.handler.exchange(for: request) {
        case .respond(let response):
            // Queued at the library's next call, once it knows the request is complete: a response queued now
            // would make it close the connection (no keep-alive). Only a large body that will not be read is
            // answered at once, closing the connection rather than reading it all.
            if (request.contentLength ?? 0) > context.configuration.discardLimit {
                return queue(response, on: connection, state: state)
            }
            state.pending = response
        case .receive(let receiver):
            state.receiver = receiver
        }
        return MHD_Result.YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeUnretainedValue()
    if uploadDataSize.pointee > 0 {
        let count = uploadDataSize.pointee
        state.bytesReceived += Int64(count)
        if let receiver = state.receiver, state.receiveError == nil, let uploadData {
            do {
                try receiver.receive(UnsafeRawBufferPointer(start: uploadData, count: count))
            } catch {
                state.receiveError = error
            }
        }
        uploadDataSize.pointee = 0
        return MHD_Result.YES
    }
    if state.finished {
        return MHD_Result.YES
    }
    // The body is complete.
    if let receiver = state.receiver {
        if let error = state.receiveError {
            receiver.abandon()
            state.receiver = nil
            return queue(receiver.failure(error), on: connection, state: state)
        }
        let response = receiver.finish()
        state.receiver = nil
        return queue(response, on: connection, state: state)
    }
    return queue(state.pending ?? HTTPResponse(status: 500), on: connection, state: state)
}

private let requestCompleted: MHD_RequestCompletedCallback = { contextPointer, _, requestContext, termination in
    guard let contextPointer, let requestContext, let statePointer = requestContext.pointee else { return }
    let context = Unmanaged<DaemonContext>.fromOpaque(contextPointer).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(statePointer).takeRetainedValue()
    requestContext.pointee = nil
    state.receiver?.abandon()
    state.receiver = nil
    let request = state.request
    context.handler.completed(HTTPExchangeRecord(
        started: state.started, method: request.method, path: request.path, clientAddress: request.clientAddress,
        status: state.status, bytesReceived: state.bytesReceived, bytesSent: state.bodyCounter.sent,
        seconds: Date().timeIntervalSince(state.started),
        completed: termination == MHD_RequestTerminationCode.REQUEST_TERMINATED_COMPLETED_OK))
}

private func readRequest(_ connection: OpaquePointer, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>,
                         tls: Bool) -> HTTPRequest {
    final class Collected {
        var headers: [String: String] = [:]
        var query: [(name: String, value: String)] = []
    }
    let collected = Collected()
    let box = Unmanaged.passUnretained(collected).toOpaque()
    _ = MHD_get_connection_values(connection, MHD_ValueKind.HEADER_KIND, { box, _, key, value in
        guard let box, let key else { return MHD_Result.YES }
        let collected = Unmanaged<Collected>.fromOpaque(box).takeUnretainedValue()
        let name = String(cString: key).lowercased()
        let text = value.map { String(cString: $0) } ?? ""
        collected.headers[name] = collected.headers[name].map { "\($0), \(text)" } ?? text
        return MHD_Result.YES
    }, box)
    _ = MHD_get_connection_values(connection, MHD_ValueKind.GET_ARGUMENT_KIND, { box, _, key, value in
        guard let box, let key else { return MHD_Result.YES }
        let collected = Unmanaged<Collected>.fromOpaque(box).takeUnretainedValue()
        collected.query.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
        return MHD_Result.YES
    }, box)
    var request = HTTPRequest(method: String(cString: method), path: String(cString: url), query: collected.query,
                              clientAddress: clientAddress(connection), scheme: tls ? "https" : "http")
    request.headers = collected.headers
    return request
}

private func clientAddress(_ connection: OpaquePointer) -> String {
    guard let address = acrcmk_mhd_client_address(connection) else { return "" }
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
            var value = ipv4.pointee.sin_addr
            _ = inet_ntop(AF_INET, &value, &text, socklen_t(text.count))
        }
    case AF_INET6:
        address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
            var value = ipv6.pointee.sin6_addr
            _ = inet_ntop(AF_INET6, &value, &text, socklen_t(text.count))
        }
    default:
        return ""
    }
    return String(cString: text)
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer, state: RequestState) -> MHD_Result {
    state.finished = true
    state.status = response.status
    let made: OpaquePointer?
    switch response.body {
    case .none:
        made = MHD_create_response_from_buffer(0, nil, MHD_ResponseMemoryMode.RESPMEM_PERSISTENT)
        state.bodyCounter.completed = true
    case .bytes(let bytes):
        made = bytes.withUnsafeBytes { raw in
            MHD_create_response_from_buffer(raw.count, UnsafeMutableRawPointer(mutating: raw.baseAddress),
                                            MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
        }
        if state.request.method != "HEAD" {
            state.bodyCounter.sent = Int64(bytes.count)
        }
    case .stream(let length, let producer):
        let box = Unmanaged.passRetained(ProducerBox(producer: producer, counter: state.bodyCounter, length: length))
        made = MHD_create_response_from_callback(UInt64(length), 256 * 1024, { boxPointer, _, buffer, maximum in
            guard let boxPointer, let buffer else { return acrcmk_mhd_end_with_error }
            let box = Unmanaged<ProducerBox>.fromOpaque(boxPointer).takeUnretainedValue()
            do {
                let count = try box.producer.produce(into: UnsafeMutableRawBufferPointer(start: buffer,
                                                                                           count: maximum))
                guard count > 0 else {
                    // Fewer bytes than the header announced is an error, never a short success.
                    return box.counter.sent == box.length ? acrcmk_mhd_end_of_stream : acrcmk_mhd_end_with_error
                }
                box.counter.sent += Int64(count)
                return count
            } catch {
                return acrcmk_mhd_end_with_error
            }
        }, box.toOpaque(), { boxPointer in
            guard let boxPointer else { return }
            let box = Unmanaged<ProducerBox>.fromOpaque(boxPointer).takeRetainedValue()
            box.producer.close()
        })
        if made == nil {
            box.release()
            producer.close()
        }
    }
    guard let made else { return MHD_Result.NO }
    defer { MHD_destroy_response(made) }
    for header in response.headers {
        _ = MHD_add_response_header(made, header.name, header.value)
    }
    return MHD_queue_response(connection, UInt32(response.status), made)
}

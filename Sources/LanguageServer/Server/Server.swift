// The server's main loop: a serial queue that owns the session, the documents and the request queue,
// fed by `Event`s. Snapshot requests and analyses run on a background executor and report back here.

import CompilerBridge
import Foundation
import TileLangAnalysis

public struct ServerOptions: Sendable {
  public var logPath: String?
  public var version: String
  public init(logPath: String? = nil, version: String = "0.0.0") {
    self.logPath = logPath
    self.version = version
  }
}

public final class Server: @unchecked Sendable {
  // @unchecked: every `var` below is read and written only on `loop` (handlers run there or get copies).
  let loop = DispatchQueue(label: "tl-lsp.loop")
  let sink: MessageSink
  let executor: BackgroundExecutor
  let logger: Logger
  let options: ServerOptions
  private let onExit: @Sendable (Int32) -> Void

  var session = Session()
  var documents: DocumentStore
  var requests = RequestQueue()
  private var analysesInFlight: Set<String> = []
  /// The compiler bridge; builds run only on explicit commands (or on save when `compileOnSave` is set).
  let bridge: CompilerBridge
  /// The last build of each document, and the lowered CUDA served under `tl-lsp-cuda:` URIs.
  var builds: [String: DocumentBuild] = [:]
  var lowered: [String: String] = [:]
  var buildGeneration = 0
  var progressCounter = 0
  /// The `shutdown` answer waits until every earlier request has been answered.
  private var deferredShutdown: (RequestID, Result<JSONValue, ResponseError>)?
  private(set) var exitCode: Int32?

  init(
    sink: MessageSink, executor: BackgroundExecutor, logger: Logger, options: ServerOptions = ServerOptions(),
    analyzer: @escaping Analyzer = defaultAnalyzer, bridge: CompilerBridge = CompilerBridge(),
    onExit: @escaping @Sendable (Int32) -> Void = { _ in }
  ) {
    self.bridge = bridge
    self.documents = DocumentStore(analyzer: analyzer)
    self.sink = sink
    self.executor = executor
    self.logger = logger
    self.options = options
    self.onExit = onExit
  }

  /// Serves LSP on stdin/stdout until `exit` or end of input; returns the process exit code.
  public static func run(options: ServerOptions) -> Int32 {
    signal(SIGPIPE, SIG_IGN)
    let logger = Logger(path: options.logPath)
    let transport = StdioTransport()
    let done = DispatchSemaphore(value: 0)
    let code = ExitCodeBox()
    let server = Server(
      sink: transport, executor: DispatchExecutor(), logger: logger, options: options,
      onExit: { exitCode in
        code.value = exitCode
        done.signal()
      })
    logger.info("tl-lsp \(options.version) serving on stdio (pid \(ProcessInfo.processInfo.processIdentifier))")
    transport.startReading(onFrame: { server.submit(Self.event(for: $0)) }, onEnd: { server.submit(.endOfInput) })
    done.wait()
    logger.info("exiting with code \(code.value)")
    return code.value
  }

  /// Enqueues an event on the loop. Safe from any thread.
  func submit(_ event: Event) {
    loop.async { self.handle(event) }
  }

  // MARK: - Event handling (on the loop)

  private func handle(_ event: Event) {
    guard exitCode == nil else { return }
    switch event {
    case .clientMessage(let message): handle(message)
    case .invalidInput(let id, let error):
      logger.warning("invalid input: \(error.message)")
      sink.send(.response(id: id, result: .failure(error)))
    case .requestFinished(let id, let pending, let result): finish(id, pending, result)
    case .analysisFinished(let snapshot): analysisFinished(snapshot)
    case .buildFinished(let completion): buildFinished(completion)
    case .endOfInput:
      bridge.shutdown()
      exit(code: session.phase == .shutDown ? 0 : 1)
    }
  }

  private func handle(_ message: Message) {
    switch message {
    case .request(let id, let method, let params): handleRequest(id, method, params)
    case .notification(let method, let params): handleNotification(method, params)
    case .response(let id, let result):
      guard let id, let handler = requests.takeOutgoing(id) else {
        logger.warning("response to an unknown request \(id?.description ?? "null")")
        return
      }
      handler(self, result)
    }
  }

  private func handleRequest(_ id: RequestID, _ method: String, _ params: JSONValue) {
    if session.trace != "off" { sendNotification("$/logTrace", ["message": .string("received request \(method)")]) }
    switch session.phase {
    case .uninitialized where method != Initialize.method:
      return respond(id, .failure(ResponseError(.serverNotInitialized, "\(method) before initialize")))
    case .shutDown:
      return respond(id, .failure(ResponseError(.invalidRequest, "\(method) after shutdown")))
    default: break
    }
    guard let route = Dispatch.requests[method] else {
      return respond(id, .failure(ResponseError(.methodNotFound, "method not found: \(method)")))
    }
    let token = requests.register(id)
    switch route {
    case .mutating(let handler):
      let result = Self.capture(method, logger) { try handler(self, params) }
      _ = requests.finish(id)
      if method == Shutdown.method, requests.inFlightCount > 0 {
        deferredShutdown = (id, result)
        return
      }
      respond(id, result)
    case .build(let prepare):
      do {
        let job = try prepare(self, params)
        startBuild(job, id: id, token: token, workDoneToken: params["workDoneToken"])
      } catch {
        _ = requests.finish(id)
        respond(id, Self.capture(method, logger) { throw error })
      }
    case .snapshot(let handler):
      let context = RequestContext(
        encoding: session.positionEncoding, settings: session.settings, documents: documents.snapshots,
        token: token, logger: logger, builds: builds, lowered: lowered)
      let uri = try? params.textDocumentURI()
      let pending = PendingRequest(
        method: method, uri: uri, version: uri.flatMap { documents[$0]?.version }, started: .now())
      let logger = self.logger
      executor.submit {
        let result: Result<JSONValue, ResponseError> =
          token.isCancelled ? .failure(.cancelled) : Self.capture(method, logger) { try handler(params, context) }
        self.submit(.requestFinished(id, pending, result))
      }
    }
  }

  func finish(_ id: RequestID, _ pending: PendingRequest, _ result: Result<JSONValue, ResponseError>) {
    guard requests.finish(id) else { return }  // already answered (cannot happen; kept total)
    var result = result
    if let uri = pending.uri, let version = pending.version, documents[uri]?.version != version,
      case .success = result
    {
      result = .failure(.contentModified)
    }
    let micros = (DispatchTime.now().uptimeNanoseconds - pending.started.uptimeNanoseconds) / 1000
    logger.debug("\(pending.method) \(id) answered in \(micros) µs")
    respond(id, result)
    if requests.inFlightCount == 0, let (shutdownID, shutdownResult) = deferredShutdown {
      deferredShutdown = nil
      respond(shutdownID, shutdownResult)
    }
  }

  private func handleNotification(_ method: String, _ params: JSONValue) {
    if method == Exit.method { return Exit.handle(self, params) }
    guard session.phase == .running else {
      logger.info("dropped notification \(method) (\(session.phase))")
      return
    }
    guard let handler = Dispatch.notifications[method] else {
      if !method.hasPrefix("$/") { logger.info("no handler for notification \(method)") }
      return
    }
    do {
      try handler(self, params)
    } catch {
      logger.error("\(method) failed: \(error)")
    }
  }

  /// Runs a handler, turning anything it throws into a response error (non-protocol errors are logged).
  private static func capture(_ method: String, _ logger: Logger, _ body: () throws -> JSONValue)
    -> Result<JSONValue, ResponseError>
  {
    do {
      return .success(try body())
    } catch let error as ResponseError {
      if error.code != ErrorCode.requestCancelled.rawValue { logger.warning("\(method): \(error.message)") }
      return .failure(error)
    } catch {
      logger.error("\(method) failed: \(error)")
      return .failure(ResponseError(.internalError, "\(method) failed: \(error)"))
    }
  }

  // MARK: - Outgoing

  func respond(_ id: RequestID, _ result: Result<JSONValue, ResponseError>) {
    sink.send(.response(id: id, result: result))
  }

  func sendNotification(_ method: String, _ params: JSONValue) {
    sink.send(.notification(method: method, params: params))
  }

  func sendRequest(_ method: String, _ params: JSONValue, onResponse: @escaping RequestQueue.ResponseHandler) {
    let id = requests.registerOutgoing(onResponse)
    sink.send(.request(id: id, method: method, params: params))
  }

  func exit(code: Int32) {
    guard exitCode == nil else { return }
    exitCode = code
    onExit(code)
  }

  // MARK: - Diagnostics publication

  /// Analyzes the document's newest snapshot off the loop and publishes it, unless a newer one exists by then.
  func scheduleAnalysis(_ uri: String) {
    guard let snapshot = documents[uri]?.snapshot, !analysesInFlight.contains(uri) else { return }
    analysesInFlight.insert(uri)
    executor.submit {
      _ = snapshot.analysis
      self.submit(.analysisFinished(snapshot))
      snapshot.releaseRetired()
    }
  }

  private func analysisFinished(_ snapshot: DocumentSnapshot) {
    analysesInFlight.remove(snapshot.uri)
    guard let current = documents[snapshot.uri]?.snapshot else { return }  // closed meanwhile
    guard current === snapshot else { return scheduleAnalysis(snapshot.uri) }  // stale: analyze the newest
    publishDiagnostics(snapshot)
  }

  func publishDiagnostics(_ snapshot: DocumentSnapshot) {
    let items = (snapshot.analysis.diagnostics + buildDiagnostics(for: snapshot)).map {
      $0.lsp(snapshot.source, uri: snapshot.uri, session.positionEncoding)
    }
    sendNotification(
      "textDocument/publishDiagnostics",
      ["uri": .string(snapshot.uri), "version": .int(snapshot.version), "diagnostics": .array(items.map(\.json))])
  }

  /// After a settings change: new snapshots everywhere, re-published diagnostics.
  func settingsChanged() {
    syncBridgeSettings()
    session.settingsGeneration += 1
    documents.resnapshot(session: session)
    for uri in documents.documents.keys.sorted() { scheduleAnalysis(uri) }
  }

  // MARK: - Helpers

  static func event(for frame: Frame) -> Event {
    switch frame {
    case .malformedHeader(let problem):
      return .invalidInput(id: nil, error: ResponseError(.parseError, "malformed header: \(problem)"))
    case .body(let bytes):
      let json: JSONValue
      do {
        json = try JSONValue.parse(bytes)
      } catch {
        return .invalidInput(id: nil, error: ResponseError(.parseError, "cannot parse message: \(error)"))
      }
      do {
        return .clientMessage(try Message.decode(json))
      } catch {
        return .invalidInput(id: error.id, error: ResponseError(.invalidRequest, error.reason))
      }
    }
  }
}

/// The exit code handed from the loop to the thread waiting in `run`.
private final class ExitCodeBox: @unchecked Sendable {
  // @unchecked: written once before the semaphore is signalled, read after the wait.
  var value: Int32 = 1
}

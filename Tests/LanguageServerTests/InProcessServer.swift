// In-process harness: a Server with a recording sink and a manual executor, so tests decide when
// background work runs (deterministic cancellation, staleness and ordering tests; no pipes).

import CompilerBridge
import Foundation
import TileLangAnalysis
import TileLangSyntax

@testable import LanguageServer

final class RecordingSink: MessageSink, @unchecked Sendable {
  // @unchecked: `messages` is guarded by `lock`.
  private let lock = NSLock()
  private var messages: [Message] = []

  func send(_ message: Message) {
    lock.lock()
    messages.append(message)
    lock.unlock()
  }

  /// Returns and forgets everything sent so far.
  func take() -> [Message] {
    lock.lock()
    defer { lock.unlock() }
    let taken = messages
    messages = []
    return taken
  }
}

final class ManualExecutor: BackgroundExecutor, @unchecked Sendable {
  // @unchecked: `queue` is guarded by `lock`.
  private let lock = NSLock()
  private var queue: [@Sendable () -> Void] = []

  func submit(_ work: @escaping @Sendable () -> Void) {
    lock.lock()
    queue.append(work)
    lock.unlock()
  }

  /// Runs queued work (not work it submits); returns how many items ran.
  @discardableResult
  func runPending() -> Int {
    lock.lock()
    let work = queue
    queue = []
    lock.unlock()
    for item in work { item() }
    return work.count
  }
}

/// A test analyzer: the real pipeline, plus a TL102 warning with one fix on each `BAD` in the text.
let markingAnalyzer: Analyzer = { source, settings, _ in
  var result = analyze(parsed: parse(source: source), settings: settings)
  let bytes = source.bytes
  let needle = Array("BAD".utf8)
  var i = 0
  while i + needle.count <= bytes.count {
    if Array(bytes[i..<(i + needle.count)]) == needle {
      let range = TextRange(i, i + needle.count)
      result.diagnostics.append(
        Diagnostic(
          .TL102, "BAD on target \(settings.targets.map(\.rawValue).joined(separator: ","))", at: range,
          fixes: [Fix(title: "Replace BAD with GOOD", edits: [TextEdit(range: range, newText: "GOOD")])],
          related: [RelatedNote(message: "file start", range: TextRange(0, 0))]))
      i += needle.count
    } else {
      i += 1
    }
  }
  return result
}

final class InProcessServer: @unchecked Sendable {
  let sink = RecordingSink()
  let executor = ManualExecutor()
  let server: Server
  private var nextID = 1

  init(analyzer: @escaping Analyzer = markingAnalyzer, bridge: CompilerBridge = CompilerBridge()) {
    server = Server(sink: sink, executor: executor, logger: .silent(), analyzer: analyzer, bridge: bridge)
  }

  /// Delivers a message and lets the loop handle it, without running background work.
  func deliver(_ message: Message) {
    server.submit(.clientMessage(message))
    server.loop.sync {}
  }

  func deliver(_ event: Event) {
    server.submit(event)
    server.loop.sync {}
  }

  @discardableResult
  func request(_ method: String, _ params: JSONValue = .null) -> RequestID {
    let id = RequestID.int(nextID)
    nextID += 1
    deliver(.request(id: id, method: method, params: params))
    return id
  }

  func notify(_ method: String, _ params: JSONValue = [:]) {
    deliver(.notification(method: method, params: params))
  }

  /// Runs background work and loop events until nothing is left; returns every message sent meanwhile.
  @discardableResult
  func settle() -> [Message] {
    server.loop.sync {}
    while executor.runPending() > 0 { server.loop.sync {} }
    return sink.take()
  }

  /// Sends a request, settles, and returns its response's result (or error).
  func call(_ method: String, _ params: JSONValue = .null) -> Result<JSONValue, ResponseError>? {
    let id = request(method, params)
    return settle().compactMap { message -> Result<JSONValue, ResponseError>? in
      if case .response(id, let result) = message { return result }
      return nil
    }.first
  }

  func initialize(capabilities: JSONValue = [:], options: JSONValue = .null) {
    var params: [String: JSONValue] = ["capabilities": capabilities]
    if !options.isNull { params["initializationOptions"] = options }
    _ = call("initialize", .object(params))
    notify("initialized")
    settle()
  }

  func open(_ uri: String, _ text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": .string(uri), "languageId": "python", "version": .int(version), "text": .string(text)]])
  }
}

extension Message {
  var notificationMethod: String? {
    if case .notification(let method, _) = self { return method }
    return nil
  }

  var notificationParams: JSONValue? {
    if case .notification(_, let params) = self { return params }
    return nil
  }
}

extension [Message] {
  func published() -> [JSONValue] {
    compactMap { $0.notificationMethod == "textDocument/publishDiagnostics" ? $0.notificationParams : nil }
  }
}

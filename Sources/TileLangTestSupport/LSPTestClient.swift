// LSPTestClient: drives a spawned `tl-lsp` over pipes for end-to-end tests. It frames messages, waits
// with timeouts, answers `workspace/configuration`, and reports protocol violations: a request without
// exactly one response, or server messages left unread when the test ends.

import Foundation

public final class LSPTestClient: @unchecked Sendable {
  // @unchecked: mutable state below is guarded by `condition`; the process and pipes are set once.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  public let process = Process()
  private let stdinPipe = Pipe()
  private let stdoutPipe = Pipe()
  private let stderrPipe = Pipe()
  private let condition = NSCondition()
  private let writeLock = NSLock()

  private var nextID = 1
  private var sentRequests: [Int: String] = [:]
  private var responses: [Int: [JSON]] = [:]
  private var consumedResponses: Set<Int> = []
  /// Responses whose id is null or unknown (answers to unparseable input), in arrival order.
  private var orphanResponses: [JSON] = []
  private var notifications: [JSON] = []
  private var logMessages: [JSON] = []
  private var serverRequests: [JSON] = []
  private var violations: [String] = []
  private var stdoutClosed = false
  private var stderrData = Data()

  /// Answer to `workspace/configuration` for section `tl-lsp`.
  public var configuration: JSON {
    get { condition.withLock { storedConfiguration } }
    set { condition.withLock { storedConfiguration = newValue } }
  }
  private var storedConfiguration: JSON = .object([:])
  public let defaultTimeout: TimeInterval

  public init(
    executable: URL? = nil, arguments: [String] = [], environment: [String: String] = [:],
    timeout: TimeInterval = 10
  ) throws {
    defaultTimeout = timeout
    process.executableURL = try executable ?? BuiltProducts.tlLSP()
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "TL_LSP_LOG")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    startReader()
    let stderrHandle = stderrPipe.fileHandleForReading
    Thread.detachNewThread { [weak self] in
      while true {
        let chunk = stderrHandle.availableData
        if chunk.isEmpty { break }
        guard let self else { break }
        self.condition.withLock { self.stderrData.append(chunk) }
      }
    }
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  // MARK: - Sending

  public func sendRaw(_ bytes: [UInt8]) {
    writeLock.lock()
    defer { writeLock.unlock() }
    stdinPipe.fileHandleForWriting.write(Data(bytes))
  }

  public func sendMessage(_ message: JSON) {
    let body = [UInt8](message.data)
    sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  /// Sends a request and returns its id without waiting.
  @discardableResult
  public func sendRequest(_ method: String, _ params: JSON = .null) -> Int {
    let id: Int = condition.withLock {
      defer { nextID += 1 }
      sentRequests[nextID] = method
      return nextID
    }
    var message: JSON = ["jsonrpc": "2.0", "id": .number(Double(id)), "method": .string(method)]
    if !params.isNull, case .object(var fields) = message {
      fields["params"] = params
      message = .object(fields)
    }
    sendMessage(message)
    return id
  }

  public func notify(_ method: String, _ params: JSON = .null) {
    var fields: [String: JSON] = ["jsonrpc": "2.0", "method": .string(method)]
    if !params.isNull { fields["params"] = params }
    sendMessage(.object(fields))
  }

  /// Sends a request and waits for its response message (with either `result` or `error`).
  public func request(_ method: String, _ params: JSON = .null, timeout: TimeInterval? = nil) throws -> JSON {
    try response(to: sendRequest(method, params), timeout: timeout)
  }

  /// Like `request`, but fails unless the response carries a result; returns the result.
  public func result(_ method: String, _ params: JSON = .null, timeout: TimeInterval? = nil) throws -> JSON {
    let response = try request(method, params, timeout: timeout)
    guard response.has("result") else { throw Failure("\(method) failed: \(response)") }
    return response["result"]
  }

  // MARK: - Waiting

  public func response(to id: Int, timeout: TimeInterval? = nil) throws -> JSON {
    try wait("the response to request \(id)", timeout) {
      guard let first = self.responses[id]?.first, !self.consumedResponses.contains(id) else { return nil }
      self.consumedResponses.insert(id)
      return first
    }
  }

  /// The next notification with `method` (earlier ones of other methods stay queued).
  public func notification(
    _ method: String, timeout: TimeInterval? = nil, where matches: @escaping (JSON) -> Bool = { _ in true }
  )
    throws -> JSON
  {
    try wait("a \(method) notification", timeout) {
      guard let i = self.notifications.firstIndex(where: { $0["method"].string == method && matches($0["params"]) })
      else { return nil }
      return self.notifications.remove(at: i)["params"]
    }
  }

  /// The next response whose id is null (the answer to input that could not be parsed).
  public func orphanResponse(timeout: TimeInterval? = nil) throws -> JSON {
    try wait("an error response with id null", timeout) {
      self.orphanResponses.isEmpty ? nil : self.orphanResponses.removeFirst()
    }
  }

  /// Requests the server sent to the client so far (e.g. `workspace/configuration`).
  public var receivedServerRequests: [JSON] { condition.withLock { serverRequests } }
  public var receivedLogMessages: [JSON] { condition.withLock { logMessages } }
  public var stderrText: String { condition.withLock { String(decoding: stderrData, as: UTF8.self) } }

  // MARK: - Lifecycle helpers

  public func initialize(
    capabilities: JSON = [:], initializationOptions: JSON = .null, timeout: TimeInterval? = nil
  ) throws -> JSON {
    var params: [String: JSON] = [
      "processId": .null, "rootUri": .null, "capabilities": capabilities,
      "clientInfo": ["name": "LSPTestClient"],
    ]
    if !initializationOptions.isNull { params["initializationOptions"] = initializationOptions }
    let result = try self.result("initialize", .object(params), timeout: timeout)
    notify("initialized", [:])
    return result
  }

  /// Opens a document whose text may contain `1️⃣` markers; returns the markers' positions.
  @discardableResult
  public func openDocument(_ uri: String, _ markedText: String, version: Int = 1, languageID: String = "python")
    -> [MarkedPosition]
  {
    let (text, positions) = Markers.extract(markedText)
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": .string(languageID), "version": .number(Double(version)),
          "text": .string(text),
        ]
      ])
    return positions
  }

  /// `shutdown`, `exit`, and the process' exit status.
  public func shutdownAndExit(timeout: TimeInterval? = nil) throws -> Int32 {
    let response = try request("shutdown", timeout: timeout)
    guard response.has("result") else { throw Failure("shutdown failed: \(response)") }
    notify("exit")
    return try waitForExit(timeout: timeout)
  }

  public func waitForExit(timeout: TimeInterval? = nil) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout ?? defaultTimeout)
    while process.isRunning {
      if Date() > deadline { throw Failure("tl-lsp did not exit in time") }
      usleep(2000)
    }
    return process.terminationStatus
  }

  public var isRunning: Bool { process.isRunning }

  /// Protocol violations: requests without exactly one response, duplicate responses, and unread messages.
  /// Call at the end of every test; an empty list means the conversation was clean.
  public func finish() -> [String] {
    usleep(50_000)  // let late messages arrive so that they are counted
    if process.isRunning { process.terminate() }
    return condition.withLock {
      var problems = violations
      for (id, method) in sentRequests.sorted(by: { $0.key < $1.key }) {
        let count = responses[id]?.count ?? 0
        if count != 1 { problems.append("request \(id) (\(method)) got \(count) responses") }
        if count >= 1 && !consumedResponses.contains(id) { problems.append("response to \(id) (\(method)) unread") }
      }
      problems += notifications.map { "unread notification \($0)" }
      problems += orphanResponses.map { "unread response \($0)" }
      return problems
    }
  }

  // MARK: - Reading

  private func wait<T>(_ what: String, _ timeout: TimeInterval?, _ take: @escaping () -> T?) throws -> T {
    let deadline = Date().addingTimeInterval(timeout ?? defaultTimeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let value = take() { return value }
      if stdoutClosed { throw Failure("server closed its output while waiting for \(what); stderr: \(stderrTail)") }
      if !condition.wait(until: deadline) {
        if let value = take() { return value }
        throw Failure("timed out waiting for \(what); stderr: \(stderrTail)")
      }
    }
  }

  private var stderrTail: String { String(String(decoding: stderrData, as: UTF8.self).suffix(2000)) }

  private func startReader() {
    let handle = stdoutPipe.fileHandleForReading
    Thread.detachNewThread { [weak self] in
      var buffer: [UInt8] = []
      while true {
        let chunk = handle.availableData
        guard let self else { return }
        if chunk.isEmpty {
          self.condition.withLock {
            self.stdoutClosed = true
            self.condition.broadcast()
          }
          return
        }
        buffer.append(contentsOf: chunk)
        while let body = Self.cutFrame(&buffer) { self.receive(body) }
      }
    }
  }

  private static func cutFrame(_ buffer: inout [UInt8]) -> [UInt8]? {
    let terminator: [UInt8] = [13, 10, 13, 10]
    guard buffer.count >= 4,
      let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<($0 + 4)]) == terminator })
    else { return nil }
    let header = String(decoding: buffer[0..<end], as: UTF8.self)
    let length =
      header.split(separator: "\r\n").compactMap { line -> Int? in
        let parts = line.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
        return Int(parts[1].trimmingCharacters(in: .whitespaces))
      }.first ?? 0
    guard buffer.count >= end + 4 + length else { return nil }
    let body = Array(buffer[(end + 4)..<(end + 4 + length)])
    buffer.removeSubrange(0..<(end + 4 + length))
    return body
  }

  private func receive(_ body: [UInt8]) {
    guard let message = try? JSON.parse(Data(body)) else {
      condition.withLock { violations.append("server sent invalid JSON: \(String(decoding: body, as: UTF8.self))") }
      return
    }
    if message.has("method") && message.has("id") {
      return answerServerRequest(message)
    }
    condition.withLock {
      defer { condition.broadcast() }
      if message.has("method") {
        let method = message["method"].string ?? ""
        if method == "window/logMessage" || method == "$/logTrace" {
          logMessages.append(message)
        } else {
          notifications.append(message)
        }
      } else if let id = message["id"].int, sentRequests[id] != nil {
        responses[id, default: []].append(message)
        if responses[id, default: []].count > 1 { violations.append("duplicate response to request \(id): \(message)") }
      } else {
        orphanResponses.append(message)
      }
    }
  }

  private func answerServerRequest(_ message: JSON) {
    let result: JSON
    if message["method"].string == "workspace/configuration" {
      let items = message["params"]["items"].array ?? []
      let config = configuration
      result = .array(items.map { $0["section"].string == "tl-lsp" ? config : .null })
    } else {
      result = .null
    }
    condition.withLock { serverRequests.append(message) }
    sendMessage(["jsonrpc": "2.0", "id": message["id"], "result": result])
  }
}

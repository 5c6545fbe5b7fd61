// Lifecycle and error handling through the dispatcher, in process: initialize gating, shutdown/exit codes,
// unknown methods, invalid input, handler errors, and notifications that never get responses.

import Testing

@testable import LanguageServer

struct LifecycleTests {
  private func error(_ result: Result<JSONValue, ResponseError>?) -> Int? {
    if case .failure(let e) = result { return e.code }
    return nil
  }

  @Test func refusesRequestsBeforeInitialize() {
    let s = InProcessServer()
    #expect(error(s.call("textDocument/hover", [:])) == ErrorCode.serverNotInitialized.rawValue)
    s.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///a.py", "text": "x", "version": 1]])
    #expect(s.settle().isEmpty, "notifications before initialize are dropped silently")
  }

  @Test func negotiatesPositionEncoding() throws {
    let utf8 = InProcessServer()
    let r = try utf8.call("initialize", ["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-16"]]]])?
      .get()
    #expect(r?["capabilities"]?["positionEncoding"] == "utf-8")
    let utf16 = InProcessServer()
    let d = try utf16.call("initialize", ["capabilities": [:]])?.get()
    #expect(d?["capabilities"]?["positionEncoding"] == "utf-16")
    #expect(d?["serverInfo"]?["name"] == "tl-lsp")
  }

  @Test func refusesSecondInitializeAndUnknownMethods() {
    let s = InProcessServer()
    s.initialize()
    #expect(error(s.call("initialize", ["capabilities": [:]])) == ErrorCode.invalidRequest.rawValue)
    #expect(error(s.call("textDocument/nonsense", [:])) == ErrorCode.methodNotFound.rawValue)
    s.notify("textDocument/nonsense")
    s.notify("$/unknownNotification")
    #expect(s.settle().isEmpty, "unknown notifications get no response")
  }

  @Test func shutdownThenExitGivesZero() {
    let s = InProcessServer()
    s.initialize()
    if case .success(let v)? = s.call("shutdown") { #expect(v == .null) } else { Issue.record("shutdown failed") }
    #expect(error(s.call("textDocument/hover", [:])) == ErrorCode.invalidRequest.rawValue)
    s.notify("exit")
    #expect(s.server.loop.sync { s.server.exitCode } == 0)
  }

  @Test func exitWithoutShutdownGivesOne() {
    let s = InProcessServer()
    s.initialize()
    s.notify("exit")
    #expect(s.server.loop.sync { s.server.exitCode } == 1)
  }

  @Test func endOfInputWithoutShutdownGivesOne() {
    let s = InProcessServer()
    s.deliver(Event.endOfInput)
    #expect(s.server.loop.sync { s.server.exitCode } == 1)
  }

  @Test func answersUnparseableInputWithParseErrorAndKeepsServing() {
    let s = InProcessServer()
    s.deliver(Server.event(for: .body(Array("{nope".utf8))))
    s.deliver(Server.event(for: .malformedHeader("bad")))
    s.deliver(Server.event(for: .body(Array(repeating: UInt8(ascii: "["), count: 100_000))))
    s.deliver(Server.event(for: .body(Array(#"{"jsonrpc":"2.0","id":9,"method":7}"#.utf8))))
    let sent = s.settle()
    let errors = sent.compactMap { m -> (RequestID?, Int)? in
      if case .response(let id, .failure(let e)) = m { return (id, e.code) }
      return nil
    }
    #expect(errors.map(\.1) == [-32700, -32700, -32700, -32600])
    #expect(errors.last?.0 == .int(9), "the id is echoed when it could be read")
    s.initialize()
    #expect(s.server.loop.sync { s.server.session.phase } == .running)
  }

  @Test func handlerErrorsBecomeErrorResponses() {
    let s = InProcessServer()
    s.initialize()
    #expect(
      error(
        s.call(
          "textDocument/hover",
          ["textDocument": ["uri": "file:///closed.py"], "position": ["line": 0, "character": 0]]))
        == ErrorCode.invalidParams.rawValue)
    s.open("file:///a.py", "x = 1\n")
    s.settle()
    #expect(
      error(s.call("textDocument/hover", ["textDocument": ["uri": "file:///a.py"], "position": "nope"]))
        == ErrorCode.invalidParams.rawValue)
    #expect(
      error(s.call("workspace/executeCommand", ["command": "tilelang.nothing"])) == ErrorCode.invalidParams.rawValue)
    s.notify("textDocument/didChange", ["textDocument": ["uri": "file:///a.py"], "contentChanges": "bad"])
    let sent = s.settle()
    #expect(sent.allSatisfy { $0.notificationMethod == "window/logMessage" }, "a failing notification only logs")
    #expect(sent.count == 1)
  }

  @Test func dispatchTableAndCapabilitiesAgree() {
    let capabilities = Capabilities.server(encoding: .utf16)
    let lifecycle: Set<String> = ["initialize", "shutdown", "workspace/executeCommand"]
    #expect(Set(Dispatch.requests.keys).subtracting(lifecycle) == Capabilities.advertisedRequestMethods)
    #expect((capabilities["executeCommandProvider"] == nil) == ExecuteCommand.commands.isEmpty)
    #expect(capabilities["textDocumentSync"]?["change"] == 2)
  }
}

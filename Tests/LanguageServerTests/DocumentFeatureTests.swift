// Document features in process: published and pulled diagnostics, newest-version-wins, cancellation,
// ContentModified, code actions from fixes, hover/completion/signature help from the API table, settings.

import Testing

@testable import LanguageServer

struct DocumentFeatureTests {
  let uri = "file:///k.py"

  private func at(_ line: Int, _ character: Int) -> JSONValue {
    ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
  }

  private func ready(_ text: String, capabilities: JSONValue = [:]) -> InProcessServer {
    let s = InProcessServer()
    s.initialize(capabilities: capabilities)
    s.open(uri, text)
    s.settle()
    return s
  }

  private func change(_ s: InProcessServer, version: Int, _ text: String) {
    s.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(text)]]])
  }

  @Test func publishesConvertedDiagnostics() throws {
    let s = InProcessServer()
    s.initialize()
    s.open(uri, "x = BAD\n")
    let published = s.settle().published()
    try #require(published.count == 1)
    #expect(published[0]["version"] == 1)
    let d = try #require(published[0]["diagnostics"]?.arrayValue?.first)
    #expect(d["code"] == "TL102")
    #expect(d["source"] == "tl-lsp")
    #expect(d["severity"] == 2)
    #expect(
      d["codeDescription"]?["href"]
        == "https://github.com/tile-ai/tl-lsp/blob/main/docs/diagnostics.md#tl102-copy-extent-mismatch")
    #expect(d["range"] == ["start": ["line": 0, "character": 4], "end": ["line": 0, "character": 7]])
    #expect(d["relatedInformation"]?[0]?["location"]?["uri"] == .string(uri))
    #expect(d["tags"] == nil)
  }

  @Test func publishesOnlyTheNewestVersion() {
    let s = InProcessServer()
    s.initialize()
    s.open(uri, "BAD")
    change(s, version: 2, "BAD BAD")
    change(s, version: 3, "ok")
    let published = s.settle().published()
    #expect(published.map { $0["version"] } == [3])
    #expect(published.first?["diagnostics"] == [])
  }

  @Test func cancelledRequestAnswersRequestCancelled() {
    let s = ready("T.copy(a, b)\n")
    let id = s.request("textDocument/hover", at(0, 3))
    s.notify("$/cancelRequest", ["id": id.json])
    let responses = s.settle().filter { if case .response = $0 { return true } else { return false } }
    #expect(responses == [.response(id: id, result: .failure(.cancelled))])
    s.notify("$/cancelRequest", ["id": id.json])
    #expect(s.settle().isEmpty, "cancelling an answered request sends nothing")
  }

  @Test func staleRequestAnswersContentModified() {
    let s = ready("T.copy(a, b)\n")
    let id = s.request("textDocument/hover", at(0, 3))
    change(s, version: 2, "T.copy(a, c)\n")
    let responses = s.settle().filter { if case .response = $0 { return true } else { return false } }
    #expect(responses == [.response(id: id, result: .failure(.contentModified))])
  }

  @Test func shutdownWaitsForRequestsInFlight() {
    let s = ready("T.copy(a, b)\n")
    let hover = s.request("textDocument/hover", at(0, 3))
    let shutdown = s.request("shutdown")
    let ids = s.settle().compactMap { m -> RequestID? in
      if case .response(let id, _) = m { return id } else { return nil }
    }
    #expect(ids == [hover, shutdown])
  }

  @Test func hoverFallsBackToTheAPITable() throws {
    let s = ready("import tilelang.language as T\nT.copy(A, B)\n")
    let hover = try #require(try s.call("textDocument/hover", at(1, 4))?.get())
    #expect(hover["contents"]?["kind"] == "markdown")
    #expect(hover["contents"]?["value"]?.stringValue?.contains("T.copy(src, dst") == true)
    #expect(hover["range"] == ["start": ["line": 1, "character": 2], "end": ["line": 1, "character": 6]])
    #expect(try s.call("textDocument/hover", at(0, 1))?.get() == .null)
    #expect(try s.call("textDocument/hover", at(400, 400))?.get() == .null, "out-of-range positions clamp")
  }

  @Test func completesAfterTheModuleAlias() throws {
    let s = ready("a = T.al\nb = x.al\n")
    let items = try #require(try s.call("textDocument/completion", at(0, 8))?.get()["items"]?.arrayValue)
    let labels = items.compactMap { $0["label"]?.stringValue }
    #expect(labels.contains("alloc_shared") && labels.contains("alloc_fragment"))
    #expect(labels.allSatisfy { $0.hasPrefix("al") })
    #expect(try s.call("textDocument/completion", at(1, 8))?.get()["items"] == [])
  }

  @Test func signatureHelpCountsTopLevelCommas() throws {
    let s = ready("T.copy(A[by, k * 32], B, coalesced_width=8)\nT.Kernel(gx, gy, threads=\n")
    let help = try #require(try s.call("textDocument/signatureHelp", at(0, 23))?.get())
    #expect(help["activeParameter"] == 1)
    #expect(help["signatures"]?[0]?["label"]?.stringValue?.hasPrefix("T.copy(") == true)
    #expect(try s.call("textDocument/signatureHelp", at(0, 12))?.get()["activeParameter"] == 0)
    #expect(try s.call("textDocument/signatureHelp", at(0, 40))?.get()["activeParameter"] == 2)
    #expect(try s.call("textDocument/signatureHelp", at(1, 25))?.get()["activeParameter"] == 1)
    #expect(try s.call("textDocument/signatureHelp", at(1, 0))?.get() == .null)
  }

  @Test func codeActionsComeFromFixes() throws {
    let s = ready("a = BAD\nb = BAD\n")
    let range: JSONValue = ["start": ["line": 1, "character": 4], "end": ["line": 1, "character": 7]]
    let diagnostic: JSONValue = ["range": range, "code": "TL102", "message": "m"]
    let params: JSONValue = [
      "textDocument": ["uri": .string(uri)], "range": range, "context": ["diagnostics": [diagnostic]],
    ]
    let actions = try #require(try s.call("textDocument/codeAction", params)?.get().arrayValue)
    try #require(actions.count == 1)
    #expect(actions[0]["kind"] == "quickfix")
    #expect(actions[0]["title"] == "Replace BAD with GOOD")
    #expect(actions[0]["edit"]?["changes"]?[uri] == [["range": range, "newText": "GOOD"]])
    let none: JSONValue = [
      "textDocument": ["uri": .string(uri)], "range": range, "context": ["diagnostics": [], "only": ["refactor"]],
    ]
    #expect(try s.call("textDocument/codeAction", none)?.get() == [])
  }

  static let factory = """
    import tilelang.language as T


    def matmul(M, N):
        @T.prim_func
        def main(A: T.Tensor((M, N), "float16")):
            with T.Kernel(1, threads=128) as bx:
                T.clear(A)

        return main

    """

  @Test func codeLensesBuildEachKernelPerTarget() throws {
    let s = ready(Self.factory)
    s.notify("workspace/didChangeConfiguration", ["settings": ["tl-lsp": ["targets": ["sm_80", "sm_90"]]]])
    s.settle()
    let lenses = try #require(try s.call("textDocument/codeLens", ["textDocument": ["uri": .string(uri)]])?.get())
    #expect(lenses.arrayValue?.count == 4)
    #expect(lenses[0]?["range"] == ["start": ["line": 3, "character": 4], "end": ["line": 3, "character": 10]])
    #expect(lenses[0]?["command"]?["command"] == "tilelang.build")
    #expect(lenses[0]?["command"]?["title"] == "build matmul (sm_80)")
    #expect(lenses[1]?["command"]?["command"] == "tilelang.showLoweredCUDA")
    #expect(
      lenses[3]?["command"]?["arguments"] == [["uri": .string(uri), "kernel": "matmul", "target": "sm_90"]])
  }

  @Test func codeActionsInsideAKernelOfferTheBuild() throws {
    let s = ready(Self.factory)
    func actions(line: Int, only: JSONValue? = nil) throws -> [JSONValue] {
      let position: JSONValue = ["line": .int(line), "character": 8]
      var context: [String: JSONValue] = ["diagnostics": []]
      if let only { context["only"] = only }
      let params: JSONValue = [
        "textDocument": ["uri": .string(uri)], "range": ["start": position, "end": position],
        "context": .object(context),
      ]
      return try #require(try s.call("textDocument/codeAction", params)?.get().arrayValue)
    }
    let inBody = try actions(line: 7)
    #expect(inBody.map { $0["command"]?["command"] } == ["tilelang.build", "tilelang.showLoweredCUDA"])
    #expect(inBody.first?["title"] == "Build `matmul` with tilelang (sm_90)")
    #expect(try actions(line: 3).count == 2, "on the factory's def line")
    #expect(try actions(line: 0).isEmpty, "outside every kernel")
    #expect(try actions(line: 7, only: ["quickfix"]).isEmpty)
  }

  @Test func pullDiagnosticsReportUnchangedResults() throws {
    let s = ready("BAD\n")
    let doc: JSONValue = ["textDocument": ["uri": .string(uri)]]
    let full = try #require(try s.call("textDocument/diagnostic", doc)?.get())
    #expect(full["kind"] == "full")
    #expect(full["items"]?.arrayValue?.count == 1)
    let resultID = try #require(full["resultId"])
    let again = try s.call(
      "textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": resultID])?.get()
    #expect(again?["kind"] == "unchanged")
    let workspace = try #require(try s.call("workspace/diagnostic", ["previousResultIds": []])?.get())
    #expect(workspace["items"]?[0]?["uri"] == .string(uri))
    #expect(workspace["items"]?[0]?["kind"] == "full")
  }

  @Test func settingsChangesRepublishDiagnostics() throws {
    let s = ready("BAD\n")
    s.notify("workspace/didChangeConfiguration", ["settings": ["tl-lsp": ["targets": ["sm_80"], "inlayHints": false]]])
    let published = s.settle().published()
    try #require(published.count == 1)
    #expect(published[0]["diagnostics"]?[0]?["message"] == "BAD on target sm_80")
    let hints = try s.call(
      "textDocument/inlayHint",
      [
        "textDocument": ["uri": .string(uri)],
        "range": ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]],
      ])?.get()
    #expect(hints == [])
    s.notify("workspace/didChangeConfiguration", ["settings": ["tl-lsp": ["targets": ["sm_80"], "inlayHints": false]]])
    #expect(s.settle().published().isEmpty, "unchanged settings publish nothing")
  }

  @Test func pullsConfigurationWhenTheClientSupportsIt() throws {
    let s = InProcessServer()
    _ = s.call(
      "initialize",
      ["capabilities": ["workspace": ["configuration": true]], "initializationOptions": ["targets": ["sm_90a"]]])
    #expect(s.server.loop.sync { s.server.session.settings.analysis.targets } == [.sm90a])
    s.notify("initialized")
    let sent = s.settle()
    guard case .request(let id, "workspace/configuration", let params)? = sent.first else {
      Issue.record("expected a workspace/configuration request, got \(sent)")
      return
    }
    #expect(params["items"]?[0]?["section"] == "tl-lsp")
    s.deliver(
      .response(
        id: id,
        result: .success([
          [
            "targets": ["sm_100"], "arguments": ["M": 1024], "passConfigs": ["tl.disable_tma_lower": true],
            "compileOnSave": true, "python": "/usr/bin/python3",
          ]
        ])))
    let settings = s.server.loop.sync { s.server.session.settings }
    #expect(settings.analysis.targets == [.sm100])
    #expect(settings.analysis.arguments == ["M": 1024])
    #expect(settings.analysis.passConfigs == ["tl.disable_tma_lower": true])
    #expect(settings.compileOnSave && settings.python == "/usr/bin/python3")
  }

  @Test func closingClearsDiagnostics() {
    let s = ready("BAD\n")
    s.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
    let published = s.settle().published()
    #expect(published == [["uri": .string(uri), "diagnostics": []]])
  }
}

// End-to-end: the built tl-lsp over pipes, one test per feature along a realistic editor session, plus
// the log options and exit codes. Expectations that wait for the analysis' navigation layer say so.

import Foundation
import Testing
import TileLangTestSupport

let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Fixtures/lsp")

func fixture(_ name: String) throws -> String {
  try String(contentsOf: fixturesDirectory.appendingPathComponent(name), encoding: .utf8)
}

func expectClean(_ client: LSPTestClient, sourceLocation: SourceLocation = #_sourceLocation) {
  let problems = client.finish()
  #expect(problems == [], sourceLocation: sourceLocation)
}

func textDocument(_ uri: String) -> JSON { ["uri": .string(uri)] }

func at(_ uri: String, _ position: MarkedPosition) -> JSON {
  ["textDocument": textDocument(uri), "position": position.json]
}

/// Shape every published diagnostic must have, whatever the analysis reports.
func expectDiagnosticShape(_ d: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
  let code = d["code"].string ?? ""
  #expect(code.count == 5 && code.hasPrefix("TL"), sourceLocation: sourceLocation)
  #expect(d["source"] == "tl-lsp", sourceLocation: sourceLocation)
  #expect(
    d["codeDescription"]["href"].string?.contains("docs/diagnostics.md#\(code.lowercased())-") == true,
    sourceLocation: sourceLocation)
  #expect((1...4).contains(d["severity"].int ?? 0), sourceLocation: sourceLocation)
  #expect(d["range"]["start"]["line"].int != nil, sourceLocation: sourceLocation)
}

@Suite(.serialized) struct LanguageServerSessionTests {
  @Test func editorSessionFromInitializeToExit() throws {
    let client = try LSPTestClient(timeout: 20)
    let initialized = try client.initialize(capabilities: ["general": ["positionEncodings": ["utf-16"]]])
    #expect(initialized["capabilities"]["positionEncoding"] == "utf-16")
    #expect(initialized["capabilities"]["textDocumentSync"]["change"] == 2)
    #expect(initialized["serverInfo"]["name"] == "tl-lsp")

    let uri = "file:///work/gemm_kernel.py"
    let text = try fixture("gemm_kernel.py").replacingOccurrences(
      of: "T.copy(A[by", with: "T.co1️⃣py(A[by2️⃣")
    let markers = client.openDocument(uri, text)
    let first = try client.notification("textDocument/publishDiagnostics")
    #expect(first["uri"] == .string(uri))
    #expect(first["version"] == 1)
    #expect(first["diagnostics"] == [], "the fixture is a valid kernel")

    // Incremental edit: insert a comment line at the top (UTF-16 positions, with an emoji).
    client.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": 2],
        "contentChanges": [
          [
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
            "text": "# edited 😀\n",
          ]
        ],
      ])
    let second = try client.notification("textDocument/publishDiagnostics")
    #expect(second["version"] == 2)

    // Hover on the `T.copy` name (one line lower after the edit) comes from the API table.
    let shifted = MarkedPosition(line: markers[0].line + 1, character: markers[0].character)
    let hover = try client.result("textDocument/hover", at(uri, shifted))
    #expect(hover["contents"]["kind"] == "markdown")
    #expect(hover["contents"]["value"].string?.contains("T.copy(src, dst") == true)

    let hints = try client.result(
      "textDocument/inlayHint",
      [
        "textDocument": textDocument(uri),
        "range": ["start": ["line": 0, "character": 0], "end": ["line": 40, "character": 0]],
      ])
    let labels = (hints.array ?? []).compactMap { $0["label"].string }
    #expect(labels.contains { $0.contains("tma_load") }, "pipelined global→shared copies lower to TMA on sm_90")

    let actions = try client.result(
      "textDocument/codeAction",
      [
        "textDocument": textDocument(uri), "range": ["start": shifted.json, "end": shifted.json],
        "context": ["diagnostics": []],
      ])
    #expect(actions.array != nil)

    let signature = try client.result(
      "textDocument/signatureHelp",
      at(uri, MarkedPosition(line: markers[1].line + 1, character: markers[1].character)))
    #expect(signature["signatures"][0]["label"].string?.hasPrefix("T.copy(") == true)
    #expect(signature["activeParameter"] == 0)

    let symbols = try client.result("textDocument/documentSymbol", ["textDocument": textDocument(uri)])
    // Waits for FileAnalysis.symbols() (a stub on this branch): then expect `main` with A_shared, B_shared, C_local.
    #expect(symbols.array != nil)

    // Cancellation: the request still gets exactly one response (a result or RequestCancelled).
    let id = client.sendRequest("textDocument/hover", at(uri, shifted))
    client.notify("$/cancelRequest", ["id": .number(Double(id))])
    let cancelled = try client.response(to: id)
    #expect(cancelled.has("result") || cancelled["error"]["code"] == -32800)

    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func syntaxErrorFixturePublishesDiagnostics() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    client.openDocument("file:///work/syntax_error.py", try fixture("syntax_error.py"))
    let published = try client.notification("textDocument/publishDiagnostics")
    #expect(published["uri"] == "file:///work/syntax_error.py")
    let diagnostics = try #require(published["diagnostics"].array)
    for d in diagnostics { expectDiagnosticShape(d) }
    #expect(
      diagnostics.contains {
        $0["code"] == "TL001" && $0["range"]["start"]["line"] == 7 && $0["range"]["start"]["character"] == 33
      }, "the unclosed `(` of the alloc_shared call")
    let pulled = try client.result(
      "textDocument/diagnostic", ["textDocument": textDocument("file:///work/syntax_error.py")])
    #expect(pulled["kind"] == "full")
    #expect(pulled["items"].array?.count == diagnostics.count, "push and pull agree")
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func copyFixtureGivesTL101OnTheDestinationAndAQuickFixForTL201() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    let uri = "file:///work/copy_extent.py"
    client.openDocument(uri, try fixture("copy_extent.py"))
    let diagnostics = try #require(try client.notification("textDocument/publishDiagnostics")["diagnostics"].array)
    for d in diagnostics { expectDiagnosticShape(d) }
    let tl101 = try #require(diagnostics.first { $0["code"] == "TL101" })
    #expect(tl101["severity"] == 1)
    #expect(tl101["range"]["start"] == ["line": 8, "character": 51])
    #expect(tl101["range"]["end"] == ["line": 8, "character": 59], "the destination argument `A_shared`")
    let tl201 = try #require(diagnostics.first { $0["code"] == "TL201" })
    #expect(tl201["range"]["start"]["line"] == 9)
    let actions = try client.result(
      "textDocument/codeAction",
      [
        "textDocument": textDocument(uri), "range": tl201["range"],
        "context": ["diagnostics": [tl201]],
      ])
    let titles = (actions.array ?? []).compactMap { $0["title"].string }
    #expect(titles.contains { $0.hasPrefix("Use \"evict_") }, "\(titles)")
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func completionAfterModuleAlias() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    let markers = client.openDocument("file:///work/c.py", "import tilelang.language as T\nx = T.alloc_1️⃣\n")
    _ = try client.notification("textDocument/publishDiagnostics")
    let completion = try client.result("textDocument/completion", at("file:///work/c.py", markers[0]))
    let labels = (completion["items"].array ?? []).compactMap { $0["label"].string }
    #expect(
      Set(["alloc_shared", "alloc_fragment", "alloc_local", "alloc_var", "alloc_barrier", "alloc_tmem"]).isSubset(
        of: Set(labels)))
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func logFileOptionKeepsStdoutForProtocol() throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-e2e-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: log) }
    let client = try LSPTestClient(arguments: ["--log", log.path], timeout: 20)
    _ = try client.initialize()
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
    let logged = try String(contentsOf: log, encoding: .utf8)
    #expect(logged.contains("initialized by LSPTestClient"))
    #expect(!client.stderrText.contains("initialized by"), "with --log, nothing is logged to stderr")
  }

  @Test func logEnvironmentVariable() throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-e2e-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: log) }
    let client = try LSPTestClient(environment: ["TL_LSP_LOG": log.path], timeout: 20)
    _ = try client.initialize()
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
    #expect(try String(contentsOf: log, encoding: .utf8).contains("shutdown requested"))
  }

  @Test func exitWithoutShutdownExitsWithOne() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    client.notify("exit")
    #expect(try client.waitForExit() == 1)
    expectClean(client)
  }
}

// In-process tests of the build commands without a compiler (a Python that does not exist): TL503 is published
// and dropped by an edit, cancellation answers RequestCancelled, and saving builds only with compileOnSave.

import CompilerBridge
import Foundation
import Testing

@testable import LanguageServer

@Suite struct BuildCommandTests {
  func server() -> InProcessServer {
    InProcessServer(bridge: CompilerBridge(settings: BridgeSettings(python: "/nonexistent/python3")))
  }

  func kernelFile() throws -> (path: String, uri: String, text: String) {
    let text = "import tilelang.language as T\n\n\n@T.prim_func\ndef main():\n    pass\n"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-build-\(UUID().uuidString).py")
    try text.write(to: url, atomically: false, encoding: .utf8)
    return (url.path, url.absoluteString, text)
  }

  func codes(_ published: JSONValue?) -> [String] {
    (published?["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
  }

  @Test func buildWithoutCompilerPublishesTL503UntilTheTextChanges() throws {
    let s = server()
    let file = try kernelFile()
    defer { try? FileManager.default.removeItem(atPath: file.path) }
    s.initialize()
    s.open(file.uri, file.text)
    s.settle()
    let result = s.call("workspace/executeCommand", ["command": "tilelang.build", "arguments": [.string(file.uri)]])
    guard case .success(let summary)? = result else {
      Issue.record("no summary: \(String(describing: result))")
      return
    }
    #expect(summary["ok"] == false)
    #expect(summary["diagnostics"] == 1)
    let pulled = s.call("textDocument/diagnostic", ["textDocument": ["uri": .string(file.uri)]])
    if case .success(let report)? = pulled {
      #expect(report["items"]?.arrayValue?.contains { $0["code"] == "TL503" } == true)
    }
    s.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": .string(file.uri), "version": 2], "contentChanges": [["text": "# edited\n"]]])
    #expect(!codes(s.settle().published().last).contains("TL503"), "an edit that changes the text drops TL5xx")
  }

  @Test func cancelledBuildAnswersRequestCancelled() throws {
    let s = server()
    let file = try kernelFile()
    defer { try? FileManager.default.removeItem(atPath: file.path) }
    s.initialize()
    let id = s.request("workspace/executeCommand", ["command": "tilelang.build", "arguments": [.string(file.uri)]])
    s.notify("$/cancelRequest", ["id": id.json])
    let answers = s.settle().compactMap { message -> Result<JSONValue, ResponseError>? in
      if case .response(id, let result) = message { return result }
      return nil
    }
    #expect(answers.count == 1)
    if case .failure(let error)? = answers.first {
      #expect(error.code == ErrorCode.requestCancelled.rawValue)
    } else {
      Issue.record("expected RequestCancelled, got \(answers)")
    }
  }

  @Test func saveBuildsOnlyWithCompileOnSave() throws {
    let s = server()
    let file = try kernelFile()
    defer { try? FileManager.default.removeItem(atPath: file.path) }
    s.initialize()
    s.open(file.uri, file.text)
    s.settle()
    s.notify("textDocument/didSave", ["textDocument": ["uri": .string(file.uri)]])
    #expect(s.settle().published().isEmpty, "no build (no Python runs) by default")
    s.notify("workspace/didChangeConfiguration", ["settings": ["tl-lsp": ["compileOnSave": true]]])
    s.settle()
    s.notify("textDocument/didSave", ["textDocument": ["uri": .string(file.uri)]])
    #expect(codes(s.settle().published().last).contains("TL503"))
  }
}

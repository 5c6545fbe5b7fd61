// End-to-end protocol abuse: bad headers, bad JSON, unknown methods, requests before initialize and after
// shutdown, out-of-range positions, a 5 MB document and 100k-deep JSON. The server answers and stays alive.

import Foundation
import Testing
import TileLangTestSupport

@Suite(.serialized) struct ProtocolAbuseTests {
  /// The server still answers a well-formed request.
  private func expectAlive(_ client: LSPTestClient, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let response = try client.request("workspace/symbolsThatDoNotExist", [:])
    #expect(response["error"]["code"] == -32601, sourceLocation: sourceLocation)
    #expect(client.isRunning, sourceLocation: sourceLocation)
  }

  @Test func badHeaderIsAnsweredAndSkipped() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    client.sendRaw(Array("Content-Length: twelve\r\n\r\n".utf8))
    #expect(try client.orphanResponse()["error"]["code"] == -32700)
    client.sendRaw(Array("X-Nonsense\r\n\r\n".utf8))
    #expect(try client.orphanResponse()["error"]["code"] == -32700)
    try expectAlive(client)
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func badJSONIsAParseError() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    let garbage = Array("{\"jsonrpc\": \"2.0\", \"id\": 1, ".utf8)
    client.sendRaw(Array("Content-Length: \(garbage.count)\r\n\r\n".utf8) + garbage)
    let error = try client.orphanResponse()
    #expect(error["error"]["code"] == -32700)
    #expect(error.has("id") && error["id"].isNull)
    let notObject = Array("[1,2,3]".utf8)
    client.sendRaw(Array("Content-Length: \(notObject.count)\r\n\r\n".utf8) + notObject)
    #expect(try client.orphanResponse()["error"]["code"] == -32600)
    try expectAlive(client)
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func requestBeforeInitializeAndAfterShutdown() throws {
    let client = try LSPTestClient(timeout: 20)
    #expect(try client.request("textDocument/hover", [:])["error"]["code"] == -32002)
    _ = try client.initialize()
    #expect(try client.request("shutdown").has("result"))
    #expect(try client.request("textDocument/hover", [:])["error"]["code"] == -32600)
    client.notify("exit")
    #expect(try client.waitForExit() == 0)
    expectClean(client)
  }

  @Test func outOfRangePositionsAreClamped() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    let uri = "file:///work/r.py"
    client.openDocument(uri, "x = T.copy(a, b)\n😀\n")
    _ = try client.notification("textDocument/publishDiagnostics")
    for (line, character) in [(0, 9999), (9999, 0), (-5, -5), (1, 1)] {
      let r = try client.request(
        "textDocument/hover",
        [
          "textDocument": textDocument(uri),
          "position": ["line": .number(Double(line)), "character": .number(Double(character))],
        ])
      #expect(r.has("result"), "hover at \(line):\(character) → \(r)")
    }
    client.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": 2],
        "contentChanges": [
          ["range": ["start": ["line": 50, "character": 3], "end": ["line": 90, "character": 0]], "text": "y = 1\n"]
        ],
      ])
    #expect(try client.notification("textDocument/publishDiagnostics")["version"] == 2)
    let hints = try client.request(
      "textDocument/inlayHint",
      [
        "textDocument": textDocument(uri),
        "range": ["start": ["line": 100, "character": 0], "end": ["line": -1, "character": 0]],
      ])
    #expect(hints.has("result"))
    try expectAlive(client)
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func fiveMegabyteDocument() throws {
    let client = try LSPTestClient(timeout: 60)
    _ = try client.initialize()
    let line = "T.copy(A[by * 128, k * 32], A_shared)  # padding padding padding padding\n"
    let text = String(repeating: line, count: 5 * 1024 * 1024 / line.utf8.count + 1)
    #expect(text.utf8.count >= 5 * 1024 * 1024)
    client.openDocument("file:///work/big.py", text)
    #expect(try client.notification("textDocument/publishDiagnostics")["uri"] == "file:///work/big.py")
    let lastLine = text.utf8.count / line.utf8.count - 1
    let hover = try client.result(
      "textDocument/hover",
      [
        "textDocument": textDocument("file:///work/big.py"),
        "position": ["line": .number(Double(lastLine)), "character": 3],
      ])
    #expect(hover["contents"]["value"].string?.contains("T.copy") == true)
    try expectAlive(client)
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }

  @Test func deeplyNestedJSON() throws {
    let client = try LSPTestClient(timeout: 20)
    _ = try client.initialize()
    let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
    client.sendRaw(Array("Content-Length: \(deep.count)\r\n\r\n".utf8) + deep)
    #expect(try client.orphanResponse()["error"]["code"] == -32700)
    let deepObject = Array(
      ("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"x\",\"params\":" + String(repeating: "{\"a\":", count: 100_000))
        .utf8)
    client.sendRaw(Array("Content-Length: \(deepObject.count)\r\n\r\n".utf8) + deepObject)
    #expect(try client.orphanResponse()["error"]["code"] == -32700)
    try expectAlive(client)
    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }
}

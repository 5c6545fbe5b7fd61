// MessageFramer and JSON-RPC message classification: split input, extra headers, malformed headers
// with resynchronization, and invalid messages.

import Testing

@testable import LanguageServer

struct FramingTests {
  private func frames(_ chunks: [String]) -> [Frame] {
    var framer = MessageFramer()
    var out: [Frame] = []
    for chunk in chunks {
      framer.append(Array(chunk.utf8))
      while let frame = framer.next() { out.append(frame) }
    }
    return out
  }

  private func body(_ s: String) -> Frame { .body(Array(s.utf8)) }

  @Test func cutsConsecutiveMessages() {
    let input = "Content-Length: 2\r\n\r\n{}Content-Length: 4\r\n\r\n[1] "
    #expect(frames([input]) == [body("{}"), body("[1] ")])
  }

  @Test func reassemblesMessagesSplitAtEveryByte() {
    let input = "Content-Length: 14\r\n\r\n{\"a\":\"héllo\"}"
    var framer = MessageFramer()
    var out: [Frame] = []
    for byte in input.utf8 {
      framer.append([byte])
      while let frame = framer.next() { out.append(frame) }
    }
    #expect(out == [body("{\"a\":\"héllo\"}")])
  }

  @Test func toleratesContentTypeAndHeaderCase() {
    let input = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}"
    #expect(frames([input]) == [body("{}")])
  }

  @Test func reportsBadHeaderAndResynchronizes() {
    let input = "Content-Length: abc\r\n\r\n{\"x\":1}Content-Length: 2\r\n\r\n{}"
    let out = frames([input])
    #expect(out.count == 3)
    guard out.count == 3 else { return }
    if case .malformedHeader = out[0] {} else { Issue.record("expected a malformed header first, got \(out[0])") }
    if case .malformedHeader = out[1] {} else { Issue.record("expected the stray body to be dropped, got \(out[1])") }
    #expect(out[2] == body("{}"))
  }

  @Test func reportsMissingLengthAndLineWithoutColon() {
    let out = frames(["Content-Type: x\r\n\r\n", "garbage line\r\n\r\n", "Content-Length: 2\r\n\r\n{}"])
    #expect(out.count == 3)
    #expect(out.last == body("{}"))
  }

  @Test func skipsOversizedBodies() {
    let big = MessageFramer.maxBodyLength + 1
    var framer = MessageFramer()
    framer.append(Array("Content-Length: \(big)\r\n\r\nxyz".utf8))
    guard case .malformedHeader = framer.next() else {
      Issue.record("oversized body accepted")
      return
    }
    #expect(framer.next() == nil)
  }

  @Test func dropsEndlessHeaders() {
    var framer = MessageFramer()
    framer.append(Array(repeating: UInt8(ascii: "a"), count: MessageFramer.maxHeaderLength + 10))
    guard case .malformedHeader = framer.next() else {
      Issue.record("endless header kept")
      return
    }
    framer.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
    #expect(framer.next() == body("{}"))
  }

  @Test func classifiesMessages() throws {
    let request = try Message.decode(["jsonrpc": "2.0", "id": 7, "method": "m", "params": ["a": 1]])
    #expect(request == .request(id: .int(7), method: "m", params: ["a": 1]))
    #expect(try Message.decode(["jsonrpc": "2.0", "method": "n"]) == .notification(method: "n", params: .null))
    #expect(
      try Message.decode(["jsonrpc": "2.0", "id": "s", "result": .null])
        == .response(id: .string("s"), result: .success(.null)))
    let error = try Message.decode(["jsonrpc": "2.0", "id": 1, "error": ["code": -32601, "message": "no"]])
    #expect(error == .response(id: .int(1), result: .failure(ResponseError(code: -32601, message: "no"))))
    #expect(throws: InvalidMessage.self) { try Message.decode([1, 2]) }
    #expect(throws: InvalidMessage.self) { try Message.decode(["id": 1, "method": 3]) }
    #expect(throws: InvalidMessage.self) { try Message.decode(["id": ["x": 1], "method": "m"]) }
  }
}

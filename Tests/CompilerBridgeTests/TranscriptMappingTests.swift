// Replays recorded worker responses (Transcripts/*.json) through the TL5xx mapping: code, line, related notes.
// Transcripts were recorded by sending each fixture to worker.py under the pinned venv; `$FIXTURES` is the folder.

import Foundation
import Testing
import TileLangSyntax

@testable import CompilerBridge

struct Transcript: Decodable {
  struct Expect: Decodable {
    var code: String
    var line: Int
    var relatedLine: Int?
    enum CodingKeys: String, CodingKey {
      case code, line
      case relatedLine = "related_line"
    }
  }
  var fixture: String
  var target: String
  var expect: Expect
}

@Suite struct TranscriptMappingTests {
  static let names: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: BridgeTestPaths.transcripts.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.sorted()
  }()

  @Test func transcriptsArePresent() {
    #expect(Self.names.count >= 10)
  }

  @Test(arguments: names) func mapsRecordedResponse(_ name: String) throws {
    let url = BridgeTestPaths.transcripts.appendingPathComponent(name)
    let raw = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
      of: "$FIXTURES", with: BridgeTestPaths.fixtures.path)
    let data = Data(raw.utf8)
    let transcript = try JSONDecoder().decode(Transcript.self, from: data)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let responseData = try JSONSerialization.data(withJSONObject: try #require(object["response"]))
    let response = try #require(WorkerResponse.decode(line: responseData))
    let path = BridgeTestPaths.fixture(transcript.fixture)
    let source = SourceText(try String(contentsOfFile: path, encoding: .utf8))

    guard case .failure(let failure) = response.buildOutcome(kernelFile: path) else {
      Issue.record("transcript \(name) is not a failure")
      return
    }
    let diags = CompilerErrorMapping.diagnostics(for: failure, file: path, source: source, timeout: 1)
    #expect(diags.count == 1, "one diagnostic per failure: \(diags)")
    let d = try #require(diags.first)
    #expect(d.code.rawValue == transcript.expect.code, "\(d.message)")
    #expect(source.line(of: d.range.start) + 1 == transcript.expect.line, "\(d.message)")
    if let rel = transcript.expect.relatedLine {
      #expect(d.related.contains { source.line(of: $0.range.start) + 1 == rel }, "\(d.related)")
    }
    #expect(!d.message.isEmpty)
  }

  @Test func copyAndIm2colErrorsLandOnTheWholeCall() throws {
    let path = BridgeTestPaths.fixture("bad/im2col_column_1d.py")
    let source = SourceText(try String(contentsOfFile: path, encoding: .utf8))
    let failure = CompilerFailure(
      kind: .compileError, type: "InternalError",
      message: "Check failed: (ndim >= 2) is false: im2col dstRegion must have at least 2 dims", phase: "lower")
    let d = try #require(CompilerErrorMapping.diagnostics(for: failure, file: path, source: source).first)
    #expect(source.text(d.range) == "T.im2col(data, col, by, bx, 3, 1, 1, 1)")
  }

  @Test func callerSuppliedSitesWinOverTheScanner() throws {
    let text = "def k():\n    x = 1\n    T.copy(A_shared, C)\n"
    let source = SourceText(text)
    let site = CopySiteHint(op: "copy", range: TextRange(25, 44), srcBuffer: "Q", dstBuffer: "R")
    let failure = CompilerFailure(
      kind: .compileError, type: "InternalError", message: "Copy between buffer R and Q with incompatible data type",
      phase: "lower")
    let d = try #require(
      CompilerErrorMapping.diagnostics(for: failure, file: "/x.py", source: source, copySites: [site]).first)
    #expect(d.range == site.range)
  }

  @Test func warningsBecomeTL502() {
    let source = SourceText("def k():\n    T.copy(A, B)\n")
    let logs = "[10:00:00] : Warning: Requested coalesced_width=3 is incompatible for src=A, dst=B\nother\n"
    let diags = CompilerErrorMapping.warnings(in: logs, file: "/x.py", source: source)
    #expect(diags.map(\.code) == [.TL502])
    #expect(source.line(of: diags.first?.range.start ?? 0) == 1)
  }

  @Test func cancelledBuildsHaveNoDiagnostics() {
    let f = CompilerFailure(kind: .cancelled, type: "Cancelled", message: "", phase: "lower")
    #expect(CompilerErrorMapping.diagnostics(for: f, file: "/x.py", source: SourceText("")).isEmpty)
  }

  @Test func scannerFindsOperandsAndSkipsCommentsAndStrings() {
    let text = """
      # T.copy(X, Y) in a comment
      s = "T.copy(P, Q)"
      T.copy(A[by * 128, k * 32], A_shared, eviction_policy="evict_first")
      T.im2col(data, col, by, k, 3, 1, 1, 1)
      T.copy(src=A, dst=B)
      """
    let sites = CopySiteHint.scan(SourceText(text))
    #expect(sites.map(\.op) == ["copy", "im2col", "copy"])
    #expect(sites[0].srcBuffer == "A" && sites[0].dstBuffer == "A_shared")
    #expect(sites[1].srcBuffer == "data" && sites[1].dstBuffer == "col")
    #expect(sites[2].srcBuffer == nil)
  }
}

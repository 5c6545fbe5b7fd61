// End-to-end: `tilelang.build` and `tilelang.showLoweredCUDA` through the built tl-lsp and the real compiler
// (tilelang 0.1.15 in .venv-tilelang from scripts/setup-tilelang.sh): progress, TL5xx publication, CUDA documents.

import Foundation
import Testing
import TileLangTestSupport

let tilelangPython = fixturesDirectory.deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent(".venv-tilelang/bin/python").path

@Suite(.serialized) struct BuildCommandTests {
  @Test func buildAndShowLoweredCUDAWithTheRealCompiler() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: tilelangPython),
      "needs \(tilelangPython): run scripts/setup-tilelang.sh")
    let client = try LSPTestClient(environment: ["TL_LSP_PYTHON": tilelangPython], timeout: 180)
    _ = try client.initialize(capabilities: ["window": ["workDoneProgress": true, "showDocument": ["support": true]]])
    let uri = fixturesDirectory.appendingPathComponent("gemm_kernel.py").absoluteString
    let text = try fixture("gemm_kernel.py").replacingOccurrences(of: "T.copy(A[by", with: "T.co1️⃣py(A[by")
    let markers = client.openDocument(uri, text)
    _ = try client.notification("textDocument/publishDiagnostics")

    let arguments: JSON = [["uri": .string(uri), "target": "sm_90", "args": ["M": 1024, "N": 1024, "K": 1024]]]
    let built = try client.result("workspace/executeCommand", ["command": "tilelang.build", "arguments": arguments])
    #expect(built["ok"] == true, "\(built)")
    #expect(built["kernels"][0]["kernel"] == "matmul")
    _ = try client.notification("$/progress") { $0["value"]["kind"] == "begin" }
    _ = try client.notification("$/progress") { $0["value"]["kind"] == "end" }
    #expect(try client.notification("textDocument/publishDiagnostics")["diagnostics"] == [])
    #expect(client.receivedServerRequests.contains { $0["method"] == "window/workDoneProgress/create" })

    let shown = try client.result(
      "workspace/executeCommand", ["command": "tilelang.showLoweredCUDA", "arguments": arguments])
    let cudaURI = try #require(shown["cudaUri"].string)
    #expect(cudaURI.hasPrefix("tl-lsp-cuda:///") && cudaURI.hasSuffix("gemm_kernel.py.matmul.sm_90.cu"))
    #expect(shown["text"].string?.contains("tma_load") == true)
    _ = try client.notification("$/progress") { $0["value"]["kind"] == "begin" }
    _ = try client.notification("$/progress") { $0["value"]["kind"] == "end" }
    _ = try client.notification("textDocument/publishDiagnostics")
    #expect(client.receivedServerRequests.contains { $0["method"] == "window/showDocument" })

    let content = try client.result("workspace/textDocumentContent", ["uri": .string(cudaURI)])
    #expect(content["text"].string?.contains("tl::tma_load") == true)
    let custom = try client.result("tilelang/loweredCUDA", ["uri": .string(cudaURI)])
    #expect(custom["text"] == content["text"])

    let hover = try client.result("textDocument/hover", at(uri, markers[0]))
    let markdown = hover["contents"]["value"].string ?? ""
    #expect(markdown.contains("exact (tilelang 0.1.15, sm_90)"), "\(markdown)")
    #expect(markdown.contains("kernel `matmul` with K=1024, M=1024, N=1024 "), "the sizes the build used")
    #expect(markdown.contains("tma_load"), "the CUDA the #line map ties to the A copy")
    #expect(markdown.contains("A_desc = __tvm_tensormap_create_tiled(A_desc, 6, 2, A, 1024, 1024"), "\(markdown)")

    #expect(try client.shutdownAndExit() == 0)
    expectClean(client)
  }
}

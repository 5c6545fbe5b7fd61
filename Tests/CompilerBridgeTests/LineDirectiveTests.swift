// The line map the bridge derives from the compiler's `#line` markers (`tl.emit_line_directives`).

import Foundation
import Testing

@testable import CompilerBridge

@Suite struct LineDirectiveTests {
  @Test func markersNamingTheKernelFileMapTheLineAfterThem() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-linemap-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let kernel = dir.appendingPathComponent("kernel.py").path
    let link = dir.appendingPathComponent("link.py").path
    FileManager.default.createFile(atPath: kernel, contents: Data("x = 1\n".utf8))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: kernel)
    let cuda = """
      extern "C" __global__ void k() {
      #line 17 "\(kernel)"
        tl::tma_load(A_desc, bar, A_shared, 0, 0);
      #line 3 "\(dir.path)/helper.py"
        helper();
      #line 20 "\(link)"
        tl::gemm_ss(A_shared, B_shared, C_local);
      #line 21 bad
      }
      """
    let map = LineMapping.fromLineDirectives(in: cuda, naming: kernel)
    #expect(map == [LineMapping(cudaLine: 3, pythonLine: 17), LineMapping(cudaLine: 7, pythonLine: 20)])
  }
}

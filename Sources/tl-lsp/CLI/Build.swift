// `tl-lsp build FILE ...`: build a kernel through the real compiler (owned by the CompilerBridge work).

import Foundation

func runBuild(arguments: [String]) -> Int32 {
  FileHandle.standardError.write(Data("tl-lsp: build is not available yet\n".utf8))
  return 2
}

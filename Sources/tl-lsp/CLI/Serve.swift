// `tl-lsp` / `tl-lsp --stdio`: serve LSP on stdin/stdout (owned by the LanguageServer work).

import Foundation

func runServe(arguments: [String]) -> Int32 {
  FileHandle.standardError.write(Data("tl-lsp: the language server is not available yet\n".utf8))
  return 2
}

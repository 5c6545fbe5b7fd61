// `tl-lsp` / `tl-lsp --stdio` / `tl-lsp --log FILE`: serve LSP on stdin/stdout. The log goes to FILE,
// else to `$TL_LSP_LOG`, else to stderr; never to stdout.

import Foundation
import LanguageServer

func runServe(arguments: [String]) -> Int32 {
  var logPath = ProcessInfo.processInfo.environment["TL_LSP_LOG"].flatMap { $0.isEmpty ? nil : $0 }
  var rest = arguments[...]
  while let argument = rest.popFirst() {
    switch argument {
    case "--stdio": continue
    case "--log":
      guard let path = rest.popFirst() else {
        FileHandle.standardError.write(Data("tl-lsp: --log needs a file path\n".utf8))
        return 2
      }
      logPath = path
    default:
      FileHandle.standardError.write(Data("tl-lsp: unknown serve argument \(argument)\n".utf8))
      return 2
    }
  }
  return Server.run(options: ServerOptions(logPath: logPath, version: CommandLineTool.version))
}

// `tl-lsp` / `tl-lsp --stdio` / `tl-lsp --log FILE`: serve LSP on stdin/stdout. The log goes to FILE,
// else to `$TL_LSP_LOG`, else to stderr; never to stdout.

import Foundation
import LanguageServer

#if canImport(Glibc)
  import Glibc
#endif

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
  limitMallocArenas()
  return Server.run(options: ServerOptions(logPath: logPath, version: CommandLineTool.version))
}

/// glibc gives each thread that allocates its own arena; the server's analysis runs on dispatch worker threads,
/// and every extra arena keeps freed trees mapped. Two arenas take ~1 MiB off peak RSS on a 1500-line file
/// (docs/performance.md) and keep the event loop and the analysis from contending on one lock.
private func limitMallocArenas() {
  #if canImport(Glibc)
    // `mallopt` lives in <malloc.h>, which the Glibc module does not export; look it up instead.
    guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
      let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt")
    else { return }
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    let mArenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
    _ = unsafeBitCast(symbol, to: Mallopt.self)(mArenaMax, 2)
  #endif
}

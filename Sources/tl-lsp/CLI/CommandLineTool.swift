// Top-level command dispatch: --check, --explain, build, --version, --help, or the LSP server on stdio.

import Foundation

enum CommandLineTool {
  static let version = "0.1.0"

  static let help = """
    tl-lsp \(version): language server and checker for TileLang kernels

    USAGE
      tl-lsp                               serve LSP on stdin/stdout (when stdin is not a terminal)
      tl-lsp --stdio [--log FILE]          serve LSP on stdin/stdout
      tl-lsp --check PATH... [options]     check files or directories (every .py importing tilelang)
      tl-lsp --explain FILE:LINE [options] show the predicted lowering of the copies on a line
      tl-lsp build FILE [build options]    build a kernel with the real compiler (tilelang 0.1.15)
      tl-lsp --version | --help

    OPTIONS (--check, --explain)
      --format gcc|json          output format (default gcc)
      --target sm_80[,sm_90]     targets to check and plan for (default sm_90; repeatable)
      --arg NAME=INT             size for a kernel parameter or T.const name (repeatable)
      --pass-config KEY=BOOL     pass config, e.g. tl.disable_tma_lower=true (repeatable)
      --compile                  also build each file's kernels with the real compiler (runs the files' Python)
                                 and add its verdicts (TL5xx); with --python PATH, --timeout S

    EXIT STATUS
      0 no errors, 1 errors found, 2 usage error
    """

  static func run(_ args: [String]) -> Int32 {
    guard let first = args.first else {
      if isatty(STDIN_FILENO) != 0 {
        printError(help)
        return 2
      }
      return runServe(arguments: [])
    }
    switch first {
    case "--stdio", "--log":
      return runServe(arguments: args)
    case "--version":
      print("tl-lsp \(version)")
      return 0
    case "--help", "-h":
      print(help)
      return 0
    case "build":
      return runBuild(arguments: Array(args.dropFirst()))
    default:
      do {
        let options = try CheckOptions.parse(args)
        if options.explain != nil { return ExplainCommand.run(options) }
        if !args.contains("--check") {
          throw UsageError(message: "unknown arguments; did you mean --check? (see tl-lsp --help)")
        }
        return CheckCommand.run(options)
      } catch let e as UsageError {
        printError("tl-lsp: \(e.message)")
        return 2
      } catch {
        printError("tl-lsp: \(error)")
        return 2
      }
    }
  }
}

// tl-lsp entry point: dispatches to the CLI subcommands or serves LSP on stdio.

import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
exit(CommandLineTool.run(arguments))

// tl-lsp entry point: `--check` CLI, `build`, `--explain`, or the LSP server on stdio.

import Foundation

print("tl-lsp")

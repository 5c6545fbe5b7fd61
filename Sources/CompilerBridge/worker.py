"""tl-lsp compiler worker (placeholder)."""

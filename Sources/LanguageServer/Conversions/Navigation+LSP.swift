// Analysis navigation results (hover, inlay hints, symbols) and API table entries -> LSP structures.

import TileLangAnalysis
import TileLangSyntax

extension HoverInfo {
  func lsp(_ source: SourceText, _ encoding: LSP.PositionEncoding) -> LSP.Hover {
    LSP.Hover(contents: LSP.MarkupContent(value: markdown), range: source.lspRange(range, encoding))
  }
}

extension InlayHintInfo {
  func lsp(_ source: SourceText, _ encoding: LSP.PositionEncoding) -> LSP.InlayHint {
    LSP.InlayHint(position: source.lspPosition(offset, encoding), label: label, tooltip: tooltip)
  }
}

extension LoweringInfo {
  /// The lowering's own label (`128×32 f16 · tma_load 8 KiB`) after the call, used while
  /// `FileAnalysis.inlayHints(in:)` returns none.
  func inlayHint(_ source: SourceText, _ encoding: LSP.PositionEncoding) -> LSP.InlayHint {
    LSP.InlayHint(position: source.lspPosition(range.end, encoding), label: inlayLabel, tooltip: reason)
  }
}

extension SymbolInfo {
  func lsp(_ source: SourceText, _ encoding: LSP.PositionEncoding) -> LSP.DocumentSymbol {
    let kind: LSP.DocumentSymbol.Kind
    switch self.kind {
    case .kernel: kind = .function
    case .buffer: kind = .variable
    case .parameter: kind = .typeParameter
    }
    let full = range.cover(selectionRange)
    return LSP.DocumentSymbol(
      name: name, detail: detail, kind: kind, range: source.lspRange(full, encoding),
      selectionRange: source.lspRange(selectionRange, encoding), children: children.map { $0.lsp(source, encoding) })
  }
}

extension APIEntry {
  /// Hover and completion documentation: the signature as a Python code block, then the summary.
  var markdown: String { "```python\n\(signature)\n```\n\(summary)" }

  var completionItem: LSP.CompletionItem {
    let kind: LSP.CompletionItem.Kind
    switch self.kind {
    case .function: kind = .function
    case .scope: kind = .class
    case .type: kind = .typeParameter
    case .decorator: kind = .keyword
    }
    return LSP.CompletionItem(label: name, kind: kind, detail: signature, documentation: summary)
  }
}

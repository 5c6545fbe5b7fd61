// Diagnostic fixes -> LSP quick-fix code actions with a WorkspaceEdit on the document.

import TileLangSyntax

extension Fix {
  func codeAction(
    for diagnostic: Diagnostic, _ source: SourceText, uri: String, _ encoding: LSP.PositionEncoding, preferred: Bool
  ) -> LSP.CodeAction {
    let edits = edits.map { LSP.TextEdit(range: source.lspRange($0.range, encoding), newText: $0.newText) }
    return LSP.CodeAction(
      title: title, diagnostics: [diagnostic.lsp(source, uri: uri, encoding)], isPreferred: preferred,
      edit: LSP.WorkspaceEdit(changes: [uri: edits]))
  }
}

// TileLang diagnostics -> LSP diagnostics: TLxxx code, a link to its docs section, source "tl-lsp",
// related notes as relatedInformation.

import TileLangSyntax

extension DiagnosticCode {
  /// Every code links to its section of the diagnostics reference.
  static let documentationBaseURL = "https://github.com/tile-ai/tl-lsp/blob/main/docs/diagnostics.md"

  var documentationURL: String {
    "\(Self.documentationBaseURL)#\(rawValue.lowercased())-\(name)"
  }
}

extension Severity {
  var lsp: Int {
    switch self {
    case .error: return LSP.Diagnostic.Severity.error.rawValue
    case .warning: return LSP.Diagnostic.Severity.warning.rawValue
    case .information: return LSP.Diagnostic.Severity.information.rawValue
    case .hint: return LSP.Diagnostic.Severity.hint.rawValue
    }
  }
}

extension Diagnostic {
  func lsp(_ source: SourceText, uri: String, _ encoding: LSP.PositionEncoding) -> LSP.Diagnostic {
    LSP.Diagnostic(
      range: source.lspRange(range, encoding), severity: severity.lsp, code: code.rawValue,
      codeDescriptionHref: code.documentationURL, source: "tl-lsp", message: message,
      relatedInformation: related.map {
        LSP.DiagnosticRelatedInformation(
          location: LSP.Location(uri: uri, range: source.lspRange($0.range, encoding)), message: $0.message)
      })
  }
}

// Editor-facing queries over a FileAnalysis: hover text, inlay hints, go-to-definition, outline symbols.
// Results are plain values with byte ranges; the server converts them to LSP.

import TileLangSyntax

public struct HoverInfo: Sendable {
  /// Markdown.
  public var markdown: String
  public var range: TextRange
}

public struct InlayHintInfo: Sendable {
  /// Byte offset the hint is shown at (after the call's closing parenthesis).
  public var offset: Int
  public var label: String
  public var tooltip: String?
}

public struct SymbolInfo: Sendable {
  public enum Kind: Sendable { case kernel, buffer, parameter }
  public var name: String
  public var detail: String
  public var kind: Kind
  public var range: TextRange
  public var selectionRange: TextRange
  public var children: [SymbolInfo]
}

extension FileAnalysis {
  /// Hover at a byte offset: a buffer, a copy/im2col call, or a `T.*` API name.
  public func hover(at offset: Int) -> HoverInfo? {
    nil
  }

  /// Inlay hints whose offsets lie in `range`.
  public func inlayHints(in range: TextRange) -> [InlayHintInfo] {
    []
  }

  /// Where the name at `offset` is defined (buffer, kernel, `T.const` name, factory parameter).
  public func definition(at offset: Int) -> TextRange? {
    nil
  }

  /// Kernels with their buffers, for the document outline.
  public func symbols() -> [SymbolInfo] {
    []
  }
}

// Entry point of the syntax layer: `parse(_:)` turns text into a `ParsedFile` (tree + TL0xx diagnostics).

/// Parses Python source. Never fails: syntax errors become TL001/TL002/TL003 diagnostics and the
/// rest of the file is still parsed.
public func parse(_ text: String) -> ParsedFile {
  parse(source: SourceText(text))
}

public func parse(bytes: [UInt8]) -> ParsedFile {
  parse(source: SourceText(bytes: bytes))
}

public func parse(source: SourceText) -> ParsedFile {
  var parser = Parser(source: source)
  return parser.parseFile()
}

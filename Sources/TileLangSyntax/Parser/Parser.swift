// Parser: recursive-descent, error-tolerant Python 3.12 parser producing the typed tree (stub; being written).

struct Parser {
  let source: SourceText
  init(source: SourceText) { self.source = source }
  mutating func parseFile() -> ParsedFile { ParsedFile(source: source, body: [], diagnostics: []) }
}

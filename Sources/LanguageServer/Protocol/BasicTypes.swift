// LSP base structures named after the spec (Position, Range, Location, TextEdit, ...), namespaced
// under `LSP` so they never clash with the syntax layer's byte-range types.

enum LSP {}

extension LSP {
  enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"
  }

  struct Position: Hashable, Sendable {
    var line: Int
    var character: Int

    var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    init(line: Int, character: Int) {
      self.line = line
      self.character = character
    }

    init(json: JSONValue?) throws(ResponseError) {
      guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else {
        throw .invalidParams("a Position needs integer line and character")
      }
      self.init(line: line, character: character)
    }
  }

  struct Range: Hashable, Sendable {
    var start: Position
    var end: Position

    var json: JSONValue { ["start": start.json, "end": end.json] }

    init(start: Position, end: Position) {
      self.start = start
      self.end = end
    }

    init(json: JSONValue?) throws(ResponseError) {
      guard let json else { throw .invalidParams("missing Range") }
      self.init(start: try Position(json: json["start"]), end: try Position(json: json["end"]))
    }
  }

  struct Location: Hashable, Sendable {
    var uri: String
    var range: Range
    var json: JSONValue { ["uri": .string(uri), "range": range.json] }
  }

  struct TextEdit: Hashable, Sendable {
    var range: Range
    var newText: String
    var json: JSONValue { ["range": range.json, "newText": .string(newText)] }
  }

  /// One entry of `didChange`'s contentChanges: a whole-text replacement when `range` is nil.
  struct TextDocumentContentChangeEvent: Hashable, Sendable {
    var range: Range?
    var text: String

    init(range: Range?, text: String) {
      self.range = range
      self.text = text
    }

    init(json: JSONValue) throws(ResponseError) {
      guard let text = json["text"]?.stringValue else { throw .invalidParams("a content change needs text") }
      self.text = text
      if let range = json["range"], !range.isNull {
        self.range = try Range(json: range)
      } else {
        self.range = nil
      }
    }
  }

  enum MarkupKind: String { case markdown, plaintext }

  struct MarkupContent: Hashable, Sendable {
    var kind: String = MarkupKind.markdown.rawValue
    var value: String
    var json: JSONValue { ["kind": .string(kind), "value": .string(value)] }
  }
}

// MARK: - Decoding params

extension JSONValue {
  /// `params.textDocument.uri`.
  func textDocumentURI() throws(ResponseError) -> String {
    guard let uri = self["textDocument"]?["uri"]?.stringValue else {
      throw .invalidParams("missing textDocument.uri")
    }
    return uri
  }

  func requiredString(_ key: String) throws(ResponseError) -> String {
    guard let value = self[key]?.stringValue else { throw .invalidParams("missing string field \(key)") }
    return value
  }

  func position(_ key: String = "position") throws(ResponseError) -> LSP.Position {
    try LSP.Position(json: self[key])
  }

  func range(_ key: String = "range") throws(ResponseError) -> LSP.Range {
    try LSP.Range(json: self[key])
  }
}

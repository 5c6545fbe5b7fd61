// Location markers in test documents: `1️⃣`…`9️⃣` are removed from the text and reported as LSP
// positions (line, UTF-16 column) of the place they stood.

public struct MarkedPosition: Hashable, Sendable {
  public var line: Int
  public var character: Int
  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }
  public var json: JSON { ["line": .number(Double(line)), "character": .number(Double(character))] }
}

public enum Markers {
  /// The text without markers, and the position of marker N at index N-1 (missing markers are omitted).
  public static func extract(_ marked: String) -> (text: String, positions: [MarkedPosition]) {
    var text = ""
    var found: [Int: MarkedPosition] = [:]
    var line = 0
    var column = 0
    for character in marked {
      if let n = markerNumber(character) {
        found[n] = MarkedPosition(line: line, character: column)
        continue
      }
      text.append(character)
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 0
      } else {
        column += character.utf16.count
      }
    }
    return (text, found.keys.sorted().compactMap { found[$0] })
  }

  private static func markerNumber(_ c: Character) -> Int? {
    let scalars = Array(c.unicodeScalars)
    guard scalars.count == 3, scalars[1] == "\u{FE0F}", scalars[2] == "\u{20E3}",
      let digit = Int(String(scalars[0])), digit >= 1
    else { return nil }
    return digit
  }
}

// LSP result structures for the language features we serve: Diagnostic, Hover, InlayHint, CodeAction,
// WorkspaceEdit, DocumentSymbol, CompletionItem, SignatureHelp and FoldingRange.

extension LSP {
  struct DiagnosticRelatedInformation: Hashable, Sendable {
    var location: Location
    var message: String
    var json: JSONValue { ["location": location.json, "message": .string(message)] }
  }

  struct Diagnostic: Hashable, Sendable {
    enum Severity: Int {
      case error = 1
      case warning = 2
      case information = 3
      case hint = 4
    }
    var range: Range
    var severity: Int
    var code: String
    var codeDescriptionHref: String
    var source: String
    var message: String
    var relatedInformation: [DiagnosticRelatedInformation]

    var json: JSONValue {
      var fields: [String: JSONValue] = [
        "range": range.json, "severity": .int(severity), "code": .string(code),
        "codeDescription": ["href": .string(codeDescriptionHref)], "source": .string(source),
        "message": .string(message),
      ]
      if !relatedInformation.isEmpty { fields["relatedInformation"] = .array(relatedInformation.map(\.json)) }
      return .object(fields)
    }

    /// The parts of a client-sent diagnostic (code action context) we match fixes against.
    static func matchKey(json: JSONValue) -> (range: Range, code: String)? {
      guard let range = try? Range(json: json["range"]) else { return nil }
      let code = json["code"]?.stringValue ?? json["code"]?.intValue.map(String.init) ?? ""
      return (range, code)
    }
  }

  struct Hover: Sendable {
    var contents: MarkupContent
    var range: Range?
    var json: JSONValue { .object(omittingNils: ["contents": contents.json, "range": range?.json]) }
  }

  struct InlayHint: Sendable {
    var position: Position
    var label: String
    var tooltip: String?
    var json: JSONValue {
      .object(omittingNils: [
        "position": position.json, "label": .string(label), "kind": .int(1), "paddingLeft": .bool(true),
        "tooltip": tooltip.map { JSONValue.string($0) },
      ])
    }
  }

  struct WorkspaceEdit: Sendable {
    var changes: [String: [TextEdit]]
    var json: JSONValue { ["changes": .object(changes.mapValues { .array($0.map(\.json)) })] }
  }

  struct CodeAction: Sendable {
    var title: String
    var kind: String = "quickfix"
    var diagnostics: [Diagnostic]
    var isPreferred: Bool
    var edit: WorkspaceEdit
    var json: JSONValue {
      [
        "title": .string(title), "kind": .string(kind), "diagnostics": .array(diagnostics.map(\.json)),
        "isPreferred": .bool(isPreferred), "edit": edit.json,
      ]
    }
  }

  struct DocumentSymbol: Sendable {
    enum Kind: Int {
      case function = 12
      case variable = 13
      case field = 8
      case typeParameter = 26
    }
    var name: String
    var detail: String
    var kind: Kind
    var range: Range
    var selectionRange: Range
    var children: [DocumentSymbol]
    var json: JSONValue {
      [
        "name": .string(name), "detail": .string(detail), "kind": .int(kind.rawValue), "range": range.json,
        "selectionRange": selectionRange.json, "children": .array(children.map(\.json)),
      ]
    }
  }

  struct CompletionItem: Sendable {
    enum Kind: Int {
      case function = 3
      case module = 9
      case keyword = 14
      case typeParameter = 25
      case `class` = 7
    }
    var label: String
    var kind: Kind
    var detail: String
    var documentation: String
    var json: JSONValue {
      [
        "label": .string(label), "kind": .int(kind.rawValue), "detail": .string(detail),
        "documentation": MarkupContent(value: documentation).json,
      ]
    }
  }

  struct SignatureHelp: Sendable {
    var label: String
    var documentation: String
    var parameters: [String]
    var activeParameter: Int
    var json: JSONValue {
      let signature: JSONValue = [
        "label": .string(label), "documentation": MarkupContent(value: documentation).json,
        "parameters": .array(parameters.map { ["label": .string($0)] }),
        "activeParameter": .int(activeParameter),
      ]
      return ["signatures": [signature], "activeSignature": 0, "activeParameter": .int(activeParameter)]
    }
  }

  struct FoldingRange: Sendable {
    var startLine: Int
    var endLine: Int
    var json: JSONValue { ["startLine": .int(startLine), "endLine": .int(endLine), "kind": "region"] }
  }
}

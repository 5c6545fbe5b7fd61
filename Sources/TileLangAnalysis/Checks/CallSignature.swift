// Python's argument binding for DSL functions whose signature tl-lsp knows: the TypeErrors CPython 3.11 raises for an
// unknown keyword, a parameter given twice, too many positionals and a missing parameter (TL208, TL215).

import TileLangSyntax

struct CallSignature {
  /// The function's name as Python prints it (`reduce_max`).
  var function: String
  var parameters: [String]
  /// How many leading parameters have no default.
  var required: Int
  /// Parameters after `*` or `*args`, which only a keyword binds, and those of them without a default.
  var keywordOnly: [String] = []
  var requiredKeywordOnly: [String] = []
  /// Whether the function takes `*args` (any number of extra positionals).
  var variadic = false

  init(
    function: String, parameters: [String], required: Int, keywordOnly: [String] = [],
    requiredKeywordOnly: [String] = [], variadic: Bool = false
  ) {
    self.function = function
    self.parameters = parameters
    self.required = required
    self.keywordOnly = keywordOnly
    self.requiredKeywordOnly = requiredKeywordOnly
    self.variadic = variadic
  }

  /// The compact spelling of the generated table (DSLSignatures).
  init(
    _ function: String, _ parameters: [String], _ required: Int, keywordOnly: [String] = [],
    requiredKeywordOnly: [String] = [], variadic: Bool = false
  ) {
    self.init(
      function: function, parameters: parameters, required: required, keywordOnly: keywordOnly,
      requiredKeywordOnly: requiredKeywordOnly, variadic: variadic)
  }

  /// `bindingErrors` for a call's arguments as written (`args`); nil when a `*args` or `**kwargs` spread hides what
  /// binds.
  func bindingErrors(_ code: DiagnosticCode, arguments args: [Argument], call: TextRange, operands: Set<String>)
    -> [Diagnostic]?
  {
    guard
      !args.contains(where: { arg in
        if case .starred = arg.value.kind { return true } else { return arg.isDoubleStar }
      })
    else { return nil }
    let positional = args.filter { $0.name == nil }
    var keywords: [String: Argument] = [:]
    for arg in args { if let n = arg.name { keywords[n] = arg } }
    return bindingErrors(
      code, positional: positional.count, positionalArgs: positional, keywords: keywords, arguments: args, call: call,
      operands: operands)
  }

  /// The binding errors of a call passing `positional` arguments (`positionalArgs`: their syntax when it lines up)
  /// and `keywords`, as `code` diagnostics. `operands` are the parameters not listed as accepted keywords.
  func bindingErrors(
    _ code: DiagnosticCode, positional: Int, positionalArgs: [Argument], keywords: [String: Argument],
    arguments: [Argument], call: TextRange, operands: Set<String>
  ) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let accepted = parameters.filter { !operands.contains($0) } + keywordOnly
    for (name, arg) in keywords.sorted(by: { $0.value.range.start < $1.value.range.start }) {
      if keywordOnly.contains(name) { continue }
      guard let index = parameters.firstIndex(of: name) else {
        out.append(
          Self.unknownKeyword(code, op: function, name: name, argument: arg, accepted: accepted, arguments: arguments))
        continue
      }
      if index < positional {
        out.append(
          Diagnostic(
            code,
            "T.\(function) gets `\(name)` twice, as positional argument \(index + 1) and as a keyword (TypeError: \(function)() got multiple values for argument '\(name)')",
            at: arg.nameRange ?? arg.range,
            fixes: [Fix(title: "Remove `\(name)=`", edits: [arguments.removal(of: arg)])]))
      }
    }
    if positional > parameters.count, !variadic {
      let range = positionalArgs.count == positional ? positionalArgs[parameters.count].range : call
      let takes =
        required == parameters.count ? "\(required)" : "from \(required) to \(parameters.count)"
      out.append(
        Diagnostic(
          code,
          "T.\(function) takes at most \(parameters.count) positional arguments (\(parameters.joined(separator: ", "))), but \(positional) were given (TypeError: \(function)() takes \(takes) positional argument\(parameters.count == 1 ? "" : "s") but \(positional) were given)",
          at: range))
    }
    let missing = parameters.prefix(required).enumerated().filter {
      $0.offset >= positional && keywords[$0.element] == nil
    }
    .map { "'\($0.element)'" }
    let missingKeywords = requiredKeywordOnly.filter { keywords[$0] == nil }.map { "'\($0)'" }
    for (names, kind) in [(missing, "positional"), (missingKeywords, "keyword-only")] where !names.isEmpty {
      let list = Self.pythonList(names)
      let plural = names.count == 1 ? "" : "s"
      out.append(
        Diagnostic(
          code,
          "T.\(function) is missing \(list) (TypeError: \(function)() missing \(names.count) required \(kind) argument\(plural): \(list))",
          at: call))
    }
    return out
  }

  /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as CPython lists missing arguments.
  static func pythonList(_ items: [String]) -> String {
    switch items.count {
    case 0, 1: return items.first ?? ""
    case 2: return "\(items[0]) and \(items[1])"
    default: return items.dropLast().joined(separator: ", ") + ", and " + (items.last ?? "")
    }
  }

  /// Keywords of other libraries with a TileLang spelling (`axis=` of NumPy is `dim=` here).
  static let aliases = ["axis": "dim"]

  /// A keyword `name` that the function does not take: the TypeError, what it accepts, a rename to the closest
  /// accepted keyword when one is close (edit distance 2 at most) or a known alias, and the keyword's removal.
  static func unknownKeyword(
    _ code: DiagnosticCode, op: String, name: String, argument: Argument, accepted: [String], arguments: [Argument]
  ) -> Diagnostic {
    var fixes: [Fix] = []
    if let nameRange = argument.nameRange, !accepted.isEmpty {
      let best =
        aliases[name].flatMap { accepted.contains($0) ? $0 : nil } ?? CopyAnnotationsCheck.nearest(name, accepted)
      if aliases[name] == best || CopyAnnotationsCheck.distance(name, best) <= min(2, name.count / 2) {
        fixes.append(Fix(title: "Rename to `\(best)=`", edits: [TextEdit(range: nameRange, newText: best)]))
      }
    }
    fixes.append(Fix(title: "Remove `\(name)=`", edits: [arguments.removal(of: argument)]))
    return Diagnostic(
      code,
      "T.\(op) has no keyword `\(name)` (TypeError: \(op)() got an unexpected keyword argument '\(name)'); it accepts \(accepted.joined(separator: ", "))",
      at: argument.nameRange ?? argument.range, fixes: fixes)
  }
}

// Copy annotations (TL201–TL208): eviction_policy, coalesced_width, disable_tma, prefer_instruction, loop_layout,
// the `annotations` dict and its precedence over keywords (tilelang-copy-semantics §2).

import TileLangSyntax

enum CopyAnnotationsCheck {
  static let policies = ["evict_normal", "evict_first", "evict_last"]
  static let preferences = ["tma", "cp_async", "sync"]

  /// Keywords each op accepts in tilelang 0.1.15 (`tilelang.language` re-exports the CUDA dialect's `copy` and
  /// `im2col`, which add disable_tma, eviction_policy and prefer_instruction; the others come from the common ops).
  static let accepted: [String: Set<String>] = [
    "copy": [
      "src", "dst", "coalesced_width", "disable_tma", "eviction_policy", "prefer_instruction", "annotations",
      "loop_layout",
    ],
    "async_copy": ["src", "dst", "coalesced_width", "annotations", "loop_layout"],
    "tma_copy": ["src", "dst", "barrier", "cluster_mask", "leader_scope_threads", "eviction_policy", "annotations"],
    "copy_cluster": [
      "src", "dst", "dst_block", "cluster_mask", "remote_barrier", "eviction_policy", "coalesced_width", "annotations",
      "loop_layout",
    ],
    "im2col": [
      "img", "col", "nhw_step", "c_step", "kernel", "stride", "dilation", "pad", "eviction_policy", "annotations",
    ],
    "c2d_im2col": [
      "img", "col", "nhw_step", "c_step", "kernel", "stride", "dilation", "pad", "eviction_policy", "annotations",
    ],
  ]

  /// Reads the annotations the compiler will see, emitting TL201, TL202, TL203, TL204, TL206 and TL208.
  static func check(_ c: inout CheckContext) -> CopyAnnotations {
    var ann = CopyAnnotations()
    let kw = c.event.keywords
    if let allowed = accepted[c.event.op] {
      for (name, entry) in kw where !allowed.contains(name) {
        let keywords = allowed.subtracting(["src", "dst", "img", "col"]).sorted()
        c.emit(
          CallSignature.unknownKeyword(
            .TL208, op: c.event.op, name: name, argument: entry.argument, accepted: keywords,
            arguments: c.event.arguments))
      }
    }
    // The annotations dict is copied first; a keyword is written only when its key is absent.
    var dictKeys: [String: (value: Value, keyRange: TextRange, valueRange: TextRange)] = [:]
    if let dictArg = kw["annotations"], case .dict(let items) = dictArg.argument.value.kind {
      for item in items {
        guard let key = item.key, case .string(let name, _) = key.kind else { continue }
        var value = Value.unknown
        if case .dict(let entries) = dictArg.value {
          value = entries.first { $0.key.stringValue == name }?.value ?? .unknown
        }
        dictKeys[name] = (value, key.range, item.value.range)
      }
    }
    if !dictKeys.isEmpty { ann.isEmpty = false }
    let keywordKeys: [(keyword: String, key: String)] = [
      ("coalesced_width", "coalesced_width"), ("disable_tma", "disable_tma"), ("eviction_policy", "eviction_policy"),
      ("prefer_instruction", "prefer_instruction"), ("loop_layout", "parallel_loop_layout"),
    ]
    for (keyword, key) in keywordKeys {
      guard let entry = kw[keyword], let d = dictKeys[key] else { continue }
      if case .none = entry.value { continue }
      if keyword == "disable_tma", entry.value.truthiness == false { continue }
      c.emit(
        Diagnostic(
          .TL206,
          "`\(keyword)=` is ignored: the annotations dict also sets \"\(key)\" and the dict wins (dict value `\(c.text(d.valueRange))`)",
          at: entry.argument.range, related: [RelatedNote(message: "the dict entry that wins", range: d.keyRange)]))
    }
    func value(_ keyword: String, _ key: String) -> (Value, TextRange, fromDict: Bool)? {
      if let d = dictKeys[key] { return (d.value, d.valueRange, true) }
      if let e = kw[keyword] {
        if case .none = e.value { return nil }
        return (e.value, e.argument.value.range, false)
      }
      return nil
    }
    // eviction_policy
    if let (v, range, fromDict) = value("eviction_policy", "eviction_policy") {
      ann.isEmpty = false
      if fromDict {
        if let s = v.stringValue {
          let code = policies.firstIndex(of: s)
          c.emit(
            Diagnostic(
              .TL202,
              "the annotations dict stores eviction_policy \"\(s)\" as a string, which the compiler never reads (it reads an integer); this copy uses the default policy",
              at: range,
              fixes: code.map {
                [Fix(title: "Use the integer code \($0) (\(s))", edits: [TextEdit(range: range, newText: String($0))])]
              } ?? []))
        } else if let i = v.constantInt {
          ann.evictionPolicy = i
        }
      } else if let s = v.stringValue {
        if let i = policies.firstIndex(of: s) {
          ann.evictionPolicy = i
        } else {
          let best = nearest(s, policies)
          c.emit(
            Diagnostic(
              .TL201,
              "eviction_policy \"\(s)\" is not one of \(policies.map { "\"\($0)\"" }.joined(separator: ", ")) (KeyError: '\(s)')",
              at: range, fixes: [Fix(title: "Use \"\(best)\"", edits: [TextEdit(range: range, newText: "\"\(best)\"")])]
            ))
        }
      }
    }
    // coalesced_width
    if let (v, range, _) = value("coalesced_width", "coalesced_width") {
      ann.isEmpty = false
      if let i = v.constantInt {
        if i <= 0 {
          c.emit(Diagnostic(.TL203, "coalesced_width must be a positive integer, but got \(i)", at: range))
        } else {
          ann.coalescedWidth = i
        }
      } else if case .float(let d) = v {
        c.emit(Diagnostic(.TL203, "coalesced_width should be an integer, but got \(d)", at: range))
      }
    }
    // disable_tma
    if let (v, _, _) = value("disable_tma", "disable_tma") {
      if v.truthiness == true {
        ann.disableTma = true
        ann.isEmpty = false
      } else if dictKeys["disable_tma"] != nil {
        ann.isEmpty = false
      }
    }
    // prefer_instruction
    if let (v, range, _) = value("prefer_instruction", "prefer_instruction") {
      ann.isEmpty = false
      if let s = v.stringValue {
        if preferences.contains(s) {
          ann.preferInstruction = s
        } else {
          let best = nearest(s, preferences)
          c.emit(
            Diagnostic(
              .TL204,
              "Unsupported T.copy prefer_instruction=\"\(s)\". Expected one of: \"tma\", \"cp_async\", \"sync\".",
              at: range,
              fixes: [Fix(title: "Use \"\(best)\"", edits: [TextEdit(range: range, newText: "\"\(best)\"")])]))
        }
      } else if case .unknown = v {
      } else {
        c.emit(
          Diagnostic(
            .TL204, "T.copy prefer_instruction annotation must be a string, but got `\(c.text(range))`", at: range))
      }
    }
    if value("loop_layout", "parallel_loop_layout") != nil {
      ann.hasLoopLayout = true
      ann.isEmpty = false
    }
    for (k, _) in dictKeys
    where !["coalesced_width", "disable_tma", "eviction_policy", "prefer_instruction", "parallel_loop_layout"].contains(
      k)
    {
      ann.isEmpty = false
    }
    return ann
  }

  /// The candidate with the smallest edit distance (ties: first).
  static func nearest(_ s: String, _ candidates: [String]) -> String {
    let x = Array(s.unicodeScalars)
    var best: (name: String, distance: Int)?
    for c in candidates {
      let d = distance(x, Array(c.unicodeScalars))
      if best.map({ d < $0.distance }) ?? true { best = (c, d) }
    }
    return best?.name ?? candidates[0]
  }

  /// Levenshtein distance between two names, by Unicode scalars.
  static func distance(_ a: String, _ b: String) -> Int {
    distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  private static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var row = Array(0...y.count)
    for i in 1...x.count {
      var diagonal = row[0]
      row[0] = i
      for j in 1...y.count {
        let above = row[j]
        row[j] = Swift.min(above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
        diagonal = above
      }
    }
    return row[y.count]
  }
}

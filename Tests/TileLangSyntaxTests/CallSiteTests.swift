// The parser's record of call sites (`ParsedFile.callSites`) must list exactly the calls a walk of the tree finds,
// with the same statements, in every fixture and in broken copies of them: the module index reads the record
// instead of walking, and falls back to walking after an incremental parse.

import Foundation
import TileLangSyntax
import TileLangTestSupport
import Testing

struct CallSiteTests {
  /// What `ParsedFile.callSites` must be: the calls `ASTWalker` visits, assigned and ordered by `CallSite.sites`.
  static func walked(_ file: ParsedFile) -> [CallSite] {
    var found: [Expr] = []
    ASTWalker { e, _ in if case .call = e.kind { found.append(e) } }.walk(file.body)
    return CallSite.sites(of: found, in: file.body)
  }

  static func check(_ bytes: [UInt8], _ name: String) {
    let file = parse(bytes: bytes)
    guard let recorded = file.callSites else {
      Issue.record("\(name): a full parse recorded no call sites")
      return
    }
    let expected = walked(file)
    guard recorded != expected else { return }
    let missing = expected.filter { !recorded.contains($0) }.map { "\($0.statement):\($0.call.range)" }
    let extra = recorded.filter { !expected.contains($0) }.map { "\($0.statement):\($0.call.range)" }
    Issue.record("\(name): recorded \(recorded.count), walked \(expected.count); missing \(missing), extra \(extra)")
  }

  @Test func recordedCallsAreTheWalkedCallsInEveryFixture() throws {
    let folders = [
      "parser/ok", "parser/err", "diagnostics/annotations", "diagnostics/extents", "diagnostics/im2col",
      "diagnostics/layout", "lowering", "lsp",
    ]
    var files = folders.flatMap { SyntaxFixtures.pythonFiles(in: $0) }
    files +=
      (try? FileManager.default.contentsOfDirectory(
        at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
          .deletingLastPathComponent().appendingPathComponent("examples"), includingPropertiesForKeys: nil))?
      .filter { $0.pathExtension == "py" } ?? []
    #expect(files.count >= 60)
    var rng = SeededGenerator(seed: 7_011)
    var variants = 0
    for url in files {
      let bytes = [UInt8](try Data(contentsOf: url))
      Self.check(bytes, url.lastPathComponent)
      // Broken copies: one bracket, colon, `@` or indentation space deleted, or a stray `(` inserted.
      let kinds: [UInt8] = Array("():@[ ".utf8)
      let candidates = bytes.indices.filter { kinds.contains(bytes[$0]) }
      for k in 0..<6 where !candidates.isEmpty {
        let victim = candidates[Int(rng.next() % UInt64(candidates.count))]
        var copy = bytes
        if k == 5 { copy.insert(UInt8(ascii: "("), at: victim) } else { copy.remove(at: victim) }
        Self.check(copy, "\(url.lastPathComponent) with byte \(victim) \(k == 5 ? "inserted" : "deleted")")
        variants += 1
      }
    }
    #expect(variants >= 300)
  }

  @Test func callsInEveryPositionAreRecordedWithTheirStatement() throws {
    let text = """
      import tilelang
      @tilelang.jit(out_idx=f(1))
      def k(a=g(), *, b: h() = 2) -> r():
          x = [m(i) for i in n() if p(i)]
          y = {q(i): i for i in s() if t(i)}
          z = lambda c=u(): v(c)
          w = f"{fmt(x)!r:>{width()}}"
          match x:
              case Point(x=0) if guard():
                  pass
          with (open(a) as fa, open(b) as fb):
              pass
      tilelang.compile(k, target="cuda"); after()
      """
    let file = parse(text)
    Self.check(Array(text.utf8), "inline")
    let names = (file.callSites ?? []).map { site -> String in
      let callee: Expr
      if case .call(let c, _) = site.call.kind { callee = c } else { callee = site.call }
      return "\(site.statement):\(file.source.text(callee.range))"
    }
    #expect(
      names == [
        "1:tilelang.jit", "1:f", "1:g", "1:h", "1:r", "1:m", "1:n", "1:p", "1:q", "1:s", "1:t", "1:u", "1:v", "1:fmt",
        "1:width", "1:guard", "1:open", "1:open", "2:tilelang.compile", "3:after",
      ])
  }

  @Test func callsOfDroppedDecoratorsAreNotRecorded() {
    // Decorators followed by no `def`: the parser makes one error statement and keeps no decorator.
    Self.check(Array("@tilelang.jit(target=\"cuda\")\nx = f()\n".utf8), "dangling decorator")
    Self.check(Array("@deco(a())\n@other(b())\n\nprint(c())\n".utf8), "two dangling decorators")
  }
}

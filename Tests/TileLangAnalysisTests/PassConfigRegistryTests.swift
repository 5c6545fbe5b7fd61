// TL214, TL217, TL218 and TL222 facts, held to the installed compiler (tilelang 0.1.15 in .venv-tilelang, made by
// scripts/setup-tilelang.sh): the registered pass-config keys and PassConfigKey members tl-lsp embeds, and the
// errors an eager kernel with out_idx, an unregistered key, a target string with options, a lazy factory that
// returns nothing and a sizes-only get_tir that leaves a T.const unbound give; every name tilelang.language
// defines (DSLNames) and the parameter lists of its plain functions (DSLSignatures); every module of the package
// (TilelangModules); and the names the other modules kernel files import from bind (TilelangModuleNames).

import Foundation
import Testing
import TileLangTestSupport

@testable import TileLangAnalysis

struct PassConfigRegistryTests {
  static let probe = #"""
    import json, os, sys
    os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")
    out = os.fdopen(os.dup(1), "w"); os.dup2(2, 1)
    import tilelang
    import tilelang.language as T
    from tilelang import tvm
    from tilelang.backend.target import determine_target

    def error(f):
        try:
            f()
        except Exception as e:  # noqa: BLE001
            return str(e)
        return None

    @tilelang.jit(out_idx=[-1])
    def eager(A, block: int = 128):
        M, N = T.const("M, N")
        A: T.Tensor((M, N), T.float16)
        B = T.empty((M, N), T.float16)
        with T.Kernel(T.ceildiv(M, block), threads=128) as bx:
            T.copy(A[bx * block, 0], B[bx * block, 0])
        return B

    @tilelang.jit
    def forgot(M, N):
        @T.prim_func
        def main(A: T.Tensor((M, N), T.float16), B: T.Tensor((M, N), T.float16)):
            with T.Kernel(1, threads=128) as bx:
                T.copy(A, B)

    @tilelang.jit
    def sizes(A, block: int = 128):
        M, N = T.const("M, N")
        A: T.Tensor((M, N), T.float16)
        B = T.empty((M, N), T.float16)
        with T.Kernel(T.ceildiv(M, block), threads=128) as bx:
            T.copy(A[bx * block, 0], B[bx * block, 0])
        return B

    def signatures():
        import inspect
        P = inspect.Parameter
        out = {}
        for n in dir(T):
            f = getattr(T, n)
            if n.startswith("_") or not inspect.isfunction(f):
                continue
            ps = list(inspect.signature(f, follow_wrapped=False).parameters.values())
            if any(p.kind in (P.VAR_KEYWORD, P.POSITIONAL_ONLY) for p in ps):
                continue
            pos = [p for p in ps if p.kind == P.POSITIONAL_OR_KEYWORD]
            kw = [p for p in ps if p.kind == P.KEYWORD_ONLY]
            required = next((i for i, p in enumerate(pos) if p.default is not P.empty), len(pos))
            out[n] = "|".join([
                ",".join(p.name for p in pos), str(required), ",".join(p.name for p in kw),
                ",".join(p.name for p in kw if p.default is P.empty),
                "*" if any(p.kind == P.VAR_POSITIONAL for p in ps) else "",
            ])
        return out

    def bad_key():
        with tvm.transform.PassContext(config={"tir.disable_vectorize": True}):
            pass

    def modules():
        root = os.path.dirname(tilelang.__file__)
        found = {m[len("tilelang."):] for m in sys.modules if m.startswith("tilelang.")}
        def walk(folder, prefix):
            for n in os.listdir(folder):
                path = os.path.join(folder, n)
                if os.path.isdir(path) and n.isidentifier() and os.path.exists(os.path.join(path, "__init__.py")):
                    found.add(prefix + n)
                    walk(path, prefix + n + ".")
                elif n.endswith((".py", ".so")) and n != "__init__.py" and n.split(".")[0].isidentifier():
                    found.add(prefix + n.split(".")[0])
        walk(root, "")
        return sorted(found)

    def import_missing():
        import importlib
        importlib.import_module("tilelang.intrinsics")

    json.dump({
        "keys": sorted(tvm.transform.PassContext.list_configs().keys()),
        "members": sorted(tilelang.PassConfigKey.__members__),
        "out_idx": error(lambda: eager.compile(M=256, N=256)),
        "key": error(bad_key),
        "target": error(lambda: determine_target("cuda -arch=sm_90")),
        "no_return": error(lambda: forgot.get_tir(256, 256)),
        "unbound_const": error(lambda: sizes.get_tir(M=256)),
        "dsl_names": sorted(dir(T)),
        "dsl_signatures": signatures(),
        "modules": modules(),
        "import_missing": error(import_missing),
    }, out)
    """#

  /// The probe's answers (nil, with an issue recorded, when the compiler is missing).
  static func compilerFacts() throws -> [String: Any]? {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh first")
      return nil
    }
    return try runProbe(Self.probe, named: "compiler-facts", python: python)
  }

  /// Runs `source` with the venv's Python (as a file: tilelang reads kernels' source) and decodes the JSON object it
  /// prints.
  static func runProbe(_ source: String, named name: String, python: URL, arguments: [String] = []) throws
    -> [String: Any]
  {
    let script = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tl-lsp-\(name)-\(UUID().uuidString).py")
    try source.write(to: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: script) }
    let process = Process()
    process.executableURL = python
    process.arguments = [script.path] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: "/")
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(data.count) bytes")
  }

  @Test func dslNamesMatchTheCompiler() throws {
    guard let facts = try Self.compilerFacts() else { return }
    let names = facts["dsl_names"] as? [String] ?? []
    let missing = Set(names).subtracting(DSLNames.all).sorted()
    let extra = DSLNames.all.subtracting(names).sorted()
    #expect(
      missing.isEmpty && extra.isEmpty, "DSLNames differs from dir(tilelang.language): add \(missing), drop \(extra)")
  }

  @Test func dslSignaturesMatchTheCompiler() throws {
    guard let facts = try Self.compilerFacts() else { return }
    let expected = facts["dsl_signatures"] as? [String: String] ?? [:]
    let table = DSLSignatures.table.mapValues { s in
      [
        s.parameters.joined(separator: ","), "\(s.required)", s.keywordOnly.joined(separator: ","),
        s.requiredKeywordOnly.joined(separator: ","), s.variadic ? "*" : "",
      ].joined(separator: "|")
    }
    #expect(!expected.isEmpty)
    for (name, signature) in expected.sorted(by: { $0.key < $1.key }) where table[name] != signature {
      Issue.record("DSLSignatures[\(name)] is \(table[name] ?? "missing"), the compiler has \(signature)")
    }
    for name in Set(table.keys).subtracting(expected.keys).sorted() {
      Issue.record("DSLSignatures has \(name), which is not a plain function of tilelang.language")
    }
  }

  @Test func tilelangModulesMatchThePackage() throws {
    guard let facts = try Self.compilerFacts() else { return }
    let names = facts["modules"] as? [String] ?? []
    let missing = Set(names).subtracting(TilelangModules.all).sorted()
    let extra = TilelangModules.all.subtracting(names).sorted()
    #expect(
      missing.isEmpty && extra.isEmpty,
      "TilelangModules differs from the tilelang package: add \(missing), drop \(extra)")
    #expect((facts["import_missing"] as? String) == "No module named 'tilelang.intrinsics'", "\(facts)")
  }

  /// For each module named in argv[1] (a JSON list), the public names it binds: `dir()` once imported, plus every
  /// name its source binds at the top level in any branch or star-imports from another tilelang module; null for a
  /// module whose names cannot be listed (a module `__getattr__`, a star import from outside tilelang).
  static let moduleNamesProbe = #"""
    import ast, importlib, json, os, sys
    os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")
    out = os.fdopen(os.dup(1), "w"); os.dup2(2, 1)
    import tilelang

    def bound(name, names, seen):
        if name in seen:
            return True
        seen.add(name)
        mod = importlib.import_module(name)
        package = name if mod.__file__.endswith("__init__.py") else name.rpartition(".")[0]
        def walk(body):
            for s in body:
                if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(s.name)
                elif isinstance(s, ast.ImportFrom) and s.names[0].name == "*":
                    base = package
                    for _ in range(s.level - 1):
                        base = base.rpartition(".")[0]
                    source = ".".join(p for p in (base if s.level else "", s.module or "") if p)
                    if not (source + ".").startswith("tilelang.") or not bound(source, names, seen):
                        return False
                elif isinstance(s, (ast.Import, ast.ImportFrom)):
                    names.update((a.asname or a.name.split(".")[0]) for a in s.names)
                else:
                    names.update(n.id for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
                    inner = [getattr(s, f, []) for f in ("body", "orelse", "finalbody")]
                    inner += [h.body for h in getattr(s, "handlers", [])]
                    if not all(walk(b) for b in inner if isinstance(b, list)):
                        return False
            return True
        return walk(ast.parse(open(mod.__file__).read()).body)

    modules = json.loads(sys.argv[1])
    for m in modules:
        importlib.import_module(m)
    table = {}
    for m in modules:
        mod = sys.modules[m]
        names = set(dir(mod))
        ok = "__getattr__" not in vars(mod) and bound(m, names, set())
        table[m] = sorted(n for n in names if not n.startswith("_")) if ok else None
    json.dump(table, out)
    """#

  @Test func tilelangModuleNamesMatchThePackage() throws {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh first")
      return
    }
    let modules = TilelangModuleNames.table.keys.sorted()
    let facts = try Self.runProbe(
      Self.moduleNamesProbe, named: "module-names", python: python,
      arguments: [String(decoding: try JSONSerialization.data(withJSONObject: modules), as: UTF8.self)])
    #expect(modules.count >= 100 && Set(facts.keys) == Set(modules))
    for module in modules {
      guard let names = facts[module] as? [String] else {
        Issue.record("\(module): its names cannot be listed (a module __getattr__ or a star import from outside)")
        continue
      }
      let table = ModuleImports.boundNames(module) ?? []
      let missing = Set(names).subtracting(table).sorted()
      let extra = table.subtracting(names).sorted()
      #expect(
        missing.isEmpty && extra.isEmpty,
        "TilelangModuleNames[\(module)] differs from the package: add \(missing), drop \(extra)")
    }
  }

  /// The TVM that tilelang bundles: its top-level modules and the names `import tvm` binds (TvmModules).
  @Test func tvmModulesMatchThePackage() throws {
    let python = CompilerVerdicts.venvPython
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      Issue.record("missing \(python.path): run scripts/setup-tilelang.sh first")
      return
    }
    let probe = #"""
      import json, pkgutil, sys
      import tilelang, tvm
      json.dump({
          "top": sorted(m.name.split(".")[1] for m in pkgutil.iter_modules(tvm.__path__, "tvm.")),
          "root": sorted(n for n in dir(tvm) if not n.startswith("_")),
      }, sys.stdout)
      """#
    let facts = try Self.runProbe(probe, named: "tvm-modules", python: python)
    #expect(Set(facts["top"] as? [String] ?? []) == TvmModules.topLevel, "\(facts)")
    #expect(Set(facts["root"] as? [String] ?? []) == TvmModules.rootNames, "\(facts)")
  }

  @Test func embeddedFactsMatchTheCompiler() throws {
    guard let facts = try Self.compilerFacts() else { return }
    #expect(Set(facts["keys"] as? [String] ?? []) == PassConfigRegistry.keys)
    #expect(Set(facts["members"] as? [String] ?? []) == PassConfigRegistry.enumMembers)
    #expect((facts["out_idx"] as? String)?.contains("out_idx is only supported in lazy mode") == true, "\(facts)")
    #expect((facts["key"] as? String)?.contains("Invalid config option 'tir.disable_vectorize'") == true, "\(facts)")
    #expect(
      (facts["target"] as? String)?.contains(
        "Target cuda -arch=sm_90 is not supported. Pass target options as a dict when the target needs attributes.")
        == true, "\(facts)")
    #expect(
      (facts["no_return"] as? String)?.contains("target function must be a PrimFunc but got <class 'NoneType'>")
        == true,
      "\(facts)")
    #expect(
      (facts["unbound_const"] as? String)?.contains("Cannot find value for constexpr variable `N`") == true, "\(facts)")
  }
}

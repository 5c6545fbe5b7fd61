// Which module-level name builds each kernel (`KernelInfo.builder`) and which sizes the file's own call of it gives
// (`KernelInfo.callSizes`), as the compiler bridge uses them; `Tests/Fixtures/bridge/sizes_from_calls.py` builds with
// them through the real compiler (EndToEndTests/CheckCompileTests).

import Testing
import TileLangAnalysis
import TileLangSyntax

struct BuildSizesTests {
  static let source = """
    import sys
    import tilelang
    import tilelang.language as T


    def matmul(M, N, K, block_M=128, dtype="float16"):
        @T.prim_func
        def gemm(A: T.Tensor((M, K), dtype)):
            with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
                T.clear(A)

        return gemm


    @tilelang.jit
    def lazy(M, N, threads=128):
        @T.prim_func
        def main(A: T.Tensor((M, N), "float16")):
            with T.Kernel(1, threads=threads) as bx:
                T.clear(A)

        return main


    @tilelang.jit
    def eager(A, M: int = 64):
        N = T.const("N")
        A: T.Tensor((M, N), "float16")
        with T.Kernel(1, threads=128) as bx:
            T.clear(A)


    def outer(M):
        def inner(N):
            @T.prim_func
            def nested(A: T.Tensor((M, N), "float16")):
                with T.Kernel(1, threads=128) as bx:
                    T.clear(A)

            return nested

        return inner(64)


    def uncalled(M, N):
        @T.prim_func
        def free(A: T.Tensor((M, N), "float16")):
            with T.Kernel(1, threads=128) as bx:
                T.clear(A)

        return free


    def opaque(M, policy):
        @T.prim_func
        def op(A: T.Tensor((M, M), "float16")):
            with T.Kernel(1, threads=128) as bx:
                T.clear(A)

        return op


    def unknowable(M, count):
        @T.prim_func
        def runtime(A: T.Tensor((M, M), "float16")):
            with T.Kernel(1, threads=128) as bx:
                T.clear(A)

        return runtime


    @T.prim_func
    def fixed(A: T.Tensor((64, 64), "float16")):
        with T.Kernel(1, threads=128) as bx:
            T.clear(A)


    if __name__ == "__main__":
        matmul(1024, 512, 256, dtype=T.bfloat16)
        matmul(2048, 512, 256)
        lazy(256, 64)
        eager.compile(N=32)
        outer(16)
        opaque(64, T.GemmWarpPolicy.FullRow)
        unknowable(64, len(sys.argv))

    """

  static func kernel(_ name: String) throws -> KernelInfo {
    let result = analyze(parsed: parse(source), settings: AnalysisSettings())
    return try #require(result.kernels.first { $0.name == name }, "no kernel \(name)")
  }

  @Test func aFactoryBuildsWithItsFirstCallsArgumentsAndDefaults() throws {
    let k = try Self.kernel("gemm")
    #expect(k.builder == "matmul")
    #expect(
      k.callSizes?.values
        == ["M": .int(1024), "N": .int(512), "K": .int(256), "block_M": .int(128), "dtype": .string("bfloat16")])
  }

  @Test func aJitFactoryBuildsThroughItsJitObject() throws {
    let k = try Self.kernel("main")
    #expect(k.builder == "lazy")
    #expect(k.callSizes?.values == ["M": .int(256), "N": .int(64), "threads": .int(128)])
  }

  @Test func anEagerKernelTakesItsConstSizesFromCompile() throws {
    let k = try Self.kernel("eager")
    #expect(k.builder == "eager")
    #expect(k.callSizes?.values == ["M": .int(64), "N": .int(32)])
  }

  @Test func aKernelNestedTwoLevelsDeepHasNoBuilder() throws {
    let k = try Self.kernel("nested")
    #expect(k.builder == nil)
    #expect(k.callSizes == nil)
  }

  @Test func withoutACallThereAreNoSizes() throws {
    let k = try Self.kernel("free")
    #expect(k.builder == "uncalled")
    #expect(k.callSizes == nil)
  }

  @Test func aDSLNameTravelsAsItsQualifiedName() throws {
    let k = try Self.kernel("op")
    #expect(k.builder == "opaque")
    #expect(k.callSizes?.values == ["M": .int(64), "policy": .name("tilelang.language.GemmWarpPolicy.FullRow")])
  }

  @Test func anArgumentThatIsNoLiteralDropsTheCallsSizes() throws {
    let k = try Self.kernel("runtime")
    #expect(k.builder == "unknowable")
    #expect(k.callSizes == nil, "a build with another value would not be the call's kernel")
  }

  @Test func aModuleLevelPrimFuncBuildsItself() throws {
    let k = try Self.kernel("fixed")
    #expect(k.builder == "fixed")
    #expect(k.callSizes == nil)
  }
}

# fixture: target=sm_80,sm_90
# TL222: an import of a tilelang module the 0.1.15 package does not have fails with ModuleNotFoundError when it runs
# (`tilelang.intrinsics` moved under `tilelang.cuda`, `tilelang.languag` is a typo). The imports sit in the factories
# so that the file itself imports (the differential's driver imports it); at module level the same import fails
# before any kernel exists. Existing modules, deep ones included, are fine. The TVM tilelang bundles names its TIR
# module `tvm.tirx`: `import tvm.tir` fails.
import tilelang
import tilelang.language as T


def old_layout_helper(M):
    from tilelang.intrinsics import make_mma_swizzle_layout
    #    ^^^^^^^^^^^^^^^^^^^ error TL222: tilelang 0.1.15 has no module `tilelang.intrinsics`: the import fails (ModuleNotFoundError: No module named 'tilelang.intrinsics'); did you mean `tilelang.cuda.intrinsics` or `tilelang.cuda.language.intrinsics` or `tilelang.metal.intrinsics`?

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.annotate_layout({s: make_mma_swizzle_layout(s)})
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def misspelt_module(M):
    import tilelang.languag
    #      ^^^^^^^^^^^^^^^^ error TL222: tilelang 0.1.15 has no module `tilelang.languag`: the import fails (ModuleNotFoundError: No module named 'tilelang.languag'); did you mean `tilelang.language`?

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def moved_layout_helper(M):
    from tilelang.cuda.intrinsics import make_mma_swizzle_layout
    from tilelang.cuda.intrinsics.layout.mma_layout import get_swizzle_layout  # noqa: F401

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.annotate_layout({s: make_mma_swizzle_layout(s)})
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def tvm_tir_module(M):
    import tvm.tir  # noqa: F401
    #      ^^^^^^^ error TL222: the TVM that tilelang 0.1.15 bundles has no module `tvm.tir`: the import fails (ModuleNotFoundError: No module named 'tvm.tir'); did you mean `tvm.tirx`?

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


if __name__ == "__main__":
    old_layout_helper(1024)
    misspelt_module(1024)
    moved_layout_helper(1024)
    tvm_tir_module(1024)

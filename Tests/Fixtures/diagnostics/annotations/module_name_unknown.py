# fixture: target=sm_80,sm_90
# TL217 for tilelang modules other than tilelang.language: `from tilelang.utils import determine_fp8_type` fails with
# ImportError in 0.1.15 (the function lives in tilelang.language.fp8 and is not re-exported), as does a misspelt name
# from the package itself or from tilelang.carver.arch. Names the module binds, its submodules (imported or not) and
# imports under `try` are fine. The imports sit in the factories so that the file itself imports.
import tilelang
import tilelang.language as T


def not_reexported(M):
    from tilelang.utils import determine_fp8_type
    #                          ^^^^^^^^^^^^^^^^^^ error TL217: tilelang.utils has no `determine_fp8_type` in tilelang 0.1.15: the import fails (ImportError: cannot import name 'determine_fp8_type' from 'tilelang.utils')

    @T.prim_func
    def main(A: T.Tensor((M, 64), determine_fp8_type("e4m3")), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def misspelt(M):
    from tilelang import cdvi, language
    #                    ^^^^ error TL217: tilelang has no `cdvi` in tilelang 0.1.15: the import fails (ImportError: cannot import name 'cdvi' from 'tilelang'); did you mean `cdiv`?
    from tilelang.carver.arch import CUDA, CDNA3
    #                                      ^^^^^ error TL217: tilelang.carver.arch has no `CDNA3` in tilelang 0.1.15: the import fails (ImportError: cannot import name 'CDNA3' from 'tilelang.carver.arch'); did you mean `CDNA`?

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(cdvi(M, 128), threads=128) as bx:
            s = language.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def from_where_it_lives(M):
    from tilelang import cdiv, language
    from tilelang.carver.arch import CUDA  # noqa: F401
    from tilelang.language.fp8 import determine_fp8_type
    from tilelang.utils import pass_diff_hook, tensor  # noqa: F401

    try:
        from tilelang.utils import is_fp8_type  # noqa: F401
    except ImportError:
        pass

    @T.prim_func
    def main(A: T.Tensor((M, 64), determine_fp8_type("e4m3")), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(cdiv(M, 128), threads=128) as bx:
            s = language.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def tvm_tir(M):
    # The bundled TVM's TIR module is tvm.tirx: `from tvm import tir` fails, `from tvm import tirx` works.
    from tvm import tir
    #               ^^^ error TL217: tvm has no `tir` in tilelang 0.1.15's bundled TVM: the import fails (ImportError: cannot import name 'tir' from 'tvm'); did you mean `tirx`?
    from tvm import tirx  # noqa: F401

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


if __name__ == "__main__":
    not_reexported(1024)
    misspelt(1024)
    from_where_it_lives(1024)
    tvm_tir(1024)

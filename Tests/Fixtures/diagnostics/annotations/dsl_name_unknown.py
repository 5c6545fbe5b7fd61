# fixture: target=sm_80,sm_90
# TL217: a name tilelang.language does not define (a typo, or a newer release's) fails with AttributeError while the
# kernel is built, and `from tilelang.language import` of such a name with ImportError (submodules such as `tir` are
# importable). A function whose own `T` is something else (a sequence length) is not the DSL module.
import tilelang
import tilelang.language as T


def typo(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shard((128, 64), "float16")
            #     ^^^^^^^^^^^ error TL217: tilelang.language has no `alloc_shard` in tilelang 0.1.15: building the kernel fails (AttributeError: module 'tilelang.language' has no attribute 'alloc_shard'); did you mean `alloc_shared`?
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def newer(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(tilelang.language.region(A[bx * 128, 0], "r", 128, 64), s)
            #                        ^^^^^^ error TL217: tilelang.language has no `region` in tilelang 0.1.15: building the kernel fails (AttributeError: module 'tilelang.language' has no attribute 'region')
            T.copy(s, B[bx * 128, 0])

    return main


def spelled_right(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def imported_typo(M):
    from tilelang.language import alloc_shard, alloc_shared, tir
    #                             ^^^^^^^^^^^ error TL217: tilelang.language has no `alloc_shard` in tilelang 0.1.15: the import fails (ImportError: cannot import name 'alloc_shard' from 'tilelang.language'); did you mean `alloc_shared`?

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def imported_right(M):
    from tilelang.language import alloc_shared, tir  # noqa: F401

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


def reference(q):
    B, T, H = q.shape
    return T.bit_length() + B + H


if __name__ == "__main__":
    typo(1024)
    newer(1024)
    spelled_right(1024)
    imported_typo(1024)
    imported_right(1024)

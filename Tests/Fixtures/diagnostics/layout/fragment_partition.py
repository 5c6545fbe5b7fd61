# fixture: target=sm_80,sm_90
# TL409: a 2×72 fragment (144 elements over 128 threads) that only copies lay out has no partition; 2×64 does,
# and so does a gemm accumulator of any shape. The 2×72 call comes tenth: every distinct call of a factory is
# checked, not only the first few.
import tilelang.language as T


def fragment(rows, cols):
    @T.prim_func
    def main(A: T.Tensor((256, 1024), "float16"), B: T.Tensor((256, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((rows, cols), "float16")
            T.copy(A[by * rows, 0], F)
            #                       ^ error TL409: fragment F (2, 72) holds 144 elements, more than the 128 threads but not a multiple of them, and only copies lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with rows=2, cols=72 from line 30)
            T.copy(F, B[by * rows, 0])

    return main


if __name__ == "__main__":
    fragment(2, 64)
    fragment(1, 96)
    fragment(1, 128)
    fragment(1, 64)
    fragment(4, 32)
    fragment(2, 128)
    fragment(4, 64)
    fragment(8, 32)
    fragment(1, 32)
    fragment(2, 72)

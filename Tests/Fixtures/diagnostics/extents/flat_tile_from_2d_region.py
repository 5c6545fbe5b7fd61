# fixture: target=sm_80,sm_90
# TL101 and TL103: flattening is not a copy; a 1-D slice into a 2-D tile and a 2-D region into a 1-D tile fail.
import tilelang.language as T


def region_into_flat(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M * block_N,), "float32")
            T.copy(A[0:block_M, 0:block_N], S)
            #      ^^^^^^^^^^^^^^^^^^^^^^^ error TL103: the two sides keep different numbers of non-1 extents: src 32×32 vs dst 1024 (extra non-1 extent at dim 1 of the src); the compiler fails in MakeIterVars. src A (32, 32), dst S (1024,), loop over S 1024 (with block_M=32, block_N=32 from line 42)
            T.copy(S[0:block_N], B[bx, 0:block_N])

    return main


def flat_into_tile(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((65536,), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float32")
            T.copy(A[0:block_M * block_N], S)
            #                              ^ error TL101: copy loop runs over S (shared.dyn) with extent 32 at dim 0, smaller than the source's 1024 at dim 0: the compiler aborts with "Selected loop range is smaller than original src range"; src A (1024,), dst S (32, 32) → (32, 1024), loop over S 32×1024 (with block_M=32, block_N=32 from line 43)
            T.copy(S, B[0:block_M, 0:block_N])

    return main


def row_into_flat(block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_N,), "float32")
            T.copy(A[bx, 0:block_N], S)
            T.copy(S, B[bx, 0:block_N])

    return main


if __name__ == "__main__":
    region_into_flat(32, 32)
    flat_into_tile(32, 32)
    row_into_flat(128)

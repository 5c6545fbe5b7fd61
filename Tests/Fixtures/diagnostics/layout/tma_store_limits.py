# fixture: target=sm_90
# TL404, TL405, TL406, TL408: sm_90's automatic TMA store cannot encode bool, needs constant extents (a 1-D bulk
# store of a contiguous in-bounds region does not), and needs
# 16-byte shared rows; bool SIMT copies fail once they vectorize to 8 lanes, so the near miss uses 4 lanes. Reading
# bool fails the same way; a float32 shared side limits the loop to 4 lanes, a register-side dtype does not, and a
# copy out of a fragment keeps the 4 lanes its layout got from the copy in.
import tilelang.language as T


def bool_store(block):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "bool"), B: T.Tensor((1024, 1024), "bool")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block, block), "bool")
            T.copy(A[bx * block, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer S vectorizes to 16 lanes on sm_90, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or use coalesced_width=4 (with block=64 from line 106)
            T.copy(S, B[bx * block, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL404: this copy lowers to a TMA store on sm_90, and TMA cannot encode dtype bool: the compiler fails with "Check failed: (0) is false: bool"; pass disable_tma=True

    return main


def bool_store_simt(block):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "bool"), B: T.Tensor((1024, 1024), "bool")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block, block), "bool")
            T.copy(A[bx * block, 0], S, coalesced_width=4)
            T.copy(S, B[bx * block, 0], disable_tma=True, coalesced_width=4)

    return main


def bool_source(block):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "bool"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            H = T.alloc_shared((block, 32), "float16")
            F = T.alloc_shared((block, 32), "float32")
            R = T.alloc_local((block, 32), "float32")
            T.copy(A[bx * block:(bx + 1) * block, 0:32], H)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy from bool buffer A vectorizes to 8 lanes on sm_90, and CUDA codegen fails with "Cannot convert type boolx8 to CUDA type"; copy through uint8 or use coalesced_width=4
            T.copy(A[bx * block:(bx + 1) * block, 0:32], F)
            T.copy(A[bx * block:(bx + 1) * block, 0:32], R)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy from bool buffer A vectorizes to 16 lanes on sm_90, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or copy fewer than 8 elements at a time (each thread runs this copy whole)
            T.copy(F, B[bx * block:(bx + 1) * block, 0:32])

    return main


def bool_fragment_readback(block):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "bool")):
        with T.Kernel(8, threads=128) as bx:
            F = T.alloc_fragment((block, 32), "bool")
            T.copy(A[bx * block:(bx + 1) * block, 0:32], F)
            T.copy(F, B[bx * block:(bx + 1) * block, 0:32])

    return main


def dynamic_rows(block):
    n = T.dynamic("n")

    @T.prim_func
    def main(A: T.Tensor((1024, 32), "float16"), B: T.Tensor((n, 32), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((block, 32), "float16")
            T.copy(A[0:block, 0:32], S)
            T.copy(S[0:n, 0:32], B[0:n, 0:32])
            #      ^^^^^^^^^^^^ error TL405: this copy lowers to a TMA store on sm_90, which needs constant extents, but S's region has extent n: the compiler fails with "extent of shared_range ... is not constant"; pass disable_tma=True

    return main


def tail_rows(block):
    # Near miss for TL405: a tail tile of run-time length min(block, n - bx * block) is a contiguous, provably
    # in-bounds region, so the store is a 1-D bulk copy, which takes run-time extents (checked with 0.1.15).
    n = T.dynamic("n")

    @T.prim_func
    def main(A: T.Tensor((n, 32), "float16"), B: T.Tensor((n, 32), "float16")):
        with T.Kernel(T.ceildiv(n, block), threads=128) as bx:
            S = T.alloc_shared((block, 32), "float16")
            rows = T.min(block, n - bx * block)
            T.copy(A[bx * block:bx * block + rows, 0:32], S[0:rows, 0:32])
            T.copy(S[0:rows, 0:32], B[bx * block:bx * block + rows, 0:32])

    return main


def padded_rows():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((64, 60), "float16")
            T.copy(A[0:64, 0:60], S)
            T.copy(S[:, 0:32], B[0:64, 0:32])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL406: TMA store from S (64, 60) on sm_90: its rows are 60 × 2 B = 120 B, not a multiple of 16 B, so no Hopper layout fits ("Unsupported layout for Hopper with stride=..., continuous=60"); pad the row or pass disable_tma=True
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but S (64, 60) is laid out row by row, and its 64×32 region is not one dense block of that layout: TMA's box covers 32 of its 2048 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 32 of 2048 elements); copy whole rows, use a shared buffer of the region's shape, or pass disable_tma=True

    return main


if __name__ == "__main__":
    bool_store(64)
    bool_store_simt(64)
    bool_source(64)
    bool_fragment_readback(64)
    dynamic_rows(64)
    tail_rows(64)
    padded_rows()

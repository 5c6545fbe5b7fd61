# fixture: target=sm_80,sm_90,sm_100
# TL410 for shared tiles TMA reads in column stripes. A tile that a TMA store or a gemm lays out, with rows that are
# a multiple of 32 bytes and a multiple of 8 rows, gets a bank swizzle whose plain layout keeps each 128-, 64- or
# 32-byte column stripe whole (all its rows) before the next: on sm_90 and sm_100 a TMA copy of a range of rows
# spanning two stripes is not one dense block of it ("plain SMEM layout is not a bijection"). Rows of one stripe
# (exactly 128 bytes), the whole tile, part of one stripe and sm_80 (SIMT, no TMA) compile.
import tilelang.language as T


def store_rows(rows, cols, dtype, h, N=1024):
    @T.prim_func
    def main(A: T.Tensor((1024, N), dtype), C: T.Tensor((1024, N), dtype)):
        with T.Kernel(N // cols, 1024 // rows, threads=128) as (bx, by):
            Cs = T.alloc_shared((rows, cols), dtype)
            T.copy(A[by * rows, bx * cols], Cs)
            T.copy(Cs[0:h, :], C[by * rows, bx * cols])
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (128, 128) is laid out in 128-byte column stripes (32 of its 128-element, 512-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=128, dtype="float32", h=64, N=1024 from line 81)
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (128, 256) is laid out in 128-byte column stripes (64 of its 256-element, 512-byte rows), each stripe's rows stored together, and its 32×256 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=256, dtype="float16", h=32, N=1024 from line 82)
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 32×48 region is not one dense block of that layout: TMA's box covers 512 of its 1536 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 512 of 1536 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=64, cols=48, dtype="float16", h=32, N=960 from line 83)
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (128, 128) is laid out in 128-byte column stripes (32 of its 128-element, 512-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=128, dtype="float32", h=64, N=1024 from line 81)
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (128, 256) is laid out in 128-byte column stripes (64 of its 256-element, 512-byte rows), each stripe's rows stored together, and its 32×256 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=256, dtype="float16", h=32, N=1024 from line 82)
            #      ^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 32×48 region is not one dense block of that layout: TMA's box covers 512 of its 1536 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 512 of 1536 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=64, cols=48, dtype="float16", h=32, N=960 from line 83)
            T.copy(Cs[h:rows, :], C[by * rows + h, bx * cols])
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (128, 128) is laid out in 128-byte column stripes (32 of its 128-element, 512-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=128, dtype="float32", h=64, N=1024 from line 81)
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (128, 256) is laid out in 128-byte column stripes (64 of its 256-element, 512-byte rows), each stripe's rows stored together, and its 96×256 region is not one dense block of that layout: TMA's box covers 6144 of its 24576 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 6144 of 24576 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=256, dtype="float16", h=32, N=1024 from line 82)
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 32×48 region is not one dense block of that layout: TMA's box covers 512 of its 1536 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 512 of 1536 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=64, cols=48, dtype="float16", h=32, N=960 from line 83)
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (128, 128) is laid out in 128-byte column stripes (32 of its 128-element, 512-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 2048 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 2048 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=128, dtype="float32", h=64, N=1024 from line 81)
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (128, 256) is laid out in 128-byte column stripes (64 of its 256-element, 512-byte rows), each stripe's rows stored together, and its 96×256 region is not one dense block of that layout: TMA's box covers 6144 of its 24576 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 6144 of 24576 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=128, cols=256, dtype="float16", h=32, N=1024 from line 82)
            #      ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 32×48 region is not one dense block of that layout: TMA's box covers 512 of its 1536 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 512 of 1536 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with rows=64, cols=48, dtype="float16", h=32, N=960 from line 83)

    return main


def store_whole(rows, cols, dtype):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), dtype), C: T.Tensor((1024, 1024), dtype)):
        with T.Kernel(1024 // cols, 1024 // rows, threads=128) as (bx, by):
            Cs = T.alloc_shared((rows, cols), dtype)
            T.copy(A[by * rows, bx * cols], Cs)
            T.copy(Cs, C[by * rows, bx * cols])

    return main


def store_block(h, w):
    @T.prim_func
    def main(A: T.Tensor((1024, 960), "float16"), C: T.Tensor((1024, 960), "float16")):
        with T.Kernel(20, 16, threads=128) as (bx, by):
            Cs = T.alloc_shared((64, 48), "float16")
            T.copy(A[by * 64, bx * 48], Cs)
            T.copy(Cs[0:h, 0:w], C[by * 64, bx * 48])
            #      ^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_100, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 2×32 region is not one dense block of that layout: TMA's box covers 32 of its 64 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 32 of 64 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with h=2, w=32 from line 88)
            #      ^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but Cs (64, 48) is laid out in 32-byte column stripes (16 of its 48-element, 96-byte rows), each stripe's rows stored together, and its 2×32 region is not one dense block of that layout: TMA's box covers 32 of its 64 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 32 of 64 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with h=2, w=32 from line 88)

    return main


def load_halves(bK, dtype):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), dtype), B: T.Tensor((1024, 1024), dtype), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            As = T.alloc_shared((128, bK), dtype)
            Bs = T.alloc_shared((128, bK), dtype)
            Cf = T.alloc_fragment((128, 128), "float32")
            T.clear(Cf)
            for k in T.Pipelined(1024 // bK, num_stages=2):
                T.copy(A[by * 128, k * bK], As[0:64, :])
                #                           ^^^^^^^^^^^ error TL410: this copy lowers to a TMA load on sm_100, but As (128, 128) is laid out in 128-byte column stripes (64 of its 128-element, 256-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 4096 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 4096 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with bK=128, dtype="float16" from line 89)
                #                           ^^^^^^^^^^^ error TL410: this copy lowers to a TMA load on sm_90, but As (128, 128) is laid out in 128-byte column stripes (64 of its 128-element, 256-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 4096 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 4096 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with bK=128, dtype="float16" from line 89)
                T.copy(A[by * 128 + 64, k * bK], As[64:128, :])
                #                                ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA load on sm_100, but As (128, 128) is laid out in 128-byte column stripes (64 of its 128-element, 256-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 4096 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 4096 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with bK=128, dtype="float16" from line 89)
                #                                ^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA load on sm_90, but As (128, 128) is laid out in 128-byte column stripes (64 of its 128-element, 256-byte rows), each stripe's rows stored together, and its 64×128 region is not one dense block of that layout: TMA's box covers 4096 of its 8192 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 4096 of 8192 elements); copy all rows of whole stripes, or columns within one stripe, use a shared buffer of the region's shape, or pass disable_tma=True (with bK=128, dtype="float16" from line 89)
                T.copy(B[bx * 128, k * bK], Bs)
                T.gemm(As, Bs, Cf, transpose_B=True)
            T.copy(Cf, C[by * 128, bx * 128])

    return main


if __name__ == "__main__":
    store_rows(128, 128, "float32", 64)
    store_rows(128, 256, "float16", 32)
    store_rows(64, 48, "float16", 32, N=960)
    store_rows(128, 64, "float16", 64)
    store_rows(128, 32, "float32", 64)
    store_whole(128, 128, "float32")
    store_block(2, 16)
    store_block(2, 32)
    load_halves(128, "float16")
    load_halves(64, "float16")

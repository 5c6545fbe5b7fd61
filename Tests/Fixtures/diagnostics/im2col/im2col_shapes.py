# fixture: target=sm_80,sm_90
# TL301, TL302, TL303: image rank, column rank, dtypes; the near miss is a well-formed im2col.
import tilelang.language as T


def image_rank3(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #        ^^^^ error TL301: the im2col image data has rank 3 (8, 8, 64); it must be rank 4 (N, H, W, C)
            T.copy(col, out[bx * BM, 0])

    return main


def column_rank1(BM):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024,), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM,), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL302: im2col dstRegion must have at least 2 dims: col has 1 (64,) (with BM=64 from line 57)
            T.copy(col, out[bx * BM])

    return main


def dtype_mismatch(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float32")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float32")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL303: im2col copies without conversion: image data is float16 but column tile col is float32
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 58)
            T.copy(col, out[bx * BM, 0])

    return main


def well_formed(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 59)
            T.copy(col, out[bx * BM, 0])

    return main


if __name__ == "__main__":
    image_rank3(64, 32)
    column_rank1(64)
    dtype_mismatch(64, 32)
    well_formed(64, 32)

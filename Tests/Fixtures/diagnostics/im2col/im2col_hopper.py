# fixture: target=sm_80,sm_90
# TL306, TL307, TL308: on sm_90 im2col is a TMA load: channels divisible by the tile width, a global image into a
# shared tile, 16-byte boxes written densely (whole rows of the column buffer); sm_80's SIMT gather accepts them. A
# fragment column tile fails everywhere.
import tilelang.language as T


def channels(C, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, C), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((64, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL306: on sm_90 im2col needs the image channels C=48 to be a multiple of the column tile width 32 ("Currently can only support divisible channel case") [sm_90] (with C=48, BK=32 from line 74)
            #              ^^^ error TL308: on sm_90 the im2col TMA box is 4 channels × 2 B = 8 B wide, not a multiple of 16 B ("im2col cannot lower the shared tile of col") [sm_90] (with C=64, BK=4 from line 75)
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with C=48, BK=32 from line 74)
            T.copy(col, out[bx * 64, 0])

    return main


def fragment_column(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_fragment((BM, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL307: on sm_90 im2col lowers to TMA and needs a global image and a shared column tile; got data (global) → col (local.fragment) [sm_90]
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 77)
            T.copy(col, out[bx * BM, 0])

    return main


def shared_image(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            img = T.alloc_shared((1, 8, 8, 64), "float16")
            col = T.alloc_shared((BM, BK), "float16")
            T.copy(data, img)
            T.im2col(img, col, bx, 0, 3, 1, 1, 1)
            #        ^^^ error TL307: on sm_90 im2col lowers to TMA and needs a global image and a shared column tile; got img (shared.dyn) → col (shared.dyn) [sm_90]
            #                  ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 78)
            T.copy(col, out[bx * BM, 0])

    return main



def column_slice(cols):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(1, threads=128) as bx:
            col = T.alloc_shared((64, 64), "float16")
            T.im2col(data, col[0:64, 0:cols], bx, 0, 3, 1, 1, 1)
            #              ^^^^^^^^^^^^^^^^^ error TL308: on sm_90 im2col's TMA box is written densely into col (64, 64), but this tile takes 32 of 64 along dim 1 over 64 along dim 0, so its rows have gaps: the compiler fails ("plain SMEM layout is not a bijection"); use whole rows of col or a buffer of the tile's shape [sm_90] (with cols=32 from line 79)
            T.copy(col, out[bx * 64, 0])

    return main


def row_slice(rows):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(1, threads=128) as bx:
            col = T.alloc_shared((64, 64), "float16")
            T.im2col(data, col[0:rows, 0:64], bx, 0, 3, 1, 1, 1)
            T.copy(col, out[bx * 64, 0])

    return main

if __name__ == "__main__":
    channels(48, 32)
    channels(64, 4)
    channels(64, 32)
    fragment_column(64, 32)
    shared_image(64, 32)
    column_slice(32)
    row_slice(32)

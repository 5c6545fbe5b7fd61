# fixture: target=sm_80,sm_90
# TL302, TL306, TL307, TL308: on sm_90 im2col is a TMA load: channels divisible by the tile width, a global image into
# a shared tile, 16-byte boxes written densely (whole rows of the column buffer), a column region whose dims before
# the last two (pixels, channels) are 1 (a whole (2, 64, 32) or (64, 1, 32) buffer fails, (1, 64, 32) and col[0, :, :]
# pass); sm_80's SIMT gather accepts them. A fragment column tile fails everywhere.
import tilelang.language as T


def channels(C, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, C), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((64, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL306: on sm_90 im2col needs the image channels C=48 to be a multiple of the column tile width 32 ("Currently can only support divisible channel case") [sm_90] (with C=48, BK=32 from line 90)
            #              ^^^ error TL308: on sm_90 the im2col TMA box is 4 channels × 2 B = 8 B wide, not a multiple of 16 B ("im2col cannot lower the shared tile of col") [sm_90] (with C=64, BK=4 from line 91)
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with C=48, BK=32 from line 90)
            T.copy(col, out[bx * 64, 0])

    return main


def fragment_column(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_fragment((BM, BK), "float16")
            T.im2col(data, col, bx, 0, 3, 1, 1, 1)
            #              ^^^ error TL307: on sm_90 im2col lowers to TMA and needs a global image and a shared column tile; got data (global) → col (local.fragment) [sm_90]
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 93)
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
            #                  ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 94)
            T.copy(col, out[bx * BM, 0])

    return main



def column_slice(cols):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(1, threads=128) as bx:
            col = T.alloc_shared((64, 64), "float16")
            T.im2col(data, col[0:64, 0:cols], bx, 0, 3, 1, 1, 1)
            #              ^^^^^^^^^^^^^^^^^ error TL308: on sm_90 im2col's TMA box is written densely into col (64, 64), but this tile takes 32 of 64 along dim 1 over 64 along dim 0, so its rows have gaps: the compiler fails ("plain SMEM layout is not a bijection"); use whole rows of col or a buffer of the tile's shape [sm_90] (with cols=32 from line 95)
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

def column_3d(shape, sliced):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 32), "float16"), out: T.Tensor((64, 32), "float16")):
        with T.Kernel(1, threads=128) as bx:
            col = T.alloc_shared(shape, "float16")
            if sliced:
                T.im2col(data, col[0, :, :], 0, 0, 3, 1, 1, 1)
            else:
                T.im2col(data, col, 0, 0, 3, 1, 1, 1)
                #              ^^^ error TL302: on sm_90 im2col lowers to a TMA box of (1, 32) (pixels, channels), and the column region col (64, 1, 32) has a dim of 64 before those: the compiler fails ("Shared tile and global tile shape mismatch"); write into one slice, e.g. col[0, :, :] [sm_90] (with shape=(64, 1, 32), sliced=False from line 98)
                #              ^^^ error TL302: on sm_90 im2col lowers to a TMA box of (64, 32) (pixels, channels), and the column region col (2, 64, 32) has a dim of 2 before those: the compiler fails ("Shared tile and global tile shape mismatch"); write into one slice, e.g. col[0, :, :] [sm_90] (with shape=(2, 64, 32), sliced=False from line 97)

    return main


if __name__ == "__main__":
    channels(48, 32)
    channels(64, 4)
    channels(64, 32)
    fragment_column(64, 32)
    shared_image(64, 32)
    column_slice(32)
    row_slice(32)
    column_3d((2, 64, 32), False)
    column_3d((64, 1, 32), False)
    column_3d((1, 64, 32), False)
    column_3d((2, 64, 32), True)

# fixture: target=sm_80,sm_90
# TL304, TL305, TL310: geometry must be Python ints, kernel/stride 0 or an output size of 0 divide by zero,
# other degenerate sizes are accepted
# silently; TL309: the deprecated alias.
import tilelang.language as T


def geometry(H, k, s, d, p, BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, H, H, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float16")
            T.im2col(data, col, bx, 0, k, s, d, p)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL305: im2col output height is 0 (H=4, kernel 5, stride 1, dilation 1, pad 0): the compiler divides by zero decomposing output pixels ("Check failed: pb->value != 0 : Divide by zero") (with H=4, k=5, s=1, d=1, p=0, BM=64, BK=32 from line 57)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL310: im2col geometry should have kernel, stride, dilation > 0 and pad ≥ 0; got kernel=3, stride=1, dilation=1, pad=-1: the compiler accepts it and gathers the wrong pixels (with H=8, k=3, s=1, d=1, p=-1, BM=64, BK=32 from line 55)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL310: im2col output height is -2 (H=4, kernel 7, stride 1, dilation 1, pad 0): no output pixel exists; the compiler accepts it and reads only padding (with H=4, k=7, s=1, d=1, p=0, BM=64, BK=32 from line 54)
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 16 output pixels (N·OH·OW = 1·4·4); the others are all padding (with H=8, k=3, s=1, d=1, p=-1, BM=64, BK=32 from line 55)
            #                   ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with H=8, k=3, s=1, d=1, p=1, BM=64, BK=32 from line 56)
            #                          ^ error TL305: im2col kernel=0 makes the compiler divide by zero ("Check failed: pb->value != 0 : Divide by zero") (with H=8, k=0, s=1, d=1, p=0, BM=64, BK=32 from line 52)
            #                             ^ error TL305: im2col stride=0 makes the compiler divide by zero ("Check failed: pb->value != 0 : Divide by zero") (with H=8, k=3, s=0, d=1, p=0, BM=64, BK=32 from line 53)
            T.copy(col, out[bx * BM, 0])

    return main


def symbolic_stride(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float16")
            T.im2col(data, col, bx, 0, 3, bx + 1, 1, 1)
            #                             ^^^^^^ error TL304: im2col stride must be a Python int, but `bx + 1` is a symbolic value (the compiler fails with bad_optional_access)
            T.copy(col, out[bx * BM, 0])

    return main


def deprecated(BM, BK):
    @T.prim_func
    def main(data: T.Tensor((1, 8, 8, 64), "float16"), out: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            col = T.alloc_shared((BM, BK), "float16")
            T.c2d_im2col(data, col, bx, 0, 3, 1, 1, 1)
            # ^^^^^^^^^^ hint TL309: T.c2d_im2col is deprecated, use T.im2col instead (DeprecationWarning; removed in a later release)
            #                       ^^ warning TL311: nhw_step = bx takes 4 values, but 1 tiles of 64 already cover the 64 output pixels (N·OH·OW = 1·8·8); the others are all padding (with BM=64, BK=32 from line 59)
            T.copy(col, out[bx * BM, 0])

    return main


if __name__ == "__main__":
    geometry(8, 0, 1, 1, 0, 64, 32)
    geometry(8, 3, 0, 1, 0, 64, 32)
    geometry(4, 7, 1, 1, 0, 64, 32)
    geometry(8, 3, 1, 1, -1, 64, 32)
    geometry(8, 3, 1, 1, 1, 64, 32)
    geometry(4, 5, 1, 1, 0, 64, 32)
    symbolic_stride(64, 32)
    deprecated(64, 32)

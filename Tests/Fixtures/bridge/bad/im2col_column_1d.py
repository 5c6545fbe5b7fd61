# Bad: im2col into a 1-D column buffer (I4, "im2col dstRegion must have at least 2 dims", no location).
import tilelang.language as T


def kernel(N=8, H=32, W=32, C=64):
    @T.prim_func
    def main(data: T.Tensor((N, H, W, C), "float16"), out: T.Tensor((N * H * W * 9 * C,), "float16")):
        with T.Kernel(8, 128, threads=128) as (bx, by):
            col = T.alloc_shared((2048,), "float16")
            T.im2col(data, col, by, bx, 3, 1, 1, 1)
            T.copy(col, out[by * 2048])

    return main

# Bad: im2col into a float32 column tile from a float16 image (I3, no location).
import tilelang.language as T


def kernel(N=8, H=32, W=32, C=64):
    @T.prim_func
    def main(data: T.Tensor((N, H, W, C), "float16"), out: T.Tensor((N * H * W, 9 * C), "float32")):
        with T.Kernel(8, 128, threads=128) as (bx, by):
            col = T.alloc_shared((64, 32), "float32")
            T.im2col(data, col, by, bx, 3, 1, 1, 1)
            T.copy(col, out[by * 64, bx * 32])

    return main

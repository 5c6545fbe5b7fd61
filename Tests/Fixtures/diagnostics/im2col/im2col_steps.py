# fixture: target=sm_80,sm_90
# TL311: the grid gives nhw_step too few values to cover every output pixel; the near miss uses T.ceildiv.
import tilelang.language as T


def conv(N, H, W, C, blocks, BM, BK):
    OH = H
    OW = W

    @T.prim_func
    def main(data: T.Tensor((N, H, W, C), "float16"), out: T.Tensor((N * OH * OW, 64), "float16")):
        with T.Kernel(blocks, threads=128) as by:
            col = T.alloc_shared((BM, BK), "float16")
            for k in T.Pipelined(T.ceildiv(9 * C, BK), num_stages=1):
                T.im2col(data, col, by, k, 3, 1, 1, 1)
                #                   ^^ warning TL311: nhw_step = by takes 2 values, so 2 tiles of 16 cover 32 of the 64 output pixels (N·OH·OW = 1·8·8); the rest is never computed (with N=1, H=8, W=8, C=64, blocks=2, BM=16, BK=32 from line 23)
                T.copy(col[0:BM, 0:BK], out[by * BM, 0])

    return main


if __name__ == "__main__":
    conv(1, 8, 8, 64, 2, 16, 32)
    conv(1, 8, 8, 64, 4, 16, 32)

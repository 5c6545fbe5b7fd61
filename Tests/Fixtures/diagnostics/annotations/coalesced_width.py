# fixture: target=sm_80
# TL203 and TL211: coalesced_width must be positive; a width that does not divide the vector width is lowered.
import tilelang.language as T


def width(block_M, block_N, cw):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, coalesced_width=cw)
            #                                             ^^ error TL203: coalesced_width must be a positive integer, but got 0 (with block_M=64, block_N=64, cw=0 from line 20)
            #                                             ^^ warning TL211: Requested coalesced_width=3 is incompatible with the geometry-supported vector width 8; the compiler uses 2 instead [sm_80] (with block_M=64, block_N=64, cw=3 from line 21)
            T.copy(S, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    width(64, 64, 0)
    width(64, 64, 3)
    width(64, 64, 4)

# fixture: target=sm_80,sm_90,sm_100
# TL226: a kernel-body `//`, `%` or `/` whose divisor is zero for the sizes the kernel is built with. Python computes
# `kv_group_num // block_H` at trace time (16 // 64 == 0), and TVM's arithmetic then fails on every target while the
# front end builds `by // 0` ("Divide by zero"). The same kernel with block_H = 16 builds.
import tilelang.language as T


def decode_heads(h_q, block_H, D=64, dtype="float16"):
    kv_group_num = h_q

    @T.prim_func
    def main(Q: T.Tensor((h_q, D), dtype), O: T.Tensor((h_q, D), dtype)):
        with T.Kernel(h_q // min(block_H, kv_group_num), threads=128) as by:
            cur_kv_head = by // (kv_group_num // block_H)
            #                    ^^^^^^^^^^^^^^^^^^^^^^^ error TL226: by // (kv_group_num // block_H) divides by zero (kv_group_num // block_H is 0 here): building the kernel fails on every target (Divide by zero); check the sizes that make the divisor 0, or guard the expression for them (with h_q=16, block_H=64, D=64, dtype="float16" from line 34)
            for i, j in T.Parallel(16, D):
                O[i + cur_kv_head, j] = Q[i, j]

    return main


def rows_modulo(parts):
    @T.prim_func
    def main(A: T.Tensor((64,), "float32"), B: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=64) as bx:
            for i in T.Parallel(64):
                B[i] = A[i % (4 // parts)]
                #             ^^^^^^^^^^ error TL226: i % (4 // parts) divides by zero (4 // parts is 0 here): building the kernel fails on every target (Divide by zero); check the sizes that make the divisor 0, or guard the expression for them (with parts=8 from line 36)

    return main


if __name__ == "__main__":
    decode_heads(16, 64)
    decode_heads(16, 16)
    rows_modulo(8)
    rows_modulo(2)

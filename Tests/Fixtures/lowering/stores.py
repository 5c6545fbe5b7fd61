# fixture: target=sm_80,sm_90
# shared→global: automatic TMA store on sm_90 (1-D bulk store when the global region is contiguous and in
# bounds), SIMT on sm_80, with disable_tma, across a dtype cast, or with 60-half rows.
import tilelang.language as T


def store_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[by * 128, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 128, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def store_rows():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[bx * 128, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def store_disable_tma():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[by * 128, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 128, bx * 64], disable_tma=True)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def store_cast():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def store_inner60():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 60), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 0:60], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(S, B[bx * 64 : bx * 64 + 64, 0:60])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def store_fp32():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((32, 64), "float32")
            T.copy(A[by * 32, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 32, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main



def reversed_row_chunks(M, N):
    # (N // 512 - 1 - k) * 512 with k < N // 512 stays inside the row: the store is contiguous and in bounds, a
    # 1-D bulk store on sm_90.
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), B: T.Tensor((M, N), "float32")):
        with T.Kernel(M, threads=128) as bx:
            S = T.alloc_shared((1, 512), "float32")
            for k in T.serial(N // 512):
                T.copy(A[bx, (N // 512 - 1 - k) * 512], S)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(S, B[bx, (N // 512 - 1 - k) * 512])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main

if __name__ == "__main__":
    store_tile()
    store_rows()
    store_disable_tma()
    store_cast()
    store_inner60()
    store_fp32()
    reversed_row_chunks(256, 8192)

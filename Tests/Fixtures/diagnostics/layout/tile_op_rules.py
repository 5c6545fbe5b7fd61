# fixture: target=sm_80,sm_90
# TL413–TL415: tile operations outside the copy family that the front end or lowering rejects. A T.Parallel loop holds
# only elementwise statements (a tile copy, fill or reduction there fails; a copy between two elements is a store);
# T.gemm's M, K and N must agree (A's M with C's rows, B's N with C's columns), its dtypes match (fp8 mixes fail
# too: only tcgen05 takes them), its warps split M × N into 16 × 8 pieces and (on
# CUDA) its accumulator is a fragment; on sm_90 a wgmma's warpgroups take 64 rows each (96 rows fail there) and its
# N-major B needs 16 columns per warpgroup (24 over one warpgroup, 16 over two fail; 48 and a transposed B pass); a
# reduction's output drops the reduced dim (keeping it as 1 passes the front end and fails in layout inference); the
# mma's K step (256 bits: 16 float16, 32 int8) divides a gemm's K tile (24 fails, 8 and 32 pass; int8 48 fails).
import tilelang.language as T


def tile_ops_in_parallel(N):
    @T.prim_func
    def main(A: T.Tensor((N, 64), "float32"), B: T.Tensor((N, 64), "float32")):
        with T.Kernel(N // 64, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float32")
            F = T.alloc_fragment((64, 64), "float32")
            m = T.alloc_fragment((64,), "float32")
            for i in T.Parallel(64):
                T.copy(A[bx * 64 + i, 0:64], S[i, :])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL413: T.copy is a tile operation, and a T.Parallel loop may only hold elementwise statements: the compiler fails ("Only elementwise operations are allowed inside a parallel loop. Got a tile-op"); call it outside the loop (index the loop's elements directly inside it)
            for i in T.Parallel(64):
                T.copy(A[bx * 64 + i, 0], S[i, 0])
            T.copy(S, F)
            T.reduce_max(F, m, dim=1)
            T.copy(m, B[bx * 64:bx * 64 + 64, 0])

    return main


def gemm_k(transpose_b):
    @T.prim_func
    def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor((64, 32), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, 32), "float16")
            Bs = T.alloc_shared((64, 32), "float16")
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, transpose_B=transpose_b, clear_accum=True)
            #          ^^ error TL414: T.gemm multiplies As (64, 32) by Bs (64, 32): K is 32 for A and 64 for B, and the front end fails ("T.gemm K shape check failed: K_A = 32, K_B = 64"); if B is stored (N, K), pass transpose_B=True (with transpose_b=False from line 207)
            T.copy(Cf, C)

    return main


def gemm_dtypes(b_dtype):
    @T.prim_func
    def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor((32, 64), b_dtype), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, 32), "float16")
            Bs = T.alloc_shared((32, 64), b_dtype)
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, clear_accum=True)
            #          ^^ error TL414: T.gemm's A is float16 and B is bfloat16: the compiler multiplies mixed dtypes only within the fp8/fp6/fp4 family ("Mixed-dtype GEMM only supports f8f6f4 family operands"); cast one of them (with b_dtype="bfloat16" from line 209)
            T.copy(Cf, C)

    return main


def gemm_tile(m, n):
    @T.prim_func
    def main(A: T.Tensor((m, 32), "float16"), B: T.Tensor((32, n), "float16"), C: T.Tensor((m, n), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((m, 32), "float16")
            Bs = T.alloc_shared((32, n), "float16")
            Cf = T.alloc_fragment((m, n), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, clear_accum=True)
            #              ^^ error TL414: On sm_90 this T.gemm is a wgmma (M ≥ 64, 4 warps in warpgroups of 4), whose warpgroups each take a multiple of 64 rows and 8 columns of the 96×64 accumulator: no split of 1 warpgroup covers it, and the compiler fails ("No valid warp partition for T.gemm (Warp-Group MMA)"); use a multiple of 64 rows, a thread count that is not a multiple of 128, or the pass config tl.disable_wgmma (with m=96, n=64 from line 213)
            #              ^^ error TL414: T.gemm's accumulator Cf is 16×16, which 4 warps cannot split into pieces of 16 rows × 8 columns: the compiler fails ("No valid warp partition for T.gemm"); use a larger tile or fewer threads (with m=16, n=16 from line 211)
            T.copy(Cf, C)

    return main


def gemm_accumulator(scope):
    @T.prim_func
    def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor((64, 32), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, 32), "float16")
            Bs = T.alloc_shared((64, 32), "float16")
            if scope == "shared":
                Cacc = T.alloc_shared((64, 64), "float32")
            elif scope == "local":
                Cacc = T.alloc_local((64, 64), "float32")
            else:
                Cacc = T.alloc_fragment((64, 64), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cacc, transpose_B=True, clear_accum=True)
            #              ^^^^ error TL414: T.gemm accumulates into Cacc, a local buffer: on CUDA the accumulator must be a register fragment, and gemm lowering fails ("local_buf acc must be a fragment"); allocate Cacc with T.alloc_fragment and copy it out after the gemm (with scope="local" from line 215)
            #              ^^^^ error TL414: T.gemm accumulates into Cacc, a shared-memory buffer: on CUDA the accumulator must be a register fragment, and gemm lowering fails ("local_buf acc must be a fragment"); allocate Cacc with T.alloc_fragment and copy it out after the gemm (with scope="shared" from line 214)
            T.copy(Cacc, C)

    return main


def row_sums(out_rows, dim):
    @T.prim_func
    def main(A: T.Tensor((1024, 128), "float32"), O: T.Tensor((1024,), "float32")):
        with T.Kernel(16, threads=128) as bx:
            F = T.alloc_fragment((64, 128), "float32")
            R = T.alloc_fragment((out_rows,), "float32")
            T.copy(A[bx * 64, 0], F)
            T.reduce_sum(F, R, dim=dim)
            #               ^ error TL415: T.reduce_sum over dim 1 of F (64, 128) writes R (128,), but the output must be (64,): the front end fails ("Invalid reduce output shape") (with out_rows=128, dim=1 from line 217)
            T.copy(R[0:64], O[bx * 64])

    return main


def row_sums_kept(rows, columns):
    @T.prim_func
    def main(A: T.Tensor((1024, 128), "float32"), O: T.Tensor((1024, columns), "float32")):
        with T.Kernel(16, threads=128) as bx:
            F = T.alloc_fragment((64, 128), "float32")
            R = T.alloc_fragment((rows, columns), "float32")
            T.copy(A[bx * 64, 0], F)
            T.reduce_sum(F, R, dim=1)
            #               ^ error TL415: T.reduce_sum over dim 1 of F (64, 128) writes R (64, 1), keeping the reduced dim as 1: the front end accepts that, but layout inference gives the output F's layout without dim 1 and fails ("Check failed: vars.size() == InputDim() (2 vs. 1)"); allocate R as (64,) (with rows=64, columns=1 from line 219)
            T.copy(R, O[bx * 64, 0])

    return main


def gemm_b_layout(n, threads, transpose_b):
    # On sm_90 a wgmma reads an N-major B (K, N) through a swizzled layout chosen from each warpgroup's columns.
    b_shape = (n, 32) if transpose_b else (32, n)

    @T.prim_func
    def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor(b_shape, "float16"), C: T.Tensor((64, n), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            As = T.alloc_shared((64, 32), "float16")
            Bs = T.alloc_shared(b_shape, "float16")
            Cf = T.alloc_fragment((64, n), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, transpose_B=transpose_b, clear_accum=True)
            #          ^^ error TL414: On sm_90 this T.gemm is a wgmma (4×1 warps, policy Square) reading B Bs (32, 24) N-major from shared memory: each warpgroup multiplies 24 columns, instruction n8, too narrow for a swizzled layout (a multiple of 16 columns), and unswizzled, the tile's 24-column rows are 3 16-byte chunks where wgmma reads one ("Not a canonical GMMA_MN layout: stride<1,0>=3 != W=1"), so lowering fails; store B as (N, K) and pass transpose_B=True, or give each warpgroup a multiple of 16 columns (with n=24, threads=128, transpose_b=False from line 220)
            #          ^^ error TL414: On sm_90 this T.gemm is a wgmma (4×2 warps, policy Square) reading B Bs (32, 16) N-major from shared memory: each warpgroup multiplies 8 columns (its 16 columns over 2 warpgroups along N), instruction n8, too narrow for a swizzled layout (a multiple of 16 columns), and unswizzled, the tile's 16-column rows are 2 16-byte chunks where wgmma reads one ("Not a canonical GMMA_MN layout: stride<1,0>=2 != W=1"), so lowering fails; store B as (N, K) and pass transpose_B=True, or give each warpgroup a multiple of 16 columns (with n=16, threads=256, transpose_b=False from line 223)
            T.copy(Cf, C)

    return main


def gemm_mn(a_shape, b_shape, c_shape, transpose_a, transpose_b):
    @T.prim_func
    def main(A: T.Tensor(a_shape, "float16"), B: T.Tensor(b_shape, "float16"), C: T.Tensor(c_shape, "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared(a_shape, "float16")
            Bs = T.alloc_shared(b_shape, "float16")
            Cf = T.alloc_fragment(c_shape, "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, transpose_A=transpose_a, transpose_B=transpose_b, clear_accum=True)
            #      ^^ error TL414: T.gemm writes Cf (128, 64) from As (64, 32): M is 64 for A and 128 for C, and the front end fails ("T.gemm M shape check failed: M_A = 64, M_C = 128") (with a_shape=(64, 32), b_shape=(32, 64), c_shape=(128, 64), transpose_a=False, transpose_b=False from line 224)
            #      ^^ error TL414: T.gemm writes Cf (64, 64) from As (64, 32) transposed: M is 32 for A and 64 for C, and the front end fails ("T.gemm M shape check failed: M_A = 32, M_C = 64") (with a_shape=(64, 32), b_shape=(32, 64), c_shape=(64, 64), transpose_a=True, transpose_b=False from line 226)
            #              ^^ error TL414: T.gemm writes Cf (64, 128) from Bs (32, 64): N is 64 for B and 128 for C, and the front end fails ("T.gemm N shape check failed: N_B = 64, N_C = 128") (with a_shape=(64, 32), b_shape=(32, 64), c_shape=(64, 128), transpose_a=False, transpose_b=False from line 225)
            #              ^^ error TL414: T.gemm writes Cf (64, 64) from Bs (32, 32) transposed: N is 32 for B and 64 for C, and the front end fails ("T.gemm N shape check failed: N_B = 32, N_C = 64") (with a_shape=(64, 32), b_shape=(32, 32), c_shape=(64, 64), transpose_a=False, transpose_b=True from line 228)
            T.copy(Cf, C)

    return main


def gemm_fp8(a_dtype, b_dtype):
    @T.prim_func
    def main(A: T.Tensor((64, 64), a_dtype), B: T.Tensor((64, 64), b_dtype), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, 64), a_dtype)
            Bs = T.alloc_shared((64, 64), b_dtype)
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            T.gemm(As, Bs, Cf, transpose_B=True, clear_accum=True)
            #          ^^ error TL414: T.gemm's A is float8_e4m3fn and B is float8_e5m2: the compiler multiplies mixed dtypes only within the fp8/fp6/fp4 family ("Mixed-dtype GEMM only supports f8f6f4 family operands"), and only on tcgen05 (sm_100, an accumulator in tensor memory): Cf is a fragment; cast one of them (with a_dtype="float8_e4m3fn", b_dtype="float8_e5m2" from line 230)
            T.copy(Cf, C)

    return main


def gemm_k_step(block_k, dtype, accum):
    @T.prim_func
    def main(A: T.Tensor((64, 128), dtype), B: T.Tensor((128, 64), dtype), C: T.Tensor((64, 64), accum)):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, block_k), dtype)
            Bs = T.alloc_shared((block_k, 64), dtype)
            Cf = T.alloc_fragment((64, 64), accum)
            T.clear(Cf)
            for k in T.Pipelined(128 // block_k, num_stages=2):
                T.copy(A[0, k * block_k], As)
                T.copy(B[k * block_k, 0], Bs)
                T.gemm(As, Bs, Cf)
                #      ^^ error TL414: T.gemm's K tile is 24 (As (64, 24)), and the float16 mma steps K by 16: gemm lowering fails ("block_K (24) must be a multiple of micro_size_k (16)"); use a K tile that is a multiple of 16 (with block_k=24, dtype="float16", accum="float32" from line 234)
                #      ^^ error TL414: T.gemm's K tile is 48 (As (64, 48)), and the int8 mma steps K by 32: gemm lowering fails ("block_K (48) must be a multiple of micro_size_k (32)"); use a K tile that is a multiple of 32 (with block_k=48, dtype="int8", accum="int32" from line 236)
            T.copy(Cf, C)

    return main


if __name__ == "__main__":
    tile_ops_in_parallel(1024)
    gemm_k(False)
    gemm_k(True)
    gemm_dtypes("bfloat16")
    gemm_dtypes("float16")
    gemm_tile(16, 16)
    gemm_tile(64, 64)
    gemm_tile(96, 64)
    gemm_accumulator("shared")
    gemm_accumulator("local")
    gemm_accumulator("fragment")
    row_sums(128, 1)
    row_sums(64, 1)
    row_sums_kept(64, 1)
    gemm_b_layout(24, 128, False)
    gemm_b_layout(24, 128, True)
    gemm_b_layout(48, 128, False)
    gemm_b_layout(16, 256, False)
    gemm_mn((64, 32), (32, 64), (128, 64), False, False)
    gemm_mn((64, 32), (32, 64), (64, 128), False, False)
    gemm_mn((64, 32), (32, 64), (64, 64), True, False)
    gemm_mn((32, 64), (32, 64), (64, 64), True, False)
    gemm_mn((64, 32), (32, 32), (64, 64), False, True)
    gemm_mn((64, 32), (64, 32), (64, 64), False, True)
    gemm_fp8("float8_e4m3fn", "float8_e5m2")
    gemm_fp8("float8_e5m2", "float8_e5m2")
    gemm_k_step(32, "float16", "float32")
    gemm_k_step(8, "float16", "float32")
    gemm_k_step(24, "float16", "float32")
    gemm_k_step(32, "int8", "int32")
    gemm_k_step(48, "int8", "int32")

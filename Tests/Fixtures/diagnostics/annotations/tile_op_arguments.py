# fixture: target=sm_80,sm_90
# TL215: arguments of reductions, scans and fills that tilelang rejects before lowering them (or, for nan_propagate,
# while lowering): Python's binding against each op's signature (reduce_abssum has no `clear`, only
# reduce_max/min/absmax take nan_propagate, cumsum has `dim`, not `axis`), batch >= 1, bitwise reductions into
# integer or bool buffers, reductions between shared and fragment buffers (or local into local), a NaN-propagating
# max into a 16-bit output, and a scan's dim inside the source's rank with a dst of the source's shape. T.gemm binds
# to its 0.1.15 signature too: k_pack= (taken by newer releases and the HIP examples) fails, policy= passes.
import tilelang.language as T


def reduce_arguments(call):
    @T.prim_func
    def main(X: T.Tensor((16, 128), "float32"), S: T.Tensor((16,), "float32")):
        with T.Kernel(1, threads=128):
            x_f = T.alloc_fragment((16, 128), "float32")
            s_f = T.alloc_fragment((16,), "float32")
            T.copy(X, x_f)
            if call == "keepdim":
                T.reduce_max(x_f, s_f, dim=1, keepdim=False)
                #                             ^^^^^^^ error TL215: T.reduce_max has no keyword `keepdim` (TypeError: reduce_max() got an unexpected keyword argument 'keepdim'); it accepts dim, clear, batch, nan_propagate, annotations (with call="keepdim" from line 218)
            elif call == "abssum_clear":
                T.reduce_abssum(x_f, s_f, dim=1, clear=False)
                #                                ^^^^^ error TL215: T.reduce_abssum has no keyword `clear` (TypeError: reduce_abssum() got an unexpected keyword argument 'clear'); it accepts dim, batch, annotations (with call="abssum_clear" from line 219)
            elif call == "abssum_positional":
                T.reduce_abssum(x_f, s_f, 1, False)
                #                            ^^^^^ error TL215: T.reduce_abssum gets batch=False: the front end fails ("batch must be >= 1, got False"); positional argument 4 of T.reduce_abssum is `batch` (it has no `clear`: it always clears its output) (with call="abssum_positional" from line 220)
            elif call == "sum_positional":
                T.reduce_sum(x_f, s_f, 1, False)
            elif call == "batch_zero":
                T.reduce_sum(x_f, s_f, 1, True, 0)
                #                               ^ error TL215: T.reduce_sum gets batch=0: the front end fails ("batch must be >= 1, got 0") (with call="batch_zero" from line 222)
            elif call == "batch_two":
                T.reduce_sum(x_f, s_f, 1, batch=2)
            T.copy(s_f, S)

    return main


def reduce_binding(call):
    @T.prim_func
    def main(X: T.Tensor((16, 128), "float32"), S: T.Tensor((16,), "float32")):
        with T.Kernel(1, threads=128):
            x_f = T.alloc_fragment((16, 128), "float32")
            s_f = T.alloc_fragment((16,), "float32")
            T.copy(X, x_f)
            if call == "dim_twice":
                T.reduce_sum(x_f, s_f, 1, dim=1)
                #                         ^^^ error TL215: T.reduce_sum gets `dim` twice, as positional argument 3 and as a keyword (TypeError: reduce_sum() got multiple values for argument 'dim') (with call="dim_twice" from line 224)
            elif call == "sum_nan":
                T.reduce_sum(x_f, s_f, dim=1, nan_propagate=True)
                #                             ^^^^^^^^^^^^^ error TL215: T.reduce_sum has no keyword `nan_propagate` (TypeError: reduce_sum() got an unexpected keyword argument 'nan_propagate'); it accepts dim, clear, batch, annotations (with call="sum_nan" from line 225)
            elif call == "too_many":
                T.reduce_sum(x_f, s_f, 1, True, 1, None, 7)
                #                                        ^ error TL215: T.reduce_sum takes at most 6 positional arguments (buffer, out, dim, clear, batch, annotations), but 7 were given (TypeError: reduce_sum() takes from 2 to 6 positional arguments but 7 were given) (with call="too_many" from line 226)
            else:
                T.reduce_max(x_f, s_f, 1, True, 1, False, None)
            T.copy(s_f, S)

    return main


def bitwise(op, dtype):
    @T.prim_func
    def main(X: T.Tensor((16, 128), dtype), S: T.Tensor((16,), dtype)):
        with T.Kernel(1, threads=128):
            x_f = T.alloc_fragment((16, 128), dtype)
            s_f = T.alloc_fragment((16,), dtype)
            T.copy(X, x_f)
            if op == "and":
                T.reduce_bitand(x_f, s_f, dim=1)
                #                    ^^^ error TL215: T.reduce_bitand writes s_f, a float32 buffer: bitwise reductions need integer or bool buffers, and the front end fails ("reduce_bitand requires an integer/bool buffer, got dtype float32") (with op="and", dtype="float32" from line 228)
            else:
                T.reduce_bitor(x_f, s_f, dim=1)
                #                   ^^^ error TL215: T.reduce_bitor writes s_f, a float16 buffer: bitwise reductions need integer or bool buffers, and the front end fails ("reduce_bitor requires an integer/bool buffer, got dtype float16") (with op="or", dtype="float16" from line 229)
            T.copy(s_f, S)

    return main


def reduce_scopes(src, dst):
    @T.prim_func
    def main(X: T.Tensor((16, 128), "float32"), S: T.Tensor((16,), "float32")):
        with T.Kernel(1, threads=128):
            if src == "shared":
                x = T.alloc_shared((16, 128), "float32")
            elif src == "local":
                x = T.alloc_local((16, 128), "float32")
            else:
                x = T.alloc_fragment((16, 128), "float32")
            if dst == "global":
                s = S
            elif dst == "shared":
                s = T.alloc_shared((16,), "float32")
            elif dst == "local":
                s = T.alloc_local((16,), "float32")
            else:
                s = T.alloc_fragment((16,), "float32")
            T.copy(X, x)
            T.reduce_sum(x, s, dim=1)
            #               ^ error TL215: T.reduce_sum reads x (local) into s (local.fragment): reductions run between shared and fragment buffers (or local into local), and the front end fails ("Invalid buffer scopes: local and local.fragment"); a local buffer reduces only into a local one (T.alloc_local or T.alloc_var) (with src="local", dst="fragment" from line 233)
            #               ^ error TL215: T.reduce_sum reads x (local.fragment) into S (global): reductions run between shared and fragment buffers (or local into local), and the front end fails ("Invalid buffer scopes: local.fragment and global"); reduce into a fragment and T.copy it to S (with src="fragment", dst="global" from line 232)
            #               ^ error TL215: T.reduce_sum reads x (local.fragment) into s (local): reductions run between shared and fragment buffers (or local into local), and the front end fails ("Invalid buffer scopes: local.fragment and local"); reduce into a fragment and T.copy it to s (with src="fragment", dst="local" from line 234)
            if dst != "global":
                T.copy(s, S)

    return main


def nan_propagate(op, dtype):
    @T.prim_func
    def main(X: T.Tensor((16, 128), dtype), S: T.Tensor((16,), dtype)):
        with T.Kernel(1, threads=128):
            x_f = T.alloc_fragment((16, 128), dtype)
            s_s = T.alloc_shared((16,), dtype)
            T.copy(X, x_f)
            if op == "max":
                T.reduce_max(x_f, s_s, dim=1, nan_propagate=True)
                #                             ^^^^^^^^^^^^^^^^^^ error TL215: T.reduce_max with nan_propagate=True writes s_s (float32): NaN-propagating reductions need a float16 or bfloat16 output, and lowering fails ("reduce_max with nan_propagate=True requires float16 or bfloat16 output, got float32") (with op="max", dtype="float32" from line 238)
            elif op == "min":
                T.reduce_min(x_f, s_s, 1, True, 1, True)
                #                                  ^^^^ error TL215: T.reduce_min with nan_propagate=True writes s_s (float32): NaN-propagating reductions need a float16 or bfloat16 output, and lowering fails ("reduce_min with nan_propagate=True requires float16 or bfloat16 output, got float32") (with op="min", dtype="float32" from line 239)
            elif op == "absmax":
                T.reduce_absmax(x_f, s_s, dim=1, annotations={"nan_propagate": True})
                #                                            ^^^^^^^^^^^^^^^^^^^^^^^ error TL215: T.reduce_absmax with nan_propagate=True writes s_s (float32): NaN-propagating reductions need a float16 or bfloat16 output, and lowering fails ("reduce_absmax with nan_propagate=True requires float16 or bfloat16 output, got float32") (with op="absmax", dtype="float32" from line 240)
            else:
                T.reduce_sum(x_f, s_s, dim=1, annotations={"nan_propagate": True})
            T.copy(s_s, S)

    return main


def fills(call):
    @T.prim_func
    def main(S: T.Tensor((16,), "float32")):
        with T.Kernel(1, threads=128):
            s_f = T.alloc_fragment((16,), "float32")
            if call == "value_twice":
                T.fill(s_f, 0, value=1)
                #              ^^^^^ error TL215: T.fill gets `value` twice, as positional argument 2 and as a keyword (TypeError: fill() got multiple values for argument 'value') (with call="value_twice" from line 243)
            elif call == "no_value":
                T.fill(s_f)
              # ^^^^^^^^^^^ error TL215: T.fill is missing 'value' (TypeError: fill() missing 1 required positional argument: 'value') (with call="no_value" from line 244)
            elif call == "clear_value":
                T.clear(s_f, value=0)
                #            ^^^^^ error TL215: T.clear has no keyword `value` (TypeError: clear() got an unexpected keyword argument 'value'); it accepts annotations (with call="clear_value" from line 245)
            else:
                T.fill(buffer=s_f, value=1)
            T.copy(s_f, S)

    return main


def scan_arguments(call, dim):
    @T.prim_func
    def main(X: T.Tensor((32, 64), "float32"), Y: T.Tensor((32, 64), "float32")):
        with T.Kernel(1, threads=128):
            x_s = T.alloc_shared((32, 64), "float32")
            T.copy(X, x_s)
            if call == "axis":
                T.cumsum(x_s, axis=dim)
                #             ^^^^ error TL215: T.cumsum has no keyword `axis` (TypeError: cumsum() got an unexpected keyword argument 'axis'); it accepts dim, reverse, annotations (with call="axis", dim=1 from line 247)
            elif call == "cummax_axis":
                T.cummax(x_s, axis=dim)
                #             ^^^^ error TL215: T.cummax has no keyword `axis` (TypeError: cummax() got an unexpected keyword argument 'axis'); it accepts dim, reverse, annotations (with call="cummax_axis", dim=1 from line 248)
            else:
                T.cumsum(x_s, dim=dim)
                #             ^^^^^^^ error TL215: T.cumsum over dim -3 of x_s (32, 64), which has 2 dimensions: the front end fails ("Dimension -3 is out of bounds for buffer with shape (32, 64)"); pass a dim from -2 to 1 (with call="dim", dim=-3 from line 250)
                #             ^^^^^^^ error TL215: T.cumsum over dim 2 of x_s (32, 64), which has 2 dimensions: the front end fails ("Dimension 2 is out of bounds for buffer with shape (32, 64)"); pass a dim from -2 to 1 (with call="dim", dim=2 from line 249)
            T.copy(x_s, Y)

    return main


def scan_destinations(call, dim):
    @T.prim_func
    def main(X: T.Tensor((32, 64), "float32"), Y: T.Tensor((32, 64), "float32")):
        with T.Kernel(1, threads=128):
            x_s = T.alloc_shared((32, 64), "float32")
            y_s = T.alloc_shared((32, 32), "float32")
            z_s = T.alloc_shared((32, 64, 1), "float32")
            T.copy(X, x_s)
            if call == "dst_columns":
                T.cumsum(x_s, y_s, dim=dim)
                #             ^^^ error TL215: T.cumsum writes y_s (32, 32) from x_s (32, 64): the output must have the input's shape, and the front end fails ("cumsum dst shape (32, 32) must match src shape (32, 64) (dim 1 mismatch)") (with call="dst_columns", dim=1 from line 252)
            elif call == "dst_rank":
                T.cumsum(x_s, z_s, dim=dim)
                #             ^^^ error TL215: T.cumsum writes z_s (32, 64, 1) from x_s (32, 64): the output must have the input's shape, and the front end fails ("cumsum dst shape (32, 64, 1) must match src shape (32, 64) (rank mismatch)") (with call="dst_rank", dim=1 from line 253)
            elif call == "dst_region":
                T.cumsum(x_s[0:16, 0:32], y_s[0:32, :], dim=dim)
                #                         ^^^^^^^^^^^^ error TL215: T.cumsum writes y_s [32, 32] from x_s [16, 32]: the output must have the input's shape, and the front end fails ("cumsum dst shape [32, 32] must match src shape [16, 32] (dim 0 mismatch)") (with call="dst_region", dim=1 from line 254)
            else:
                T.cumsum(x_s[0:32, 0:32], y_s, dim=dim)
            T.copy(x_s, Y)

    return main


def gemm_keywords(k_pack):
    @T.prim_func
    def main(A: T.Tensor((64, 32), "float16"), B: T.Tensor((32, 64), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            As = T.alloc_shared((64, 32), "float16")
            Bs = T.alloc_shared((32, 64), "float16")
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A, As)
            T.copy(B, Bs)
            if k_pack:
                T.gemm(As, Bs, Cf, clear_accum=True, k_pack=2)
                #                                    ^^^^^^ error TL215: T.gemm has no keyword `k_pack` (TypeError: gemm() got an unexpected keyword argument 'k_pack'); it accepts transpose_A, transpose_B, policy, clear_accum, mbar, annotations (with k_pack=True from line 256)
            else:
                T.gemm(As, Bs, Cf, clear_accum=True, policy=T.GemmWarpPolicy.FullRow)
            T.copy(Cf, C)

    return main


if __name__ == "__main__":
    reduce_arguments("keepdim")
    reduce_arguments("abssum_clear")
    reduce_arguments("abssum_positional")
    reduce_arguments("sum_positional")
    reduce_arguments("batch_zero")
    reduce_arguments("batch_two")
    reduce_binding("dim_twice")
    reduce_binding("sum_nan")
    reduce_binding("too_many")
    reduce_binding("all_positional")
    bitwise("and", "float32")
    bitwise("or", "float16")
    bitwise("and", "int32")
    bitwise("or", "uint8")
    reduce_scopes("fragment", "global")
    reduce_scopes("local", "fragment")
    reduce_scopes("fragment", "local")
    reduce_scopes("shared", "shared")
    reduce_scopes("fragment", "shared")
    reduce_scopes("local", "local")
    nan_propagate("max", "float32")
    nan_propagate("min", "float32")
    nan_propagate("absmax", "float32")
    nan_propagate("max", "bfloat16")
    nan_propagate("sum", "float32")
    fills("value_twice")
    fills("no_value")
    fills("clear_value")
    fills("keywords")
    scan_arguments("axis", 1)
    scan_arguments("cummax_axis", 1)
    scan_arguments("dim", 2)
    scan_arguments("dim", -3)
    scan_arguments("dim", -2)
    scan_destinations("dst_columns", 1)
    scan_destinations("dst_rank", 1)
    scan_destinations("dst_region", 1)
    scan_destinations("region", 1)
    gemm_keywords(True)
    gemm_keywords(False)

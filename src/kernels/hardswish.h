/*
 * hardswish(x) = x * (clamp(x + 3, 0, 6) / 6), and +0 wherever x + 3 <= 0 (so
 * -inf gives +0, not inf*0 = NaN). Multiplying x last keeps
 * hardswish(FLT_MAX) = FLT_MAX: (x*6)/6 would overflow. <= 2 ULP.
 */
static inline vf act_hardswish_v(vf x, const act_kargs *a) {
    (void)a;
    const vf u = v_add(x, v_set1(3.0f));
    const vf t = act_cap_hi_v(act_relu_core_v(u), v_set1(6.0f));
    return v_sel(v_le(u, v_zero()), v_zero(), v_mul(x, v_div(t, v_set1(6.0f))));
}
ACT_UNARY_KERNEL(hardswish)

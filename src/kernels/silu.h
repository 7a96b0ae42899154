/*
 * silu(x) = x * sigmoid(x), through act_xsigmoid_v: x e^x / (1 + e^x) is
 * formed before the 2^n scale, so results in the denormal range (x below
 * about -88) keep their precision; x < -112 gives -0 (silu(-inf) = -0),
 * x > 2^63 gives x (e^-x rounds to 0 long before) (silu(+inf) = +inf, silu(FLT_MAX) = FLT_MAX).
 */
static inline vf act_silu_v(vf x, const act_kargs *a) {
    (void)a;
    const vf r = act_xsigmoid_v(v_min(x, v_set1(0x1p63f)), x, v_zero(), 0, -112.0f);
    /* copysign: x * sigmoid(x) has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(v_sel(v_lt(x, v_set1(-112.0f)), v_zero(), v_sel(v_gt(x, v_set1(0x1p63f)), x, r)), x);
}
ACT_UNARY_KERNEL(silu)

/* SLEEF composition: x * sigmoid_sleef(x); x < -112 gives -0 (not -inf * 0). */
static inline vf act_silu_sleef_v(vf x, const act_kargs *a) {
    const vf r = v_mul(x, act_sigmoid_sleef_v(x, a));
    return v_sel(v_lt(x, v_set1(-112.0f)), v_copysign(v_zero(), x), r);
}
ACT_UNARY_KERNEL(silu_sleef)

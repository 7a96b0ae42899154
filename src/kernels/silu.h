/*
 * silu(x) = x * sigmoid(x). x is clamped at -112, where x e^x < 2^-150
 * already rounds to -0 (silu(-inf) = -0). FMA ISAs: act_xsigk_v,
 * 2^K x / (2^K + p) with e^-z = 2^-K p and z = min(x, 28) (beyond, 1 + e^-x
 * rounds to 1: silu(+inf) = +inf, silu(FLT_MAX) = FLT_MAX); the quotient
 * is formed before the 2^K scale, so results in the denormal range (x below
 * about -88) keep their precision. SSE2: act_xsigmoid_v, x also clamped at
 * 2^63 for its correction term (above, e^-x is 0 and x/1 = x).
 */
static inline vf act_silu_v(vf x, const act_kargs *a) {
    (void)a;
    const vf xn = v_max(v_set1(-112.0f), x); /* NaN passes */
#if ACT_HAS_FMA
    /* the quotient has xn's sign, zeros included */
    return act_xsigk_v(xn, v_min(v_set1(28.0f), xn), v_zero(), 0);
#else
    const vf r = act_xsigmoid_v(xn, v_min(v_set1(0x1p63f), xn), x, v_zero(), 0, -112.0f);
    /* copysign: x * sigmoid(x) has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(r, x);
#endif
}
ACT_UNARY_KERNEL8(silu)

/* SLEEF composition: x * sigmoid_sleef(x); x < -112 gives -0 (not -inf * 0). */
static inline vf act_silu_sleef_v(vf x, const act_kargs *a) {
    const vf r = v_mul(x, act_sigmoid_sleef_v(x, a));
    return v_sel(v_lt(x, v_set1(-112.0f)), v_copysign(v_zero(), x), r);
}
ACT_UNARY_KERNEL(silu_sleef)

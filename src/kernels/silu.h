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
#if ACT_HAS_FMA && !ACT_HAS_SCALEF
/* Where the late scale is not one operation (AVX2 +28%, NEON): groups whose
 * x are all >= -80 take the quotient without it (act_xsige_v). */
static inline vf act_silu_early_v(vf x, const act_kargs *a) {
    (void)a;
    return act_xsige_v(x, v_min(v_set1(28.0f), x), v_zero(), 0);
}
static inline vm act_silu_late_need_v(vf x) { return v_lt(x, v_set1(-80.0f)); }
#define ACT_SILU_LOOP(in, out, n, k)                                                               \
    ACT_GUARDED_LOOP(4, in, out, n, act_silu_early_v, act_silu_v, act_silu_late_need_v, k)
#else
#define ACT_SILU_LOOP(in, out, n, k) ACT_UNARY_LOOP8(in, out, n, act_silu_v, k)
#endif
void ACT_KFN(silu)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(silu)(const float *in, float *out, size_t n, const act_kargs *a) {
    const act_kargs k = *a;
    ACT_SILU_LOOP(in, out, n, &k);
}

/* SLEEF composition: x * sigmoid_sleef(x); x < -112 gives -0 (not -inf * 0). */
static inline vf act_silu_sleef_v(vf x, const act_kargs *a) {
    const vf r = v_mul(x, act_sigmoid_sleef_v(x, a));
    return v_sel(v_lt(x, v_set1(-112.0f)), v_copysign(v_zero(), x), r);
}
ACT_UNARY_KERNEL(silu_sleef)

/*
 * swish(x) = x * sigmoid(beta x), beta = alpha. beta*x is carried exactly as
 * zh + zl (v_two_prod): a rounded beta*x would cost |beta x| * 2^-24 relative
 * where the result is x e^(beta x). x is clamped to ±2^64 for the product and
 * for x e^(beta x) (act_xsigmoid_v with its clamp at -157, where
 * 2^64 e^-157 < 2^-150: results down to the smallest denormal are kept for
 * large |x| and small beta); beta x < -157 gives a zero of x's sign, beta = 1
 * runs silu's body, and x = ±inf follows the scalar path: x if beta x > 0 or
 * beta = 0 (then sigmoid(0) = 1/2 and inf/2 = inf), else a zero of x's sign.
 * Limit: |x| > 2^64 with |beta| < 2^-57 (beta x computed from the clamped x). */
static inline vf act_swishb_v(vf x, const act_kargs *a) {
    const vf b = v_set1(a->alpha);
    const vf xc = act_clamp_v(x, -0x1p64f, 0x1p64f);
    vf zl;
    const vf zh = v_two_prod(b, xc, &zl);
    vf r = act_xsigmoid_v(xc, xc, zh, zl, 1, -157.0f);
    r = v_sel(v_lt(zh, v_set1(-157.0f)), v_copysign(v_zero(), x), r);
    r = v_sel(
        v_gt(v_abs(x), v_set1(0x1p64f)),
        v_sel(v_gt(zh, v_zero()), x, v_sel(v_eq(zh, v_zero()), v_mul(x, v_set1(0.5f)), v_zero())),
        r);
    const vf inf_r = v_sel(v_le(v_mul(b, x), v_zero()), v_copysign(v_zero(), x), x);
    /* copysign: x * sigmoid(z) has x's sign, zeros included */
    return v_copysign(v_sel(v_isinf(x), inf_r, r), x);
}

void ACT_KFN(swish)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(swish)(const float *in, float *out, size_t n, const act_kargs *a) {
    ACT_PARAM_GUARD(swish, 0x1p-8f, 0x1p8f);
    const act_kargs k = *a;
    if (k.alpha == 1.0f)
        ACT_SILU_LOOP(in, out, n, &k);
    else
        ACT_UNARY_LOOP(in, out, n, act_swishb_v, &k);
}

/* SLEEF composition: x * sigmoid_sleef(beta x), same limits as above. */
static inline vf act_swish_sleef_v(vf x, const act_kargs *a) {
    const vf b = v_set1(a->alpha);
    const vf z = v_mul(b, x);
    vf r = v_mul(x, act_sigmoid_sleef_v(z, a));
    r = v_sel(v_lt(z, v_set1(-112.0f)), v_copysign(v_zero(), x), r);
    const vf inf_r = v_sel(v_le(z, v_zero()), v_copysign(v_zero(), x), x);
    return v_sel(v_isinf(x), inf_r, r);
}
ACT_UNARY_KERNEL(swish_sleef)

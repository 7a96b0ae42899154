/*
 * celu(x) = max(0,x) + min(0, alpha expm1(x/alpha)), which is x for x > 0
 * and alpha expm1(x/alpha) otherwise (for either sign of alpha). x/alpha is
 * carried as y + yl (the residual x - y alpha is exact, v_resid): a rounded
 * y would cost |y| 2^-24 relative where the result is about alpha e^y
 * (alpha < 0, y up to 88: 44 ULP measured). celu(-inf) = -alpha.
 * This body runs for alpha in [2^-4, 4] only (celu below): y = x/alpha <= 0
 * wherever the expm1 is kept. alpha < 0 (where x/alpha > 0 and the result
 * can overflow) and other alpha take the scalar path.
 */
static inline vf act_celu_v(vf x, const act_kargs *a) {
    const vf al = v_set1(a->alpha);
    const vf y = v_div(x, al);
    /* y + yl = x/alpha to 2^-48: the residual x - y alpha is exact */
    vf yl = v_mul(v_resid(y, al, x), v_set1(1.0f / a->alpha));
    /* beyond, yl does not matter (and may be NaN: inf - inf, SSE2's split overflowing) */
    yl = v_sel(v_mand(v_lt(v_abs(y), v_set1(0x1p20f)), v_lt(v_abs(x), v_set1(0x1p100f))), yl,
               v_zero());
    return v_sel(v_gt(x, v_zero()), x, act_expm1c_v(y, yl, 1, al));
}
/* alpha = 1 (the default) is elu with alpha = 1: no division, no low part. */
void ACT_KFN(celu)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(celu)(const float *in, float *out, size_t n, const act_kargs *a) {
    if (a->alpha < 0) { /* verified for alpha > 0 only */
        act_f32_celu__scalar(in, out, n, a);
        return;
    }
    ACT_PARAM_GUARD(celu, 0x1p-4f, 4.0f);
    const act_kargs k = *a;
    if (k.alpha == 1.0f)
        ACT_UNARY_LOOP(in, out, n, act_elu1_v, &k);
    else
        ACT_UNARY_LOOP(in, out, n, act_celu_v, &k);
}

/* SLEEF composition: alpha * Sleef expm1(x/alpha). */
static inline vf act_celu_sleef_v(vf x, const act_kargs *a) {
    const vf al = v_set1(a->alpha);
    return v_sel(v_gt(x, v_zero()), x, v_mul(al, v_expm1(v_div(x, al))));
}
ACT_UNARY_KERNEL(celu_sleef)

/*
 * elu(x) = x > 0 ? x : alpha * expm1(x), expm1 from act_expm1_v (never
 * e^x - 1). elu(-inf) = -alpha (expm1 clamps at -20, where it rounds to -1),
 * elu(-0) = alpha * -0, NaN gives NaN. alpha is folded into the expm1
 * (act_expm1c_v: alpha 2^n u + alpha (2^n - 1)), one rounding.
 */
static inline vf act_elu_v(vf x, const act_kargs *a) {
    return v_sel(v_gt(x, v_zero()), x, act_expm1c_v(x, v_zero(), 0, v_set1(a->alpha)));
}
/* alpha = 1 (the default): x >= 0 gives x, elu(-0) = -0 included, so the
 * expm1 needs neither the factor nor a sign fix (act_expm1_neg_v): six
 * operations fewer than act_elu_v. (max(expm1(-min(|x|, 20)), x) is one
 * operation fewer again on AVX-512, but measured ~5% slower.) */
static inline vf act_elu1_v(vf x, const act_kargs *a) {
    (void)a;
    return v_sel(v_ge(x, v_zero()), x, act_expm1_neg_v(x));
}
void ACT_KFN(elu)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(elu)(const float *in, float *out, size_t n, const act_kargs *a) {
    const act_kargs k = *a;
    if (k.alpha == 1.0f)
        ACT_UNARY_LOOP(in, out, n, act_elu1_v, &k);
    else
        ACT_UNARY_LOOP(in, out, n, act_elu_v, &k);
}

/* SLEEF composition: alpha * Sleef expm1(x). */
static inline vf act_elu_sleef_v(vf x, const act_kargs *a) {
    return v_sel(v_gt(x, v_zero()), x, v_mul(v_set1(a->alpha), v_expm1(x)));
}
ACT_UNARY_KERNEL(elu_sleef)

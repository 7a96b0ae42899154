/*
 * softplus(x) = log(1 + e^(beta x))/beta, beta = alpha, with no linear
 * cut-off. With z = beta x and e = e^-|z| = 2^n p:
 *   z >= 0: z + log1p(e)                     (log1p(e) <= ln 2)
 *   z <  0: log1p(e) = 2^n * p (1 + e M(e))  (scaled last below z = -27.5:
 *                                             denormals kept)
 * where log1p(e) = e + e^2 M(e) on [0, 1] (fit.py "log1p", 0.09u; no
 * division, no log). For beta != 1, z is carried as zh + zl (v_two_prod:
 * a rounded beta x would cost |z| 2^-24 relative where the result is
 * e^z/beta), the result is divided by beta once, and beta x > 2^20 gives x
 * (log1p(e^-z) < ulp there; also covers inf and beta x overflowing).
 * softplus(+inf) = +inf, softplus(-inf) = +0, softplus(FLT_MAX) = FLT_MAX.
 * Error: 0.8u (p; beta = 1 on AVX-512 ~1.1u, act_exp_eval1_v) + 0.5u, +
 * 0.5u for the division when beta != 1.
 */
#define ACT_LOG1P_M0 (-0x1.ffffd2p-2f)
#define ACT_LOG1P_M1 0x1.554ddp-2f
#define ACT_LOG1P_M2 (-0x1.ff23e8p-3f)
#define ACT_LOG1P_M3 0x1.934b6ep-3f
#define ACT_LOG1P_M4 (-0x1.3a43ep-3f)
#define ACT_LOG1P_M5 0x1.b4b094p-4f
#define ACT_LOG1P_M6 (-0x1.d6b76p-5f)
#define ACT_LOG1P_M7 0x1.492126p-6f
#define ACT_LOG1P_M8 (-0x1.af5e5p-9f)

/* L = log1p(e)/e - 1 = e M(e) for e in [0, 1] */
static inline vf act_log1p_l_v(vf e) {
    vf M = v_fma(v_set1(ACT_LOG1P_M8), e, v_set1(ACT_LOG1P_M7));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M6));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M5));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M4));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M3));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M2));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M1));
    M = v_fma(M, e, v_set1(ACT_LOG1P_M0));
    return v_mul(e, M);
}

/* log(1 + e^(zh + zl)) = 2^k * m; returns m, sets *k. */
static inline vf act_softplus_parts_v(vf zh, vf zl, vf *k, int lo) {
    const vm neg = v_lt(zh, v_zero());
    /* e^-105 * 1.42 < 2^-150: below, the result rounds to 0 */
    const vf wh = v_nabs_min(zh, 105.0f); /* NaN: through zh (pos) */
    vf n, t;
    /* beta = 1: the lean table exp of act_softplus1_e_v, so that both bodies
     * of the guarded kernel give the same bits */
    const vf p = lo ? act_exp_parts_v(wh, v_sel(neg, zl, v_neg(zl)), &n, NULL)
                    : act_exp_fast1_t_v(wh, &n, &t);
    /* beta = 1: e >= 2^-41 (n clamped at -40; the result keeps the true n):
     * below, e's share of log1p(e) = e (1 + L) and of z + log1p(e) is under
     * 2^-40, and a denormal e cost ~2.5x in the polynomial that follows. Not
     * with a low part: there zl + e decides ties of zh + zl (beta x exact) */
    const vf e = v_ldexp_lo(p, lo ? n : v_max(n, v_set1(-40.0f)));
    const vf L = act_log1p_l_v(e);
    const vf pos = v_add(zh, v_add(zl, v_fma(e, L, e)));
    const vf negm = v_fma(p, L, p);
    *k = v_sel(neg, n, v_zero());
    return v_sel(neg, negm, pos);
}

/*
 * beta = 1 where every x of the group of vectors is >= -27.5: there n >= -40,
 * so e = 2^n p is exact and log1p(e) >= e is normal, and fma(e, L, e) is
 * 2^n (p + p L) rounded once, the value the late scaling gives: the result is
 * max(0, x) + log1p(e), 7 operations fewer (avx512: softplus +19%,
 * logsigmoid +12%; avx2 +37%; NaN passes through the max). Groups with
 * some x < -27.5 take the late scaling (act_softplus1_low_v).
 */
static inline vf act_softplus1_e_v(vf x, vf *e) {
    vf n, t;
    /* |x| clamped at ACT_NM_CLAMP (87 where it matters): n >= -126 for
     * act_exp_scale_nm_v; beyond 87, e < 2^-125 is below half an ulp of |x|
     * either way */
    const vf p = act_exp_fast1_t_v(v_nabs_min(x, ACT_NM_CLAMP), &n, &t);
    *e = act_exp_scale_nm_v(p, n, t);
    return act_log1p_l_v(*e);
}
static inline vf act_softplus1_v(vf x, const act_kargs *a) {
    (void)a;
    vf e;
    const vf L = act_softplus1_e_v(x, &e);
    return v_add(v_max(v_zero(), x), v_fma(e, L, e));
}
static inline vf act_softplus1_low_v(vf x, const act_kargs *a) {
    (void)a;
    vf k;
    const vf m = act_softplus_parts_v(x, v_zero(), &k, 0);
    return v_ldexp(m, k);
}
static inline vm act_softplus1_low_need_v(vf x) { return v_lt(x, v_set1(-27.5f)); }

static inline vf act_softplusb_v(vf x, const act_kargs *a) {
    const vf b = v_set1(a->alpha);
    vf zl, k;
    const vf zh = v_two_prod(b, x, &zl);
    const vm huge = v_gt(zh, v_set1(0x1p20f));
    zl = v_sel(v_lt(v_abs(zh), v_set1(0x1p20f)), zl, v_zero()); /* Dekker/fms of inf */
    const vf m = act_softplus_parts_v(zh, zl, &k, 1);
    return v_sel(huge, x, v_ldexp(v_div(m, b), k));
}

void ACT_KFN(softplus)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(softplus)(const float *in, float *out, size_t n, const act_kargs *a) {
    ACT_PARAM_GUARD(softplus, 1.0f, 0x1p4f); /* beta < 1: the -105 clamp would keep e^-105/beta */
    const act_kargs k = *a;
    if (k.alpha == 1.0f)
        ACT_GUARDED_LOOP(4, in, out, n, act_softplus1_v, act_softplus1_low_v,
                         act_softplus1_low_need_v, &k);
    else
        ACT_UNARY_LOOP(in, out, n, act_softplusb_v, &k);
}

/* SLEEF composition: (max(z,0) + Sleef log1p(Sleef exp(-|z|)))/beta, z = beta x rounded. */
static inline vf act_softplus_sleef_v(vf x, const act_kargs *a) {
    const vf b = v_set1(a->alpha);
    const vf z = v_mul(b, x);
    const vf l = v_log1p(v_exp(v_neg(v_abs(z))));
    const vf r = v_div(v_add(v_max(z, v_zero()), l), b);
    return v_sel(v_gt(z, v_set1(0x1p20f)), x, r);
}
ACT_UNARY_KERNEL(softplus_sleef)

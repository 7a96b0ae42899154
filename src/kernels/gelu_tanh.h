/*
 * gelu_tanh(x) = 0.5x(1 + tanh(u)), u = sqrt(2/pi)(x + 0.044715x^3), computed
 * as x * sigmoid(z), z = 2u = x w, w = C1 + C3 x^2 (no cancellation for
 * x < 0). For x < 0 the result is about x e^z with z down to -112: a rounded
 * z would cost |z| 2^-24 relative (up to 100 ULP), so w is carried as
 * wh + wl (to ~2^-40) and e^z is reduced from the exact product x w. C1 =
 * 2 sqrt(2/pi) and C3 = C1 0.044715 are hi + lo pairs (the constants rounded
 * twice; tests/accuracy/fit/fit.py prints none of these). |x| is clamped at 11
 * for the exponent: z(-11) = -112.5, where x e^z is below 2^-150 (x < -11
 * gives -0), and sigmoid(z(11)) rounds to 1 (x > 11 gives x).
 * gelu(-inf) = -0, gelu(+inf) = +inf, NaN gives NaN.
 */
#define ACT_GELU_C1H 0x1.988454p+0f /* 2 sqrt(2/pi) = C1H + C1L */
#define ACT_GELU_C1L (-0x1.857936p-25f)
#define ACT_GELU_C3H 0x1.2444f2p-4f /* 2 sqrt(2/pi) 0.044715 = C3H + C3L */
#define ACT_GELU_C3L 0x1.49b16ap-29f

#if ACT_HAS_FMA
/* C1 split as C1S + C1SL with C1S a multiple of 2^-20 (21 significant
 * bits): for every wh in [C1S, 10.3], C1S - wh is then a multiple of ulp(wh)
 * below 2^24 ulp(wh), exact, and one FMA gives the rounding error of
 * wh = RN(C3H x^2 + C1S). */
#define ACT_GELU_C1S 0x1.98845p+0f /* 2 sqrt(2/pi) = C1S + C1SL (+ 4e-15) */
#define ACT_GELU_C1SL 0x1.9ea1b2p-23f

/*
 * gelu = x / (1 + e^-z), z = x w, in act_xsigk_v's form: e^-z = 2^-K p, the
 * result 2^K x / (2^K + p), one formula for both signs. x is clamped to
 * [-11, 6] for z (z(-11) = -112.5, where x e^z is below 2^-150: the result
 * is -0 from the numerator clamped at -11; z(6) = 25, where 1 + e^-z rounds
 * to 1: the result is x). The reduction -r = x wh + n ln2_hi is one FMA on
 * the exact product (|r| < 0.03 with the table, 0.4 without, so its rounding
 * is below 2^-26), plus x wl + n ln2_lo: 17 operations fewer than forming
 * z = x w as hi + lo and reducing that (docs/design.md). (Adding n ln2_lo
 * and x wl by one FMA each, one operation fewer but a longer chain: -3%.)
 */
/* z = x w for x in [-11, 6] as zh (= xe wh, not rounded) + the rest; returns
 * n and sets *t, *k (act_expk_n_v) and *nr = -r */
static inline vf act_gelu_tanh_red_v(vf xe, vf *t, vf *k, vf *nr) {
    vf x2l;
    const vf x2h = v_two_prod(xe, xe, &x2l);
    const vf wh = v_fma(v_set1(ACT_GELU_C3H), x2h, v_set1(ACT_GELU_C1S));
    const vf wl = v_add(
        v_fma(v_set1(ACT_GELU_C3H), x2h, v_sub(v_set1(ACT_GELU_C1S), wh)),
        v_fma(v_set1(ACT_GELU_C3H), x2l, v_fma(v_set1(ACT_GELU_C3L), x2h, v_set1(ACT_GELU_C1SL))));
    const vf n = act_expk_n_v(v_mul(xe, wh), t, k); /* n in [-37, 163] */
    *nr = v_add(v_fma(xe, wh, v_mul(n, v_set1(ACT_LN2_HI))),
                v_fma(xe, wl, v_mul(n, v_set1(ACT_LN2_LO))));
    return n;
}
static inline vf act_gelu_tanh_v(vf x, const act_kargs *a) {
    (void)a;
    const vf xn = v_max(v_set1(-11.0f), x); /* the numerator; NaN passes */
    vf t, k, pl, nr;
    (void)act_gelu_tanh_red_v(v_min(v_set1(6.0f), xn), &t, &k, &nr);
    const vf ph = act_expk_eval_v(nr, t, &pl);
    const vf d = v_add(v_pow2_lo(k), v_add(pl, ph));
    /* the quotient has xn's sign, zeros included */
    return v_ldexp(v_div(xn, d), k);
}
#if ACT_HAS_SCALEF
ACT_UNARY_KERNEL(gelu_tanh)
#else
/* Where the late scale is not one operation (AVX2 +19%, NEON): groups whose
 * x are all >= -9 (z >= -66.4) take the quotient without it, as in
 * act_xsige_v. */
static inline vf act_gelu_tanh_early_v(vf x, const act_kargs *a) {
    (void)a;
    vf t, k, pl, nr;
    const vf n = act_gelu_tanh_red_v(v_min(v_set1(6.0f), x), &t, &k, &nr);
    const vf ph = act_expk_eval_v(nr, t, &pl);
    (void)n;
    return act_xsige_div_v(x, ph, pl, t);
}
static inline vm act_gelu_tanh_late_need_v(vf x) { return v_lt(x, v_set1(-9.0f)); }
ACT_GUARDED_KERNEL(gelu_tanh, 4, act_gelu_tanh_early_v, act_gelu_tanh_v, act_gelu_tanh_late_need_v)
#endif
#else
/* SSE2: no FMA for the reduction on the exact product; z = x w is formed in
 * double-float instead (error ~2^-40 relative) and reduced by act_xsigmoid_v. */

static inline vf act_gelu_tanh_v(vf x, const act_kargs *a) {
    (void)a;
    const vf xc = act_clamp_v(x, -12.0f, 12.0f);
    vf x2l, tl, wl, zl;
    const vf x2h = v_two_prod(xc, xc, &x2l);
    const vf th = v_two_prod(v_set1(ACT_GELU_C3H), x2h, &tl);
    tl = v_fma(v_set1(ACT_GELU_C3H), x2l, v_fma(v_set1(ACT_GELU_C3L), x2h, tl));
    const vf wh = act_two_sum_v(v_set1(ACT_GELU_C1H), th, &wl);
    wl = v_add(wl, v_add(tl, v_set1(ACT_GELU_C1L)));
    const vf zh = v_two_prod(xc, wh, &zl);
    zl = v_fma(xc, wl, zl);
    const vf r = act_xsigmoid_v(xc, xc, zh, zl, 1, -112.0f);
    /* copysign: the result has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(
        v_sel(v_lt(zh, v_set1(-112.0f)), v_zero(), v_sel(v_gt(x, v_set1(12.0f)), x, r)), x);
}
ACT_UNARY_KERNEL(gelu_tanh)
#endif

/* SLEEF composition: x * sigmoid_sleef(2u) with 2u rounded to float. */
static inline vf act_gelu_tanh_sleef_v(vf x, const act_kargs *a) {
    const vf xc = act_clamp_v(x, -12.0f, 12.0f);
    const vf z = v_mul(xc, v_fma(v_set1(ACT_GELU_C3H), v_mul(xc, xc), v_set1(ACT_GELU_C1H)));
    const vf r = v_mul(x, act_sigmoid_sleef_v(z, a));
    return v_sel(v_lt(z, v_set1(-112.0f)), v_copysign(v_zero(), x),
                 v_sel(v_gt(z, v_set1(24.0f)), x, r));
}
ACT_UNARY_KERNEL(gelu_tanh_sleef)

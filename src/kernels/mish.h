/*
 * mish(x) = x tanh(softplus(x)) = x N/(N + 2), N = E(E + 2), E = e^x:
 * tanh(log(1 + E)) = ((1 + E)^2 - 1)/((1 + E)^2 + 1). mish(x) ~ x e^x is
 * denormal below x = -87 and nonzero down to x = -108.7, so e^x is clamped at
 * -110 and x < -110 gives -0 (also mish(-inf) = -0); mish(FLT_MAX) = FLT_MAX.
 */
#if ACT_HAS_FMA
/*
 * FMA ISAs: E = 2^n p from x clamped to [-110, 9.1]: from 9.1 on, N/(N + 2)
 * rounds to 1 (2/N < 2^-25), so the formula itself returns x up to +inf.
 * E >= 2^-41 (n clamped at -40: below, N/(N + 2) is E to 2^-40; a denormal E
 * slowed the vector that held it ~2x), and the rest of 2^n scales x first:
 * xs = x 2^(n - nc) is exact (|x| > 27 there) and xs q is rounded once, into
 * the denormal range too. The ratio q is carried exactly up to its last
 * rounding: N = fma(E, E, 2E) with its rounding error from a second FMA
 * (2E - N is exact for E <= 2; above, N's weight in the ratio, 2/(N + 2), is
 * below 0.2), N + 2 as a pair (Dh - 2 and N - that are exact for D < 2^25,
 * x < 8.6; above, D is off by up to 2 of 2^25, and q from 1 by as much), the
 * quotient refined with an estimate of 1/Dh (v_rcp: the correction is 2^-24 of q).
 * Error: p's, q's rounding, the product's: 2 ULP, 0.008% of inputs > 1 ULP
 * (exhaustive, avx512 and avx2). The correction is subtracted (fms
 * residuals, fnmadd) and x multiplies by FMA with a -0 addend, so x = -0
 * keeps its sign; the FMA also keeps denormal products off the slow
 * multiply (v_sqr). Folding x into the quotient exactly (x N as a pair) gave
 * 1 ULP for -6%; the previous form (e = e^-|x|, two branches, Fast2Sums and
 * act_div2_v) took 1.8 Gelem/s against 3.4 (docs/design.md).
 */
/* x N/(N + 2), N = E(E + 2), for xs = x 2^(n - nc) (x itself where n >= -40) */
static inline vf act_mish_q_v(vf E, vf xs) {
    const vf two_e = v_add(E, E);
    const vf Nh = v_fma(E, E, two_e);
    const vf Nl = v_fma(E, E, v_sub(two_e, Nh));
    const vf Dh = v_add(Nh, v_set1(2.0f));
    const vf Dl = v_add(v_sub(Nh, v_sub(Dh, v_set1(2.0f))), Nl);
    const vf q0 = v_div(Nh, Dh);
    const vf res = v_add(v_fms(q0, Dh, Nh), v_fms(q0, Dl, Nl));
    return v_fma(xs, v_resid(res, v_rcp(Dh), q0), v_set1(-0.0f));
}
static inline vf act_mish_v(vf x, const act_kargs *a) {
    (void)a;
    const vf xc = v_max(v_set1(-110.0f), x); /* NaN passes */
    vf n;
    const vf p = act_exp_fast_v(v_min(v_set1(9.1f), xc), &n);
    const vf nc = v_max(n, v_set1(-40.0f));
    return act_mish_q_v(v_ldexp_lo(p, nc), v_ldexp(xc, v_sub(n, nc)));
}
#else
/*
 * SSE2: with e = e^-|x| = 2^n p nothing overflows:
 *   x <= 0: N/(N + 2),       N = e(e + 2) = 2^n * p(e + 2)
 *   x >  0: N/(N + 2e^2),    N = 1 + 2e (no cancellation: the ratio >= 0.6)
 * Sums carried exactly (Fast2Sum), the quotient refined (act_div2_v), then
 * x * ratio, scaled by 2^n last for x <= 0.
 */
static inline vf act_mish_v(vf x, const act_kargs *a) {
    (void)a;
    const vm neg = v_le(x, v_zero());
    const vf w = v_nabs_min(x, 110.0f); /* NaN: through xc */
    vf n;
    const vf p = act_exp_fast_v(w, &n);
    /* the true e: clamping it at 2^-41 as the FMA form does made SSE2's
     * unfused sums move 99 results by 2 ULP */
    const vf e = v_ldexp_lo(p, n);
    const vf two_e = v_add(e, e);
    /* x <= 0: N = e(e + 2), numerator p(e + 2) = N/2^n; e + 2 = sh + sl exactly */
    vf sl, Nl, nln, dln;
    const vf sh = act_fast2sum_v(v_set1(2.0f), e, &sl);
    const vf Nh = v_two_prod(e, sh, &Nl);
    Nl = v_fma(e, sl, Nl);
    const vf dhn = act_fast2sum_v(v_set1(2.0f), Nh, &dln); /* Nh <= 3 < 4 */
    dln = v_add(dln, Nl);
    const vf nhn = v_two_prod(p, sh, &nln);
    nln = v_fma(p, sl, nln);
    /* x > 0 (e < 1, 2e < 2): N = 1 + 2e, D = N + 2e^2 */
    vf nlp, dlp;
    const vf nhp = act_fast2sum_v(v_set1(1.0f), two_e, &nlp);
    const vf dhp = act_fast2sum_v(nhp, v_mul(two_e, e), &dlp);
    dlp = v_add(dlp, nlp);
    /* x times the numerator, exactly: one rounding for x * ratio (|xc| <= 2^64) */
    const vf xc = act_clamp_v(x, -110.0f, 0x1p64f);
    const vf Nsh = v_sel(neg, nhn, nhp), Nsl = v_sel(neg, nln, nlp);
    vf xnl;
    const vf xnh = v_two_prod(xc, Nsh, &xnl);
    xnl = v_fma(xc, Nsl, xnl);
    const vf q = act_div2_v(xnh, xnl, v_sel(neg, dhn, dhp), v_sel(neg, dln, dlp));
    const vf r = v_ldexp(q, v_sel(neg, n, v_zero()));
    /* copysign: mish has x's sign, zeros included (mish(-0) = -0) */
    /* x < -110 needs no select: the clamped x gives mish(-110) ~ -2^-152,
     * which rounds to -0 already */
    return v_copysign(v_sel(v_gt(x, v_set1(0x1p64f)), x, r), x);
}
#endif
#if ACT_HAS_FMA && !ACT_HAS_SCALEF
/* Where the scale of x is not one operation (AVX2 +70%, NEON): groups whose
 * x are all >= -27.5 have n >= -40, so nc = n and xs = x (bit for bit the
 * same operations without the clamps and the scale) */
static inline vf act_mish_early_v(vf x, const act_kargs *a) {
    (void)a;
    vf n, t;
    const vf p = act_exp_fast_t_v(v_min(v_set1(9.1f), x), &n, &t);
    return act_mish_q_v(act_exp_scale_nm_v(p, n, t), x);
}
static inline vm act_mish_late_need_v(vf x) { return v_lt(x, v_set1(-27.5f)); }
ACT_GUARDED_KERNEL(mish, 8, act_mish_early_v, act_mish_v, act_mish_late_need_v)
#else
ACT_UNARY_KERNEL8(mish)
#endif

/* SLEEF composition: x * Sleef tanh(softplus(x)); x < -110 gives -0. */
static inline vf act_mish_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf sp = v_add(v_max(x, v_zero()), v_log1p(v_exp(v_neg(v_abs(x)))));
    const vf r = v_mul(x, v_tanh(sp));
    return v_sel(v_lt(x, v_set1(-110.0f)), v_copysign(v_zero(), x), r);
}
ACT_UNARY_KERNEL(mish_sleef)

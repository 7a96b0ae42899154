/*
 * mish(x) = x tanh(softplus(x)). With E = e^x, tanh(log(1 + E)) =
 * E(E + 2)/(E(E + 2) + 2); written with e = e^-|x| = 2^n p so nothing
 * overflows:
 *   x <= 0: N/(N + 2),       N = e(e + 2) = 2^n * p(e + 2)
 *   x >  0: N/(N + 2e^2),    N = 1 + 2e (no cancellation: the ratio >= 0.6)
 * Sums carried exactly (Fast2Sum), the quotient refined (act_div2_v), then
 * x * ratio, scaled by 2^n last for x <= 0: mish(x) ~ x e^x is denormal below
 * x = -87 and nonzero down to x = -108.7, so e^x is clamped at -110 and
 * x < -110 gives -0 (also mish(-inf) = -0). mish(FLT_MAX) = FLT_MAX.
 */
static inline vf act_mish_v(vf x, const act_kargs *a) {
    (void)a;
    const vm neg = v_le(x, v_zero());
    const vf w = v_nabs_min(x, 110.0f); /* NaN: through xc */
    vf n;
    const vf p = act_exp_fast_v(w, &n);
    /* e >= 2^-41 (n clamped at -40 here, the true n scales the result): a
     * denormal e slowed every vector that held one ~2.3x; below 2^-40 it
     * moves N/2^n and the ratio by < 2^-40 (FMA ISAs; SSE2's unfused sums
     * made that a 2 ULP move on 99 inputs, so it keeps the true e) */
    const vf e = v_ldexp_lo(p, ACT_HAS_FMA ? v_max(n, v_set1(-40.0f)) : n);
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
ACT_UNARY_KERNEL(mish)

/* SLEEF composition: x * Sleef tanh(softplus(x)); x < -110 gives -0. */
static inline vf act_mish_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf sp = v_add(v_max(x, v_zero()), v_log1p(v_exp(v_neg(v_abs(x)))));
    const vf r = v_mul(x, v_tanh(sp));
    return v_sel(v_lt(x, v_set1(-110.0f)), v_copysign(v_zero(), x), r);
}
ACT_UNARY_KERNEL(mish_sleef)

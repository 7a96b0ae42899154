/*
 * gelu_erf(x) = 0.5x(1 + erf(x/sqrt 2)).
 *   |x| < 0.5: 0.5x + x^2 A(x^2) (fit.py "gelu_erf small", 0.02u; at most a
 *              factor 1.6 of cancellation at x = -0.5).
 *   otherwise, with a = |x| and H(a) = (a/2) erfc(a/sqrt 2) e^(a^2/2), a
 *   smooth function in [0.17, 0.40]:
 *     x < 0: -e^(-x^2/2) H(a)        (= 0.5x erfc(-x/sqrt 2): no cancellation)
 *     x > 0: x - e^(-x^2/2) H(a)
 *   H comes from four polynomials of degree 7 (fit.py "gelu_erf tail",
 *   <= 0.12u), picked per lane (see the table below): a in [0.5,1) and [1,2) in
 *   v = a - m, a in [2,4) and [4,14.5] in v = 1/a - m (H is ~ 1 - 1/a^2
 *   there), m the piece's middle, so |v| is small and the Horner sums are
 *   well conditioned (<= 1.6); c0 is a float pair. Where v_lutx exists
 *   (AVX-512, AVX2, NEON) a fifth piece replaces the small-|x| branch: for
 *   a < 0.5 the exponential is set to 1 and the piece is the whole product
 *   (a/2) erfc(a/sqrt 2) = a G(a) (m = 0, c0 = 0, c1 = 1/2; fit.py 0.04u,
 *   condition 2.3): one formula for every lane, about 10 operations fewer,
 *   and 1 ULP on AVX-512 where the branch gave 2 at most. Tried first: one
 *   polynomial in t = 1/(1 + 0.4a) (t's rounding costs up to 3.5u through H
 *   near a = 0.5, and its coefficients alternate: 5 ULP measured), and a 5/5
 *   rational in a (positive coefficients, but Horner in a up to 14.5
 *   accumulates ~2.5u in each of P and Q: 5 ULP measured).
 *   -x^2/2 is exact as hi + lo (v_two_prod; with v_lutx the reduction takes
 *   the exact product in one FMA instead): rounding it, or rounding -x/sqrt 2
 *   before an erfc, costs |x^2| 2^-24 relative, ~200 ULP near x = -13.
 *   e^(...) = 2^n p; p H is formed as fma(p, c0h, p rest) and
 *   2^n is applied last (denormal results from x = -13.2 down to -14.1
 *   rounded once). x is clamped to ±14.5 for the tail, where
 *   e^(-x^2/2) < 2^-151: gelu(-inf) = -0, gelu(+inf) = +inf.
 * Error: 0.8u (p) + 0.12u (fit) + ~0.2u (Horner) + 0.5u.
 */
#define ACT_GELU_A0 0x1.988454p-2f
#define ACT_GELU_A1 (-0x1.1058ccp-4f)
#define ACT_GELU_A2 0x1.470f44p-7f
#define ACT_GELU_A3 (-0x1.4138b6p-10f)
#define ACT_GELU_A4 0x1.74e24p-13f

/*
 * Rows: -m, c0h, c0l, c1 .. c7; five values each, one per piece (fit.py
 * "gelu_erf tail"; the fifth, a in [0, 0.5), only with v_lutx). The pieces
 * are binades of a, so with a table permute (ACT_HAS_LUTX: AVX-512, AVX2,
 * NEON) the exponent field picks the entry (v_lutx: 126 -> [0.5,1), 127 ->
 * [1,2), 128 -> [2,4), 129, 130 -> [4,14.5], 123 .. 125 -> [0, 0.5), read
 * from max(a, 2^-4) so that smaller a land there too),
 * one shift for all ten rows instead of three compares, three selects, two
 * adds and a conversion; elsewhere v_lut4 with an index from compares.
 */
#define ACT_GELU_H_ROWS(R)                                                                         \
    R(-0x1.8p-1f, -0x1.8p+0f, -0x1.8p-2f, -0x1.469ee6p-3f, 0.0f)                  /* -M */         \
    R(0x1.cd2836p-3f, 0x1.3c144p-2f, 0x1.6e288p-2f, 0x1.8ed546p-2f, 0.0f)         /* C0H */        \
    R(-0x1.8913e4p-28f, 0x1.4a6678p-28f, 0x1.82e3fap-29f, -0x1.4abc36p-29f, 0.0f) /* C0L */        \
    R(0x1.5bf7f2p-3f, 0x1.204036p-4f, -0x1.5a59eep-3f, -0x1.c60516p-4f, 0x1p-1f)  /* C1 */         \
    R(-0x1.c2c6f4p-4f, -0x1.3320c4p-5f, -0x1.31cdfap-5f, -0x1.0a641ep-2f,                          \
      -0x1.98845cp-2f)                                                                    /* C2 */ \
    R(0x1.d68c82p-5f, 0x1.0d61a4p-6f, 0x1.b2e8a2p-3f, 0x1.c39bf6p-2f, 0x1.5a4b72p-18f)    /* C3 */ \
    R(-0x1.a88bdp-6f, -0x1.9e9ec4p-8f, -0x1.275144p-2f, 0x1.b0b148p-6f, 0x1.1011bep-4f)   /* C4 */ \
    R(0x1.571e08p-7f, 0x1.2155e6p-9f, 0x1.8a677cp-3f, -0x1.5684cep+0f, 0x1.a6fbb2p-12f)   /* C5 */ \
    R(-0x1.01631ap-8f, -0x1.8682fep-11f, 0x1.3f9feep-3f, 0x1.12f5eep+1f, -0x1.6f4a46p-7f) /* C6 */ \
    R(0x1.63ef8cp-10f, 0x1.dfcb36p-13f, -0x1.51f1e8p-1f, 0x1.14b21ap+0f, 0x1.f0f306p-10f) /* C7 */

#if defined(ACT_HAS_LUTX)
/* entry (biased exponent mod 8), twice: see v_lutx */
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4)                                                         \
    {p2, p3, p3, p4, p4, p4, p0, p1, p2, p3, p3, p4, p4, p4, p0, p1},
static const float act_gelu_h_tab[10][16] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_H(k) v_lutx(act_gelu_h_tab[k], ai)
#else
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4) {p0, p1, p2, p3},
static const float act_gelu_h_tab[10][4] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_H(k) v_lut4(act_gelu_h_tab[k], idx)
#endif

#if defined(ACT_HAS_LUTX)
static inline vf act_gelu_erf_v(vf x, const act_kargs *a) {
    (void)a;
    /* na = -a, a = min(|x|, 14.5) (NaN: v_nabs_min may drop it, x brings it
     * back at the end); ai picks the piece (v_lutx ignores the sign bit) */
    const vf na = v_nabs_min(x, 14.5f), ai = v_min(na, v_set1(-0x1p-4f));
    /* e^(-x^2/2) = 2^n p, reduced from the exact product h na, h = a/2 (one
     * FMA, |r| < 0.06 with the table, 0.39 without, before its rounding);
     * h = 0 for a < 0.5, where p = 1 and the piece is the whole product (a
     * select, not a table row: a permute in the exp's chain measured ~7%
     * slower). The products that are tiny for a tiny x are v_mulz (avx512
     * over denormal x 1.1 -> 3.2 Gelem/s; each alone did not help) */
    const vf h = v_sel(v_gt(na, v_set1(-0.5f)), v_zero(), v_mulz(na, v_set1(-0.5f)));
    vf t;
    const vf n = act_exp_n_v(v_mulz(h, na), &t);
    const vf r = v_fma(n, v_set1(-ACT_LN2_LO), v_fma(h, na, v_mul(n, v_set1(-ACT_LN2_HI))));
    const vf p = act_exp_eval_v(r, t);
    /* v = a - m or 1/a - m: (-m) - (-a) or (-m) - (1/-a); 1/ai is 1/na where
     * it is kept, and never a division by a denormal */
    const vf v = v_sub(ACT_GELU_H(0), v_sel(v_gt(na, v_set1(-2.0f)), na, v_recip(ai)));
    vf Q = v_fma(ACT_GELU_H(9), v, ACT_GELU_H(8));
    for (int k = 7; k >= 4; k--) Q = v_fma(Q, v, ACT_GELU_H(k));
    /* H - c0h = c1 v + (c0l + v^2 Q), rounded once after c1 v: for a < 0.5
     * (c0 = 0, c1 = 1/2) the result's last rounding */
    const vf rest = v_fma(v, ACT_GELU_H(3), v_fma(v, v_mulz(v, Q), ACT_GELU_H(2)));
    const vf pH = v_fma(p, ACT_GELU_H(1), v_mulz(p, rest));
    const vf eH = v_ldexp_lo(pH, n); /* n in [-152, 0] */
    /* max(0, x) - eH: -eH for x < 0, x - eH otherwise, NaN for NaN x;
     * copysign: the result has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(v_sub(v_max(v_zero(), x), eH), x);
}
#else
static inline vf act_gelu_erf_v(vf x, const act_kargs *a) {
    (void)a;
    /* |x| < 0.5 */
    const vf x2 = v_mul(x, x);
    vf A = v_fma(v_set1(ACT_GELU_A4), x2, v_set1(ACT_GELU_A3));
    A = v_fma(A, x2, v_set1(ACT_GELU_A2));
    A = v_fma(A, x2, v_set1(ACT_GELU_A1));
    A = v_fma(A, x2, v_set1(ACT_GELU_A0));
    const vf small = v_fma(x2, A, v_mul(x, v_set1(0.5f)));
    /* tail */
    const vf xc = act_clamp_v(x, -14.5f, 14.5f);
    const vf ac = v_abs(xc);
    vf hl;
    const vf hh = v_two_prod(xc, xc, &hl);
    vf n;
    const vf p = act_exp_fast2_v(v_mul(hh, v_set1(-0.5f)), v_mul(hl, v_set1(-0.5f)), 1, &n);
    const vf zero = v_zero();
    const vm lt2 = v_lt(ac, v_set1(2.0f));
    const vf one = v_set1(1.0f);
    const vf idx = v_add(v_add(v_sel(v_ge(ac, one), one, zero), v_sel(lt2, zero, one)),
                         v_sel(v_ge(ac, v_set1(4.0f)), one, zero));
    const vf v = v_add(v_sel(lt2, ac, v_recip(ac)), ACT_GELU_H(0)); /* - m */
    vf P = v_fma(ACT_GELU_H(9), v, ACT_GELU_H(8));
    for (int k = 7; k >= 3; k--) P = v_fma(P, v, ACT_GELU_H(k));
    const vf rest = v_fma(P, v, ACT_GELU_H(2)); /* H - c0h */
    const vf pH = v_fma(p, ACT_GELU_H(1), v_mulz(p, rest));
    const vf eH = v_ldexp_lo(pH, n); /* n in [-152, 0] */
    const vf tail = v_sel(v_lt(x, zero), v_neg(eH), v_sub(x, eH));
    /* copysign: the result has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(v_sel(v_lt(v_abs(x), v_set1(0.5f)), small, tail), x);
}
#endif
ACT_UNARY_KERNEL(gelu_erf)

/* SLEEF composition: 0.5x(1 + Sleef erf(x/sqrt2)) for x >= 0, 0.5x Sleef
 * erfc(-x/sqrt2) for x < 0 (the argument rounded: ~200 ULP near x = -13). */
static inline vf act_gelu_erf_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf z = v_mul(x, v_set1(0x1.6a09e6p-1f));
    const vf hx = v_mul(x, v_set1(0.5f));
    const vf pos = v_fma(hx, v_erf(z), hx);
    const vf neg = v_mul(hx, v_erfc(v_neg(z)));
    const vf r = v_sel(v_lt(x, v_zero()), neg, pos);
    return v_copysign(v_sel(v_lt(x, v_set1(-15.0f)), v_zero(), r), x);
}
ACT_UNARY_KERNEL(gelu_erf_sleef)

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

/*
 * AVX-512 (v_lutxh, ACT_HAS_LUTXH): 16 pieces, one per half binade of a in
 * [2^-4, 16), each a polynomial of degree 7 in v = a - m (fit.py "gelu_erf
 * halves", <= 0.03u, Horner condition <= 1.43): no 1/a, so no division, no
 * compare and no select. Entry (biased exponent mod 8) * 2 + the top mantissa
 * bit; a < 0.125 (exponent 123, and smaller a, read from max(a, 2^-4)) is the
 * piece from 0 (m = 0, c0 = 0, c1 = 1/2), a in [0.125, 0.5) pieces of
 * (a/2) erfc(a/sqrt 2) (the exponential is set to 1 there), a >= 0.5 pieces
 * of H. Rows as above. Degree 6 measured 3% faster but 2 ULP (x = -4.3432684,
 * 0.32u of fit in [4, 6)); binade pieces in a alone would need degree 9+.
 * AVX2's 8-lane permute would need two per row and a blend for 16 entries.
 */
#define ACT_GELU_HALF_ROWS(R)                                                                      \
    R(-0x1.4p+1f, -0x1.cp+1f, -0x1.4p+2f, -0x1.cp+2f, -0x1.4p+3f, -0x1.a8p+3f, 0.0f, 0.0f,         \
      -0x1.4p-3f, -0x1.cp-3f, -0x1.4p-2f, -0x1.cp-2f, -0x1.4p-1f, -0x1.cp-1f, -0x1.4p+0f,          \
      -0x1.cp+0f) /* -M */                                                                         \
    R(0x1.69cee6p-2f, 0x1.7d241ap-2f, 0x1.89d3acp-2f, 0x1.90a4fcp-2f, 0x1.948c6ep-2f,              \
      0x1.963a8ap-2f, 0.0f, 0.0f, 0x1.18447cp-4f, 0x1.726d2ep-4f, 0x1.e2fb96p-4f, 0x1.2876a4p-3f,  \
      0x1.9de55ap-3f, 0x1.f5595p-3f, 0x1.275f8ap-2f, 0x1.4bef66p-2f) /* C0H */                     \
    R(0x1.827afep-27f, 0x1.2b6a64p-27f, -0x1.372c5ep-30f, 0x1.91556cp-27f, -0x1.68eecap-28f,       \
      -0x1.d4f3dap-29f, 0.0f, 0.0f, -0x1.074e88p-29f, -0x1.ce489ep-29f, 0x1.7671f8p-31f,           \
      0x1.8a097ep-28f, -0x1.200b58p-28f, -0x1.f8252ap-28f, 0x1.8cb25p-27f,                         \
      -0x1.d85fap-28f) /* C0L */                                                                   \
    R(0x1.bf399ep-6f, 0x1.a29f04p-7f, 0x1.542a96p-8f, 0x1.106374p-9f, 0x1.8af23p-11f,              \
      0x1.5bde08p-12f, 0x1p-1f, 0x1p-1f, 0x1.815f28p-2f, 0x1.50181cp-2f, 0x1.08cef4p-2f,           \
      0x1.60cd42p-3f, 0x1.9a45b2p-3f, 0x1.28beeep-3f, 0x1.7b79d2p-4f, 0x1.bd45f4p-5f) /* C1 */     \
    R(-0x1.789db8p-7f, -0x1.1ee1a4p-8f, -0x1.66feaep-10f, -0x1.b2797ep-12f, -0x1.c88442p-14f,      \
      -0x1.34374p-15f, -0x1.988454p-2f, -0x1.988454p-2f, -0x1.8ea256p-2f, -0x1.8550d8p-2f,         \
      -0x1.720d6cp-2f, -0x1.4fb476p-2f, -0x1.12ed86p-3f, -0x1.73b79ep-4f, -0x1.aecep-5f,           \
      -0x1.be147p-6f) /* C2 */                                                                     \
    R(0x1.0ac21ep-8f, 0x1.4fb558p-10f, 0x1.481358p-12f, 0x1.2f21ccp-14f, 0x1.d0f6fcp-17f,          \
      0x1.e2ef8ep-19f, 0x1.55ce3ep-20f, 0x1.55ce3ep-20f, 0x1.4dd81p-5f, 0x1.cb6f3cp-5f,            \
      0x1.3c521cp-4f, 0x1.9c63cep-4f, 0x1.27b8a2p-4f, 0x1.78a65p-5f, 0x1.8ff24p-6f,                \
      0x1.72209ap-7f) /* C3 */                                                                     \
    R(-0x1.51491cp-10f, -0x1.630058p-12f, -0x1.11df96p-14f, -0x1.865636p-17f, -0x1.b6df88p-20f,    \
      -0x1.60d1p-22f, 0x1.10275ap-4f, 0x1.10275ap-4f, 0x1.00f3dap-4f, 0x1.e74188p-5f,              \
      0x1.af7a3p-5f, 0x1.4db73p-5f, -0x1.1225f8p-5f, -0x1.4ad97p-6f, -0x1.446ce8p-7f,              \
      -0x1.0ee90ap-8f) /* C4 */                                                                    \
    R(0x1.880c1ep-12f, 0x1.5c5122p-14f, 0x1.ad5a98p-17f, 0x1.dbba66p-20f, 0x1.8ae0ap-23f,          \
      0x1.ebcf24p-26f, 0x1.8769a4p-11f, 0x1.8769a4p-11f, 0x1.62ee8ep-4f, 0x1.1b38f4p-4f,           \
      -0x1.49baa8p-6f, -0x1.6be7acp-6f, 0x1.c43386p-7f, 0x1.08452p-7f, 0x1.dbc552p-9f,             \
      0x1.671ccp-10f) /* C5 */                                                                     \
    R(-0x1.b75f8ap-14f, -0x1.49c1ep-16f, -0x1.55bc98p-19f, -0x1.20e88ep-22f, -0x1.78836cp-26f,     \
      -0x1.52d85p-29f, -0x1.f97e06p-7f, -0x1.f97e06p-7f, 0x1.2157f8p-3f, 0x1.3f19f8p-5f,           \
      -0x1.6f59f4p-7f, -0x1.2b1664p-8f, -0x1.5cc9b6p-8f, -0x1.73ce44p-9f, -0x1.4442c4p-10f,        \
      -0x1.c1935cp-12f) /* C6 */                                                                   \
    R(0x1.c3efep-16f, 0x1.2ac8a6p-18f, 0x1.eec652p-22f, 0x1.47457p-25f, 0x1.43e2fcp-29f,           \
      0x1.d7df62p-33f, 0x1.ebfda6p-7f, 0x1.ebfda6p-7f, -0x1.aa23e2p+5f, -0x1.7491f6p+5f,           \
      0x1.e025p-2f, 0x1.5bc3p-3f, 0x1.0dfd96p-8f, -0x1.60d47ep-9f, 0x1.840818p-12f,                \
      0x1.88d6acp-13f) /* C7 */

#if defined(ACT_HAS_LUTXH)
#define ACT_GELU_HALF_ROW(...) {__VA_ARGS__},
static const float act_gelu_half_tab[10][16] = {ACT_GELU_HALF_ROWS(ACT_GELU_HALF_ROW)};
#define ACT_GELU_DEG 7
#define ACT_GELU_H(k) v_lutxh(act_gelu_half_tab[k], ai)
/* v = a - m: (-m) - (-a) */
#define ACT_GELU_W(na, ai) (na)
#elif defined(ACT_HAS_LUTX)
/* entry (biased exponent mod 8), twice: see v_lutx */
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4)                                                         \
    {p2, p3, p3, p4, p4, p4, p0, p1, p2, p3, p3, p4, p4, p4, p0, p1},
static const float act_gelu_h_tab[10][16] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_DEG 7
#define ACT_GELU_H(k) v_lutx(act_gelu_h_tab[k], ai)
/* v = a - m or 1/a - m: (-m) - (-a) or (-m) - (1/-a); 1/ai is 1/na where it
 * is kept, and never a division by a denormal */
#define ACT_GELU_W(na, ai) v_sel(v_gt(na, v_set1(-2.0f)), na, v_recip(ai))
#else
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4) {p0, p1, p2, p3},
static const float act_gelu_h_tab[10][4] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_H(k) v_lut4(act_gelu_h_tab[k], idx)
#endif

#if defined(ACT_HAS_LUTXH) || defined(ACT_HAS_LUTX)
static inline vf act_gelu_erf_v(vf x, const act_kargs *a) {
    (void)a;
    /* na = -a, a = min(|x|, 14.5) (NaN: v_nabs_min may drop it, x brings it
     * back at the end); ai picks the piece (v_lutx, v_lutxh ignore the sign
     * bit) */
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
    const vf v = v_sub(ACT_GELU_H(0), ACT_GELU_W(na, ai));
    /* rows 3 + j hold c_(1 + j) */
    vf Q = v_fma(ACT_GELU_H(ACT_GELU_DEG + 2), v, ACT_GELU_H(ACT_GELU_DEG + 1));
    for (int k = ACT_GELU_DEG; k >= 4; k--) Q = v_fma(Q, v, ACT_GELU_H(k));
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

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
 *   there), m near the piece's middle, so |v| is small and the Horner sums
 *   are well conditioned (<= 1.6). m is the float nearest the middle where H
 *   lies within 2^-12 ULP of a float (fit.py near_float_point), so c0 is one
 *   float: a pair cost one more table row (AVX-512 +3%, SSE2 +8% without it,
 *   the same results' maxima). Where v_lutx exists
 *   (AVX-512, AVX2, NEON) a fifth piece replaces the small-|x| branch: for
 *   a < 0.5 the exponential is set to 1 and the piece is the whole product
 *   (a/2) erfc(a/sqrt 2) = a G(a) (m = 0, c0 = 0, c1 = 1/2; fit.py 0.04u,
 *   condition 2.3): one formula for every lane, about 10 operations fewer
 *   (AVX-512 keeps the exponential there too, see its table). Tried first: one
 *   polynomial in t = 1/(1 + 0.4a) (t's rounding costs up to 3.5u through H
 *   near a = 0.5, and its coefficients alternate: 5 ULP measured), and a 5/5
 *   rational in a (positive coefficients, but Horner in a up to 14.5
 *   accumulates ~2.5u in each of P and Q: 5 ULP measured).
 *   -x^2/2 is exact as hi + lo (v_two_prod; with v_lutx the reduction takes
 *   the exact square in one FMA instead): rounding it, or rounding -x/sqrt 2
 *   before an erfc, costs |x^2| 2^-24 relative, ~200 ULP near x = -13.
 *   e^(...) = 2^n p; p H is formed as fma(p, c0, p rest) (SSE2, no FMA:
 *   c0 + (rest + u H) with p = 1 + u unrounded, see there; c0 is stored
 *   negated, so the sum is -p H and no negation follows) and
 *   2^n is applied last (denormal results from x = -13.2 down to -14.1
 *   rounded once). x is clamped to ±14.5 for the tail, where
 *   e^(-x^2/2) < 2^-151: gelu(-inf) = -0, gelu(+inf) = +inf.
 * Error: 0.8u (p; AVX-512 ~1.1u, act_exp_eval1h_v) + 0.12u (fit; AVX-512
 * 0.33u) + ~0.2u (Horner; with v_lutx H - c0 is rounded twice: up to 0.5u
 * more where c0 = 0) + 0.5u.
 */
#define ACT_GELU_A0 0x1.988454p-2f
#define ACT_GELU_A1 (-0x1.1058ccp-4f)
#define ACT_GELU_A2 0x1.470f44p-7f
#define ACT_GELU_A3 (-0x1.4138b6p-10f)
#define ACT_GELU_A4 0x1.74e24p-13f

/*
 * Rows: -m, -c0, c1 .. c7; five values each, one per piece (fit.py
 * "gelu_erf tail"; the fifth, a in [0, 0.5), only with v_lutx). The pieces
 * are binades of a, so with a table permute (ACT_HAS_LUTX: AVX-512, AVX2,
 * NEON) the exponent field picks the entry (v_lutx: 126 -> [0.5,1), 127 ->
 * [1,2), 128 -> [2,4), 129, 130 -> [4,14.5], 123 .. 125 -> [0, 0.5), read
 * from max(a, 2^-4) so that smaller a land there too),
 * one shift for all nine rows instead of three compares, three selects, two
 * adds and a conversion; elsewhere v_lut4 with an index from compares.
 */
#define ACT_GELU_H_ROWS(R)                                                                         \
    R(-0x1.7fff6ep-1f, -0x1.80089ap+0f, -0x1.7ff862p-2f, -0x1.46a486p-3f, 0.0f)  /* -M */          \
    R(-0x1.cd27d2p-3f, -0x1.3c16acp-2f, -0x1.6e29cap-2f, -0x1.8ed4f6p-2f, -0.0f) /* -C0 */         \
    R(0x1.5bf872p-3f, 0x1.2035e6p-4f, -0x1.5a58cap-3f, -0x1.c60afp-4f, 0x1p-1f)  /* C1 */          \
    R(-0x1.c2c7b8p-4f, -0x1.33131p-5f, -0x1.31f552p-5f, -0x1.0a6048p-2f, -0x1.98845cp-2f) /* C2 */ \
    R(0x1.d68e5cp-5f, 0x1.0d534ep-6f, 0x1.b2f97p-3f, 0x1.c39cp-2f, 0x1.5a4b72p-18f)       /* C3 */ \
    R(-0x1.a890c2p-6f, -0x1.9e8e9ep-8f, -0x1.27508cp-2f, 0x1.adb786p-6f, 0x1.1011bep-4f)  /* C4 */ \
    R(0x1.56ba76p-7f, 0x1.215306p-9f, 0x1.8a9864p-3f, -0x1.566f7ep+0f, 0x1.a6fbb2p-12f)   /* C5 */ \
    R(-0x1.00ae4cp-8f, -0x1.85d17ap-11f, 0x1.3da1c4p-3f, 0x1.13f798p+1f, -0x1.6f4a46p-7f) /* C6 */ \
    R(0x1.7d98e6p-10f, 0x1.de13e2p-13f, -0x1.539074p-1f, 0x1.11e31ep+0f, 0x1.f0f306p-10f) /* C7 */

/*
 * AVX-512 (v_lutxh, ACT_HAS_LUTXH): 16 pieces, one per half binade of a in
 * [2^-4, 16), each a polynomial of degree 6 in v = a - m (fit.py "gelu_erf
 * halves", <= 0.33u, in [4, 6); Horner condition <= 1.44): no 1/a, so no
 * division, no compare and no select. Entry (biased exponent mod 8) * 2 +
 * the top mantissa bit; a < 0.125 (exponent 123, and smaller a, read from
 * max(a, 2^-4)) is the piece from 0 (m = 0, c0 = 0, c1 = 1/2). Every piece
 * is of H, the exponential kept for small a too: no select, +4.6% (with
 * v_lutx the select measured 4% faster, AVX2 spilling more without it).
 * Then degree 6 rather than 7, one row and one FMA fewer, +2-5%. Each took
 * the exhaustive max from 1 to 2 ULP (x = 0.111080557, 0.000023% of inputs
 * > 1 ULP with both; with the kernel below today: 2 at 0.00042304513,
 * 0.0101%), within the bound of 2. Binade pieces in a alone fit
 * [4, 8) to 0.30u at degree 8, 0.044u at degree 9. AVX2's 8-lane permute
 * would need two per row and a blend for 16 entries.
 */
#define ACT_GELU_HALF_ROWS(R)                                                                      \
    R(-0x1.3ff566p+1f, -0x1.c00b72p+1f, -0x1.4002ecp+2f, -0x1.bff51ap+2f, -0x1.3fff6ap+3f,         \
      -0x1.a800d2p+3f, 0.0f, 0.0f, -0x1.3ffb0cp-3f, -0x1.bfffd6p-3f, -0x1.400c8ep-2f,              \
      -0x1.bff63ep-2f, -0x1.400912p-1f, -0x1.c000e2p-1f, -0x1.3ffb96p+0f, -0x1.c005fp+0f) /* -M */ \
    R(-0x1.69cc96p-2f, -0x1.7d2546p-2f, -0x1.89d3eap-2f, -0x1.90a4ap-2f, -0x1.948c6ap-2f,          \
      -0x1.963a8cp-2f, -0.0f, -0.0f, -0x1.1bb1cep-4f, -0x1.7b6548p-4f, -0x1.fb3646p-4f,            \
      -0x1.4637dcp-3f, -0x1.9dec9ep-3f, -0x1.f559d2p-3f, -0x1.275de8p-2f,                          \
      -0x1.4bf0bp-2f) /* -C0 */                                                                    \
    R(0x1.bf58fep-6f, 0x1.a2856ep-7f, 0x1.54232ep-8f, 0x1.107616p-9f, 0x1.8af654p-11f,             \
      0x1.5bdc14p-12f, 0x1p-1f, 0x1p-1f, 0x1.913166p-2f, 0x1.6cfb1ap-2f, 0x1.3da88ap-2f,           \
      0x1.097eeap-2f, 0x1.9a3bf4p-3f, 0x1.28be4ap-3f, 0x1.7b8142p-4f, 0x1.bd3b9ep-5f) /* C1 */     \
    R(-0x1.78befcp-7f, -0x1.1ecb2cp-8f, -0x1.66f3dap-10f, -0x1.b2a048p-12f, -0x1.c88886p-14f,      \
      -0x1.3434e2p-15f, -0x1.988452p-2f, -0x1.988452p-2f, -0x1.324082p-2f, -0x1.11bf8cp-2f,        \
      -0x1.d024fp-3f, -0x1.76abcap-3f, -0x1.12e5aap-3f, -0x1.73b6a4p-4f, -0x1.aed85ep-5f,          \
      -0x1.be0792p-6f) /* C2 */                                                                    \
    R(0x1.0ac62ap-8f, 0x1.4f856cp-10f, 0x1.479d8p-12f, 0x1.2f2p-14f, 0x1.cfe7d6p-17f,              \
      0x1.e2dbep-19f, 0x1.ffff18p-3f, 0x1.ffff18p-3f, 0x1.7157aep-3f, 0x1.44f23cp-3f,              \
      0x1.0d473ep-3f, 0x1.a5ae6p-4f, 0x1.27af5p-4f, 0x1.78a56ep-5f, 0x1.8ff87p-6f,                 \
      0x1.720ed6p-7f) /* C3 */                                                                     \
    R(-0x1.51648p-10f, -0x1.62d00ap-12f, -0x1.11b954p-14f, -0x1.867ef2p-17f, -0x1.b69d46p-20f,     \
      -0x1.60d11p-22f, -0x1.103c92p-3f, -0x1.103c92p-3f, -0x1.7af5f6p-4f, -0x1.4a228p-4f,          \
      -0x1.0b762p-4f, -0x1.97734ap-5f, -0x1.121caap-5f, -0x1.4ad8f2p-6f, -0x1.44721ap-7f,          \
      -0x1.0edc8cp-8f) /* C4 */                                                                    \
    R(0x1.94798ep-12f, 0x1.6449fp-14f, 0x1.c8109cp-17f, 0x1.edc5e4p-20f, 0x1.adf54ep-23f,          \
      0x1.f5b7d8p-26f, 0x1.fa3a2ep-5f, 0x1.fa3a2ep-5f, 0x1.7330f8p-6f, 0x1.4d68e8p-4f,             \
      0x1.ffceeap-6f, 0x1.7fed1ap-6f, 0x1.c5c5fep-7f, 0x1.069e2ep-7f, 0x1.e106c6p-9f,              \
      0x1.6c5e2p-10f) /* C5 */                                                                     \
    R(-0x1.ba013cp-14f, -0x1.4b50f2p-16f, -0x1.581fa2p-19f, -0x1.221052p-22f, -0x1.7be46ep-26f,    \
      -0x1.529cf2p-29f, -0x1.6cfdacp-6f, -0x1.6cfdacp-6f, -0x1.f995f8p-4f, 0x1.10395cp-3f,         \
      -0x1.6d82dcp-8f, -0x1.4dd472p-8f, -0x1.5c0f48p-8f, -0x1.74586cp-9f, -0x1.462aa2p-10f,        \
      -0x1.c31e3ep-12f) /* C6 */

#if defined(ACT_HAS_LUTXH)
#define ACT_GELU_HALF_ROW(...) {__VA_ARGS__},
static const float act_gelu_half_tab[8][16] = {ACT_GELU_HALF_ROWS(ACT_GELU_HALF_ROW)};
#define ACT_GELU_H(k) v_lutxh(act_gelu_half_tab[k], ai)
#define ACT_GELU_TOP 7
/* v = a - m: (-m) - (-a) */
#define ACT_GELU_W(na, ai) (na)
#elif defined(ACT_HAS_LUTX)
/* entry (biased exponent mod 8), twice: see v_lutx */
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4)                                                         \
    {p2, p3, p3, p4, p4, p4, p0, p1, p2, p3, p3, p4, p4, p4, p0, p1},
static const float act_gelu_h_tab[9][16] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_H(k) v_lutx(act_gelu_h_tab[k], ai)
#define ACT_GELU_TOP 8
/* v = a - m or 1/a - m: (-m) - (-a) or (-m) - (1/-a); 1/ai is 1/na where it
 * is kept, and never a division by a denormal */
#define ACT_GELU_W(na, ai) v_sel(v_gt(na, v_set1(-2.0f)), na, v_recip(ai))
#else
#define ACT_GELU_H_ROW(p0, p1, p2, p3, p4) {p0, p1, p2, p3},
static const float act_gelu_h_tab[9][4] = {ACT_GELU_H_ROWS(ACT_GELU_H_ROW)};
#define ACT_GELU_H(k) v_lut4(act_gelu_h_tab[k], idx)
#endif

#if defined(ACT_HAS_LUTXH) || defined(ACT_HAS_LUTX)
static inline vf act_gelu_erf_v(vf x, const act_kargs *a) {
    (void)a;
    /* na = -a, a = min(|x|, 14.5) (NaN: v_nabs_min may drop it, x brings it
     * back at the end); ai picks the piece (v_lutx, v_lutxh ignore the sign
     * bit) */
    const vf na = v_nabs_min(x, 14.5f), ai = v_min(na, v_set1(-0x1p-4f));
    /* e^(-x^2/2) = 2^n p, n from a^2 with -log2(e)/2 folded into the
     * constant, reduced as R = 2r = -a^2 - 2n ln2: the exact square in one
     * FMA (|R| < 0.12 with the table, 0.78 without, before its rounding), the
     * halving in act_exp_eval1h_v's coefficients (one operation fewer than
     * forming h = a/2 and reducing h a: avx512 +1.5%, avx2 within noise,
     * exhaustive rows unchanged). With v_lutx -a is replaced by 0 for a < 0.5, where
     * p = 1 and the piece is the whole product (a select, not a table row: a
     * permute in the exp's chain measured ~7% slower). The products that are
     * tiny for a tiny x are v_mulz (avx512 over denormal x 1.1 -> 3.2
     * Gelem/s; each alone did not help) */
#if defined(ACT_HAS_LUTXH)
    const vf ne = na;
#else
    const vf ne = v_sel(v_gt(na, v_set1(-0.5f)), v_zero(), na);
#endif
    vf t;
    const vf n = act_exp_ns_v(v_mulz(ne, ne), -0.5f, &t);
    /* R = 2r = -x^2 - 2n ln2, the exact square reduced in one FMA */
    const vf R =
        v_fma(n, v_set1(-2.0f * ACT_LN2_LO), v_fnma(ne, ne, v_mul(n, v_set1(-2.0f * ACT_LN2_HI))));
    const vf p = act_exp_eval1h_v(R, t);
    const vf v = v_sub(ACT_GELU_H(0), ACT_GELU_W(na, ai));
    /* c_k in row k + 1 */
    vf Q = v_fma(ACT_GELU_H(ACT_GELU_TOP), v, ACT_GELU_H(ACT_GELU_TOP - 1));
    for (int k = ACT_GELU_TOP - 2; k >= 3; k--) Q = v_fma(Q, v, ACT_GELU_H(k));
    /* H - c0 = v (c1 + v Q): for a < 0.5 (c0 = 0, c1 = 1/2) the result's
     * last rounding. (As fma(v, c1, v (v Q)), one rounding fewer and one
     * operation more: avx512 -5%, avx2 within noise; exhaustive max 2 ULP
     * either way, avx512 > 1 ULP on 0.0068% of inputs, now 0.0101%.) */
    const vf rest = v_mulz(v, v_fma(v, Q, ACT_GELU_H(2)));
    /* -p H, its zeros -0 (rest >= +0: -(p rest) - 0 is -0 at rest = +0) */
    const vf npH = v_fma(p, ACT_GELU_H(1), v_fnma(p, rest, v_set1(-0.0f)));
    const vf neH = v_ldexp_lo(npH, n); /* n in [-152, 0] */
    /* max(-0, x) - eH: -eH for x < 0 (-0 for x = -2^-149), x - eH
     * otherwise, NaN for NaN x; no copysign (AVX-512: one vpternlogd on the
     * FMA pipes, AVX2: three operations) */
    return v_add(v_max(v_set1(-0.0f), x), neH);
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
    vf n, t;
    const vf r = act_exp_red_v(v_mul(hh, v_set1(-0.5f)), v_mul(hl, v_set1(-0.5f)), 1, &n, &t);
    /* e^r = 1 + u, u unrounded into 1: see pH below */
    const vf u = act_exp_u_v(r);
    const vf zero = v_zero();
    const vm lt2 = v_lt(ac, v_set1(2.0f));
    const vf one = v_set1(1.0f);
    const vf idx = v_add(v_add(v_sel(v_ge(ac, one), one, zero), v_sel(lt2, zero, one)),
                         v_sel(v_ge(ac, v_set1(4.0f)), one, zero));
    const vf v = v_add(v_sel(lt2, ac, v_recip(ac)), ACT_GELU_H(0)); /* - m */
    vf P = v_fma(ACT_GELU_H(8), v, ACT_GELU_H(7));
    for (int k = 6; k >= 2; k--) P = v_fma(P, v, ACT_GELU_H(k));
    const vf rest = v_mulz(P, v); /* H - c0 */
    /* -(1 + u) H = -c0 - (rest + u H), rounded once at the end: without FMA
     * a rounded p = 1 + u and the two products p c0, p rest cost up to ~1.4u
     * more (exhaustive: 3 ULP at x = -2.19070578, 0.0033% > 1 ULP; this way
     * 2 ULP, 0.00002%) in as many operations, SSE2 4% slower (a longer chain) */
    const vf nc0 = ACT_GELU_H(1);
    const vf npH = v_sub(nc0, v_add(rest, v_mul(u, v_sub(rest, nc0))));
    const vf neH = v_ldexp_lo(npH, n); /* n in [-152, 0] */
    const vf tail = v_sel(v_lt(x, zero), neH, v_add(x, neH));
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

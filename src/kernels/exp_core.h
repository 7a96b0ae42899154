/*
 * Shared cores of the transcendental kinds, written once over the vector
 * layer: e^w as 2^n * p, the sigmoid-times-x core, a refined quotient and
 * expm1. Polynomial constants come from tests/accuracy/fit/fit.py (its output
 * names the constant each fit feeds); every cut-off says why it is where it is.
 *
 * Error budget (units of 2^-24 relative, "u"): act_exp_parts_v's p is within
 * about 0.8u of e^w (fit 0.06u, the last rounding 0.5u, the rest from the
 * evaluation); act_div2_v adds 0.5u and a few 2^-40; each kind's header states
 * what it adds, and tests/accuracy measures the total against MPFR.
 */
#ifndef ACT_KERNELS_EXP_CORE_H
#define ACT_KERNELS_EXP_CORE_H

/* log2(e), and ln 2 = ACT_LN2_HI + ACT_LN2_LO (+ 1.6e-12): ACT_LN2_HI = 355/512
 * has 9 significant bits, so n * ACT_LN2_HI is exact for |n| < 2^15 on every
 * ISA, fused or not, and w - n * ACT_LN2_HI is exact too (w and n ln 2 are
 * close; Sterbenz). */
#define ACT_LOG2E 0x1.715476p+0f
#define ACT_LN2_HI 0x1.63p-1f
#define ACT_LN2_LO -0x1.bd0106p-13f

/* e^r = 1 + r + r^2 P(r) on |r| <= 0.354 (ln2/2 and slack for n rounded from
 * a rounded product): fit.py "exp", error 0.06u. */
#define ACT_EXP_P0 0x1.fffffcp-2f
#define ACT_EXP_P1 0x1.555486p-3f
#define ACT_EXP_P2 0x1.5558c2p-5f
#define ACT_EXP_P3 0x1.124334p-7f
#define ACT_EXP_P4 0x1.6a4cc6p-10f

/*
 * e^(wh + wl) = 2^n * p with p = e^r in [0.70, 1.42] and *u = p - 1 (to
 * 2^-25 of p, for expm1). wl is a low part, |wl| <= ulp(wh). The caller keeps
 * wh within [-190, 88] (n then fits v_ldexp / v_pow2); NaN gives NaN p.
 * r = (wh - n ln2_hi) + (wl - n ln2_lo) is carried as r + rl, so the only
 * roundings of p are the polynomial's.
 */
static inline vf act_exp_parts_v(vf wh, vf wl, vf *n_out, vf *u_out) {
    const vf n = v_round(v_mul(wh, v_set1(ACT_LOG2E)));
    const vf r0 = v_fma(n, v_set1(-ACT_LN2_HI), wh); /* exact */
    const vf dd = v_fma(n, v_set1(-ACT_LN2_LO), wl); /* |dd| < 0.04 */
    const vf r = v_add(r0, dd);
    const vf rl = v_add(v_sub(r0, r), dd); /* r + rl = r0 + dd */
    vf P = v_fma(v_set1(ACT_EXP_P4), r, v_set1(ACT_EXP_P3));
    P = v_fma(P, r, v_set1(ACT_EXP_P2));
    P = v_fma(P, r, v_set1(ACT_EXP_P1));
    P = v_fma(P, r, v_set1(ACT_EXP_P0));
    /* u = r + (r^2 P + rl) = e^(r+rl) - 1: the small part first, so that u
     * (expm1 for n = 0) is rounded once from r plus a term < 0.2 r */
    const vf u = v_add(r, v_fma(r, v_mul(r, P), rl));
    *n_out = n;
    if (u_out) *u_out = u;
    return v_add(v_set1(1.0f), u);
}

/*
 * (nh + nl) / (dh + dl), within 0.5u + 2^-40 relative: a quotient from the
 * reciprocal, then one correction with the exact residual (v_resid), which
 * also folds in the low parts. |nl| <= ulp(nh), |dl| <= ulp(dh), dh >= 1 or
 * so (no overflow of 1/dh), |nh| < 2^100 (SSE2's Dekker split must not
 * overflow).
 */
static inline vf act_div2_v(vf nh, vf nl, vf dh, vf dl) {
    const vf r = v_recip(dh);
    const vf q = v_mul(nh, r);
    vf res = v_resid(q, dh, nh);                  /* nh - q dh, exact */
    res = v_add(res, v_fma(v_neg(q), dl, nl));    /* + nl - q dl */
    return v_fma(res, r, q);
}

/* Error-free a + b = s + *e when the exponent of a >= that of b (Fast2Sum). */
static inline vf act_fast2sum_v(vf a, vf b, vf *e) {
    const vf s = v_add(a, b);
    *e = v_add(v_sub(a, s), b);
    return s;
}
/* Error-free a + b = s + *e for any a, b (2Sum). */
static inline vf act_two_sum_v(vf a, vf b, vf *e) {
    const vf s = v_add(a, b);
    const vf bb = v_sub(s, a);
    *e = v_add(v_sub(a, v_sub(s, bb)), v_sub(b, bb));
    return s;
}

/* lo <= x <= hi, NaN passes through (v_min/v_max return the second operand
 * when the compare is false). */
static inline vf act_clamp_v(vf x, float lo, float hi) {
    return v_max(v_set1(lo), v_min(v_set1(hi), x));
}

/*
 * x * sigmoid(zh + zl) for finite x with |x| <= 2^64 (callers clamp; they
 * also decide z > 24, z < -112 and infinities, see act_xsigmoid_v). With
 * w = -|z| and e = e^w = 2^n p:
 *   z >= 0: x / (1 + e)
 *   z <  0: x e / (1 + e) = 2^n * (x p) / (1 + e)
 * x p is carried exactly (v_two_prod), 1 + e as d + dl, the quotient is
 * refined (act_div2_v) and scaled by 2^n last, so results in the denormal
 * range are rounded once from a full-precision value, and no intermediate is
 * smaller than the result (which keeps normal results normal under a
 * caller's FTZ/DAZ). |x| <= 2^64 keeps x p finite. Error: p's 0.8u times
 * e/(1+e) <= 1, plus 0.5u.
 */
static inline vf act_xsigmoid_core_v(vf x, vf zh, vf zl) {
    const vm neg = v_lt(zh, v_zero());
    /* e^-112 * 2^64 * 1.42 < 2^-150: nothing below the clamp can round away from 0 */
    const vf wh = v_max(v_set1(-112.0f), v_neg(v_abs(zh)));
    const vf wl = v_sel(neg, zl, v_neg(zl));
    vf n;
    const vf p = act_exp_parts_v(wh, wl, &n, NULL);
    const vf e = v_ldexp(p, n);
    vf dl;
    const vf d = act_fast2sum_v(v_set1(1.0f), e, &dl);
    vf xl;
    const vf xh = v_two_prod(x, p, &xl);
    const vf nh = v_sel(neg, xh, x), nl = v_sel(neg, xl, v_zero());
    const vf k = v_sel(neg, n, v_zero());
    return v_ldexp(act_div2_v(nh, nl, d, dl), k);
}

/*
 * x * sigmoid(zh + zl) for every x, where zh + zl was computed from
 * xc = act_clamp_v(x, -2^64, 2^64) (or a tighter clamp): z > 24 gives x
 * (sigmoid(z) = 1 - e^-z rounds x(1 - e^-z) to x there), z < -112 gives a
 * zero of x's sign (x e^z < 2^-150 for |x| < 2^64). Those two rules also
 * cover x = ±inf and |x| > 2^64 whenever z grows with |x|; swish adds its
 * own rule for beta = 0. NaN in x or z gives NaN.
 */
static inline vf act_xsigmoid_v(vf x, vf xc, vf zh, vf zl) {
    vf r = act_xsigmoid_core_v(xc, zh, zl);
    r = v_sel(v_gt(zh, v_set1(24.0f)), x, r);
    return v_sel(v_lt(zh, v_set1(-112.0f)), v_copysign(v_zero(), x), r);
}

/*
 * c * expm1(y + yl) (yl a low part, or zero): 2^n (1 + u) - 1 = 2^n u +
 * (2^n - 1), computed as fma(c 2^n, u, c (2^n - 1)): c 2^n is exact, and
 * for |y| < 0.35 (n = 0) the second term is 0, so the result is u rounded
 * once after the scale (one rounding fewer than c * expm1). y < -20 gives
 * -c (expm1(-20) rounds to -1). The sign of a zero y is kept (for c > 0).
 * With big = 0 (callers that select another value for y > 0), y > 88 is
 * computed as expm1(88); with big = 1, y > 88 gives c 2^n p (the -1 is below
 * half an ULP there), which overflows to inf from y = 88.72 on. Error: u's
 * ~0.8u of its size times 2^n |u| / |expm1(y)| (<= 0.7), plus 0.5u, plus
 * 0.5u times |c (2^n - 1)| / |result| (<= 1.7) when c is not a power of 2.
 */
static inline vf act_expm1c_v(vf y, vf yl, vf c, int big) {
    const vf yc = act_clamp_v(y, -20.0f, big ? 89.0f : 88.0f);
    vf n, u;
    const vf p = act_exp_parts_v(yc, yl, &n, &u);
    const vf s = v_pow2(big ? v_min(n, v_set1(127.0f)) : n);
    vf e = v_fma(v_mul(c, s), u, v_mul(c, v_sub(s, v_set1(1.0f))));
    if (big) e = v_sel(v_gt(yc, v_set1(88.0f)), v_ldexp(v_mul(c, p), n), e);
    return v_sel(v_eq(y, v_zero()), v_mul(c, y), e);
}

#endif

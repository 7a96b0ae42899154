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

/*
 * ACT_UNARY_KERNEL_2X(name): ACT_UNARY_KERNEL with two vectors per iteration
 * instead of four. These bodies keep ~15 constants and ~10 temporaries live
 * per vector; four at a time runs out of registers (AVX-512's 32) and the
 * compiler re-broadcasts constants inside the loop. Measured in the section
 * "Transcendental kernels: ours vs SLEEF" of docs/design.md.
 */
#define ACT_UNARY_KERNEL_2X(name)                                                          \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a);         \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a) {        \
        const act_kargs k = *a;                                                            \
        ACT_UNARY_LOOP_2X(in, out, n, act_##name##_v, &k);                                 \
    }
#define ACT_UNARY_LOOP_2X(in, out, n, F, ARG)                                              \
    do {                                                                                   \
        size_t i_ = 0;                                                                     \
        for (; i_ + 2 * ACT_VLEN <= (n); i_ += 2 * ACT_VLEN) {                             \
            vf x0_ = v_load((in) + i_), x1_ = v_load((in) + i_ + ACT_VLEN);                \
            v_store((out) + i_, F(x0_, ARG));                                              \
            v_store((out) + i_ + ACT_VLEN, F(x1_, ARG));                                   \
        }                                                                                  \
        for (; i_ + ACT_VLEN <= (n); i_ += ACT_VLEN)                                       \
            v_store((out) + i_, F(v_load((in) + i_), ARG));                                \
        if (i_ < (n))                                                                      \
            v_storen((out) + i_, F(v_loadn((in) + i_, (n) - i_), ARG), (n) - i_);          \
    } while (0)

/* log2(e), and ln 2 = ACT_LN2_HI + ACT_LN2_LO (+ 1.6e-12): ACT_LN2_HI = 355/512
 * has 9 significant bits, so n * ACT_LN2_HI is exact for |n| < 2^15 on every
 * ISA, fused or not, and w - n * ACT_LN2_HI is exact too (w and n ln 2 are
 * close; Sterbenz). */
#define ACT_LOG2E 0x1.715476p+0f
#define ACT_LN2_HI 0x1.63p-1f
#define ACT_LN2_LO (-0x1.bd0106p-13f)

/* e^r = 1 + r + r^2 P(r) on |r| <= 0.354 (ln2/2 and slack for n rounded from
 * a rounded product): fit.py "exp", error 0.06u. */
#define ACT_EXP_P0 0x1.fffffcp-2f
#define ACT_EXP_P1 0x1.555486p-3f
#define ACT_EXP_P2 0x1.5558c2p-5f
#define ACT_EXP_P3 0x1.124334p-7f
#define ACT_EXP_P4 0x1.6a4cc6p-10f

static inline vf act_exp_poly_v(vf r, vf rl, vf n, vf *n_out, vf *u_out);

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
    return act_exp_poly_v(r, rl, n, n_out, u_out);
}

/*
 * The lean form for an exact argument w (no low part), where r is rounded
 * once (fma(n, -ln2_lo, r0)) and not carried: about 0.25u more error in p,
 * 4 operations fewer. *u_out = p - 1 before its rounding into p, so that a
 * caller's y p can be formed as fma(y, u, y), one rounding.
 */
static inline vf act_exp_lean_v(vf w, vf *n_out, vf *u_out) {
    const vf n = v_round(v_mul(w, v_set1(ACT_LOG2E)));
    const vf r = v_fma(n, v_set1(-ACT_LN2_LO), v_fma(n, v_set1(-ACT_LN2_HI), w));
    vf P = v_fma(v_set1(ACT_EXP_P4), r, v_set1(ACT_EXP_P3));
    P = v_fma(P, r, v_set1(ACT_EXP_P2));
    P = v_fma(P, r, v_set1(ACT_EXP_P1));
    P = v_fma(P, r, v_set1(ACT_EXP_P0));
    const vf u = v_fma(r, v_mul(r, P), r);
    *n_out = n;
    if (u_out) *u_out = u;
    return v_add(v_set1(1.0f), u);
}

/* act_exp_lean_v for w = wh + wl, wl a low part: r = r0 + (wl - n ln2_lo). */
static inline vf act_exp_lean2_v(vf wh, vf wl, vf *n_out, vf *u_out) {
    const vf n = v_round(v_mul(wh, v_set1(ACT_LOG2E)));
    const vf r = v_add(v_fma(n, v_set1(-ACT_LN2_HI), wh), v_fma(n, v_set1(-ACT_LN2_LO), wl));
    vf P = v_fma(v_set1(ACT_EXP_P4), r, v_set1(ACT_EXP_P3));
    P = v_fma(P, r, v_set1(ACT_EXP_P2));
    P = v_fma(P, r, v_set1(ACT_EXP_P1));
    P = v_fma(P, r, v_set1(ACT_EXP_P0));
    const vf u = v_fma(r, v_mul(r, P), r);
    *n_out = n;
    if (u_out) *u_out = u;
    return v_add(v_set1(1.0f), u);
}

/* e^(r + rl) = 1 + u for |r| <= 0.354, |rl| <= ulp(r); *n_out = n passed through. */
static inline vf act_exp_poly_v(vf r, vf rl, vf n, vf *n_out, vf *u_out) {
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

/*
 * (nh + nl) / d for d in [1, 2]: one division, then one correction with the
 * exact residual, scaled by 1.5 - d/2 (within 12.5% of 1/d on [1, 2], which
 * is all a correction of half an ULP needs): 0.5u + 2^-27 relative. nh must be
 * finite and within SSE2's Dekker range (|nh| < 2^100).
 */
static inline vf act_div_fix_v(vf nh, vf nl, vf d) {
    const vf q = v_div(nh, d);
    const vf res = v_add(v_resid(q, d, nh), nl);
    return v_fma(res, v_fma(d, v_set1(-0.5f), v_set1(1.5f)), q);
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
 * x * sigmoid(zh + zl) (zl = 0 when lo = 0). With w = -|z| and
 * e = e^w = 2^n (1 + u):
 *   z >= 0: x / (1 + e)
 *   z <  0: x e / (1 + e) = 2^n * (xn + xn u) / (1 + e)
 * xn is x clamped by the caller to at most 2^64 in magnitude (xn e^r and the
 * correction below stay finite; the caller returns x where |x| is beyond). xn + xn u
 * is one rounding (v_fma1) from xn e^r, one division follows, and 2^n is
 * applied last: results in the denormal range are rounded once more from a
 * full-precision value, and no intermediate is smaller than the result
 * (normal results stay normal under a caller's FTZ/DAZ). w is clamped at
 * zmin (-112 when |xn| <= 112, -157 when |xn| <= 2^64: below, xn e^w <
 * 2^-150); the caller returns a zero of x's sign for z < zmin. Error: the
 * lean exp's ~0.6u in u, 0.5u (xn + xn u), 0.5u (division); the rounding of
 * 1 + e is corrected after the division (without it the exhaustive run of
 * silu found 3 ULP at x = -3.2042105).
 */
static inline vf act_xsigmoid_v(vf xn, vf zh, vf zl, int lo, float zmin) {
    const vm neg = v_lt(zh, v_zero());
    const vf az = v_abs(zh);
    const vf wh = v_max(v_set1(zmin), v_neg(az));
    vf n, u, wl = v_zero();
    if (lo) /* the low part only where wh is not clamped (it may be huge beyond) */
        wl = v_sel(v_lt(az, v_set1(-zmin)), v_sel(neg, zl, v_neg(zl)), v_zero());
    const vf p = lo ? act_exp_lean2_v(wh, wl, &n, &u) : act_exp_lean_v(wh, &n, &u);
    vf dl;
    const vf d = act_fast2sum_v(v_set1(1.0f), v_ldexp(p, n), &dl); /* 1 + e = d + dl */
    vf q = v_div(v_sel(neg, v_fma1(xn, u, xn), xn), d);
    /* num/(d + dl) = q (1 - dl/d); 1.5 - d/2 is within 12.5% of 1/d on [1, 2] */
    q = v_fma(v_neg(q), v_mul(dl, v_fma(d, v_set1(-0.5f), v_set1(1.5f))), q);
    return v_ldexp(q, v_sel(neg, n, v_zero()));
}

/*
 * c * expm1(y + yl) (yl a low part, or zero): 2^n (1 + u) - 1 = 2^n u +
 * (2^n - 1), computed as fma(c 2^n, u, c (2^n - 1)): c 2^n is exact, and
 * for |y| < 0.35 (n = 0) the second term is 0, so the result is u rounded
 * once after the scale (one rounding fewer than c * expm1). y < -20 gives
 * -c (expm1(-20) rounds to -1). The result has the sign of c y, zeros included.
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
    /* the sign of c expm1(y) is that of c y, zeros included (SSE2's unfused
     * fma turns -2^-150 + 0 into +0) */
    return v_copysign(e, v_mul(c, y));
}

#endif

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
#define ACT_LN2_LO (-0x1.bd0106p-13f)
/* ln 2 rounded to float (- 1.9e-9): one reduction FMA where 2^n e^r - 1 is
 * the result (n <= 0: the error n 1.9e-9 of r weighs 2^n |n| 1.9e-9 against
 * |2^n e^r - 1| >= 0.29 for n != 0, below 2^-27) */
#define ACT_LN2_F 0x1.62e43p-1f

/* e^r = 1 + r + r^2 P(r) on |r| <= 0.354 (ln2/2 and slack for n rounded from
 * a rounded product): fit.py "exp", error 0.06u. */
#define ACT_EXP_P0 0x1.fffffcp-2f
#define ACT_EXP_P1 0x1.555486p-3f
#define ACT_EXP_P2 0x1.5558c2p-5f
#define ACT_EXP_P3 0x1.124334p-7f
#define ACT_EXP_P4 0x1.6a4cc6p-10f

/* n = w log2e rounded to an integer. The product by v_mulz: w may be
 * denormal (sigmoid of a denormal x), and an x86 multiply whose result is
 * denormal runs ~3x slower (avx2 over denormal inputs: sigmoid 1.0 -> 3.2
 * Gelem/s, softplus, mish and logsigmoid 1.0 -> 2.0; bit-identical). */
static inline vf act_exp_round_v(vf w) { return v_round(v_mulz(w, v_set1(ACT_LOG2E))); }

/* P(r) of e^r = 1 + r + r^2 P(r), Horner: shared by every polynomial form below. */
static inline vf act_exp_p_v(vf r) {
    vf P = v_fma(v_set1(ACT_EXP_P4), r, v_set1(ACT_EXP_P3));
    P = v_fma(P, r, v_set1(ACT_EXP_P2));
    P = v_fma(P, r, v_set1(ACT_EXP_P1));
    return v_fma(P, r, v_set1(ACT_EXP_P0));
}

/* u = e^r - 1 = r + r^2 P(r), P by Estrin's scheme (the same operations as
 * Horner's, a chain three FMAs shorter: these kernels are latency-bound) */
static inline vf act_exp_u_v(vf r) {
    const vf rr = v_sqr(r); /* r^2 is denormal for |r| < 1e-19: v_sqr */
    const vf c01 = v_fma(v_set1(ACT_EXP_P1), r, v_set1(ACT_EXP_P0));
    const vf c23 = v_fma(v_set1(ACT_EXP_P3), r, v_set1(ACT_EXP_P2));
    const vf P = v_fma(v_fma(v_set1(ACT_EXP_P4), rr, c23), rr, c01);
    return v_fma(rr, P, r);
}

static inline vf act_exp_poly_v(vf r, vf rl, vf n, vf *n_out, vf *u_out);

/*
 * The lean reductions, r = w - n ln2 rounded once, for n from the caller:
 *   ACT_RED_2   fma(n, -ln2_lo, fma(n, -ln2_hi, w)), about 0.25u more error
 *               in p than act_exp_parts_v's carried r, 4 operations fewer;
 *   ACT_RED_LO  (wh - n ln2_hi) + (wl - n ln2_lo) for w = wh + wl, wl a low
 *               part;
 *   ACT_RED_1   fma(n, -RN(ln2), w), one FMA (ACT_LN2_F): FMA ISAs, for the
 *               expm1 callers whose n <= 0 lanes are the only ones kept.
 */
enum { ACT_RED_2, ACT_RED_LO, ACT_RED_1 };
static inline vf act_exp_lean_r_v(vf n, vf wh, vf wl, int form) {
    if (form == ACT_RED_1) return v_fma(n, v_set1(-ACT_LN2_F), wh);
    if (form == ACT_RED_LO)
        return v_add(v_fma(n, v_set1(-ACT_LN2_HI), wh), v_fma(n, v_set1(-ACT_LN2_LO), wl));
    return v_fma(n, v_set1(-ACT_LN2_LO), v_fma(n, v_set1(-ACT_LN2_HI), wh));
}

/*
 * e^(wh + wl) = 2^n * p with p = e^r in [0.70, 1.42] and *u = p - 1 (to
 * 2^-25 of p, for expm1). wl is a low part, |wl| <= ulp(wh). The caller keeps
 * wh within [-190, 88] (n then fits v_ldexp / v_pow2); NaN gives NaN p.
 * r = (wh - n ln2_hi) + (wl - n ln2_lo) is carried as r + rl, so the only
 * roundings of p are the polynomial's.
 */
static inline vf act_exp_parts_v(vf wh, vf wl, vf *n_out, vf *u_out) {
    const vf n = act_exp_round_v(wh);
    const vf r0 = v_fma(n, v_set1(-ACT_LN2_HI), wh); /* exact */
    const vf dd = v_fma(n, v_set1(-ACT_LN2_LO), wl); /* |dd| < 0.04 */
    const vf r = v_add(r0, dd);
    const vf rl = v_add(v_sub(r0, r), dd); /* r + rl = r0 + dd */
    return act_exp_poly_v(r, rl, n, n_out, u_out);
}

/*
 * e^w = 2^n * p for callers that need neither u = p - 1 nor a low part.
 *
 * Table form (vector layers with v_lut16: AVX-512): w log2e is rounded to a
 * multiple of 1/16 by adding 1.5 * 2^19 (exact: the FMA rounds once, and the
 * sum's last four mantissa bits are then m mod 16 for m/16 = the rounded
 * value); p = 2^(j/16) e^r with j = m mod 16 from the table as hi + lo,
 * |r| <= ln2/32, e^r - 1 = r + r^2 (P0 + P1 r) (fit.py "exp table 16",
 * 0.03u). p = (T_lo + T_hi u) + T_hi is within about 0.56u of the true value
 * (0.5u the last addition, the rest below 0.06u), and *n_out = m/16: v_ldexp
 * and v_pow2 (vscalefps) apply 2^floor(m/16). Five FMA-class operations and
 * two permutes against the polynomial form's nine FMA-class operations.
 *
 * Polynomial form (other layers): the lean reduction, then act_exp_lean_v's
 * polynomial in plain Horner form, 1 + r(1 + r(P0 + r(P1 + ...))), six FMAs;
 * the inner 1 + r(...) reaches p scaled by |r| <= 0.354: within ~0.75u.
 *
 * act_exp_fast2_v(w, wl, 1, &n) takes a low part wl (|wl| <= ulp(w)), added
 * to r. w in [-190, 88]; NaN gives NaN.
 */
/* 1.5 * 2^23 + 127: w log2e + this, one FMA, rounds to an integer; n = t -
 * this, and t's low bits shifted into the exponent field are 2^n for n in
 * [-126, 127] (v_pow2t, act_exp_scale_nm_v): one shift where v_pow2 takes
 * a conversion, an add and a shift (SSE2: the same n as v_round of the
 * rounded product but at ties, which the odd sum breaks the other way; FMA
 * ISAs: n rounded once from the exact product; either n keeps |r| <= ln2/2) */
#define ACT_EXPP_MAGIC 0x1.8000fep+23f
/* n = round(s w log2e) that way on every ISA (s a power of 2, folded into
 * the constant), *t the sum (v_pow2t(*t) = 2^n) */
static inline vf act_exp_nints_v(vf w, float s, vf *t) {
    *t = v_fma(w, v_set1(s * ACT_LOG2E), v_set1(ACT_EXPP_MAGIC));
    return v_sub(*t, v_set1(ACT_EXPP_MAGIC));
}
static inline vf act_exp_nint_v(vf w, vf *t) { return act_exp_nints_v(w, 1.0f, t); }
#if defined(ACT_HAS_LUT16)
#define ACT_EXPT_MAGIC 0x1.8p19f
#define ACT_EXPT_P0 0x1.00022p-1f
#define ACT_EXPT_P1 0x1.555638p-3f
/* clang-format off */
static const float act_exp2_tab_hi[16] = {
    0x1p+0f,       0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f, 0x1.306fep+0f,  0x1.3dea64p+0f,
    0x1.4bfdaep+0f, 0x1.5ab07ep+0f, 0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f, 0x1.9c4918p+0f,
    0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f};
static const float act_exp2_tab_lo[16] = {
    0.0f,           0x1.9f3122p-25f,  -0x1.c15742p-27f, 0x1.ceac48p-25f,  0x1.4636e2p-25f,
    0x1.824684p-25f, -0x1.593abcp-25f, -0x1.5bd5ecp-27f, 0x1.9fcef4p-26f,  -0x1.829fdp-25f,
    0x1.15506ep-27f, 0x1.51f848p-27f,  -0x1.a94b14p-26f, -0x1.3d56b2p-27f, -0x1.822dbcp-27f,
    0x1.52486cp-27f};
/* clang-format on */

/* n = s w log2e rounded to a multiple of 1/16 (s a power of 2, folded into
 * the constant); *t keeps m mod 16 in its last bits */
static inline vf act_exp_ns_v(vf w, float s, vf *t) {
    *t = v_fma(w, v_set1(s * ACT_LOG2E), v_set1(ACT_EXPT_MAGIC));
    return v_sub(*t, v_set1(ACT_EXPT_MAGIC)); /* m/16, exact */
}
/* e^r - 1 for the table's |r| <= ln2/32 */
static inline vf act_expt_u_v(vf r) {
    return v_fma(v_fma(v_set1(ACT_EXPT_P1), r, v_set1(ACT_EXPT_P0)), v_sqr(r), r);
}
/* p = 2^(j/16) e^r for the reduced r, j from t; also p = *ph + *pl before
 * the last rounding (|*pl| < 0.03 *ph) */
static inline vf act_exp_eval2_v(vf r, vf t, vf *ph, vf *pl) {
    const vf u = act_expt_u_v(r);
    *ph = v_lut16(act_exp2_tab_hi, t);
    *pl = v_fma(*ph, u, v_lut16(act_exp2_tab_lo, t));
    return v_add(*pl, *ph);
}
static inline vf act_exp_eval_v(vf r, vf t) {
    vf ph, pl;
    return act_exp_eval2_v(r, t, &ph, &pl);
}
/* p = T_hi (1 + u), the table's low part dropped: within ~1.1u (T_hi's own
 * rounding 0.5u), two operations fewer, for a caller with the margin
 * (gelu_erf +6%, softplus +8.5%, logsigmoid +11%: each still 2 ULP; sigmoid
 * and mish went to 3) */
static inline vf act_exp_eval1_v(vf r, vf t) {
    const vf ph = v_lut16(act_exp2_tab_hi, t);
    return v_fma(ph, act_expt_u_v(r), ph);
}
/* act_exp_eval1_v for R = 2r, the polynomial's coefficients scaled by powers
 * of 2 (exact) so that no operation halves R: u = R (1/2 + R (P0/4 + R
 * P1/8)), Horner, as many operations as the Estrin pair above and within
 * ~1u of its size (|u| < 0.023: 0.02u of p). R may be denormal: v_mulz. */
static inline vf act_exp_eval1h_v(vf R, vf t) {
    const vf ph = v_lut16(act_exp2_tab_hi, t);
    const vf c =
        v_fma(v_fma(v_set1(ACT_EXPT_P1 * 0.125f), R, v_set1(ACT_EXPT_P0 * 0.25f)), R, v_set1(0.5f));
    return v_fma(ph, v_mulz(R, c), ph);
}
#else
static inline vf act_exp_ns_v(vf w, float s, vf *t) { return act_exp_nints_v(w, s, t); }
static inline vf act_exp_eval_v(vf r, vf t) {
    (void)t;
    const vf P = v_fma(act_exp_p_v(r), r, v_set1(1.0f));
    return v_fma(P, r, v_set1(1.0f));
}
static inline vf act_exp_eval1_v(vf r, vf t) { return act_exp_eval_v(r, t); }
/* e^(R/2) for R = 2r: Horner's 1 + R(1/2 + R(P0/4 + R(P1/8 + ...))), the
 * coefficients scaled by powers of 2 (exact) */
static inline vf act_exp_eval1h_v(vf R, vf t) {
    (void)t;
    vf P = v_fma(v_set1(ACT_EXP_P4 * 0x1p-6f), R, v_set1(ACT_EXP_P3 * 0x1p-5f));
    P = v_fma(P, R, v_set1(ACT_EXP_P2 * 0x1p-4f));
    P = v_fma(P, R, v_set1(ACT_EXP_P1 * 0x1p-3f));
    P = v_fma(P, R, v_set1(ACT_EXP_P0 * 0x1p-2f));
    P = v_fma(P, R, v_set1(0.5f));
    return v_fma(P, R, v_set1(1.0f));
}
#endif
static inline vf act_exp_n_v(vf w, vf *t) { return act_exp_ns_v(w, 1.0f, t); }
/* The reduction of act_exp_fast2_v: n from act_exp_n_v, r = w - n ln2
 * (+ wl when lo). Split from the evaluation so that a caller can pick its
 * form (act_exp_eval_v or, with the table, _eval2_v), and one with its own r
 * (gelu_tanh, gelu_erf: r from a product, one FMA) can share the rest. */
static inline vf act_exp_red_v(vf w, vf wl, int lo, vf *n_out, vf *t) {
    const vf n = act_exp_n_v(w, t);
    const vf r = act_exp_lean_r_v(n, w, v_zero(), ACT_RED_2);
    *n_out = n;
    return lo ? v_add(r, wl) : r;
}
static inline vf act_exp_fast2_v(vf w, vf wl, int lo, vf *n_out) {
    vf t;
    const vf r = act_exp_red_v(w, wl, lo, n_out, &t);
    return act_exp_eval_v(r, t);
}
/* act_exp_fast_v that also returns act_exp_n_v's t, for act_exp_scale_nm_v */
static inline vf act_exp_fast_t_v(vf w, vf *n_out, vf *t) {
    const vf r = act_exp_red_v(w, v_zero(), 0, n_out, t);
    return act_exp_eval_v(r, *t);
}
/* act_exp_fast_t_v with p from act_exp_eval1_v (with the table: its low part
 * dropped, ~1.1u; elsewhere the same) */
static inline vf act_exp_fast1_t_v(vf w, vf *n_out, vf *t) {
    const vf r = act_exp_red_v(w, v_zero(), 0, n_out, t);
    return act_exp_eval1_v(r, *t);
}
static inline vf act_exp_fast_v(vf w, vf *n_out) {
    vf t;
    return act_exp_fast_t_v(w, n_out, &t);
}
/* y 2^n for n in [-126, 127] from act_exp_n_v (t its sum), rounded once:
 * vscalefps with the table form, y v_pow2t(t) with the polynomial form */
static inline vf act_exp_scale_nm_v(vf y, vf n, vf t) {
#if defined(ACT_HAS_LUT16)
    (void)t;
    return v_ldexp_nm(y, n);
#else
    (void)n;
    return v_mul(y, v_pow2t(t));
#endif
}

/*
 * The lean form, e^(wh + wl) = 2^n p with r from act_exp_lean_r_v (wl
 * ignored unless form is ACT_RED_LO) and not carried. *u_out = p - 1 before
 * its rounding into p, so that a caller's y p can be formed as fma(y, u, y),
 * one rounding.
 */
static inline vf act_exp_lean_v(vf wh, vf wl, int form, vf *n_out, vf *u_out) {
    const vf n = act_exp_round_v(wh);
    const vf u = act_exp_u_v(act_exp_lean_r_v(n, wh, wl, form));
    *n_out = n;
    *u_out = u;
    return v_add(v_set1(1.0f), u);
}

/*
 * e^(wh + wl) - 1 = s (1 + u) - 1 for the expm1 callers: the lean reduction
 * (form as in act_exp_lean_r_v), u = e^r - 1 returned, *s = 2^n, wh in
 * [-20, 0] (n in [-29, 0]). n and 2^n: on AVX-512 (ACT_MULZ_FREE) v_round of
 * the product (elu over denormal x 4.7 -> 10.8 Gelem/s, the product being
 * v_mulz) and vscalefps -- the form below measured 4.7% slower there, one
 * operation more; elsewhere n from the magic-number sum (act_exp_nint_v)
 * and 2^n one shift of that sum (v_pow2t; elu, celu, selu: avx2 +1.8%,
 * sse2 +5%, where act_exp_round_v's FMA-made product had been 4-7% slower).
 */
static inline vf act_expm1_u_v(vf wh, vf wl, int form, vf *s) {
#if defined(ACT_MULZ_FREE)
    const vf n = act_exp_round_v(wh);
    *s = v_pow2(n);
#else
    vf t;
    const vf n = act_exp_nint_v(wh, &t);
    *s = v_pow2t(t);
#endif
    return act_exp_u_v(act_exp_lean_r_v(n, wh, wl, form));
}

/* e^(r + rl) = 1 + u for |r| <= 0.354, |rl| <= ulp(r); *n_out = n passed through. */
static inline vf act_exp_poly_v(vf r, vf rl, vf n, vf *n_out, vf *u_out) {
    const vf P = act_exp_p_v(r);
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
    vf res = v_resid(q, dh, nh);               /* nh - q dh, exact */
    res = v_add(res, v_fma(v_neg(q), dl, nl)); /* + nl - q dl */
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

/* The clamp of |x| for e^-|x| = 2^n p scaled by v_ldexp_nm (n >= -126), in
 * bodies where e^-|x| below e^-87 no longer changes the result: 87, or 105
 * (the late scale's clamp) where v_ldexp_nm is vscalefps and takes any n --
 * one constant for both bodies of a guarded kernel there measured 4% faster. */
#if ACT_HAS_SCALEF
#define ACT_NM_CLAMP 105.0f
#else
#define ACT_NM_CLAMP 87.0f
#endif

/* lo <= x <= hi, NaN passes through (v_min/v_max return the second operand
 * when the compare is false). */
static inline vf act_clamp_v(vf x, float lo, float hi) {
    return v_max(v_set1(lo), v_min(v_set1(hi), x));
}

/*
 * e^-z = 2^-K (ph + *pl), K = floor(*k), for the quotients x / (1 + e^-z) =
 * 2^K x / (2^K + p): one formula for both signs of z, no select between p
 * and 1, and nothing overflows for z in [-190, 28] (2^K <= 2^41).
 * act_expk_n_v: n with e^-z = 2^n e^r (table: n = -z log2e rounded to 1/16
 * as in act_exp_n_v, *k = 15/16 - n, exact, so floor(*k) = -floor(n), the
 * power v_pow2 and v_ldexp take on AVX-512; polynomial: n = -z log2e rounded
 * by adding ACT_EXPP_MAGIC in the FMA, *t the sum, whose low bits v_pow2t
 * turns into 2^n for n in [-126, 127] (the early bodies of AVX2 and NEON:
 * one shift where v_round, v_ldexp_nm's conversion and add and the 1 + e
 * add took four; avx2 gelu_tanh +5%, silu +1%), *k = -n). act_expk_eval_v:
 * p = ph + *pl for nr = -r = z + n ln2 (r carried negated: no negation, the
 * polynomial's odd terms flip sign instead), before p's last rounding (table:
 * within 0.03u; polynomial: ph = 1, *pl = e^r - 1 from the exp polynomial,
 * within ~0.75u of p).
 */
static inline vf act_expk_n_v(vf z, vf *t, vf *k) {
#if defined(ACT_HAS_LUT16)
    *t = v_fma(z, v_set1(-ACT_LOG2E), v_set1(ACT_EXPT_MAGIC));
    *k = v_sub(v_set1(ACT_EXPT_MAGIC + 0x1.ep-1f), *t);
    return v_sub(*t, v_set1(ACT_EXPT_MAGIC));
#else
    *t = v_fma(z, v_set1(-ACT_LOG2E), v_set1(ACT_EXPP_MAGIC));
    const vf n = v_sub(*t, v_set1(ACT_EXPP_MAGIC));
    *k = v_neg(n);
    return n;
#endif
}
static inline vf act_expk_eval_v(vf nr, vf t, vf *pl) {
    const vf rr = v_sqr(nr);
#if defined(ACT_HAS_LUT16)
    const vf u = v_fms(v_fma(nr, v_set1(-ACT_EXPT_P1), v_set1(ACT_EXPT_P0)), rr, nr);
    const vf ph = v_lut16(act_exp2_tab_hi, t);
    *pl = v_fma(ph, u, v_lut16(act_exp2_tab_lo, t));
    return ph;
#else
    (void)t;
    vf Q = v_fma(v_set1(ACT_EXP_P4), nr, v_set1(-ACT_EXP_P3));
    Q = v_fma(Q, nr, v_set1(ACT_EXP_P2));
    Q = v_fma(Q, nr, v_set1(-ACT_EXP_P1));
    Q = v_fma(Q, nr, v_set1(ACT_EXP_P0));
    *pl = v_fms(Q, rr, nr);
    return v_set1(1.0f);
#endif
}

/* e^-(z + zl) = 2^n (ph + *pl) = 2^-K (ph + *pl) (zl = 0 when lo = 0): the
 * reduction and evaluation shared by act_xsigk_v and act_xsige_v */
static inline vf act_expk_v(vf z, vf zl, int lo, vf *n, vf *k, vf *t, vf *pl) {
    *n = act_expk_n_v(z, t, k);
    vf nr = v_fma(*n, v_set1(ACT_LN2_LO), v_fma(*n, v_set1(ACT_LN2_HI), z));
    if (lo) nr = v_add(nr, zl);
    return act_expk_eval_v(nr, *t, pl);
}

/*
 * xn / (1 + e^-(z + zl)) (zl = 0 when lo = 0) for z in [zmin, 28], zmin >=
 * -190: d = 2^K + p rounded twice (p, then the sum: each within 2^-24 of d,
 * p's only where K <= 0), one division, 2^K applied last (results in the
 * denormal range are rounded once more from a full-precision quotient). The
 * numerator is xn itself: no rounding, no correction, and its sign is the
 * result's, zeros included. 2^K from v_pow2_lo (for K < -126, p + 2^K is p
 * to 2^-126 either way). Error: p's (0.03u with the table, ~0.75u without,
 * times p/d), d's two roundings, the division's.
 */
static inline vf act_xsigk_v(vf xn, vf z, vf zl, int lo) {
    vf n, k, t, pl;
    const vf ph = act_expk_v(z, zl, lo, &n, &k, &t, &pl);
    const vf d = v_add(v_pow2_lo(k), v_add(pl, ph));
    return v_ldexp(v_div(xn, d), k);
}

/*
 * act_xsigk_v without the late scale, for z in [-80, 28]: e^-z = 2^-K p is
 * then finite and normal (e^80 < 2^116, 2^-41 at z = 28), d = 1 + 2^-K p is
 * 2^-K (2^K + p) rounded the same way, and xn / d is 2^K xn / (2^K + p)
 * rounded once as the late scale rounds it, wherever the result is normal:
 * a result below 2^-126 needs |xn| tiny, so z near 0 and K = 0, where the
 * two are the same operations. 1 + 2^-K p by one FMA with 2^-K = v_pow2t(t)
 * (n <= 116; AVX2's v_ldexp_lo takes n <= 63 only). The caller sends groups
 * with some z below -80 to act_xsigk_v.
 */
/* xn / (1 + 2^n (ph + pl)), 2^n from act_expk_n_v's sum t (polynomial form) */
static inline vf act_xsige_div_v(vf xn, vf ph, vf pl, vf t) {
    return v_div(xn, v_fma(v_add(pl, ph), v_pow2t(t), v_set1(1.0f)));
}
static inline vf act_xsige_v(vf xn, vf z, vf zl, int lo) {
    vf n, k, t, pl;
    const vf ph = act_expk_v(z, zl, lo, &n, &k, &t, &pl);
    return act_xsige_div_v(xn, ph, pl, t);
}

/*
 * x * sigmoid(zh + zl) (zl = 0 when lo = 0). zh is clamped at zmin (-112
 * when |xn| <= 112, -157 when |xn| <= 2^64: below, xn e^z < 2^-150); the
 * caller returns a zero of x's sign for z < zmin. xn is x as the numerator
 * takes it (x itself above any clamp, x = +inf included, where z >= 0); xc
 * is x clamped by the caller to at most 2^64 in magnitude, 2^63 when zmin >=
 * -131, for SSE2's correction terms.
 * FMA ISAs: act_xsigk_v, xn / (1 + e^-z) with 2^K applied last. (Before,
 * x p / (1 + e) for z < 0 and x / (1 + e) for z >= 0, e = e^-|z|, with the
 * rounding of 1 + e folded into a rounded numerator: 25 operations against
 * 18 for silu on AVX-512, 5.2 -> 7.7 Gelem/s, and >1 ULP on 0.06% of
 * inputs instead of 0.008%, exhaustive max 2 ULP either way.)
 * SSE2: with w = -|z| and e = e^w = 2^n p:
 *   z >= 0: x / (1 + e)
 *   z <  0: x e / (1 + e) = 2^n * x p / (1 + e)
 * The numerator is rounded once, one division follows, and 2^n is applied
 * last: results in the denormal range are rounded once more from a
 * full-precision value, and no intermediate is smaller than the result
 * (normal results stay normal under a caller's FTZ/DAZ).
 */
static inline vf act_xsigmoid_v(vf xn, vf xc, vf zh, vf zl, int lo, float zmin) {
#if ACT_HAS_FMA
    /* z clamped to [zmin, 28] (beyond 28, 1 + e^-z rounds to 1), the low
     * part only where z is not clamped (it may be huge beyond) */
    (void)xc;
    const vf z = v_min(v_set1(28.0f), v_max(v_set1(zmin), zh)); /* NaN passes */
    return act_xsigk_v(xn, z, lo ? v_sel(v_eq(z, zh), zl, v_zero()) : zl, lo);
#else
    const vm neg = v_lt(zh, v_zero());
    const vf wh = v_nabs_min(zh, -zmin); /* NaN: through xn */
    vf n, wl = v_zero();
    if (lo) /* the low part only where wh is not clamped (it may be huge beyond) */
        wl = v_sel(v_lt(v_abs(zh), v_set1(-zmin)), v_sel(neg, zl, v_neg(zl)), v_zero());
    /* Without FMA the Horner exp's p = 1 + u is ~1u off and xn p then lands
     * at 3 ULP (silu/sse2, exhaustive, x = -3.2088747): keep u apart
     * (xn + xn u rounded once) and correct the rounding of 1 + e after the
     * division. */
    vf u;
    const vf p = act_exp_lean_v(wh, wl, lo ? ACT_RED_LO : ACT_RED_2, &n, &u);
    vf dl;
    const vf d = act_fast2sum_v(v_set1(1.0f), v_ldexp(p, n), &dl); /* 1 + e = d + dl */
    vf q = v_div(v_sel(neg, v_fma1(xc, u, xc), xc), d);
    q = v_fma(v_neg(q), v_mul(dl, v_fma(d, v_set1(-0.5f), v_set1(1.5f))), q);
    /* above the clamp the result is xn itself (the correction would meet inf * 0) */
    return v_sel(v_gt(xn, xc), xn, v_ldexp(q, v_sel(neg, n, v_zero())));
#endif
}

/*
 * c * expm1(y + yl) for y <= 0 (yl a low part, or zero when lo = 0): 2^n
 * (1 + u) - 1 = 2^n u + (2^n - 1), computed as fma(c 2^n, u, c (2^n - 1)):
 * c 2^n is exact, and for |y| < 0.35 (n = 0) the second term is 0, so the
 * result is u rounded once after the scale (one rounding fewer than
 * c * expm1). y < -20 gives -c (expm1(-20) rounds to -1); y > 0 is computed
 * as y = 0 (the callers, elu and celu with alpha > 0, select x there). The
 * result has the sign of c y, zeros included. Without a low part the FMA
 * ISAs reduce with ln2 rounded to float in one FMA (ACT_RED_1). Error: u's
 * ~0.8u of its size times 2^n |u| / |expm1(y)| (<= 0.7), plus 0.5u, plus 0.5u times
 * |c (2^n - 1)| / |result| (<= 1.7) when c is not a power of 2.
 */
static inline vf act_expm1c_v(vf y, vf yl, int lo, vf c) {
    const vf yc = act_clamp_v(y, -20.0f, 0.0f);
    /* with a low part r = (yc - n ln2_hi, exact) + (yl - n ln2_lo), one
     * rounding; without, on the FMA ISAs, r = yc - n RN(ln2), one FMA
     * (ACT_LN2_F: n <= 0 here). Not both: adding yl would round r a second
     * time (celu with alpha = 1.7 went 1 -> 2 ULP near x = -0.59, n = -1) */
    vf s;
    const vf u = act_expm1_u_v(yc, yl, lo ? ACT_RED_LO : ACT_HAS_FMA ? ACT_RED_1 : ACT_RED_2, &s);
    const vf e = v_fma(v_mul(c, s), u, v_mul(c, v_sub(s, v_set1(1.0f))));
    /* the sign of c expm1(y) is that of c y, zeros included (SSE2's unfused
     * fma turns -2^-150 + 0 into +0) */
    return v_copysign(e, v_mul(c, y));
}

/*
 * expm1(y) for callers that keep only the y < 0 lanes and fix y = -0
 * themselves (elu, celu with alpha = 1 and selu): y clamped below only
 * (NaN passes; lanes with y > 0 may hold anything), r rounded once
 * (act_expm1_u_v; on the FMA ISAs one FMA, ACT_RED_1: elu 16 -> 15
 * operations, +15%), 2^n u + (2^n - 1) in one FMA, no factor and no sign fix.
 * For y < 0 the result is negative on every ISA (where n = 0, u = r + r^2 P
 * rounds to r = y or next to it). y = -0 gives +0. The computed value is
 * never below y (exact: expm1(y) - y = y^2/2 + ...; where rounding puts it
 * below, y is nearer the truth), so v_max(e, y) restores -0 and only that.
 */
static inline vf act_expm1_neg_v(vf y) {
    vf s;
    const vf u =
        act_expm1_u_v(v_max(v_set1(-20.0f), y), v_zero(), ACT_HAS_FMA ? ACT_RED_1 : ACT_RED_2, &s);
    return v_fma(s, u, v_sub(s, v_set1(1.0f)));
}

#endif

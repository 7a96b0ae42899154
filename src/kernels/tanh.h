/*
 * tanh(x) = copysign(h / (1 + h), x), h = expm1(-2|x|)/2 in [-1/2, 0]: no
 * cancellation (1 + h >= 1/2), so one form covers the whole range with no
 * small-|x| branch. a = min(|x|, 10) (tanh rounds to 1 from 9.01; NaN
 * passes); n = round(-2a log2e) by the magic-number FMA (ACT_EXPP_MAGIC)
 * and 2^n from that sum by one shift (v_pow2t) where v_round and v_pow2
 * took three operations or more (bit-identical over 2^32 inputs; avx512
 * +1.3%, avx2 +4%, sse2 +2%), rho = -a - n ln2/2 (FMA ISAs: one FMA with
 * ln2 rounded to float, ACT_LN2_F, +12%; SSE2: the ln2_hi product and the
 * difference exact, the ln2_lo term rounded once), and
 * u = e^(2 rho) - 1 = r + r^2 P(r), r = 2 rho, evaluated
 * as u/2 = rho + rho^2 2P(2 rho) (the coefficients scaled by exact powers of
 * 2; Estrin's scheme: the chain is what limits this kernel). P is fitted
 * relative to e^r - 1 (fit.py "tanh", 0.26u), since for n = 0, h = u/2.
 * h = 2^n u/2 + (2^n - 1)/2 in one FMA: exact for n = 0, and for n = -1 its
 * two terms cancel by at most 1.7x. Error: u/2 (0.5u and the fit), h (n != 0:
 * 0.5u), 1 + h (<= 0.5u relative), the division (0.5u). Exhaustive max 2 ULP
 * on every ISA (0.15% of results > 1 ULP off, all near |x| < 0.35, n = 0).
 * The quotient is formed as g/(1 - g), g = -h >= +0 (+0 at x = +-0, by
 * the FMAs' zero signs), so x's sign goes in with one OR (v_or, v_signbit)
 * instead of a copysign: bit-identical, avx512 +3%, avx2 +7%, sse2 +5%
 * (the sign put into g before the division instead: avx512 -4%).
 * Also tried: 1 + h from its own FMA (one rounding fewer, 0.09% > 1 ULP) -6%;
 * the quotient refined as h - h q0, q0 = h/(1 + h) (0.05%) -13%. The
 * previous form (an odd polynomial below |x| = 0.55, (1 - e)/(1 + e) above)
 * took 27 operations against 17.
 */
#define ACT_TANH_P0 0x1.fffffep-2f
#define ACT_TANH_P1 0x1.5554a6p-3f
#define ACT_TANH_P2 0x1.5556ecp-5f
#define ACT_TANH_P3 0x1.1230c4p-7f
#define ACT_TANH_P4 0x1.6baf4cp-10f
#define ACT_TANH_C0 (2.0f * ACT_TANH_P0)
#define ACT_TANH_C1 (4.0f * ACT_TANH_P1)
#define ACT_TANH_C2 (8.0f * ACT_TANH_P2)
#define ACT_TANH_C3 (16.0f * ACT_TANH_P3)
#define ACT_TANH_C4 (32.0f * ACT_TANH_P4)

static inline vf act_tanh_v(vf x, const act_kargs *a) {
    (void)a;
    const vf na = v_max(v_set1(-10.0f), v_nabs(x)); /* -min(|x|, 10); NaN passes */
    const vf tm = v_fma(na, v_set1(2.0f * ACT_LOG2E), v_set1(ACT_EXPP_MAGIC));
    const vf n = v_sub(tm, v_set1(ACT_EXPP_MAGIC));
#if ACT_HAS_FMA
    const vf rho = v_fma(n, v_set1(-0.5f * ACT_LN2_F), na); /* one FMA: see ACT_LN2_F */
#else
    const vf rho = v_fma(n, v_set1(-0.5f * ACT_LN2_LO), v_fma(n, v_set1(-0.5f * ACT_LN2_HI), na));
#endif
    const vf rr = v_sqr(rho);
    const vf c01 = v_fma(v_set1(ACT_TANH_C1), rho, v_set1(ACT_TANH_C0));
    const vf c23 = v_fma(v_set1(ACT_TANH_C3), rho, v_set1(ACT_TANH_C2));
    const vf P = v_fma(v_fma(v_set1(ACT_TANH_C4), rr, c23), rr, c01);
    const vf u2 = v_fma(rr, P, rho);
    const vf s = v_pow2t(tm);
    /* g = -h >= +0 (+0 at x = 0) */
    const vf g = v_fnma(s, u2, v_fnma(s, v_set1(0.5f), v_set1(0.5f)));
    return v_or(v_div(g, v_sub(v_set1(1.0f), g)), v_signbit(x)); /* tanh(-0) = -0 */
}
ACT_UNARY_KERNEL(tanh)

/* SLEEF composition: Sleef tanh u10. */
static inline vf act_tanh_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    return v_tanh(x);
}
ACT_UNARY_KERNEL(tanh_sleef)

/*
 * sigmoid(x) = 1/(1 + e^-x): e = e^-|x| in [0, 1] (act_exp_fast_v, scaled at
 * once), then 1/(1 + e) for x >= 0 and e/(1 + e) for x < 0, one division.
 * -|x| is clamped at -105 (e^-105 < 2^-151): sigmoid(-inf) = +0,
 * sigmoid(+inf) = 1, NaN gives NaN. Error, x < 0: p's ~0.6u (0.75u without
 * the table), 0.5u for the division, 0.5u * e/(1+e) for 1 + e; x >= 0: the
 * last two and p's error times e/(1+e). Exhaustive max: 2 ULP (docs/accuracy.md).
 * The refined quotient and late scaling this replaced cost 35% of the speed
 * for no measured gain (docs/design.md).
 * Denormal results (x < -87.3): a division whose result is denormal is 2-5x
 * slower here (whole kernel on [-100, 100]: 1.6 against 7.4 Gelem/s), so a
 * group of four vectors with some x < -87 divides p instead of e (normal) and
 * applies 2^n after (ACT_GUARDED_LOOP): the same value wherever the result is
 * normal, and denormal results rounded once more. Every such lane takes that
 * path, so a result never depends on its neighbours. The late scaling for
 * every vector cost 11%; the test once per vector 4%, once per four vectors
 * it gains 10% (the four chains interleave; docs/design.md).
 */
/* x < 0 ? a : k. AVX-512: v_nabs_min dropped a NaN x, v_sel_neg brings it
 * back (one operation each where v_max(-105, v_nabs(x)) and v_sel(v_lt(..))
 * took two: 7.22 -> 7.53 Gelem/s, docs/design.md); elsewhere NaN passes
 * v_nabs_min and reaches the result through d. */
#if ACT_HAS_SEL_NEG
#define ACT_SIG_SEL_NEG(x, a, k) v_sel_neg(x, a, k)
#else
/* by x's sign bit: x = -0 takes a = e = 1 = k, and a NaN x gives NaN through
 * d either way (AVX2: one blendv where the compare and the blendv took two,
 * +3.5%; bit-identical) */
#define ACT_SIG_SEL_NEG(x, a, k) v_sel_sign(x, a, v_set1(k))
#endif
/* e^-min(|x|, c) = 2^n p */
static inline vf act_sigmoid_p_v(vf x, float c, vf *n, vf *t) {
    return act_exp_fast_t_v(v_nabs_min(x, c), n, t);
}
/*
 * The fast body's -|x| and what the group test compares with -87. Where
 * -min(|x|, 87) is two operations (AVX2, NEON: an OR and a max; AVX-512's
 * v_nabs_min is one vrangeps), the test is made on -|x|, so that it also sends
 * |x| > 87 to the other body and the fast one needs no clamp: AVX2 +3.4%,
 * bit-identical over 2^32 inputs; on [-100, 100], where most groups now take
 * the other body, -1.3%. SSE2 keeps the clamp: there the other body is slow
 * enough that the wide range lost 23%.
 */
#if ACT_HAS_FMA && !ACT_HAS_SEL_NEG
#define ACT_SIG_W(x) v_nabs(x)
#define ACT_SIG_TESTED(x) v_nabs(x)
#else
#define ACT_SIG_W(x) v_nabs_min(x, ACT_NM_CLAMP)
#define ACT_SIG_TESTED(x) (x)
#endif
/* the whole group within |x| <= 87 (or x >= -87 with |x| clamped at
 * ACT_NM_CLAMP, 87 where it matters): n >= -126, so e = 2^n p by
 * v_ldexp_nm (for x in (87, 105] the result is 1 either way) */
static inline vf act_sigmoid_v(vf x, const act_kargs *a) {
    (void)a;
    vf n, t;
    const vf p = act_exp_fast_t_v(ACT_SIG_W(x), &n, &t);
    const vf e = act_exp_scale_nm_v(p, n, t);
    return v_div(ACT_SIG_SEL_NEG(x, e, 1.0f), v_add(v_set1(1.0f), e));
}
/* ACT_SIG_TESTED(x) < -87 somewhere: p/d, then 2^n (the same value where
 * the result is normal) */
static inline vf act_sigmoid_low_v(vf x, const act_kargs *a) {
    (void)a;
    vf n, t;
    const vf p = act_sigmoid_p_v(x, 105.0f, &n, &t);
    const vf d = v_add(v_set1(1.0f), v_ldexp_lo(p, n));
    return v_ldexp(v_div(ACT_SIG_SEL_NEG(x, p, 1.0f), d), ACT_SIG_SEL_NEG(x, n, 0.0f));
}
static inline vm act_sigmoid_low_need_v(vf x) { return v_lt(ACT_SIG_TESTED(x), v_set1(-87.0f)); }
#undef ACT_SIG_SEL_NEG
#undef ACT_SIG_W
#undef ACT_SIG_TESTED
ACT_GUARDED_KERNEL(sigmoid, 4, act_sigmoid_v, act_sigmoid_low_v, act_sigmoid_low_need_v)

/* SLEEF composition: e = Sleef exp(-|x|), then 1/(1+e) or e/(1+e). */
static inline vf act_sigmoid_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf e = v_exp(v_neg(v_abs(x)));
    const vf d = v_add(v_set1(1.0f), e);
    return v_div(v_sel(v_lt(x, v_zero()), e, v_set1(1.0f)), d);
}
ACT_UNARY_KERNEL(sigmoid_sleef)

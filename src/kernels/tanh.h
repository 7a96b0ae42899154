/*
 * tanh(x). |x| < 0.55: x + x^3 Q(x^2) (fit.py "tanh", 0.002u). Elsewhere,
 * with e = e^-2|x| <= e^-1.1 = 0.333 (act_exp_fast_v; no cancellation in
 * 1 - e): (1 - e)/(1 + e), three roundings. -2|x| is clamped at -20: tanh
 * rounds to 1 from |x| = 9.01 on. Sign copied from x (tanh(-0) = -0). Error:
 * 3 x 0.5u + e's error (<= 0.75u of e; ~1.1u on AVX-512, whose table exp
 * drops its low part here: act_exp_fast_hi_v) times 2e/(1-e^2) <= 0.75; the
 * errors of 1 - e and 1 + e from e's partly cancel in the quotient.
 * Exhaustive max: 2 ULP on every ISA (docs/accuracy.md). Forming 1 -/+ e from an unrounded
 * 1 + u (as before) cost 10% of the speed for no change in the measured max.
 */
#define ACT_TANH_Q0 (-0x1.555554p-2f)
#define ACT_TANH_Q1 0x1.111082p-3f
#define ACT_TANH_Q2 (-0x1.b9f392p-5f)
#define ACT_TANH_Q3 0x1.63b836p-6f
#define ACT_TANH_Q4 (-0x1.0c832p-7f)
#define ACT_TANH_Q5 0x1.19357p-9f

static inline vf act_tanh_v(vf x, const act_kargs *a) {
    (void)a;
    const vf x2 = v_mul(x, x);
    vf Q = v_fma(v_set1(ACT_TANH_Q5), x2, v_set1(ACT_TANH_Q4));
    Q = v_fma(Q, x2, v_set1(ACT_TANH_Q3));
    Q = v_fma(Q, x2, v_set1(ACT_TANH_Q2));
    Q = v_fma(Q, x2, v_set1(ACT_TANH_Q1));
    Q = v_fma(Q, x2, v_set1(ACT_TANH_Q0));
    const vf small = v_fma(v_mul(x, x2), Q, x);
    vf n;
    const vf w = v_nabs_min(x, 10.0f);
    const vf p = act_exp_fast_hi_v(v_add(w, w), &n);
    const vf e = v_ldexp_lo(p, n);
    const vf num = v_sub(v_set1(1.0f), e), den = v_add(v_set1(1.0f), e);
    /* the branch from x^2 (NaN: the polynomial's, v_nabs_min may drop it);
     * copysign on both: tanh(-0) = -0 (the polynomial gives +0 there) */
    return v_copysign(v_sel(v_ge(x2, v_set1(0.3025f)), v_div(num, den), small), x);
}
ACT_UNARY_KERNEL(tanh)

/* SLEEF composition: Sleef tanh u10. */
static inline vf act_tanh_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    return v_tanh(x);
}
ACT_UNARY_KERNEL(tanh_sleef)

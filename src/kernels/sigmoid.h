/*
 * sigmoid(x) = 1/(1 + e^-x), as 1 * sigmoid(x) through act_xsigmoid_core_v:
 * e = e^-|x| in [0, 1], 1/(1 + e) or e/(1 + e), the quotient refined, the
 * scale 2^n applied last (denormal results for x < -87.3 rounded once).
 * sigmoid(-inf) = +0 (e^-112 scaled rounds to 0), sigmoid(+inf) = 1, NaN
 * gives NaN. Error: 0.5u + 0.8u * e/(1+e).
 */
static inline vf act_sigmoid_v(vf x, const act_kargs *a) {
    (void)a;
    const vm neg = v_lt(x, v_zero());
    const vf w = v_max(v_set1(-105.0f), v_neg(v_abs(x)));
    vf n;
    const vf p = act_exp_lean_v(w, &n, NULL);
    const vf d = v_add(v_set1(1.0f), v_ldexp(p, n));
    const vf q = v_div(v_sel(neg, p, v_set1(1.0f)), d);
    return v_ldexp(q, v_sel(neg, n, v_zero()));
}
ACT_UNARY_KERNEL(sigmoid)

/* SLEEF composition: e = Sleef exp(-|x|), then 1/(1+e) or e/(1+e). */
static inline vf act_sigmoid_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf e = v_exp(v_neg(v_abs(x)));
    const vf d = v_add(v_set1(1.0f), e);
    return v_div(v_sel(v_lt(x, v_zero()), e, v_set1(1.0f)), d);
}
ACT_UNARY_KERNEL(sigmoid_sleef)

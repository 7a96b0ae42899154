/*
 * logsigmoid(x) = -softplus(-x) = -log(1 + e^-x), through
 * act_softplus_parts_v (no overflow, no cancellation, denormal results for
 * x > 87.3 kept). logsigmoid(-inf) = -inf, logsigmoid(+inf) = -0.
 */
static inline vf act_logsigmoid_v(vf x, const act_kargs *a) {
    (void)a;
    vf k;
    const vf m = act_softplus_parts_v(v_neg(x), v_zero(), &k, 0);
    return v_neg(v_ldexp(m, k));
}
ACT_UNARY_KERNEL(logsigmoid)

/* SLEEF composition: -(max(-x,0) + Sleef log1p(Sleef exp(-|x|))). */
static inline vf act_logsigmoid_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf l = v_log1p(v_exp(v_neg(v_abs(x))));
    return v_neg(v_add(v_max(v_neg(x), v_zero()), l));
}
ACT_UNARY_KERNEL(logsigmoid_sleef)

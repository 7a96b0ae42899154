/*
 * logsigmoid(x) = -softplus(-x) = -log(1 + e^-x), through
 * act_softplus_parts_v (no overflow, no cancellation, denormal results for
 * x > 87.3 kept). logsigmoid(-inf) = -inf, logsigmoid(+inf) = -0.
 */
/* min(0, x) - log1p(e^-|x|) where every x of the group is <= 27.5, as in
 * act_softplus1_v; groups with some x > 27.5 scale late. */
static inline vf act_logsigmoid_v(vf x, const act_kargs *a) {
    (void)a;
    vf e;
    const vf L = act_softplus1_e_v(x, &e);
    return v_sub(v_min(v_zero(), x), v_fma(e, L, e));
}
static inline vf act_logsigmoid_low_v(vf x, const act_kargs *a) {
    (void)a;
    vf k;
    const vf m = act_softplus_parts_v(v_neg(x), v_zero(), &k, 0);
    return v_neg(v_ldexp(m, k));
}
static inline vm act_logsigmoid_low_need_v(vf x) { return v_gt(x, v_set1(27.5f)); }
ACT_GUARDED_KERNEL(logsigmoid, 4, act_logsigmoid_v, act_logsigmoid_low_v, act_logsigmoid_low_need_v)

/* SLEEF composition: -(max(-x,0) + Sleef log1p(Sleef exp(-|x|))). */
static inline vf act_logsigmoid_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf l = v_log1p(v_exp(v_neg(v_abs(x))));
    return v_neg(v_add(v_max(v_neg(x), v_zero()), l));
}
ACT_UNARY_KERNEL(logsigmoid_sleef)

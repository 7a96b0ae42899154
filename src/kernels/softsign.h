/*
 * softsign(x) = x / (1 + |x|). |x| is capped at 2^26 first: beyond 2^25 the
 * result rounds to ±1 anyway, and the cap turns inf/inf into 1 instead of NaN.
 * NaN passes the cap (ordered compare). <= 1 ULP.
 */
static inline vf act_softsign_v(vf x, const act_kargs *a) {
    (void)a;
    const vf cap = v_set1(67108864.0f); /* 2^26 */
    const vf ax = v_abs(x);
    const vm big = v_gt(ax, cap);
    const vf xc = v_sel(big, v_copysign(cap, x), x);
    return v_div(xc, v_add(v_set1(1.0f), v_sel(big, cap, ax)));
}
ACT_UNARY_KERNEL(softsign)

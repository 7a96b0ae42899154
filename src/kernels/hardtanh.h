/* hardtanh(x) = min(max(x, alpha), beta); x inside the range is returned as is. Exact. */
static inline vf act_hardtanh_v(vf x, const act_kargs *a) {
    const vf lo = v_set1(a->alpha);
    return act_cap_hi_v(v_sel(v_lt(x, lo), lo, x), v_set1(a->beta));
}
ACT_UNARY_KERNEL(hardtanh)

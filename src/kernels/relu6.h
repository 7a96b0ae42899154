/* relu6(x) = min(max(x, 0), 6). Exact. */
static inline vf act_relu6_v(vf x, const act_kargs *a) {
    (void)a;
    return act_cap_hi_v(act_relu_core_v(x), v_set1(6.0f));
}
ACT_UNARY_KERNEL(relu6)

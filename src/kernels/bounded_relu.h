/* bounded_relu(x) = min(max(x, 0), alpha). Exact. */
static inline vf act_bounded_relu_v(vf x, const act_kargs *a) {
    return act_cap_hi_v(act_relu_core_v(x), v_set1(a->alpha));
}
ACT_UNARY_KERNEL(bounded_relu)

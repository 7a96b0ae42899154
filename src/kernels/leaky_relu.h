/* leaky_relu(x) = x > 0 ? x : alpha*x. Exact: one rounded product. */
static inline vf act_leaky_relu_v(vf x, const act_kargs *a) {
    return act_leaky_core_v(x, v_set1(a->alpha));
}
ACT_UNARY_KERNEL(leaky_relu)

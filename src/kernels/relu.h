/* relu(x) = x > 0 ? x : +0. Exact. */
static inline vf act_relu_v(vf x, const act_kargs *a) {
    (void)a;
    return act_relu_core_v(x);
}
ACT_UNARY_KERNEL(relu)

/*
 * hardsigmoid(x) = clamp(x + 3, 0, 6) / 6. For x in [-6, -1.5] the sum is exact
 * (Sterbenz), so the one division rounds correctly where the result is small;
 * elsewhere the sum's rounding adds under 0.7 ULP. A true division, not a
 * multiply by 1/6: that constant's error alone is 0.75 ULP. <= 1 ULP.
 */
static inline vf act_hardsigmoid_v(vf x, const act_kargs *a) {
    (void)a;
    const vf t = act_cap_hi_v(act_relu_core_v(v_add(x, v_set1(3.0f))), v_set1(6.0f));
    return v_div(t, v_set1(6.0f));
}
ACT_UNARY_KERNEL(hardsigmoid)

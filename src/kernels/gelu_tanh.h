/*
 * gelu_tanh(x) = 0.5x(1 + tanh(u)), u = sqrt(2/pi)(x + 0.044715x^3), computed
 * as x * sigmoid(2u) (no cancellation for x < 0). For x < 0 the result is
 * about x e^(2u) with 2u down to -112: a rounded 2u would cost |2u| * 2^-24
 * relative (up to 100 ULP), so z = 2u = x (C1 + C3 x^2) is formed in
 * double-float (hi + lo, error ~2^-40 relative) with C1 = 2 sqrt(2/pi) and
 * C3 = C1 * 0.044715 as hi + lo pairs (tests/accuracy/fit/fit.py prints
 * none of these: they are the constants rounded twice, see the comment).
 * x is clamped to ±12: x > 12 gives x (z(12) = 142: sigmoid rounds to 1) and
 * z(-12) < -112, where the result is -0. gelu(-inf) = -0, gelu(+inf) = +inf.
 */
#define ACT_GELU_C1H 0x1.988454p+0f   /* 2 sqrt(2/pi) = C1H + C1L */
#define ACT_GELU_C1L (-0x1.857936p-25f)
#define ACT_GELU_C3H 0x1.2444f2p-4f   /* 2 sqrt(2/pi) 0.044715 = C3H + C3L */
#define ACT_GELU_C3L 0x1.49b16ap-29f

static inline vf act_gelu_tanh_v(vf x, const act_kargs *a) {
    (void)a;
    const vf xc = act_clamp_v(x, -12.0f, 12.0f);
    vf x2l, tl, wl, zl;
    const vf x2h = v_two_prod(xc, xc, &x2l);
    const vf th = v_two_prod(v_set1(ACT_GELU_C3H), x2h, &tl);
    tl = v_fma(v_set1(ACT_GELU_C3H), x2l, v_fma(v_set1(ACT_GELU_C3L), x2h, tl));
    const vf wh = act_two_sum_v(v_set1(ACT_GELU_C1H), th, &wl);
    wl = v_add(wl, v_add(tl, v_set1(ACT_GELU_C1L)));
    const vf zh = v_two_prod(xc, wh, &zl);
    zl = v_fma(xc, wl, zl);
    const vf r = act_xsigmoid_v(xc, zh, zl, 1, -112.0f);
    /* copysign: the result has x's sign, zeros included (x = -2^-149 gives -0) */
    return v_copysign(v_sel(v_lt(zh, v_set1(-112.0f)), v_zero(), v_sel(v_gt(x, v_set1(12.0f)), x, r)), x);
}
ACT_UNARY_KERNEL(gelu_tanh)

/* SLEEF composition: x * sigmoid_sleef(2u) with 2u rounded to float. */
static inline vf act_gelu_tanh_sleef_v(vf x, const act_kargs *a) {
    const vf xc = act_clamp_v(x, -12.0f, 12.0f);
    const vf z = v_mul(xc, v_fma(v_set1(ACT_GELU_C3H), v_mul(xc, xc), v_set1(ACT_GELU_C1H)));
    const vf r = v_mul(x, act_sigmoid_sleef_v(z, a));
    return v_sel(v_lt(z, v_set1(-112.0f)), v_copysign(v_zero(), x), v_sel(v_gt(z, v_set1(24.0f)), x, r));
}
ACT_UNARY_KERNEL(gelu_tanh_sleef)

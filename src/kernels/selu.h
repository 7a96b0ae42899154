/*
 * selu(x) = scale * (x > 0 ? x : a * expm1(x)), PyTorch's constants. The
 * constants scale and scale*a are used as hi + lo float pairs (a rounded
 * constant alone costs up to 0.5 ULP): x > 0 gives fma(SH, x, SL xc), one
 * rounding of the exact product but for the 2^-48 of SL (xc: x capped at
 * FLT_MAX, so +inf gives inf, not inf - inf); x <= 0 gives
 * fma(AH, e, AL e) with e = expm1(x). selu(-inf) = -scale*a, selu(+inf) =
 * +inf, selu(FLT_MAX) = +inf (the exact result exceeds FLT_MAX).
 * The low-part products SL xc and AL e are denormal for |x| below ~1e-30:
 * v_mulz (an FMA on the FMA ISAs) there, where a multiply with a denormal
 * result is slow on x86: over x in [-1e-30, -1e-38] avx512 2.0 -> 7.2
 * Gelem/s, avx2 1.25 -> 3.4; on [-8, 8] avx512 -1.6%, avx2 +1%, sse2 +5%.
 */
#define ACT_SELU_SH 0x1.0cfabep+0f   /* scale = SH + SL */
#define ACT_SELU_SL (-0x1.2addd8p-25f)
#define ACT_SELU_AH 0x1.c212ccp+0f   /* scale * a = AH + AL */
#define ACT_SELU_AL 0x1.903c0cp-26f

static inline vf act_selu_v(vf x, const act_kargs *a) {
    (void)a;
    /* v_max: selu(-0) = -0 (act_expm1_neg_v gives +0 there) */
    const vf e = v_max(act_expm1_neg_v(x), x);
    const vf xc = v_min(x, v_set1(0x1.fffffep+127f));
    const vf pos = v_fma(v_set1(ACT_SELU_SH), x, v_mulz(v_set1(ACT_SELU_SL), xc));
    const vf neg = v_fma(v_set1(ACT_SELU_AH), e, v_mulz(v_set1(ACT_SELU_AL), e));
    return v_sel(v_gt(x, v_zero()), pos, neg);
}
ACT_UNARY_KERNEL(selu)

/* SLEEF composition: the same constant pairs around Sleef expm1. */
static inline vf act_selu_sleef_v(vf x, const act_kargs *a) {
    (void)a;
    const vf e = v_expm1(x);
    const vf xc = v_min(x, v_set1(0x1.fffffep+127f));
    const vf pos = v_fma(v_set1(ACT_SELU_SH), x, v_mulz(v_set1(ACT_SELU_SL), xc));
    const vf neg = v_fma(v_set1(ACT_SELU_AH), e, v_mulz(v_set1(ACT_SELU_AL), e));
    return v_sel(v_gt(x, v_zero()), pos, neg);
}
ACT_UNARY_KERNEL(selu_sleef)

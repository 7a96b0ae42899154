/*
 * Shared pieces of the kernel bodies. Included after an ISA's vec_<isa>.h,
 * which defines vf, vm, ACT_VLEN, ACT_ISA_SUFFIX and the v_* operations.
 */
#ifndef ACT_KERNELS_COMMON_H
#define ACT_KERNELS_COMMON_H

#include "../internal.h"

#define ACT_CAT_(a, b) a##b
#define ACT_CAT(a, b) ACT_CAT_(a, b)
/* act_f32_<name>__<isa> */
#define ACT_KFN(name) ACT_CAT(ACT_CAT(act_f32_, name), ACT_CAT(__, ACT_ISA_SUFFIX))

/*
 * ACT_UNARY_KERNEL(name) emits act_f32_<name>__<isa>() around the body
 * `static inline vf act_<name>_v(vf x, const act_kargs *a)`: four vectors per
 * iteration, then single vectors, then one partial vector that touches only
 * the n % ACT_VLEN remaining elements. Each vector is loaded before its store,
 * so in == out works. The parameters are copied to a local first: out[] may
 * alias *a as far as the compiler knows, and a local lets it keep them in
 * registers.
 */
#define ACT_UNARY_KERNEL(name)                                                                     \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a);                 \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a) {                \
        const act_kargs k = *a;                                                                    \
        ACT_UNARY_LOOP(in, out, n, act_##name##_v, &k);                                            \
    }

/* The loop of ACT_UNARY_KERNEL: out[i] = F(in[i], ARG) for i < n. */
#define ACT_UNARY_LOOP(in, out, n, F, ARG)                                                         \
    do {                                                                                           \
        size_t i_ = 0;                                                                             \
        for (; i_ + 4 * ACT_VLEN <= (n); i_ += 4 * ACT_VLEN) {                                     \
            vf x0_ = v_load((in) + i_), x1_ = v_load((in) + i_ + ACT_VLEN);                        \
            vf x2_ = v_load((in) + i_ + 2 * ACT_VLEN);                                             \
            vf x3_ = v_load((in) + i_ + 3 * ACT_VLEN);                                             \
            v_store((out) + i_, F(x0_, ARG));                                                      \
            v_store((out) + i_ + ACT_VLEN, F(x1_, ARG));                                           \
            v_store((out) + i_ + 2 * ACT_VLEN, F(x2_, ARG));                                       \
            v_store((out) + i_ + 3 * ACT_VLEN, F(x3_, ARG));                                       \
        }                                                                                          \
        for (; i_ + ACT_VLEN <= (n); i_ += ACT_VLEN)                                               \
            v_store((out) + i_, F(v_load((in) + i_), ARG));                                        \
        if (i_ < (n)) v_storen((out) + i_, F(v_loadn((in) + i_, (n)-i_), ARG), (n)-i_);            \
    } while (0)

/*
 * ACT_UNARY_LOOP8: eight vectors per iteration, the rest by ACT_UNARY_LOOP.
 * For the kinds whose chains are long enough that four in flight do not
 * hide them (mish +20%, silu +9% at 16K against the four-vector loop; elu
 * and gelu_tanh lose 10% with it, docs/design.md). ACT_UNARY_KERNEL8 is
 * ACT_UNARY_KERNEL over it.
 */
#define ACT_UNARY_LOOP8(in, out, n, F, ARG)                                                        \
    do {                                                                                           \
        size_t j_ = 0;                                                                             \
        for (; j_ + 8 * ACT_VLEN <= (n); j_ += 8 * ACT_VLEN) {                                     \
            vf y_[8];                                                                              \
            for (int u_ = 0; u_ < 8; u_++) y_[u_] = v_load((in) + j_ + (size_t)u_ * ACT_VLEN);     \
            for (int u_ = 0; u_ < 8; u_++)                                                         \
                v_store((out) + j_ + (size_t)u_ * ACT_VLEN, F(y_[u_], ARG));                       \
        }                                                                                          \
        ACT_UNARY_LOOP((in) + j_, (out) + j_, (n)-j_, F, ARG);                                     \
    } while (0)
#define ACT_UNARY_KERNEL8(name)                                                                    \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a);                 \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a) {                \
        const act_kargs k = *a;                                                                    \
        ACT_UNARY_LOOP8(in, out, n, act_##name##_v, &k);                                           \
    }

/*
 * ACT_GUARDED_LOOP(U, ...): ACT_UNARY_LOOP with two bodies, F for ordinary
 * inputs and S for the lanes NEED(x) flags (inputs whose result F would get
 * wrong or reach slowly, e.g. through a denormal division). The test is made
 * once per U vectors, so F's U chains stay free of branches and interleave; a
 * group with a flagged lane runs S on all U. S must give F's value bit for
 * bit wherever NEED is false, so that a result never depends on its
 * neighbours (tests/test_kinds.c checks a shuffled sweep).
 */
#define ACT_GUARDED_LOOP(U, in, out, n, F, S, NEED, ARG)                                           \
    do {                                                                                           \
        size_t i_ = 0;                                                                             \
        for (; i_ + (U)*ACT_VLEN <= (n); i_ += (U)*ACT_VLEN) {                                     \
            vf y_[U];                                                                              \
            for (int u_ = 0; u_ < (U); u_++) y_[u_] = v_load((in) + i_ + (size_t)u_ * ACT_VLEN);   \
            vm m_ = NEED(y_[0]);                                                                   \
            for (int u_ = 1; u_ < (U); u_++) m_ = v_mor(m_, NEED(y_[u_]));                         \
            if (v_any(m_)) {                                                                       \
                for (int u_ = 0; u_ < (U); u_++) y_[u_] = S(y_[u_], ARG);                          \
            } else {                                                                               \
                for (int u_ = 0; u_ < (U); u_++) y_[u_] = F(y_[u_], ARG);                          \
            }                                                                                      \
            for (int u_ = 0; u_ < (U); u_++) v_store((out) + i_ + (size_t)u_ * ACT_VLEN, y_[u_]);  \
        }                                                                                          \
        for (; i_ < (n); i_ += ACT_VLEN) {                                                         \
            const size_t m_ = (n)-i_ < ACT_VLEN ? (n)-i_ : ACT_VLEN;                               \
            const vf x_ = m_ == ACT_VLEN ? v_load((in) + i_) : v_loadn((in) + i_, m_);             \
            const vf y_ = v_any(NEED(x_)) ? S(x_, ARG) : F(x_, ARG);                               \
            if (m_ == ACT_VLEN)                                                                    \
                v_store((out) + i_, y_);                                                           \
            else                                                                                   \
                v_storen((out) + i_, y_, m_);                                                      \
        }                                                                                          \
    } while (0)

/* ACT_GUARDED_KERNEL(name, U, F, S, NEED): act_f32_<name>__<isa>() around
 * ACT_GUARDED_LOOP, as ACT_UNARY_KERNEL is around ACT_UNARY_LOOP. */
#define ACT_GUARDED_KERNEL(name, U, F, S, NEED)                                                    \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a);                 \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a) {                \
        const act_kargs k = *a;                                                                    \
        ACT_GUARDED_LOOP(U, in, out, n, F, S, NEED, &k);                                           \
    }

/*
 * ACT_PARAM_GUARD(name, lo, hi): a parameterized body is verified (MPFR sweep,
 * fuzzing) only for lo <= |alpha| <= hi; other values go to the scalar path,
 * which is <= 1 ULP for every parameter. The fuzzer found the bodies wrong
 * outside these ranges (swish with beta = 0, softplus with tiny beta, celu
 * with large or negative alpha), so the range is the claim, not a guess.
 */
#define ACT_PARAM_GUARD(name, lo, hi)                                                              \
    do {                                                                                           \
        const float m_ = a->alpha < 0 ? -a->alpha : a->alpha;                                      \
        if (!(m_ >= (lo) && m_ <= (hi))) {                                                         \
            act_f32_##name##__scalar(in, out, n, a);                                               \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* x <= 0 (or -0) gives +0; NaN passes through because the compare is false. */
static inline vf act_relu_core_v(vf x) { return v_sel(v_le(x, v_zero()), v_zero(), x); }

/* x <= 0 ? x*slope : x; NaN passes through. */
static inline vf act_leaky_core_v(vf x, vf slope) {
    return v_sel(v_le(x, v_zero()), v_mul(x, slope), x);
}

/* y > hi ? hi : y; NaN passes through. */
static inline vf act_cap_hi_v(vf y, vf hi) { return v_sel(v_gt(y, hi), hi, y); }

#endif

/*
 * prelu: leaky_relu with slope slopes[(i / inner) % channels] for element i.
 * The slope of element i is periodic in i with period P = inner * channels.
 * Layouts, fastest first:
 *  - long runs of one channel (NCHW: inner >= ACT_VLEN, or one channel): the
 *    unrolled loop per run with the slope broadcast;
 *  - channels-last (inner == 1, channels >= 2 * ACT_VLEN): spans of
 *    elements whose slopes are slopes[0 .. channels), loaded as a second input;
 *  - a short period (P <= 1024): the slopes expanded once per call into a
 *    stack pattern of whole periods, then spans over that pattern.
 * Anything else builds each vector's slopes lane by lane. Exact.
 */
#define ACT_PRELU_PATTERN 1024

/* out[j] = leaky(in[j], s[j]) for j < len */
static inline void act_prelu_span_(const float *in, float *out, size_t len, const float *s) {
    size_t j = 0;
    for (; j + 2 * ACT_VLEN <= len; j += 2 * ACT_VLEN) {
        const vf x0 = v_load(in + j), x1 = v_load(in + j + ACT_VLEN);
        const vf s0 = v_load(s + j), s1 = v_load(s + j + ACT_VLEN);
        v_store(out + j, act_leaky_core_v(x0, s0));
        v_store(out + j + ACT_VLEN, act_leaky_core_v(x1, s1));
    }
    for (; j + ACT_VLEN <= len; j += ACT_VLEN)
        v_store(out + j, act_leaky_core_v(v_load(in + j), v_load(s + j)));
    if (j < len)
        v_storen(out + j, act_leaky_core_v(v_loadn(in + j, len - j), v_loadn(s + j, len - j)),
                 len - j);
}

/* Apply spans of length `period` whose slopes are s[0 .. period), from element 0. */
static inline void act_prelu_periodic_(const float *in, float *out, size_t n, const float *s,
                                       size_t period) {
    for (size_t i = 0; i < n; i += period)
        act_prelu_span_(in + i, out + i, n - i < period ? n - i : period, s);
}

void ACT_KFN(prelu)(const float *in, float *out, size_t n, const act_kargs *a);
void ACT_KFN(prelu)(const float *in, float *out, size_t n, const act_kargs *a) {
    const float *slopes = a->slopes;
    const size_t channels = a->channels, inner = a->inner;
    size_t i = 0, c = 0;
    if (channels == 1 || inner >= ACT_VLEN) {
        const size_t run = channels == 1 ? n : inner;
        while (i < n) {
            const size_t len = run < n - i ? run : n - i;
            const vf slope = v_set1(slopes[c]);
            ACT_UNARY_LOOP(in + i, out + i, len, act_leaky_core_v, slope);
            i += len;
            if (++c == channels) c = 0;
        }
        return;
    }
    if (inner == 1 && channels >= 2 * ACT_VLEN) {
        act_prelu_periodic_(in, out, n, slopes, channels);
        return;
    }
    float s[ACT_PRELU_PATTERN];
    const size_t period = inner * channels; /* no overflow: inner < ACT_VLEN here */
    if (period <= ACT_PRELU_PATTERN) {
        size_t k = 0;
        for (size_t ch = 0; ch < channels; ch++)
            for (size_t r = 0; r < inner; r++) s[k++] = slopes[ch];
        /* whole periods up to ~256 floats (or n): longer spans, without a 4 KB fill for small n */
        const size_t want = n < 256 ? n : 256;
        for (; k < want && k + period <= ACT_PRELU_PATTERN; k += period)
            for (size_t j = 0; j < period; j++) s[k + j] = s[j];
        act_prelu_periodic_(in, out, n, s, k);
        return;
    }
    size_t r = 0;
    while (i < n) {
        const size_t m = n - i < ACT_VLEN ? n - i : ACT_VLEN;
        for (size_t j = 0; j < m; j++) {
            s[j] = slopes[c];
            if (++r == inner) {
                r = 0;
                if (++c == channels) c = 0;
            }
        }
        act_prelu_span_(in + i, out + i, m, s);
        i += m;
    }
}

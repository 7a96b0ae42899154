/*
 * prelu: leaky_relu with slope slopes[(i / inner) % channels] for element i.
 * Long runs of one channel (inner >= ACT_VLEN, or a single channel) go through
 * the unrolled loop with the slope broadcast; short runs build each vector's
 * slopes lane by lane. Exact.
 */
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
    size_t r = 0; /* position inside the current channel's run */
    float s[ACT_VLEN];
    while (i < n) {
        const size_t m = n - i < ACT_VLEN ? n - i : ACT_VLEN;
        for (size_t j = 0; j < m; j++) {
            s[j] = slopes[c];
            if (++r == inner) {
                r = 0;
                if (++c == channels) c = 0;
            }
        }
        if (m == ACT_VLEN)
            v_store(out + i, act_leaky_core_v(v_load(in + i), v_load(s)));
        else
            v_storen(out + i, act_leaky_core_v(v_loadn(in + i, m), v_loadn(s, m)), m);
        i += m;
    }
}

/* act_apply(): validate, pick the kernel from the active row, call it. Names, statuses, version. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "kernels/list.h"

#define ACT_STR_(x) #x
#define ACT_STR(x) ACT_STR_(x)

/* act_params as first published: every later version only appends. */
#define ACT_PARAMS_V1_SIZE (offsetof(act_params, inner) + sizeof(size_t))

static const char *const kind_names[ACT_KIND_COUNT + 1] = {
#define ACT_NAME_ENTRY_(E, name) [ACT_##E] = #name,
    ACT_KIND_LIST(ACT_NAME_ENTRY_)
#undef ACT_NAME_ENTRY_
};

/* Defaults by kind: alpha, beta, channels, inner. */
static act_kargs kind_defaults(act_kind kind) {
    act_kargs k = {0.0f, 0.0f, NULL, 1, 1};
    switch (kind) {
    case ACT_LEAKY_RELU: k.alpha = 0.01f; break;
    case ACT_BOUNDED_RELU: k.alpha = 6.0f; break;
    case ACT_HARDTANH:
        k.alpha = -1.0f;
        k.beta = 1.0f;
        break;
    case ACT_ELU:
    case ACT_CELU:
    case ACT_SOFTPLUS:
    case ACT_SWISH: k.alpha = 1.0f; break;
    default: break;
    }
    return k;
}

static int finite(float x) { return isfinite(x); }

/* The kind's own rules on already-copied parameters. */
static int check_kargs(act_kind kind, const act_kargs *k) {
    switch (kind) {
    case ACT_LEAKY_RELU:
    case ACT_ELU:
    case ACT_SWISH: return finite(k->alpha) ? ACT_OK : ACT_ERR_PARAM;
    case ACT_BOUNDED_RELU: return finite(k->alpha) && k->alpha >= 0 ? ACT_OK : ACT_ERR_PARAM;
    case ACT_HARDTANH:
        return finite(k->alpha) && finite(k->beta) && k->alpha <= k->beta ? ACT_OK : ACT_ERR_PARAM;
    case ACT_CELU: return finite(k->alpha) && k->alpha != 0 ? ACT_OK : ACT_ERR_PARAM;
    case ACT_SOFTPLUS: return finite(k->alpha) && k->alpha > 0 ? ACT_OK : ACT_ERR_PARAM;
    case ACT_PRELU:
        if (!k->slopes) return ACT_ERR_NULL;
        if (k->channels < 1 || k->inner < 1) return ACT_ERR_PARAM;
        /* branch-free so it vectorizes: a NaN fails the <= too */
        int bad = 0;
        for (size_t c = 0; c < k->channels; c++) bad |= !(fabsf(k->slopes[c]) <= FLT_MAX);
        return bad ? ACT_ERR_PARAM : ACT_OK;
    default: return ACT_OK;
    }
}

/* Bytes the caller's struct has beyond the members we know must be zero. */
static int check_size(const act_params *p) {
    if (p->size < ACT_PARAMS_V1_SIZE) return ACT_ERR_SIZE;
    const unsigned char *b = (const unsigned char *)p;
    for (size_t i = sizeof(act_params); i < p->size; i++)
        if (b[i]) return ACT_ERR_SIZE;
    return ACT_OK;
}

int act_apply(act_kind kind, const act_params *params, const float *in, float *out, size_t n) {
    if ((unsigned)kind - 1u >= ACT_KIND_COUNT) return ACT_ERR_KIND;
    act_kargs k;
    if (params) {
        const int st = check_size(params);
        if (st) return st;
        k.alpha = params->alpha;
        k.beta = params->beta;
        k.slopes = params->slopes;
        k.channels = params->channels;
        k.inner = params->inner;
        const int st2 = check_kargs(kind, &k);
        if (st2) return st2;
    } else {
        if (kind == ACT_PRELU) return ACT_ERR_NULL; /* slopes are the caller's */
        k = kind_defaults(kind);
    }
    if (n == 0) return ACT_OK;
    if (!in || !out) return ACT_ERR_NULL;
    if (n > SIZE_MAX / sizeof(float)) return ACT_ERR_LENGTH;
    const uintptr_t bytes = (uintptr_t)n * sizeof(float), pi = (uintptr_t)in, po = (uintptr_t)out;
    if (pi > UINTPTR_MAX - bytes || po > UINTPTR_MAX - bytes) return ACT_ERR_LENGTH;
    if (pi != po && pi < po + bytes && po < pi + bytes) return ACT_ERR_OVERLAP;
    act_row_get()->fn[kind](in, out, n, &k);
    return ACT_OK;
}

int act_params_default(act_kind kind, act_params *p, size_t size) {
    if (!p) return ACT_ERR_NULL;
    if ((unsigned)kind - 1u >= ACT_KIND_COUNT) return ACT_ERR_KIND;
    if (size < ACT_PARAMS_V1_SIZE) return ACT_ERR_SIZE;
    const act_kargs k = kind_defaults(kind);
    if (size > sizeof(act_params))
        memset((char *)p + sizeof(act_params), 0, size - sizeof(act_params));
    act_params d;
    memset(&d, 0, sizeof d);
    d.size = size;
    d.alpha = k.alpha;
    d.beta = k.beta;
    d.slopes = NULL;
    d.channels = k.channels;
    d.inner = k.inner;
    memcpy(p, &d, size < sizeof d ? size : sizeof d);
    return ACT_OK;
}

const char *act_strerror(int status) {
    switch (status) {
    case ACT_OK: return "success";
    case ACT_ERR_NULL: return "NULL pointer where one is required";
    case ACT_ERR_KIND: return "unknown activation kind";
    case ACT_ERR_PARAM: return "invalid parameter (NaN, infinite or out of range)";
    case ACT_ERR_OVERLAP: return "input and output overlap without being identical";
    case ACT_ERR_ISA: return "instruction set not available on this CPU or build";
    case ACT_ERR_SIZE: return "act_params size too small, or unknown trailing bytes set";
    case ACT_ERR_LENGTH: return "array length does not fit the address space";
    default: return "unknown status";
    }
}

const char *act_kind_name(act_kind kind) {
    return (unsigned)kind - 1u < ACT_KIND_COUNT ? kind_names[kind] : NULL;
}

act_kind act_kind_from_name(const char *name) {
    if (!name) return (act_kind)0;
    for (int k = 1; k <= ACT_KIND_COUNT; k++)
        if (strcmp(name, kind_names[k]) == 0) return (act_kind)k;
    return (act_kind)0;
}

unsigned act_version(void) {
    return ACT_VERSION_MAJOR * 10000u + ACT_VERSION_MINOR * 100u + ACT_VERSION_PATCH;
}

const char *act_version_string(void) {
    return ACT_STR(ACT_VERSION_MAJOR) "." ACT_STR(ACT_VERSION_MINOR) "." ACT_STR(ACT_VERSION_PATCH);
}

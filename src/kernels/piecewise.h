/*
 * The piecewise kernel bodies and this ISA's row of the dispatch table.
 * Included once per ISA by src/isa/kernels_<isa>.c after its vec_<isa>.h;
 * the transcendental kinds of the row are defined in src/isa/trans_<isa>.c
 * (kernels/transcendental.h), built with their own flags (CMakeLists.txt).
 */
#include "common.h"
#include "list.h"

#include "relu.h"
#include "leaky_relu.h"
#include "prelu.h"
#include "bounded_relu.h"
#include "relu6.h"
#include "hardtanh.h"
#include "hardsigmoid.h"
#include "hardswish.h"
#include "softsign.h"

#define ACT_KERNEL_DECL_(E, name)                                                                   \
    void ACT_KFN(name)(const float *in, float *out, size_t n, const act_kargs *a);
ACT_TRANS_KIND_LIST(ACT_KERNEL_DECL_)

#define ACT_TABLE_ENTRY_(E, name) [ACT_##E] = ACT_KFN(name),
/* act_kernels__<isa>: indexed by act_kind; NULL where this ISA has no kernel. */
const act_kernel_fn ACT_CAT(act_kernels__, ACT_ISA_SUFFIX)[ACT_KIND_COUNT + 1] = {
    ACT_SIMD_KIND_LIST(ACT_TABLE_ENTRY_)};


/*
 * Every vector kernel body: the kinds of ACT_SIMD_KIND_LIST (sigmoid first among
 * the exp-based ones, for its SLEEF composition). Included once per ISA
 * by src/isa/kernels_<isa>.c after its vec_<isa>.h; the table at the end is
 * that ISA's row of the dispatch table.
 */
#include "common.h"
#include "list.h"

/* The piecewise kinds are short and mostly memory-bound: GCC's pre-allocation
 * scheduling (CMakeLists.txt) stretched hardswish's mask lifetimes into
 * k-register spills, -10% at 16K; they keep the default. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC push_options
#pragma GCC optimize("no-schedule-insns")
#endif
#include "relu.h"
#include "leaky_relu.h"
#include "prelu.h"
#include "bounded_relu.h"
#include "relu6.h"
#include "hardtanh.h"
#include "hardsigmoid.h"
#include "hardswish.h"
#include "softsign.h"
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC pop_options
#endif

#include "exp_core.h"
#include "sigmoid.h" /* before the kinds that use act_sigmoid_sleef_v */
#include "elu.h"
#include "selu.h"
#include "celu.h"
#include "gelu_tanh.h"
#include "gelu_erf.h"
#include "tanh.h"
#include "silu.h"
#include "swish.h"
#include "softplus.h"
#include "mish.h"
#include "logsigmoid.h"

#define ACT_TABLE_ENTRY_(E, name) [ACT_##E] = ACT_KFN(name),
/* act_kernels__<isa>: indexed by act_kind; NULL where this ISA has no kernel. */
const act_kernel_fn ACT_CAT(act_kernels__, ACT_ISA_SUFFIX)[ACT_KIND_COUNT + 1] = {
    ACT_SIMD_KIND_LIST(ACT_TABLE_ENTRY_)};

#define ACT_SLEEF_TABLE_ENTRY_(E, name) [ACT_##E] = ACT_KFN(name##_sleef),
/* act_kernels_sleef__<isa>: the SLEEF compositions of the transcendental
 * kinds (NULL elsewhere). For the accuracy tool and tests; never dispatched. */
const act_kernel_fn ACT_CAT(act_kernels_sleef__, ACT_ISA_SUFFIX)[ACT_KIND_COUNT + 1] = {
    ACT_TRANS_KIND_LIST(ACT_SLEEF_TABLE_ENTRY_)};

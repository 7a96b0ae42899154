/*
 * ACT_MAX_ISA, read once at first use (ctest sets it per process):
 *   test_env NAME  expects the best available ISA at or below NAME, or the
 *   best ISA of all when NAME is not an ISA of this build.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *cap_name;

static void test_env_cap(void **state) {
    (void)state;
    assert_string_equal(getenv("ACT_MAX_ISA"), cap_name);
    act_isa best = ACT_ISA_SCALAR, want;
    for (size_t i = 0; i < test_isa_count; i++)
        if (act_isa_available(test_isas[i])) best = test_isas[i];
    const act_isa cap = act_isa_from_name(cap_name);
    size_t pos = test_isa_count;
    for (size_t i = 0; i < test_isa_count; i++)
        if (test_isas[i] == cap) pos = i;
    if (pos == test_isa_count) {
        want = best; /* not an ISA of this build: ignored */
    } else {
        want = ACT_ISA_SCALAR;
        for (size_t i = 0; i <= pos; i++)
            if (act_isa_available(test_isas[i])) want = test_isas[i];
    }
    print_message("    ACT_MAX_ISA=%s -> active %s (expected %s)\n", cap_name,
                  act_isa_name(act_active_isa()), act_isa_name(want));
    assert_int_equal(act_active_isa(), want);
    float x = -1.0f, y = 5.0f;
    assert_int_equal(act_apply(ACT_RELU, NULL, &x, &y, 1), ACT_OK);
    assert_true(y == 0.0f);
    assert_int_equal(act_kernel_isa(ACT_RELU), want);
}

int main(int argc, char **argv) {
    cap_name = argc > 1 ? argv[1] : "";
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_env_cap)};
    return cmocka_run_group_tests_name("env", tests, NULL, NULL);
}

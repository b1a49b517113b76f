/* End to end: a broadcast to hundreds of clients, written by several threads, reaches each once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT 20000

/* Clients: more than one batch's worth for the writer threads (FANOUT_MIN_BATCH is 256). */
#define FANOUT_CLIENTS 600

/* Broadcasts sent to all of them: enough that the writer threads surely take some chunks. */
#define FANOUT_ROUNDS 8

/*
 * Every client, JSON and text alike, gets every broadcast once, whole and in order, and the writer
 * threads wrote some of it (the server's closing summary says how much).
 */
static void test_broadcast_to_many(void **state)
{
	struct hsrv s;
	struct hcl fac, *cl = calloc(FANOUT_CLIENTS, sizeof *cl);
	char want[32];
	json_t *o;
	const char *summary;
	unsigned long batches = 0;
	size_t by_writers = 0, writes = 0;

	(void)state;
	assert_non_null(cl);
	h_start(&s, h_fixture("drill.lua"), "--writers", "3", "--rate", "100000", "--team-conns",
	        "1000", NULL);
	h_join_json(&fac, &s, "facilitator");
	for (int i = 0; i < FANOUT_CLIENTS; i++)
		if (i % 2 == 0)
			h_join_json(&cl[i], &s, "al");
		else
			h_join_text(&cl[i], &s, "xk");
	for (int i = 1; i < FANOUT_CLIENTS; i += 2)
		h_expect(&cl[i], "you are in team xk", WAIT);
	for (int k = 0; k < FANOUT_ROUNDS; k++) {
		h_send(&fac, "broadcast fan %d", k);
		json_decref(h_expect_json(&fac, "ok", "broadcast", WAIT));
	}
	for (int i = 0; i < FANOUT_CLIENTS; i++)
		for (int k = 0; k < FANOUT_ROUNDS; k++) {
			snprintf(want, sizeof want, "fan %d", k);
			if (i % 2 == 0) {
				o = h_expect_json(&cl[i], "broadcast", NULL, WAIT);
				assert_string_equal(json_string_value(json_object_get(o, "text")),
				                    want);
				json_decref(o);
			} else {
				assert_non_null(strstr(h_expect(&cl[i], "fan ", WAIT), want));
			}
		}
	for (int i = 0; i < FANOUT_CLIENTS; i++) {
		assert_true(h_quiet(&cl[i], "fan ", i == 0 ? 200 : 0));
		h_close(&cl[i]);
	}
	h_close(&fac);
	free(cl);
	assert_int_equal(h_stop(&s), 0);
	summary = strstr(s.stdout_text, "writer threads: ");
	assert_non_null(summary);
	assert_int_equal(sscanf(summary, "writer threads: %lu large batches, %zu of %zu writes on 2 "
	                                 "writer threads",
	                        &batches, &by_writers, &writes),
	                 3);
	assert_true(batches >= FANOUT_ROUNDS);
	assert_true(writes >= (size_t)FANOUT_ROUNDS * FANOUT_CLIENTS);
	assert_true(by_writers > 0 && by_writers < writes);
}

/* --writers takes 1 to 64. */
static void test_writers_flag(void **state)
{
	char err[512];

	(void)state;
	assert_int_equal(
	    h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--writers", "0", NULL), 2);
	assert_non_null(strstr(err, "--writers"));
	assert_int_equal(
	    h_run(err, sizeof err, "run", h_fixture("drill.lua"), "--writers", "x", NULL), 2);
	assert_non_null(strstr(err, "--writers"));
}

/* The tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_broadcast_to_many),
	    cmocka_unit_test(test_writers_flag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

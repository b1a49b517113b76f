/* Tests of the shared server-process helper: start, ready line, port and codes, early exit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"

/* The ports and codes of a start text, TLS or not, one code per line. */
static void test_parse(void **state)
{
	static const char text[] = "listening on 127.0.0.1:7301 (TLS)\n"
	                           "listening on 127.0.0.1:7300\n"
	                           "  al: login al K7QX-2M\n"
	                           "  xk: login xk\n"
	                           "login facilitator F00D\n";
	char codes[4][2][64];

	(void)state;
	assert_int_equal(spawn_port(text, false), 7300);
	assert_int_equal(spawn_port(text, true), 7301);
	assert_int_equal(spawn_port("nothing", false), 0);
	assert_int_equal(spawn_codes(text, codes, 4), 2);
	assert_string_equal(codes[0][0], "al");
	assert_string_equal(codes[0][1], "K7QX-2M");
	assert_string_equal(codes[1][0], "facilitator");
	assert_int_equal(spawn_codes(text, codes, 1), 1);
}

/* A process that prints the ready line is running afterwards; its output so far is kept. */
static void test_ready(void **state)
{
	char *argv[] = {"/bin/sh", "-c",
	                "echo listening on 127.0.0.1:4242; echo Ctrl-C ends the server.; "
	                "echo late >&2; exec sleep 30",
	                NULL};
	char text[256];
	int out, status;
	pid_t pid = spawn_server(argv, SPAWN_STDERR, &out, text, sizeof text, 5000);

	(void)state;
	assert_true(pid > 0);
	assert_int_equal(spawn_port(text, false), 4242);
	assert_true(spawn_read(out, text, sizeof text, "late", 5000));
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(spawn_status(status), 128 + SIGTERM);
	close(out);
}

/* A process that ends before the ready line: -1, and what it said. */
static void test_early_exit(void **state)
{
	char *argv[] = {"/bin/sh", "-c", "echo no scenario >&2; exit 1", NULL};
	char text[256];
	int out;

	(void)state;
	assert_int_equal(spawn_server(argv, SPAWN_STDERR, &out, text, sizeof text, 5000), -1);
	assert_string_equal(text, "no scenario\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_ready),
	    cmocka_unit_test(test_early_exit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Tests of the after-action report: the model computed from a journal, and each format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/timeparse.h"
#include "report/fmt.h"
#include "report/model.h"
#include "report/report.h"

/* The path of a fixture journal under tests/report/fixtures (a static buffer). */
static const char *fixture(const char *name)
{
	static char path[4096];
	const char *src = getenv("SRCDIR");

	snprintf(path, sizeof path, "%s/tests/report/fixtures/%s", src ? src : ".", name);
	return path;
}

/* Load a fixture that must load, with nothing said on the error stream. */
static struct model *load_ok(const char *name)
{
	char *errs = NULL;
	size_t n = 0;
	FILE *err = open_memstream(&errs, &n);
	struct model *m = model_load(fixture(name), err);

	fclose(err);
	if (m == NULL)
		fail_msg("%s did not load: %s", name, errs);
	assert_int_equal(n, 0);
	free(errs);
	return m;
}

/* Load a fixture that must be refused; returns what was said (to free). */
static char *load_bad(const char *name)
{
	char *errs = NULL;
	size_t n = 0;
	FILE *err = open_memstream(&errs, &n);
	struct model *m = model_load(fixture(name), err);

	fclose(err);
	if (m != NULL)
		fail_msg("%s loaded but should not", name);
	return errs;
}

/* The whole output of a writer as a new string. */
static char *render(const struct model *m, void (*write)(const struct model *, FILE *))
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	write(m, f);
	fclose(f);
	return out;
}

/* The index of team id in the model, failing the test if absent. */
static int team(const struct model *m, const char *id)
{
	for (int k = 0; k < m->n_teams; k++)
		if (strcmp(m->teams[k].id, id) == 0)
			return k;
	fail_msg("no team %s", id);
	return -1;
}

/* Whether s contains needle (with a message when not). */
static int has(const char *s, const char *needle)
{
	if (strstr(s, needle) != NULL)
		return 1;
	print_error("missing: %s\n", needle);
	return 0;
}

/* The header, ENDEX, counts and scores of the fixture. */
static void test_summary(void **state)
{
	struct model *m = load_ok("drill.jsonl");

	(void)state;
	assert_int_equal(m->n_teams, 3);
	assert_string_equal(m->title, "Western Balkans drill — <b>regional</b> response");
	assert_int_equal(m->duration, 18000);
	assert_true(m->ended);
	assert_string_equal(m->end_reason, "facilitator");
	assert_int_equal(m->end_t, 7200);
	assert_int_equal(m->c.injects, 5);
	assert_int_equal(m->c.decisions, 5);
	assert_int_equal(m->c.timeouts, 2);
	assert_int_equal(m->c.open, 1);
	assert_int_equal(m->c.unknown, 1);
	assert_int_equal(m->teams[team(m, "al")].score, 8);
	assert_int_equal(m->teams[team(m, "xk")].score, -2);
	assert_int_equal(m->teams[team(m, "mk")].score, 0);
	assert_false(m->partial);
	model_free(m);
}

/* Response times run from the inject's arrival at the team to its decision. */
static void test_decisions(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	const struct model_team *al = &m->teams[team(m, "al")], *xk = &m->teams[team(m, "xk")];
	const struct model_team *mk = &m->teams[team(m, "mk")];

	(void)state;
	assert_int_equal(al->resp_n, 2);
	assert_int_equal(al->resp_sum, 300 + 600);
	assert_int_equal(al->resp_min, 300);
	assert_int_equal(al->resp_max, 600);
	assert_int_equal(xk->resp_n, 1);
	assert_int_equal(xk->resp_sum, 420);
	assert_int_equal(xk->n_timeouts, 1);
	assert_int_equal(mk->n_timeouts, 1);
	assert_int_equal(mk->n_open, 1);
	assert_string_equal(m->opens[0].inject, "MK-01");
	assert_int_equal(m->opens[0].deadline, 9600);
	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		if (!strcmp(d->inject, "XK-01")) {
			assert_true(d->timeout);
			assert_string_equal(d->option, "disable");
			assert_string_equal(d->label, "Disable it");
			assert_int_equal(d->fired, 3600);
		}
		if (!strcmp(d->inject, "I-01"))
			assert_string_equal(d->label, "Alert the regional CSIRTs");
	}
	model_free(m);
}

/* The sharing matrix: counts per pair (a share to all counts for every other team), and how
 * soon after the sender's first inject. */
static void test_sharing(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	int al = team(m, "al"), xk = team(m, "xk"), mk = team(m, "mk"), n = m->n_teams;

	(void)state;
	assert_int_equal(m->pairs[al * n + xk].count, 2);
	assert_int_equal(m->pairs[al * n + xk].first, 1260);
	assert_int_equal(m->pairs[al * n + mk].count, 1);
	assert_int_equal(m->pairs[xk * n + al].count, 1);
	assert_int_equal(m->pairs[mk * n + al].count, 0);
	assert_int_equal(m->teams[al].shares_sent, 2);
	assert_int_equal(m->teams[al].shares_to_all, 1);
	assert_int_equal(m->teams[al].first_share - m->teams[al].first_inject, 360);
	assert_int_equal(m->teams[xk].first_share - m->teams[xk].first_inject, 900);
	assert_int_equal(m->teams[mk].first_share, -1);
	model_free(m);
}

/* A reply answers the team's oldest open RFI, or the one it names; the rest answer none. */
static void test_rfis(void **state)
{
	struct model *m = load_ok("drill.jsonl");

	(void)state;
	assert_int_equal(m->n_rfis, 3);
	assert_int_equal(m->rfis[0].answered - m->rfis[0].t, 600);
	assert_int_equal(m->rfis[1].answered - m->rfis[1].t, 2580);
	assert_int_equal(m->rfis[2].answered - m->rfis[2].t, 300);
	assert_int_equal(m->c.rfis_unanswered, 0);
	assert_int_equal(m->n_replies, 4);
	assert_int_equal(m->replies[3].rfi, -1);
	assert_string_equal(m->replies[3].text, "Also: the vendor hotline is open 24/7.");
	model_free(m);
}

/* Expectations by objective: the last validate overrides the engine's expect. */
static void test_expectations(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	const struct model_team *xk = &m->teams[team(m, "xk")];
	int o3 = -1, o4 = -1;

	(void)state;
	for (int i = 0; i < m->n_objectives; i++) {
		if (!strcmp(m->objectives[i].id, "O3"))
			o3 = i;
		if (!strcmp(m->objectives[i].id, "O4"))
			o4 = i;
	}
	assert_int_equal(m->c.met, 4);
	assert_int_equal(m->c.missed, 3);
	assert_int_equal(xk->obj_met[o4], 1);
	assert_int_equal(xk->obj_missed[o4], 0);
	assert_int_equal(xk->obj_missed[o3], 1);
	assert_int_equal(m->objectives[o4].met, 3);
	assert_int_equal(m->objectives[o4].missed, 1);
	for (size_t i = 0; i < m->n_checks; i++) {
		const struct model_check *c = &m->checks[i];
		if (c->team == team(m, "xk") && !strcmp(c->inject, "I-02")) {
			assert_true(c->met);
			assert_false(c->expect_met);
			assert_int_equal(c->validates, 1);
		}
	}
	model_free(m);
}

/* Notes and the hotwash: the last answer to a question counts. */
static void test_notes_hotwash(void **state)
{
	struct model *m = load_ok("drill.jsonl");

	(void)state;
	assert_int_equal(m->n_notes, 2);
	assert_int_equal(m->n_questions, 2);
	assert_int_equal(m->n_answers, 2);
	assert_int_equal(m->answers[0].n, 1);
	assert_string_equal(m->answers[0].text, "Early sharing with xk and mk.");
	assert_int_equal(m->answers[1].n, 2);
	model_free(m);
}

/* The text report: what a facilitator looks for, within 80 columns. */
static void test_text(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	char *out = render(m, plain_write), *line;

	(void)state;
	assert_true(has(out, "EXERCISE EXERCISE EXERCISE"));
	assert_true(has(out, "ENDEX by a facilitator"));
	assert_true(has(out, "I-01    T+00:15:00  T+00:20:00        5m  share"));
	assert_true(has(out, "mean response 7m30s"));
	assert_true(has(out, "XK-01   T+01:00:00  T+01:30:00  disable (the default)"));
	assert_true(has(out, "MK-01   T+01:40:00  T+02:40:00"));
	assert_true(has(out, "al          -   2   1     2"));
	assert_true(has(out, "xk          1   -   0     1"));
	assert_true(has(out, "answered after 43m"));
	assert_true(has(out, "validated met by Ana (evaluator)"));
	assert_true(has(out, "mk never joined the regional call."));
	assert_true(has(out, "Early sharing with xk and mk."));
	assert_true(has(out, "A faster legal review."));
	for (char *p = out; (line = strsep(&p, "\n")) != NULL;) {
		size_t w = 0;
		for (const char *c = line; *c; c++)
			w += ((unsigned char)*c & 0xC0) != 0x80;
		if (w > 80)
			fail_msg("line wider than 80 columns: %s", line);
	}
	free(out);
	model_free(m);
}

/* Markdown: tables with their alignment rows, text escaped. */
static void test_md(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	char *out = render(m, md_write);

	(void)state;
	assert_true(has(out, "## Summary"));
	assert_true(has(out, "| Inject | Reached | Decided | Response | Option | By |"));
	assert_true(has(out, "| --- | --- | --- | ---: | --- | --- |"));
	assert_true(has(out, "| I-01 | T+00:15:00 | T+00:20:00 | 5m |"));
	assert_true(has(out, "| al | - | 2 | 1 | 2 |"));
	assert_true(has(out, "&lt;script&gt;"));
	assert_null(strstr(out, "<script>"));
	free(out);
	model_free(m);
}

/* How many times needle occurs in s. */
static int count(const char *s, const char *needle)
{
	int n = 0;

	for (; (s = strstr(s, needle)) != NULL; s += strlen(needle))
		n++;
	return n;
}

/* HTML: one page, balanced, an SVG, nothing fetched, journal text escaped. */
static void test_html(void **state)
{
	static const char *const tags[] = {"section", "table", "thead", "tbody", "tr",
	                                   "td",      "th",    "svg",   "p",     "title",
	                                   "h2",      "h3",    "h4",    "div",   "figure",
	                                   "style",   "text",  "bdi",   "span",  "figcaption"};
	struct model *m = load_ok("drill.jsonl");
	char *out = render(m, html_write);

	(void)state;
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
		char open[32], open_attr[32], close[32];
		snprintf(open, sizeof open, "<%s>", tags[i]);
		snprintf(open_attr, sizeof open_attr, "<%s ", tags[i]);
		snprintf(close, sizeof close, "</%s>", tags[i]);
		if (count(out, open) + count(out, open_attr) != count(out, close))
			fail_msg("<%s> opened %d times, closed %d times", tags[i],
			         count(out, open) + count(out, open_attr), count(out, close));
	}
	assert_int_equal(count(out, "<svg"), 4);
	assert_int_equal(count(out, "http://") + count(out, "https://"), 4);
	assert_int_equal(count(out, "xmlns=\"http://www.w3.org/2000/svg\""), 4);
	assert_true(has(out, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_int_equal(count(out, "<div class=\"marking\">EXERCISE EXERCISE EXERCISE</div>"), 2);
	assert_true(has(out, "@top-center{content:\"EXERCISE EXERCISE EXERCISE\""));
	assert_true(has(out, "@bottom-center{content:\"EXERCISE EXERCISE EXERCISE\""));
	assert_true(has(out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
	assert_true(has(out, "&lt;b&gt;regional&lt;/b&gt;"));
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<b>"));
	assert_true(has(out, "@media print"));
	assert_true(has(out, "class=\"inj\""));
	assert_true(has(out, "class=\"dec\""));
	assert_true(has(out, "class=\"late\""));
	assert_true(has(out, "class=\"shr\""));
	assert_true(has(out, ">T+01:00<"));
	assert_true(has(out, ">10:00<"));
	free(out);
	model_free(m);
}

/* The JSON report of m, parsed (the test fails when it does not parse); a new reference. */
static json_t *json_of(const struct model *m)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	json_error_t jerr;
	json_t *root;

	assert_int_equal(jsonout_write(m, f), 0);
	fclose(f);
	root = json_loads(out, 0, &jerr);
	free(out);
	if (root == NULL)
		fail_msg("report JSON does not parse: %s", jerr.text);
	return root;
}

/* The JSON report: it parses and its numbers are the model's. */
static void test_json(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	json_t *root = json_of(m), *al, *pair, *rfi;

	(void)state;
	assert_int_equal(json_integer_value(json_object_get(root, "report")), 1);
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(root, "ended"), "reason")),
	    "facilitator");
	al = json_array_get(json_object_get(root, "teams"), 0);
	assert_string_equal(json_string_value(json_object_get(al, "id")), "al");
	assert_int_equal(json_integer_value(json_object_get(al, "score")), 8);
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(al, "response"), "mean")), 450);
	assert_int_equal(json_array_size(json_object_get(al, "decisions")), 2);
	assert_int_equal(json_integer_value(json_object_get(
	                     json_array_get(json_object_get(al, "decisions"), 0), "response")),
	                 300);
	assert_int_equal(json_integer_value(
	                     json_object_get(json_object_get(al, "sharing"), "after_first_inject")),
	                 360);
	pair = json_array_get(json_object_get(root, "sharing"), 0);
	assert_string_equal(json_string_value(json_object_get(pair, "to")), "xk");
	assert_int_equal(json_integer_value(json_object_get(pair, "count")), 2);
	rfi = json_array_get(json_object_get(root, "rfis"), 1);
	assert_int_equal(json_integer_value(json_object_get(rfi, "answer_time")), 2580);
	assert_int_equal(json_array_size(json_object_get(root, "unmatched_replies")), 1);
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(root, "counts"), "missed")), 3);
	assert_int_equal(
	    json_array_size(json_object_get(json_object_get(root, "hotwash"), "answers")), 2);
	json_decref(root);
	model_free(m);
}

/* A journal cut off mid-line: a warning naming the line, and the whole lines reported. */
static void test_partial(void **state)
{
	char *errs = NULL;
	size_t n = 0;
	FILE *err = open_memstream(&errs, &n);
	struct model *m = model_load(fixture("partial.jsonl"), err);

	(void)state;
	fclose(err);
	assert_non_null(m);
	assert_true(m->partial);
	assert_true(has(errs, "partial.jsonl:4: warning: the last line is cut off"));
	assert_int_equal(m->n_shares, 1);
	assert_int_equal(m->n_decisions, 0);
	free(errs);
	model_free(m);
}

/* The executive summary names the first 12 unanswered RFIs, then says how many more there are. */
static void test_summary_more(void **state)
{
	char path[] = "/tmp/tt-more-XXXXXX", line[4096], *text;
	FILE *in = fopen(fixture("drill.jsonl"), "r"), *out;
	int fd = mkstemp(path);
	struct model *m;
	char *errs = NULL;
	size_t n = 0;
	FILE *err = open_memstream(&errs, &n);

	(void)state;
	assert_non_null(in);
	assert_true(fd >= 0);
	out = fdopen(fd, "w");
	assert_non_null(fgets(line, sizeof line, in)); /* the header */
	fputs(line, out);
	for (int i = 1; i <= 14; i++)
		fprintf(out,
		        "{\"type\":\"rfi\",\"id\":\"RFI-%d\",\"team\":\"al\",\"by\":\"A\","
		        "\"text\":\"Q%d\",\"t\":%d}\n",
		        i, i, i * 60);
	fclose(in);
	fclose(out);
	m = model_load(path, err);
	fclose(err);
	unlink(path);
	if (m == NULL)
		fail_msg("the journal did not load: %s", errs);
	free(errs);
	text = render(m, md_write);
	assert_true(has(text, "14 of 14 unanswered: RFI-1 from al; RFI-2 from al; "));
	assert_true(has(text, "; RFI-12 from al; and 2 more\n"));
	assert_false(has(text, "RFI-13 from al"));
	free(text);
	model_free(m);
}

/* Bad journals are refused with FILE:LINE: message. */
static void test_bad(void **state)
{
	static const char *const cases[][2] = {
	    {"version2.jsonl", "version2.jsonl:1: journal version 2 is not supported"},
	    {"notjournal.jsonl", "notjournal.jsonl:1: not a tabletop journal"},
	    {"noheader.jsonl", "noheader.jsonl:1: not a tabletop journal"},
	    {"badline.jsonl", "badline.jsonl:3: not JSON"},
	    {"unknownteam.jsonl", "unknownteam.jsonl:2: unknown team 'zz'"},
	    {"no-such-file.jsonl", "no-such-file.jsonl: cannot read"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *errs = load_bad(cases[i][0]);
		assert_true(has(errs, cases[i][1]));
		free(errs);
	}
}

/* The report reads a journal with the replay's reader: the same checks in the same words. */
static void test_one_reader(void **state)
{
	static const char *const cases[][2] = {
	    {"version2.jsonl", "version2.jsonl:1: journal version 2 is not supported: its format "
	                       "version is not 1, the one this tabletop reads\n"},
	    {"badline.jsonl", "badline.jsonl:3: not JSON: "},
	};
	char path[] = "/tmp/tabletop-reader-XXXXXX", *header = NULL, *errs;
	FILE *in = fopen(fixture("drill.jsonl"), "r"), *out = fdopen(mkstemp(path), "w");
	size_t cap = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		errs = load_bad(cases[i][0]);
		assert_true(has(errs, cases[i][1]));
		free(errs);
	}
	assert_true(getline(&header, &cap, in) > 0);
	fprintf(out, "%s%s", header, header);
	fclose(in);
	fclose(out);
	free(header);
	out = open_memstream(&errs, &cap);
	assert_null(model_load(path, out));
	fclose(out);
	assert_true(has(errs, ":2: a second journal header (two journals joined together?)\n"));
	free(errs);
	unlink(path);
}

/* The lines of team id's log, as "T|what|by|text" (a new string, one per line). */
static char *log_of(const struct model *m, const char *id)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	int k = team(m, id);

	for (size_t i = 0; i < m->n_log; i++) {
		const struct model_entry *e = &m->log[i];
		char *what, *text;
		if (e->team != k)
			continue;
		what = fmt_entry_what(e);
		text = fmt_entry_text(e);
		fprintf(f, "%ld|%s|%s|", e->t, what, e->by ? e->by : "");
		for (const char *c = text; *c; c++)
			if (*c != FMT_U0[0] && *c != FMT_U1[0])
				putc(*c, f);
		putc('\n', f);
		free(what);
		free(text);
	}
	fclose(f);
	return out;
}

/* Each team's log: everything it received, did and was judged on, in order. */
static void test_log(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	char *al = log_of(m, "al"), *xk = log_of(m, "xk"), *mk = log_of(m, "mk");

	(void)state;
	assert_true(has(al,
	                "900|inject I-01 received|Ministry of Finance IT|Ransom note on the "
	                "e-services portal; decide within 30m\n"
	                "1200|decided I-01|Arbër Çela|share (Alert the regional CSIRTs)\n"
	                "1200|I-01 met (O2)||chose share after 5m\n"
	                "1260|shared with xk||IOC package: 203.0.113.7, update.regidoc.example\n"
	                "1260|score +5 = 5||Shared indicators early\n"
	                "1320|action|Arbër Çela|Took the portal offline at the load balancer\n"
	                "1500|shared with all||Ransom note hash and the wiper's file name\n"
	                "1800|RFI-1 asked|Arbër Çela|Is the portal vendor contracted"));
	assert_true(has(al, "2400|answer to RFI-1||Q: Is the portal vendor contracted for incident "
	                    "response?\nA: Yes: Adriatik Soft has an incident-response clause.\n"));
	assert_true(has(al, "3000|share from xk||We see the same C2 at 198.51.100.23\n"));
	assert_true(has(al, "6000|AL-PRESS validated met (O4)|Ana (evaluator)|Good press line\n"));
	assert_true(has(al, "6600|reply (no open RFI)||Also: the vendor hotline is open 24/7.\n"));
	assert_true(has(al, "7380|hotwash answer 1|Arbër Çela|Q: What went well?\nA: Early sharing "
	                    "with xk and mk.\n"));
	assert_true(has(xk, "1260|share from al||IOC package"));
	assert_true(has(xk, "1500|share from al||Ransom note hash"));
	assert_true(has(xk, "2520|chat (say)|Besa|Who calls the ministry?\n"));
	assert_true(has(xk, "3600|broadcast||Regional call at 10:30\n"));
	assert_true(has(mk, "3600|broadcast||Regional call at 10:30\n"));
	assert_true(has(xk, "3960|evaluator note|Ana (evaluator)|xk lead asked for"));
	assert_true(has(xk, "5400|deadline passed on XK-01||the default disable was recorded\n"));
	assert_true(has(xk, "6480|answer to RFI-2||Q: Can the EU liaison desk send a team?\n"));
	assert_null(strstr(al, "evaluator note"));
	assert_true(has(mk, "4500|answer to RFI-3||Q: Who owns the DNS zone"));
	assert_true(has(mk, "6180|evaluator note|Marko|mk never joined the regional call.\n"));
	free(al);
	free(xk);
	free(mk);
	model_free(m);
}

/* The log, the executive summary, objectives × teams and the charts' text in every format. */
static void test_sections_everywhere(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	char *text = render(m, plain_write), *md = render(m, md_write);
	char *html = render(m, html_write);

	(void)state;
	assert_true(strstr(text, "EXECUTIVE SUMMARY") < strstr(text, "SUMMARY\n===="));
	assert_true(has(text, "  Fastest     5m: al on I-01 (decided at T+00:20:00)"));
	assert_true(has(text, "  Slowest     10m: al on I-02 (decided at T+00:45:00)"));
	assert_true(has(text, "  Deadlines   2 missed: mk I-02 at T+00:55:00; xk XK-01 at "));
	assert_true(has(text, "  RFIs        0 of 3 unanswered"));
	assert_true(has(text, "  Steering    none\n"));
	assert_true(has(text, "al, AKCESK (Albania): score 8; objectives met O2, O4"));
	assert_true(has(text, "        al: Early sharing with xk and mk."));
	assert_true(has(text, "  O4         2/2 met  met     missed  3/4 met"));
	assert_true(has(text, "  I-02        20m  10m      7m  missed"));
	assert_true(has(text, "  T+00:42:00   5  -2   0"));
	assert_true(has(text, "T+00:22:00  action                Arbër Çela     Took the portal"));
	assert_true(has(md, "## Executive summary"));
	assert_true(has(md, "- **Fastest:** 5m: al on I-01 (decided at T+00:20:00)"));
	assert_true(has(md, "| O4 | 2/2 met | met | missed | 3/4 met |"));
	assert_true(has(md, "| I-02 | 20m | 10m | 7m | missed |"));
	assert_true(has(md, "| T+00:42:00 | 5 | -2 | 0 |"));
	assert_true(has(md, "| T+00:50:00 | share from xk |  | \xE2\x81\xA8"
	                    "We see the same C2"));
	assert_true(has(md, "| T+00:22:00 | action | \xE2\x81\xA8"
	                    "Arbër Çela\xE2\x81\xA9 | "
	                    "\xE2\x81\xA8"
	                    "Took the portal offline at the load balancer"));
	assert_true(has(html, "<h2>Executive summary</h2>"));
	assert_true(has(html, "<td>2/2 met</td><td>met</td><td>missed</td><td>3/4 met</td>"));
	assert_true(has(html, "aria-describedby=\"t-response\""));
	assert_true(has(html, "<table id=\"t-response\">"));
	assert_true(has(html, "aria-describedby=\"t-score\""));
	assert_true(has(html, "<table id=\"t-score\">"));
	assert_true(has(html, "<tr><td>T+00:42:00</td><td class=\"r\">5</td>"));
	assert_true(has(html, "<tr><td><span class=\"id\">I-02</span></td><td class=\"r\">20m</td>"
	                      "<td class=\"r\">10m</td><td class=\"r\">7m</td><td "
	                      "class=\"r\">missed</td></tr>"));
	assert_true(has(html, "aria-describedby=\"t-sharing\""));
	assert_true(has(html, "<table id=\"t-sharing\">"));
	assert_true(has(html, "<td><bdi>Took the portal offline at the load balancer</bdi></td>"));
	assert_true(has(html, "<div class=\"team\">\n<h3>Team al: <bdi>AKCESK (Albania)</bdi>"));
	assert_true(has(html, ".team{break-before:page"));
	assert_true(has(html, ".marking,.hint{display:none}"));
	assert_true(has(html, "<span class=\"hint\">"));
	free(text);
	free(md);
	free(html);
	model_free(m);
}

/* Hostile texts: bidi overrides isolated, C1 and DEL left out, long runs get break points,
 * long ids are not split, no local path. */
static void test_hostile(void **state)
{
	struct model *m = load_ok("hostile.jsonl");
	char *text = render(m, plain_write), *md = render(m, md_write);
	char *html = render(m, html_write);
	size_t run = 0, longest = 0;

	(void)state;
	assert_true(has(html, "<bdi>Besa \xE2\x80\xAE"
	                      "evil\xE2\x80\xAC</bdi>"));
	assert_true(has(html, "<bdi>KOS \xE2\x80\xAE"
	                      "CERT</bdi>"));
	assert_true(has(md, "\xE2\x81\xA8"
	                    "Besa \xE2\x80\xAE"
	                    "evil\xE2\x80\xAC\xE2\x81\xA9"));
	assert_true(has(html, "bell c1 del end"));
	assert_true(has(md, "bell c1 del end"));
	assert_null(strstr(html, "\xC2\x85"));
	assert_null(strstr(md, "\xC2\x85"));
	assert_null(strstr(html, "\x7F"));
	assert_null(strstr(md, "\x7F"));
	assert_null(strstr(html, "\x07"));
	for (const char *c = html; *c; c++) {
		if (strncmp(c, "<title>", 7) == 0 && strstr(c, "</title>") != NULL)
			c = strstr(c, "</title>"); /* a tooltip: it takes no room on the page */
		run = *c == 'x' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	assert_true(longest <= FMT_RUN);
	run = longest = 0;
	for (const char *c = md; *c; c++) {
		run = *c == 'x' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	assert_true(longest <= FMT_RUN);
	assert_true(has(text, "EXERCISE TLP:AMBER \"</style><script>x</script>\n"));
	assert_true(
	    has(md, "**EXERCISE TLP:AMBER \"&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;**"));
	assert_true(
	    has(html, "@top-center{content:\"EXERCISE TLP:AMBER \\22 \\3c /style>\\3c script>x"));
	assert_true(has(html, "<div class=\"marking\">EXERCISE TLP:AMBER &quot;&lt;/style&gt;"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "</style><"));
	for (const char *p = text; (p = strstr(p, "AL-ATTRIB")) != NULL; p++)
		if (strncmp(p, "AL-ATTRIBUTION-WAIT", 19) != 0)
			fail_msg("an id split across lines: %.40s", p);
	assert_true(has(text, "1m53s"));
	assert_null(strstr(text, "113s"));
	assert_null(strstr(text, "/home/ana"));
	assert_null(strstr(md, "/home/ana"));
	assert_null(strstr(html, "/home/ana"));
	assert_true(has(text, "Scenario    hostile.lua, SHA-256\n              1111111111"));
	free(text);
	free(md);
	free(html);
	model_free(m);
}

/* A reply naming its RFI answers that one; "rfi":null answers the team's oldest open RFI; a
 * reply naming another team's RFI answers none. Every format pairs them. */
static void test_rfi_pairing(void **state)
{
	struct model *m = load_ok("hostile.jsonl");
	char *log = log_of(m, "al"), *text = render(m, plain_write), *md = render(m, md_write);

	(void)state;
	assert_int_equal(m->n_rfis, 2);
	assert_int_equal(m->rfis[1].answered, 700);
	assert_int_equal(m->rfis[0].answered, 760);
	assert_int_equal(m->replies[2].rfi, -1);
	assert_true(
	    has(log, "700|answer to RFI-2||Q: Second question?\nA: Answer to the second.\n"));
	assert_true(
	    has(log, "760|answer to RFI-1||Q: First question?\nA: Answer to the oldest open."));
	assert_true(has(text, "Q: Second question?"));
	assert_true(has(md, "**RFI-1** from al"));
	assert_true(has(md, "  - **Q:** \xE2\x81\xA8"
	                    "First question?"));
	assert_true(has(md, "Replies that answered no open RFI:"));
	free(log);
	free(text);
	free(md);
	model_free(m);
}

/* The JSON's summary and logs. */
static void test_json_summary_log(void **state)
{
	struct model *m = load_ok("drill.jsonl");
	json_t *root = json_of(m), *sum, *log, *e;

	(void)state;
	sum = json_object_get(root, "summary");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(sum, "fastest"), "inject")), "I-01");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(sum, "slowest"), "response")), 600);
	assert_int_equal(json_integer_value(json_object_get(sum, "deadlines_missed")), 2);
	assert_string_equal(
	    json_string_value(json_array_get(
	        json_object_get(json_array_get(json_object_get(sum, "objectives"), 1), "missed"),
	        0)),
	    "O3");
	log = json_object_get(json_array_get(json_object_get(root, "teams"), 0), "log");
	e = json_array_get(log, 0);
	assert_string_equal(json_string_value(json_object_get(e, "kind")), "inject");
	assert_string_equal(json_string_value(json_object_get(e, "subject")),
	                    "Ransom note on the e-services portal");
	assert_int_equal(json_integer_value(json_object_get(e, "allowed")), 1800);
	e = json_array_get(log, 5);
	assert_string_equal(json_string_value(json_object_get(e, "kind")), "action");
	assert_string_equal(json_string_value(json_object_get(e, "text")),
	                    "Took the portal offline at the load balancer");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(root, "journal"), "path")),
	    "drill.jsonl");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(root, "journal"), "scenario")),
	    "drill.lua");
	json_decref(root);
	model_free(m);
}

/* One duration format: hours, minutes and seconds, never "113s". */
static void test_durations(void **state)
{
	static const struct {
		long d;
		const char *s;
	} cases[] = {{0, "0s"},        {45, "45s"},  {60, "1m"},     {113, "1m53s"},
	             {200, "3m20s"},   {3600, "1h"}, {3900, "1h5m"}, {5400, "1h30m"},
	             {3661, "1h1m1s"}, {-1, "-"},    {-90, "-1m30s"}};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fmt_dur(cases[i].d, buf, sizeof buf);
		assert_string_equal(buf, cases[i].s);
	}
}

/* Moments of the exercise: T+HH:MM:SS, the same as the engine's for every t. */
static void test_offsets(void **state)
{
	static const long ts[] = {0,     59,    60,     61,     599,     600, 3599, 3600,
	                          35999, 86399, 359999, 360000, 1000000, -1,  -3661};
	char a[32], b[32];

	(void)state;
	for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
		fmt_offset(ts[i], a, sizeof a);
		timeparse_format_offset(ts[i], b, sizeof b);
		assert_string_equal(a, b);
	}
}

/* Run every test of the report. */
/* The white cell's steering: a `send` attributed only to the inject on the line after it, a
 * deadline extended from none, the last of two overrules counting, and a script error named
 * by its file alone; the team's own decision stays the one counted. */
static void test_steering(void **state)
{
	struct model *m = load_ok("steer.jsonl");
	const struct model_decision *d = &m->decisions[0];
	char *text = render(m, plain_write), *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	json_t *root, *x;

	(void)state;
	assert_null(m->injects[0].sent_by);
	assert_string_equal(m->injects[1].sent_by, "Mira");
	assert_null(m->injects[2].sent_by);
	assert_int_equal(m->c.adhoc, 1);
	assert_int_equal(m->c.extensions, 1);
	assert_int_equal(m->c.overrules, 2);
	assert_int_equal(m->c.script_errors, 1);
	assert_string_equal(d->option, "share");
	assert_int_equal(d->response, 60);
	assert_true(d->overrule >= 0);
	assert_string_equal(m->steers[d->overrule].text, "Changed our mind");
	assert_string_equal(m->steers[d->overrule].previous_label, "Take offline");
	assert_int_equal(m->n_opens, 1);
	assert_int_equal(m->opens[0].deadline, 1920);
	assert_string_equal(m->steers[3].file, "helpers.lua");
	assert_int_equal(m->steers[3].line, -1);
	assert_non_null(strstr(text, "helpers.lua"));
	assert_null(strstr(text, "lib/helpers.lua"));
	assert_non_null(strstr(text, "to T+00:32:00 (had none)"));
	assert_int_equal(jsonout_write(m, f), 0);
	fclose(f);
	root = json_loads(out, 0, NULL);
	assert_non_null(root);
	x = json_array_get(json_object_get(root, "extensions"), 0);
	assert_true(json_is_null(json_object_get(x, "previous")));
	x = json_array_get(json_object_get(root, "script_errors"), 0);
	assert_true(json_is_null(json_object_get(x, "line")));
	assert_int_equal(json_array_size(json_object_get(root, "overrules")), 2);
	json_decref(root);
	free(out);
	free(text);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_summary),
	    cmocka_unit_test(test_decisions),
	    cmocka_unit_test(test_sharing),
	    cmocka_unit_test(test_rfis),
	    cmocka_unit_test(test_expectations),
	    cmocka_unit_test(test_notes_hotwash),
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_md),
	    cmocka_unit_test(test_html),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_partial),
	    cmocka_unit_test(test_summary_more),
	    cmocka_unit_test(test_bad),
	    cmocka_unit_test(test_one_reader),
	    cmocka_unit_test(test_log),
	    cmocka_unit_test(test_sections_everywhere),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_durations),
	    cmocka_unit_test(test_offsets),
	    cmocka_unit_test(test_rfi_pairing),
	    cmocka_unit_test(test_json_summary_log),
	    cmocka_unit_test(test_steering),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

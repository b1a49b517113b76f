/*
 * Evaluation for the after-action review: each inject's `expect` judged per team, the
 * evaluators' notes and verdicts, and the hotwash questions and answers after ENDEX.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ex_internal.h"
#include "exercise.h"
#include "timeparse.h"

/* Emit the evaluation of inject i's expect for team: response in seconds, or -1 for none. */
static void ex_expect_emit(struct exercise *ex, int i, int team, bool met, long response,
                           const char *reason)
{
	const struct ex_inject *inj = &ex->injects[i];
	const struct ex_expect *e = &inj->expect;
	int opt = inj->ts[team].option;

	ex_emit_team(
	    ex, EVT_EXPECT, -1,
	    ex_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:o,s:o,s:I}", "type", "expect", "team",
	            ex_jstr(ex->teams[team].id), "inject", ex_jstr(inj->id), "objective",
	            e->objective >= 0 ? ex_jstr(ex->objectives[e->objective].id) : json_null(),
	            "option", opt >= 0 ? ex_jstr(inj->decision->options[opt].key) : json_null(),
	            "expected",
	            e->option >= 0 ? ex_jstr(inj->decision->options[e->option].key) : json_null(),
	            "within", e->within >= 0 ? json_integer(e->within) : json_null(), "result",
	            met ? "met" : "missed", "response",
	            response >= 0 ? json_integer(response) : json_null(), "reason", ex_jstr(reason),
	            "t", (json_int_t)ex->t));
}

/* Team's decision on inject i is recorded: evaluate the inject's expect for it. */
void ex_expect_decided(struct exercise *ex, int i, int team)
{
	const struct ex_inject *inj = &ex->injects[i];
	const struct ex_expect *e = &inj->expect;
	const struct ex_teaminject *ts = &inj->ts[team];
	long response = (long)ts->decided_at - (long)ts->fired_at;
	char reason[256], took[32], within[32];
	const char *key;

	if (!e->present || inj->decision == NULL)
		return;
	if (ts->timeout) {
		ex_expect_emit(ex, i, team, false, -1, "no decision by the deadline");
		return;
	}
	key = inj->decision->options[ts->option].key;
	timeparse_format_duration(response, took, sizeof took);
	timeparse_format_duration(e->within, within, sizeof within);
	if (e->option >= 0 && ts->option != e->option) {
		snprintf(reason, sizeof reason, "chose %s; expected %s", key,
		         inj->decision->options[e->option].key);
		ex_expect_emit(ex, i, team, false, response, reason);
		return;
	}
	if (e->within >= 0 && response > e->within) {
		snprintf(reason, sizeof reason, "decided after %s; expected within %s", took,
		         within);
		ex_expect_emit(ex, i, team, false, response, reason);
		return;
	}
	snprintf(reason, sizeof reason, "%s%s%s%s", e->option >= 0 ? "chose " : "decided",
	         e->option >= 0 ? key : "", e->within >= 0 ? " within " : "",
	         e->within >= 0 ? within : "");
	ex_expect_emit(ex, i, team, true, response, reason);
}

/* ENDEX has come: every expect still awaiting a team's decision is missed; the hotwash goes out. */
void ex_eval_endex(struct exercise *ex)
{
	struct evt *ev;
	json_t *qs, *i18n;

	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *inj = &ex->injects[i];

		if (!inj->expect.present || inj->decision == NULL || inj->ts == NULL)
			continue;
		for (int k = 0; k < ex->n_teams; k++)
			if (inj->ts[k].fired_at >= 0 && inj->ts[k].dstate == EX_D_PENDING)
				ex_expect_emit(ex, i, k, false, -1, "no decision before ENDEX");
	}
	if (ex->n_hotwash == 0)
		return;
	qs = json_array();
	for (int k = 0; k < ex->n_hotwash; k++)
		json_array_append_new(qs, ex_jstr(ex->hotwash[k]));
	i18n = ex_lang_i18n();
	ex_lang_put_list(ex, i18n, "questions", ex->hotwash, ex->hotwash_tr, ex->n_hotwash);
	ev = evt_new(EVT_HOTWASH, ex->t,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:I}", "type", "hotwash", "questions", qs,
	                                    "t", (json_int_t)ex->t),
	                            i18n));
	ev->aud.all = 1;
	ex_emit(ex, ev);
}

/* An evaluator's observation, for the staff and the journal. */
void ex_note(struct exercise *ex, const char *by, const char *text)
{
	ex_emit_team(ex, EVT_NOTE, -1,
	             ex_pack("{s:s,s:o,s:o,s:I}", "type", "note", "text", ex_jstr(text), "by",
	                     ex_jstr(by), "t", (json_int_t)ex->t));
}

/* An evaluator's verdict on team's response to inject i; -1 if it has not reached the team. */
int ex_validate(struct exercise *ex, int team, int i, bool met, const char *by, const char *text)
{
	const struct ex_inject *inj;
	int obj;

	if (team < 0 || team >= ex->n_teams || i < 0 || i >= ex->n_injects)
		return -1;
	inj = &ex->injects[i];
	if (inj->ts == NULL || inj->ts[team].fired_at < 0)
		return -1;
	obj = inj->expect.objective;
	ex_emit_team(ex, EVT_VALIDATE, -1,
	             ex_pack("{s:s,s:o,s:o,s:o,s:s,s:o,s:o,s:I}", "type", "validate", "team",
	                     ex_jstr(ex->teams[team].id), "inject", ex_jstr(inj->id), "objective",
	                     obj >= 0 ? ex_jstr(ex->objectives[obj].id) : json_null(), "result",
	                     met ? "met" : "missed", "text", ex_jstr(text), "by", ex_jstr(by), "t",
	                     (json_int_t)ex->t));
	return 0;
}

/* Add a hotwash question (a copy) to the exercise. */
void ex_add_hotwash(struct exercise *ex, const char *question)
{
	ex_add_hotwash_tr(ex, question, NULL);
}

/* Add a hotwash question with its other languages (tr may be NULL; both copied). */
void ex_add_hotwash_tr(struct exercise *ex, const char *question, const struct ex_tr *tr)
{
	size_t n = (size_t)ex->n_hotwash + 1;

	if (tr != NULL || ex->hotwash_tr != NULL) {
		bool fresh = ex->hotwash_tr == NULL;
		ex->hotwash_tr = mem_array(ex->hotwash_tr, n, sizeof *ex->hotwash_tr);
		if (fresh)
			memset(ex->hotwash_tr, 0, n * sizeof *ex->hotwash_tr);
		ex->hotwash_tr[n - 1] = ex_lang_dup(tr);
	}
	ex->hotwash = mem_array(ex->hotwash, n, sizeof *ex->hotwash);
	ex->hotwash[ex->n_hotwash++] = mem_strdup(question);
}

/* Team's answer to hotwash question n (1-based); -1 unless ENDEX has come and n is a question. */
int ex_answer(struct exercise *ex, int team, const char *by, int n, const char *text)
{
	json_t *i18n;

	if (ex->state != EX_ENDED || n < 1 || n > ex->n_hotwash || team < 0 || team >= ex->n_teams)
		return -1;
	i18n = ex_lang_i18n();
	if (ex->hotwash_tr != NULL)
		ex_lang_put(ex, i18n, "question", ex->hotwash_tr[n - 1]);
	ex_emit_team(ex, EVT_ANSWER, team,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:o,s:i,s:o,s:o,s:I}", "type", "answer",
	                                    "team", ex_jstr(ex->teams[team].id), "by", ex_jstr(by),
	                                    "n", n, "question", ex_jstr(ex->hotwash[n - 1]), "text",
	                                    ex_jstr(text), "t", (json_int_t)ex->t),
	                            i18n));
	return 0;
}

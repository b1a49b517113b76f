/* Nobody misses a decision: reminders before deadlines, and nothing left pending after ENDEX. */
#include "ex_internal.h"
#include "exercise.h"

/* Remind team of its decision on inject i due at deadline, if it still owes it. */
void ex_remind(struct exercise *ex, int i, int team, long deadline)
{
	const struct ex_inject *inj = &ex->injects[i];
	const struct ex_teaminject *ts = &inj->ts[team];
	json_t *i18n;
	struct evt *ev;

	if (ts->dstate != EX_D_PENDING || ts->deadline != deadline)
		return;
	i18n = ex_lang_i18n();
	ex_lang_put(ex, i18n, "subject", inj->subject_tr);
	ev = evt_new(EVT_REMINDER, ex->t,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:o,s:o,s:I,s:I}", "type", "reminder", "team",
	                                    ex_jstr(ex->teams[team].id), "inject", ex_jstr(inj->id),
	                                    "subject", ex_jstr(inj->subject), "deadline",
	                                    (json_int_t)deadline, "t", (json_int_t)ex->t),
	                            i18n));
	evt_add_team(ev, team, ex->n_teams);
	ex_emit(ex, ev);
}

/* ENDEX: no decision is pending any more; what was pending is closed. */
void ex_close_pending(struct exercise *ex)
{
	for (int i = 0; i < ex->n_injects; i++) {
		struct ex_inject *inj = &ex->injects[i];

		for (int k = 0; inj->ts != NULL && k < ex->n_teams; k++)
			if (inj->ts[k].dstate == EX_D_PENDING)
				inj->ts[k].dstate = EX_D_CLOSED;
	}
}

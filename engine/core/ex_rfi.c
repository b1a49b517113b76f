/* Requests for information: kept with their ids, answered one by one or a team at a time. */
#include <stdio.h>
#include <stdlib.h>

#include "ex_internal.h"
#include "exercise.h"

/* A request for information to the white cell; returns its number (its id is RFI-N). */
unsigned long ex_rfi(struct exercise *ex, int team, const char *by, const char *text)
{
	struct ex_note note = {
	    .kind = EX_NOTE_RFI, .team = team, .to = -1, .inject = -1, .text = text};
	unsigned long n = ex->n_rfis + 1;
	char id[32];

	ex->rfis = mem_grow(ex->rfis, ex->n_rfis, NULL, sizeof *ex->rfis);
	ex->rfis[ex->n_rfis] = (struct ex_rfi){team, ex->t, mem_strdup(by), mem_strdup(text), 0};
	ex->n_rfis = n;
	snprintf(id, sizeof id, "RFI-%lu", n);
	ex_emit_team(ex, EVT_RFI, -1,
	             ex_pack("{s:s,s:s,s:o,s:o,s:o,s:I}", "type", "rfi", "id", id, "team",
	                     ex_jstr(ex->teams[team].id), "by", ex_jstr(by), "text", ex_jstr(text),
	                     "t", (json_int_t)ex->t));
	ex_notify(ex, &note);
	ex_settle(ex);
	return n;
}

/* RFI number n (1-based), or NULL. */
const struct ex_rfi *ex_rfi_get(const struct exercise *ex, unsigned long n)
{
	return n >= 1 && n <= ex->n_rfis ? &ex->rfis[n - 1] : NULL;
}

/* Emit a reply to team; rfi names the RFI it answers (0: none). */
static void ex_rfi_reply(struct exercise *ex, int team, unsigned long rfi, const char *text)
{
	char id[32];

	snprintf(id, sizeof id, "RFI-%lu", rfi);
	ex_emit_team(ex, EVT_REPLY, team,
	             ex_pack("{s:s,s:o,s:o,s:I,s:o}", "type", "reply", "team",
	                     ex_jstr(ex->teams[team].id), "text", ex_jstr(text), "t",
	                     (json_int_t)ex->t, "rfi", rfi > 0 ? json_string(id) : json_null()));
}

/* The white cell answers a team, not naming an RFI: it counts as the answer to the team's
 * oldest RFI that has none yet, as the after-action report pairs them. */
void ex_reply(struct exercise *ex, int team, const char *text)
{
	for (unsigned long k = 0; k < ex->n_rfis; k++)
		if (ex->rfis[k].team == team && ex->rfis[k].replies == 0) {
			ex->rfis[k].replies++;
			break;
		}
	ex_rfi_reply(ex, team, 0, text);
}

/* Answer RFI number n to the team that asked it; -1 if there is no such RFI. */
int ex_reply_rfi(struct exercise *ex, unsigned long n, const char *text)
{
	if (n < 1 || n > ex->n_rfis)
		return -1;
	ex->rfis[n - 1].replies++;
	ex_rfi_reply(ex, ex->rfis[n - 1].team, n, text);
	return 0;
}

/* Free the RFIs. */
void ex_rfi_free(struct exercise *ex)
{
	for (unsigned long k = 0; k < ex->n_rfis; k++) {
		free(ex->rfis[k].by);
		free(ex->rfis[k].text);
	}
	free(ex->rfis);
	ex->rfis = NULL;
}

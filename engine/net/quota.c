/* Per-team buckets of output bytes, paid by the commands of the team's members. */
#include "quota.h"

#include <stdlib.h>

#include "../core/mem.h"

/* Buckets for n teams, full, filled at rate bytes a second (0: no limit) up to burst. */
void quota_init(struct quota *q, int n, double rate, double burst, double now)
{
	q->n = n;
	q->rate = rate;
	q->burst = burst;
	q->tokens = mem_calloc(n > 0 ? (size_t)n : 1, sizeof *q->tokens);
	q->at = mem_calloc(n > 0 ? (size_t)n : 1, sizeof *q->at);
	for (int i = 0; i < n; i++) {
		q->tokens[i] = burst;
		q->at[i] = now;
	}
}

/* Free the buckets. */
void quota_free(struct quota *q)
{
	free(q->tokens);
	free(q->at);
	q->tokens = q->at = NULL;
}

/* Fill team i's bucket for the time gone since it was last filled. */
static void quota_fill(struct quota *q, int i, double now)
{
	if (now > q->at[i]) {
		q->tokens[i] += (now - q->at[i]) * q->rate;
		if (q->tokens[i] > q->burst)
			q->tokens[i] = q->burst;
		q->at[i] = now;
	}
}

/* Seconds team i must wait before its next command; 0 when it may go on. */
double quota_wait(struct quota *q, int i, double now)
{
	if (q->rate <= 0 || i < 0 || i >= q->n)
		return 0;
	quota_fill(q, i, now);
	return q->tokens[i] >= 0 ? 0 : -q->tokens[i] / q->rate;
}

/* Team i's command caused cost bytes of output. */
void quota_charge(struct quota *q, int i, double cost, double now)
{
	if (q->rate <= 0 || i < 0 || i >= q->n)
		return;
	quota_fill(q, i, now);
	q->tokens[i] -= cost;
}

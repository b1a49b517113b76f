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
	q->b = mem_calloc(n > 0 ? (size_t)n : 1, sizeof *q->b);
	for (int i = 0; i < n; i++)
		bucket_init(&q->b[i], burst, now);
}

/* Free the buckets. */
void quota_free(struct quota *q)
{
	free(q->b);
	q->b = NULL;
}

/* Seconds team i must wait before its next command; 0 when it may go on. */
double quota_wait(struct quota *q, int i, double now)
{
	if (q->rate <= 0 || i < 0 || i >= q->n)
		return 0;
	bucket_fill(&q->b[i], q->rate, q->burst, now);
	return q->b[i].tokens >= 0 ? 0 : -q->b[i].tokens / q->rate;
}

/* Team i's command caused cost bytes of output. */
void quota_charge(struct quota *q, int i, double cost, double now)
{
	if (q->rate <= 0 || i < 0 || i >= q->n)
		return;
	bucket_fill(&q->b[i], q->rate, q->burst, now);
	q->b[i].tokens -= cost;
}

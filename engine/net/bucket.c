/* A token bucket (bucket.h). */
#include "bucket.h"

/* A full bucket at now. */
void bucket_init(struct bucket *b, double burst, double now)
{
	b->tokens = burst;
	b->at = now;
}

/* Fill b for the time gone since it was last filled, at rate a second, up to burst. */
void bucket_fill(struct bucket *b, double rate, double burst, double now)
{
	if (now <= b->at)
		return;
	b->tokens += (now - b->at) * rate;
	if (b->tokens > burst)
		b->tokens = burst;
	b->at = now;
}

/* Fill b, then the seconds until it holds a whole token (0: it does now). */
double bucket_wait(struct bucket *b, double rate, double burst, double now)
{
	bucket_fill(b, rate, burst, now);
	return b->tokens < 1 ? (1 - b->tokens) / rate : 0;
}

/*
 * A token bucket: it fills at a rate a second up to a burst, and what it lets through is paid
 * from it. The command rate of a connection and of a web session, and each team's output budget
 * (quota.c), are such buckets.
 */
#ifndef BUCKET_H
#define BUCKET_H

struct bucket {
	double tokens; /* what may still go; below 0: a debt */
	double at;     /* when it was last filled (seconds, monotonic: guard_now) */
};

/* A full bucket at now. */
void bucket_init(struct bucket *b, double burst, double now);
/* Fill b for the time gone since it was last filled, at rate a second, up to burst. */
void bucket_fill(struct bucket *b, double rate, double burst, double now);
/* Fill b, then the seconds until it holds a whole token (0: it does now). */
double bucket_wait(struct bucket *b, double rate, double burst, double now);

#endif

/*
 * What each team may cost the others: a bucket per team, filled at a rate of bytes a second, from
 * which every command of its members pays the bytes of the events it caused, as one reader
 * receives them (the largest copy of each): however many connections a team has, no reader gets
 * more from it than the rate, and bursts up to the bucket. A team in debt is paced (its members'
 * input waits) until the debt is paid; nothing is dropped, and one command always runs whole.
 */
#ifndef QUOTA_H
#define QUOTA_H

#include "bucket.h"

struct quota {
	struct bucket *b; /* bytes each team may still cause; below 0: a debt */
	int n;
	double rate;  /* bytes a second; 0: no limit */
	double burst; /* the most a bucket holds */
};

/* Buckets for n teams, full, filled at rate bytes a second (0: no limit) up to burst. */
void quota_init(struct quota *q, int n, double rate, double burst, double now);
/* Free the buckets. */
void quota_free(struct quota *q);
/* Seconds team i must wait before its next command; 0 when it may go on. */
double quota_wait(struct quota *q, int i, double now);
/* Team i's command caused cost bytes of output. */
void quota_charge(struct quota *q, int i, double cost, double now);

#endif

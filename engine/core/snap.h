/*
 * The exercise as one role may see it, for a client that joins late (the web console's first
 * event): clock, teams, injects with each team's status, pending decisions and, for the staff,
 * RFIs, the sharing matrix, script errors and the scenario state. What the exercise does not
 * keep (RFIs, shares, script errors) a snap_log learns from the events it is shown.
 */
#ifndef SNAP_H
#define SNAP_H

#include <jansson.h>

#include "cmd.h"
#include "evt.h"

/* What a snapshot needs that the exercise does not keep, learnt from its events. */
struct snap_log {
	json_t *rfis;          /* [{"id","team","by","text","t","answered"}] in order */
	json_t *shares;        /* {"from": {"to": count}} ("to" may be "all") */
	json_t *script_errors; /* the last SNAP_MAX_ERRORS script_error events */
};

/* The most script errors a snapshot lists (the most recent ones). */
#define SNAP_MAX_ERRORS 50

/* An empty log. */
void snap_log_init(struct snap_log *log);
/* Free what the log holds. */
void snap_log_free(struct snap_log *log);
/* Learn from one event. */
void snap_log_observe(struct snap_log *log, const struct evt *ev);
/*
 * {"type":"snapshot",...}: the exercise as session s may see it (docs/web.md), texts in its
 * language for a team member. log may be NULL. A new reference.
 */
json_t *snap_build(struct exercise *ex, const struct snap_log *log, const struct cmd_session *s);

#endif

/*
 * The logged-in team member of the abuse test. Its own thread waits on the socket and stamps
 * each inject as it arrives, so the attackers' event loop never delays a measurement.
 */
#include "abuse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

/* Record one inject line that arrived at `at`. */
static void team_inject(struct team *tm, json_t *o, double at)
{
	const char *id = json_string_value(json_object_get(o, "id"));
	long n;

	if (id == NULL || sscanf(id, "A-%ld", &n) != 1) {
		tm->others++;
		return;
	}
	pthread_mutex_lock(&tm->lock);
	if (tm->n_got == tm->cap_got) {
		tm->cap_got = tm->cap_got != 0 ? tm->cap_got * 2 : 1024;
		tm->got = mem_realloc(tm->got, (size_t)tm->cap_got * sizeof *tm->got);
	}
	if (tm->n_got > 0 && n != tm->got[tm->n_got - 1].n + 1)
		tm->out_of_order++;
	tm->got[tm->n_got].n = n;
	tm->got[tm->n_got].t = (long)json_integer_value(json_object_get(o, "t"));
	tm->got[tm->n_got].at = at;
	tm->n_got++;
	pthread_cond_broadcast(&tm->cond);
	pthread_mutex_unlock(&tm->lock);
}

/* Ask for `status` and keep the exercise time and speed it reports. */
static void team_status(struct team *tm)
{
	json_t *o;

	if (wire_send(&tm->w, "status") < 0)
		return;
	for (;;) {
		double at;
		const char *l = wire_line(&tm->w, 5000, &at);
		const char *type, *cmd;

		if (l == NULL)
			return;
		o = json_loads(l, 0, NULL);
		type = json_string_value(json_object_get(o, "type"));
		cmd = json_string_value(json_object_get(o, "cmd"));
		if (type != NULL && strcmp(type, "inject") == 0) {
			team_inject(tm, o, at);
		} else if (type != NULL && cmd != NULL && strcmp(cmd, "status") == 0) {
			tm->status_ok = strcmp(type, "ok") == 0;
			tm->t_final = (long)json_integer_value(json_object_get(o, "t"));
			tm->speed = json_number_value(json_object_get(o, "speed"));
			json_decref(o);
			return;
		}
		json_decref(o);
	}
}

/* The thread: read lines until told to stop, then ask for `status`. */
static void *team_main(void *arg)
{
	struct team *tm = arg;

	while (!atomic_load(&tm->stop)) {
		double at;
		const char *l = wire_line(&tm->w, 50, &at);
		json_t *o;
		const char *type;

		if (l == NULL) {
			if (tm->w.eof)
				break;
			continue;
		}
		o = json_loads(l, 0, NULL);
		type = json_string_value(json_object_get(o, "type"));
		if (type != NULL && strcmp(type, "inject") == 0)
			team_inject(tm, o, at);
		else
			tm->others++;
		json_decref(o);
	}
	if (!tm->w.eof)
		team_status(tm);
	return NULL;
}

/* Log in to team id on port and start stamping its injects; -1 with a message on failure. */
int team_start(struct team *tm, int port, const char *id, const char *code)
{
	memset(tm, 0, sizeof *tm);
	pthread_mutex_init(&tm->lock, NULL);
	pthread_cond_init(&tm->cond, NULL);
	atomic_init(&tm->stop, false);
	if (wire_login(&tm->w, port, id, code) < 0)
		return -1;
	if (pthread_create(&tm->thread, NULL, team_main, tm) != 0) {
		fprintf(stderr, "abuse: cannot start the team's thread\n");
		return -1;
	}
	return 0;
}

/* Wait until `more` injects than now have arrived, or ms passed; whether they did. */
bool team_wait(struct team *tm, long more, int ms)
{
	struct timespec until;
	long n;
	bool ok;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&tm->lock);
	n = tm->n_got + more;
	while (tm->n_got < n && pthread_cond_timedwait(&tm->cond, &tm->lock, &until) == 0)
		;
	ok = tm->n_got >= n;
	pthread_mutex_unlock(&tm->lock);
	return ok;
}

/* Stop the thread, after asking the server for `status`; the figures stay in tm. */
void team_stop(struct team *tm)
{
	atomic_store(&tm->stop, true);
	pthread_join(tm->thread, NULL);
	wire_close(&tm->w);
}

/* Free the team's records. */
void team_free(struct team *tm)
{
	free(tm->got);
	pthread_mutex_destroy(&tm->lock);
	pthread_cond_destroy(&tm->cond);
}

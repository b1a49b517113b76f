/* The exercise as one role may see it, and the log of what the exercise does not keep. */
#include "snap.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "ex_internal.h"
#include "exercise.h"
#include "mem.h"

/* A JSON value that must exist; aborts when out of memory. */
static json_t *snap_must(json_t *v)
{
	if (v == NULL)
		abort();
	return v;
}

/* An empty log. */
void snap_log_init(struct snap_log *log)
{
	log->rfis = snap_must(json_array());
	log->shares = snap_must(json_object());
	log->script_errors = snap_must(json_array());
}

/* Free what the log holds. */
void snap_log_free(struct snap_log *log)
{
	json_decref(log->rfis);
	json_decref(log->shares);
	json_decref(log->script_errors);
	memset(log, 0, sizeof *log);
}

/* A string field of obj, or "". */
static const char *snap_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s != NULL ? s : "";
}

/* A reply answers the RFI it names, or else its team's oldest open one. */
static void snap_log_reply(struct snap_log *log, const json_t *obj)
{
	const char *rfi = json_string_value(json_object_get(obj, "rfi"));
	const char *team = snap_str(obj, "team");
	size_t i;
	json_t *r;

	json_array_foreach(log->rfis, i, r)
	{
		if (json_is_true(json_object_get(r, "answered")))
			continue;
		if (rfi != NULL ? strcmp(snap_str(r, "id"), rfi) == 0
		                : strcmp(snap_str(r, "team"), team) == 0) {
			json_object_set_new(r, "answered", json_true());
			json_object_set(r, "reply", json_object_get(obj, "text"));
			return;
		}
	}
}

/* Count a share in the matrix. */
static void snap_log_share(struct snap_log *log, const json_t *obj)
{
	const char *from = snap_str(obj, "from"), *to = snap_str(obj, "to");
	json_t *row = json_object_get(log->shares, from);

	if (row == NULL) {
		row = snap_must(json_object());
		json_object_set_new(log->shares, from, row);
	}
	json_object_set_new(row, to,
	                    json_integer(json_integer_value(json_object_get(row, to)) + 1));
}

/* Learn from one event. */
void snap_log_observe(struct snap_log *log, const struct evt *ev)
{
	const char *type = snap_str(ev->obj, "type");

	if (strcmp(type, "rfi") == 0) {
		json_t *r = snap_must(json_deep_copy(ev->obj));

		json_object_del(r, "type");
		json_object_set_new(r, "answered", json_false());
		json_array_append_new(log->rfis, r);
	} else if (strcmp(type, "reply") == 0) {
		snap_log_reply(log, ev->obj);
	} else if (strcmp(type, "share") == 0) {
		snap_log_share(log, ev->obj);
	} else if (strcmp(type, "script_error") == 0) {
		if (json_array_size(log->script_errors) >= SNAP_MAX_ERRORS)
			json_array_remove(log->script_errors, 0);
		json_array_append(log->script_errors, ev->obj);
	}
}

/* A team's status on an inject: not_fired, fired, pending, decided, timeout or closed. */
static const char *snap_status(const struct ex_inject *in, const struct ex_teaminject *ts)
{
	if (ts == NULL || ts->fired_at < 0)
		return "not_fired";
	if (in->decision == NULL || ts->dstate == EX_D_NONE)
		return "fired";
	if (ts->dstate == EX_D_PENDING)
		return "pending";
	if (ts->dstate == EX_D_CLOSED)
		return "closed";
	return ts->timeout ? "timeout" : "decided";
}

/* One team's state of an inject: {"status","fired_at","deadline","option","decided_at"}. */
static json_t *snap_teaminject(const struct ex_inject *in, int team)
{
	const struct ex_teaminject *ts = in->ts != NULL ? &in->ts[team] : NULL;
	bool fired = ts != NULL && ts->fired_at >= 0;
	bool chosen = fired && ts->dstate == EX_D_DECIDED && ts->option >= 0;

	return snap_must(json_pack(
	    "{s:s,s:o,s:o,s:o,s:o}", "status", snap_status(in, ts), "fired_at",
	    fired ? json_integer(ts->fired_at) : json_null(), "deadline",
	    fired && ts->deadline >= 0 ? json_integer(ts->deadline) : json_null(), "option",
	    chosen ? json_string(in->decision->options[ts->option].key) : json_null(), "decided_at",
	    fired && ts->decided_at >= 0 ? json_integer(ts->decided_at) : json_null()));
}

/* The staff's row of the MSEL board for inject i: the inject and every team's status. */
static json_t *snap_staff_inject(const struct exercise *ex, const struct ex_inject *in)
{
	json_t *o = snap_must(cmd_team_inject_json(ex, in, -1));
	json_t *teams = snap_must(json_object());

	json_object_set_new(o, "at", in->at >= 0 ? json_integer(in->at) : json_null());
	json_object_set_new(o, "manual", json_boolean(in->manual || in->at < 0));
	json_object_set_new(o, "times_fired", json_integer(in->times_fired));
	for (int j = 0; j < ex->n_teams; j++)
		json_object_set_new(teams, ex->teams[j].id, snap_teaminject(in, j));
	json_object_set_new(o, "teams", teams);
	return o;
}

/* An inject as it reached team, in language lang, with the team's status. */
static json_t *snap_team_inject(const struct exercise *ex, const struct ex_inject *in, int team,
                                int lang)
{
	struct evt *ev = evt_new(EVT_INJECT, in->ts[team].fired_at,
	                         snap_must(cmd_team_inject_json(ex, in, team)));
	json_t *o = snap_must(json_deep_copy(evt_obj_lang(ev, ex, lang)));

	evt_unref(ev);
	json_object_set_new(o, "team", snap_teaminject(in, team));
	return o;
}

/* Every inject: the MSEL board for the staff, or what reached the team (oldest first). */
static json_t *snap_injects(const struct exercise *ex, const struct cmd_session *s)
{
	json_t *list = snap_must(json_array());
	bool staff = s->role != CMD_ROLE_TEAM;

	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];

		if (staff)
			json_array_append_new(list, snap_staff_inject(ex, in));
		else if (in->ts != NULL && in->ts[s->team].fired_at >= 0)
			json_array_append_new(list, snap_team_inject(ex, in, s->team, s->lang));
	}
	return list;
}

/* The decisions owed: [{"team","inject","deadline"}], one team's or every team's. */
static json_t *snap_pending(const struct exercise *ex, int only)
{
	json_t *list = snap_must(json_array());

	for (int i = 0; i < ex->n_injects; i++) {
		const struct ex_inject *in = &ex->injects[i];

		for (int j = 0; in->ts != NULL && j < ex->n_teams; j++) {
			const struct ex_teaminject *ts = &in->ts[j];

			if ((only >= 0 && j != only) || ts->fired_at < 0 ||
			    ts->dstate != EX_D_PENDING)
				continue;
			json_array_append_new(
			    list, json_pack("{s:s,s:s,s:o}", "team", ex->teams[j].id, "inject",
			                    in->id, "deadline",
			                    ts->deadline >= 0 ? json_integer(ts->deadline)
			                                      : json_null()));
		}
	}
	return list;
}

/* The teams: every one's id and name; scores and members for the staff and one's own team. */
static json_t *snap_teams(const struct exercise *ex, const struct cmd_session *s)
{
	json_t *list = snap_must(json_array());
	int lang = s->role == CMD_ROLE_TEAM ? s->lang : 0;

	for (int j = 0; j < ex->n_teams; j++) {
		const struct ex_team *t = &ex->teams[j];
		const char *name = ex_lang_get(t->name, t->name_tr, lang);
		json_t *o =
		    json_pack("{s:s,s:s}", "id", t->id, "name", name != NULL ? name : t->id);

		if (s->role != CMD_ROLE_TEAM || s->team == j) {
			json_object_set_new(o, "score", json_integer(t->score));
			json_object_set_new(o, "members", json_integer(t->members));
		}
		json_array_append_new(list, snap_must(o));
	}
	return list;
}

/* The clock: {"state","t","speed","tick","duration","start"} (start: epoch seconds or null). */
static json_t *snap_clock(const struct exercise *ex)
{
	return snap_must(
	    json_pack("{s:s,s:I,s:o,s:I,s:I,s:o}", "state", ex_state_name(ex->state), "t",
	              (json_int_t)ex->t, "speed", cmd_json_speed(ex->speed), "tick",
	              (json_int_t)ex->tick, "duration", (json_int_t)ex->duration, "start",
	              ex->start_epoch >= 0 ? json_integer(ex->start_epoch) : json_null()));
}

/* The staff's part: RFIs, sharing matrix, script errors and the scenario state. */
static void snap_staff(json_t *o, struct exercise *ex, const struct snap_log *log)
{
	json_t *state = ex->hooks.state != NULL ? ex->hooks.state(ex->hooks.ctx, ex) : NULL;

	json_object_set_new(o, "rfis", log != NULL ? json_deep_copy(log->rfis) : json_array());
	json_object_set_new(o, "shares", log != NULL ? json_deep_copy(log->shares) : json_object());
	json_object_set_new(o, "script_errors",
	                    log != NULL ? json_deep_copy(log->script_errors) : json_array());
	json_object_set_new(o, "state", state != NULL ? state : json_object());
}

/* {"type":"snapshot",...}: the exercise as session s may see it. */
json_t *snap_build(struct exercise *ex, const struct snap_log *log, const struct cmd_session *s)
{
	int lang = s->role == CMD_ROLE_TEAM ? s->lang : 0;
	const char *title = ex_lang_get(ex->title, ex->title_tr, lang);
	const char *phase = ex_lang_get(ex->phase, ex->phase_tr, lang);
	json_t *langs = snap_must(json_array());
	bool team = s->role == CMD_ROLE_TEAM && s->team >= 0 && s->team < ex->n_teams;
	json_t *o;

	for (int k = 0; k < ex->n_langs; k++)
		json_array_append_new(langs, json_string(ex->langs[k]));
	o = json_pack(
	    "{s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "type", "snapshot", "role",
	    cmd_role_name(s->role), "team", team ? json_string(ex->teams[s->team].id) : json_null(),
	    "name", s->name != NULL ? json_string(s->name) : json_null(), "title",
	    title != NULL ? json_string(title) : json_null(), "lang",
	    ex->n_langs > 0 ? json_string(ex->langs[s->lang]) : json_null(), "languages", langs,
	    "clock", snap_clock(ex), "phase", phase != NULL ? json_string(phase) : json_null(),
	    "teams", snap_teams(ex, s), "pending", snap_pending(ex, team ? s->team : -1));
	snap_must(o);
	json_object_set_new(o, "marking", ex_jstr(ex_marking(ex)));
	json_object_set_new(o, "injects", snap_injects(ex, s));
	if (!team)
		snap_staff(o, ex, log);
	return o;
}

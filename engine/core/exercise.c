/* The exercise model: declarations, lookups, the clock and the queue of what is due. */
#include "exercise.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ex_internal.h"
#include "timeparse.h"
#include "utf8.h"

/* A JSON string of s (bytes that are not UTF-8 become U+FFFD), or null when s is NULL. */
json_t *ex_jstr(const char *s)
{
	return utf8_json(s);
}

/* Build a JSON object from a json_pack format; aborts when out of memory. */
json_t *ex_pack(const char *fmt, ...)
{
	va_list ap;
	json_t *j;

	va_start(ap, fmt);
	j = json_vpack_ex(NULL, 0, fmt, ap);
	va_end(ap);
	if (j == NULL)
		abort();
	return j;
}

/* Make an empty exercise with defaults: duration 1h, tick 60s, speed 1, seed 1. */
struct exercise *ex_new(void)
{
	struct exercise *ex = mem_calloc(1, sizeof *ex);

	ex->start_epoch = -1;
	ex->duration = 3600;
	ex->tick = 60;
	ex->speed = 1;
	ex->seed = 1;
	ex->remind = EX_REMIND_DEFAULT;
	ex->state = EX_WAITING;
	ex->index = mem_calloc(1, sizeof *ex->index);
	queue_init(&ex->q);
	return ex;
}

/* Free what an inject holds (its strings, recipients, decision and team states). */
void ex_inject_clear(struct ex_inject *inj)
{
	free(inj->id);
	free(inj->to);
	free(inj->from);
	free(inj->channel);
	free(inj->subject);
	free(inj->body);
	free(inj->notes);
	free(inj->ts);
	for (int k = 0; inj->fires != NULL && k < inj->times_fired; k++)
		free(inj->fires[k]);
	free(inj->fires);
	ex_lang_free(inj->from_tr);
	ex_lang_free(inj->channel_tr);
	ex_lang_free(inj->subject_tr);
	ex_lang_free(inj->body_tr);
	ex_lang_free(inj->notes_tr);
	if (inj->decision != NULL) {
		for (int k = 0; k < inj->decision->n_options; k++) {
			free(inj->decision->options[k].key);
			free(inj->decision->options[k].label);
			ex_lang_free(inj->decision->options[k].label_tr);
		}
		free(inj->decision->options);
		free(inj->decision->prompt);
		ex_lang_free(inj->decision->prompt_tr);
		free(inj->decision);
	}
}

/* Empty the queue, releasing the timers still in it. */
static void ex_drain(struct exercise *ex)
{
	struct queue_item it;

	while (queue_pop(&ex->q, &it))
		if (it.kind == EX_ITEM_TIMER && ex->hooks.release != NULL)
			ex->hooks.release(ex->hooks.ctx, ex, it.a);
}

/* Free the exercise and everything it owns. */
void ex_free(struct exercise *ex)
{
	if (ex == NULL)
		return;
	ex_drain(ex);
	queue_free(&ex->q);
	for (int i = 0; i < ex->n_teams; i++) {
		free(ex->teams[i].id);
		free(ex->teams[i].name);
		free(ex->teams[i].secret);
		ex_lang_free(ex->teams[i].name_tr);
	}
	for (int i = 0; i < ex->n_objectives; i++) {
		free(ex->objectives[i].id);
		free(ex->objectives[i].text);
		ex_lang_free(ex->objectives[i].text_tr);
	}
	ex_lang_clear(ex);
	for (int i = 0; i < ex->n_injects; i++)
		ex_inject_clear(&ex->injects[i]);
	for (int i = 0; i < ex->n_hotwash; i++)
		free(ex->hotwash[i]);
	free(ex->hotwash);
	free(ex->teams);
	free(ex->objectives);
	free(ex->injects);
	free(ex->title);
	free(ex->path);
	for (int i = 0; i < ex->n_modules; i++) {
		free(ex->modules[i].name);
		free(ex->modules[i].path);
	}
	free(ex->modules);
	free(ex->facilitator_secret);
	free(ex->observer_secret);
	free(ex->phase);
	free(ex->end_reason);
	free(ex->marking);
	ex_rfi_free(ex);
	ex_past_free(ex);
	idmap_free(&ex->index->ids);
	free(ex->index);
	free(ex);
}

/* Add a team; returns its index. */
int ex_add_team(struct exercise *ex, const char *id, const char *name, const char *secret, int line)
{
	struct ex_team *tm;

	ex->teams = mem_grow(ex->teams, (size_t)ex->n_teams, NULL, sizeof *ex->teams);
	tm = &ex->teams[ex->n_teams];
	tm->id = mem_strdup(id);
	tm->name = mem_strdup(name ? name : id);
	tm->secret = mem_strdup(secret);
	tm->line = line;
	return ex->n_teams++;
}

/* Add an objective; returns its index. */
int ex_add_objective(struct exercise *ex, const char *id, const char *text, int line)
{
	struct ex_objective *o;

	ex->objectives =
	    mem_grow(ex->objectives, (size_t)ex->n_objectives, NULL, sizeof *ex->objectives);
	o = &ex->objectives[ex->n_objectives];
	o->id = mem_strdup(id);
	o->text = mem_strdup(text);
	o->line = line;
	return ex->n_objectives++;
}

/* Add an inject with nothing set but its id and line; returns it. */
struct ex_inject *ex_add_inject(struct exercise *ex, const char *id, int line)
{
	struct ex_inject *inj;

	ex->injects = mem_grow(ex->injects, (size_t)ex->n_injects, NULL, sizeof *ex->injects);
	inj = &ex->injects[ex->n_injects];
	inj->id = mem_strdup(id);
	inj->at = -1;
	inj->on_decision = -1;
	inj->expect.option = -1;
	inj->expect.within = -1;
	inj->expect.objective = -1;
	inj->line = line;
	if (id != NULL && idmap_get(&ex->index->ids, inj->id) < 0)
		idmap_put(&ex->index->ids, inj->id, ex->n_injects);
	ex->n_injects++;
	return inj;
}

/* Team index by id, or -1. */
int ex_find_team(const struct exercise *ex, const char *id)
{
	for (int i = 0; id != NULL && i < ex->n_teams; i++)
		if (strcmp(ex->teams[i].id, id) == 0)
			return i;
	return -1;
}

/* Objective index by id, or -1. */
int ex_find_objective(const struct exercise *ex, const char *id)
{
	for (int i = 0; id != NULL && i < ex->n_objectives; i++)
		if (strcmp(ex->objectives[i].id, id) == 0)
			return i;
	return -1;
}

/* Inject index by id, or -1; the first declared one when ids repeat. */
int ex_find_inject(const struct exercise *ex, const char *id)
{
	return id == NULL ? -1 : (int)idmap_get(&ex->index->ids, id);
}

/* Option index of a decision by key (case-insensitive), or -1. */
int ex_find_option(const struct ex_decision *d, const char *key)
{
	for (int k = 0; d != NULL && key != NULL && k < d->n_options; k++)
		if (strcasecmp(d->options[k].key, key) == 0)
			return k;
	return -1;
}

/* Schedule every inject with an `at`; the injects declared so far are the scenario's own. */
void ex_prepare(struct exercise *ex)
{
	ex->n_declared = ex->n_injects;
	for (int i = 0; i < ex->n_injects; i++)
		if (ex->injects[i].at >= 0)
			queue_push(&ex->q, ex->injects[i].at, EX_ITEM_FIRE, i, -1, 0);
}

/* Where events go. */
void ex_set_sink(struct exercise *ex, ex_sink_fn fn, void *ctx)
{
	ex->sink = fn;
	ex->sink_ctx = ctx;
}

/* Emit an event through the sink and drop the caller's reference. */
void ex_emit(struct exercise *ex, struct evt *ev)
{
	ex_past_add(ex, ev);
	if (ex->sink != NULL)
		ex->sink(ex->sink_ctx, ev);
	evt_unref(ev);
}

/* Emit obj as an event of type to team (if >= 0) and staff. */
void ex_emit_team(struct exercise *ex, enum evt_type type, int team, json_t *obj)
{
	struct evt *ev = evt_new(type, ex->t, obj);

	ev->aud.staff = 1;
	evt_add_team(ev, team, ex->n_teams);
	ex_emit(ex, ev);
}

/* Tell the scenario layer something happened. */
void ex_notify(struct exercise *ex, const struct ex_note *note)
{
	if (ex->hooks.notify != NULL)
		ex->hooks.notify(ex->hooks.ctx, ex, note);
}

/* Run the settle hook, unless the exercise has ended. */
void ex_settle(struct exercise *ex)
{
	if (ex->state != EX_ENDED && ex->hooks.settle != NULL)
		ex->hooks.settle(ex->hooks.ctx, ex);
}

/* State name as in the protocol. */
const char *ex_state_name(enum ex_state s)
{
	static const char *const names[] = {"waiting", "running", "paused", "ended"};

	return (unsigned)s < 4 ? names[s] : "unknown";
}

/* The in-world time at t as "YYYY-MM-DD HH:MM", or "" when no start was given. */
void ex_world_time(const struct exercise *ex, long t, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (ex == NULL || ex->start_epoch < 0)
		buf[0] = '\0';
	else
		timeparse_format_datetime(ex->start_epoch + t, buf, n);
}

/* Tell everyone the clock's state and speed; advanced > 0: how far advance moved it. */
static void ex_clock_moved(struct exercise *ex, long advanced)
{
	json_t *speed = ex->speed == floor(ex->speed) && fabs(ex->speed) < 1e15
	                    ? json_integer((json_int_t)ex->speed)
	                    : json_real(ex->speed);
	struct evt *ev =
	    evt_new(EVT_CLOCK, ex->t,
	            ex_pack("{s:s,s:s,s:I,s:o}", "type", "clock", "state", ex_state_name(ex->state),
	                    "t", (json_int_t)ex->t, "speed", speed));

	if (advanced > 0)
		json_object_set_new(ev->obj, "advanced", json_integer(advanced));
	ev->aud.all = 1;
	ex_emit(ex, ev);
}

/* Tell everyone the clock's state and speed. */
static void ex_clock(struct exercise *ex)
{
	ex_clock_moved(ex, 0);
}

/* Run one queue item. */
static void ex_run_item(struct exercise *ex, const struct queue_item *it)
{
	switch (it->kind) {
	case EX_ITEM_FIRE:
		ex_fire_due(ex, it->a);
		break;
	case EX_ITEM_DEADLINE:
		if (ex->injects[it->a].ts[it->b].deadline == it->c)
			ex_deadline(ex, it->a, it->b);
		break;
	case EX_ITEM_REMIND:
		ex_remind(ex, it->a, it->b, it->c);
		break;
	case EX_ITEM_TIMER:
		if (ex->hooks.timer != NULL)
			ex->hooks.timer(ex->hooks.ctx, ex, it->a);
		if (it->c > 0 && ex->state != EX_ENDED)
			queue_push(&ex->q, it->t + it->c, EX_ITEM_TIMER, it->a, 0, it->c);
		else if (ex->hooks.release != NULL)
			ex->hooks.release(ex->hooks.ctx, ex, it->a);
		break;
	}
}

/* Run every queue item due by now, in (t, seq) order, until ENDEX. */
static void ex_run_due(struct exercise *ex)
{
	struct queue_item it;

	while (ex->state != EX_ENDED && queue_peek(&ex->q, &it) && it.t <= ex->t) {
		queue_pop(&ex->q, &it);
		ex_run_item(ex, &it);
	}
}

/* STARTEX: the clock starts at 0 and everything due at 0 runs. */
int ex_start(struct exercise *ex)
{
	struct ex_note note = {.kind = EX_NOTE_START, .team = -1, .to = -1, .inject = -1};

	if (ex->state != EX_WAITING)
		return -1;
	ex->state = EX_RUNNING;
	ex->t = 0;
	ex_clock(ex);
	ex_notify(ex, &note);
	ex_run_due(ex);
	ex_settle(ex);
	return 0;
}

/* Pause a running clock. */
int ex_pause(struct exercise *ex)
{
	if (ex->state != EX_RUNNING)
		return -1;
	ex->state = EX_PAUSED;
	ex_clock(ex);
	return 0;
}

/* Resume a paused clock. */
int ex_resume(struct exercise *ex)
{
	if (ex->state != EX_PAUSED)
		return -1;
	ex->state = EX_RUNNING;
	ex_clock(ex);
	return 0;
}

/* Whether speed lies in [EX_SPEED_MIN, EX_SPEED_MAX] (NaN does not). */
bool ex_speed_ok(double speed)
{
	return speed >= EX_SPEED_MIN && speed <= EX_SPEED_MAX;
}

/* Change the speed; -1 if it is out of range or the exercise has ended. */
int ex_set_speed(struct exercise *ex, double speed)
{
	if (!ex_speed_ok(speed) || ex->state == EX_ENDED)
		return -1;
	ex->speed = speed;
	ex_clock(ex);
	return 0;
}

/* Move one tick: run everything due, notify tick, ENDEX at the duration, settle. */
int ex_tick(struct exercise *ex)
{
	struct ex_note note = {.kind = EX_NOTE_TICK, .team = -1, .to = -1, .inject = -1};

	if (ex->state != EX_RUNNING && ex->state != EX_PAUSED)
		return -1;
	ex->t += ex->tick;
	ex_run_due(ex);
	if (ex->state == EX_ENDED)
		return 0;
	ex_notify(ex, &note);
	if (ex->state != EX_ENDED && ex->t >= ex->duration)
		ex_endex(ex, "duration");
	ex_settle(ex);
	return 0;
}

/*
 * Move d seconds forward tick by tick (rounded up), paused or not, stopping at ENDEX; then tell
 * everyone the t reached (ENDEX tells them itself).
 */
int ex_advance(struct exercise *ex, long d)
{
	long from = ex->t;

	if (d <= 0 || (ex->state != EX_RUNNING && ex->state != EX_PAUSED))
		return -1;
	for (long n = (d + ex->tick - 1) / ex->tick; n > 0 && ex->state != EX_ENDED; n--)
		ex_tick(ex);
	if (ex->state != EX_ENDED)
		ex_clock_moved(ex, ex->t - from);
	return 0;
}

/* ENDEX now with a reason: everyone is told, the scenario too, and nothing runs after. */
int ex_endex(struct exercise *ex, const char *reason)
{
	return ex_endex_tr(ex, reason, NULL);
}

/* ENDEX now with a reason in every language (tr may be NULL). */
int ex_endex_tr(struct exercise *ex, const char *reason, const struct ex_tr *tr)
{
	struct ex_note note = {.kind = EX_NOTE_END, .team = -1, .to = -1, .inject = -1};
	json_t *i18n;
	struct evt *ev;

	if (ex->state != EX_RUNNING && ex->state != EX_PAUSED)
		return -1;
	ex->state = EX_ENDED;
	free(ex->end_reason);
	ex->end_reason = mem_strdup(reason ? reason : "endex");
	ex_lang_free(ex->end_reason_tr);
	ex->end_reason_tr = reason != NULL ? ex_lang_dup(tr) : NULL;
	i18n = ex_lang_i18n();
	ex_lang_put(ex, i18n, "reason", ex->end_reason_tr);
	ex_clock(ex);
	ev = evt_new(EVT_END, ex->t,
	             ex_lang_attach(ex_pack("{s:s,s:o,s:I}", "type", "end", "reason",
	                                    ex_jstr(ex->end_reason), "t", (json_int_t)ex->t),
	                            i18n));
	ev->aud.all = 1;
	ex_emit(ex, ev);
	ex_eval_endex(ex);
	ex_close_pending(ex);
	note.text = ex->end_reason;
	ex_notify(ex, &note);
	ex_drain(ex);
	return 0;
}

/* Set a timer: first due at t (now if t is past), then every `every` seconds if every > 0. */
void ex_timer(struct exercise *ex, long t, long every, int ref)
{
	if (ex->state == EX_ENDED) {
		if (ex->hooks.release != NULL)
			ex->hooks.release(ex->hooks.ctx, ex, ref);
		return;
	}
	queue_push(&ex->q, t < ex->t ? ex->t : t, EX_ITEM_TIMER, ref, 0, every > 0 ? every : 0);
}

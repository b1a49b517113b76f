/* The inject{} declaration: fields, decision, expect, `to`, and its checks once the file ran. */
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "../core/timeparse.h"
#include "decl.h"
#include "hint.h"

/* The fields inject{}, its decision and its expect may have. */
static const char *const inject_fields[] = {"id",          "at",     "to",    "from",     "channel",
                                            "subject",     "body",   "notes", "decision", "expect",
                                            "on_decision", "manual", NULL};
static const char *const inject_decision_fields[] = {"prompt", "options", "deadline", "default",
                                                     NULL};
static const char *const inject_expect_fields[] = {"option", "within", "objective", NULL};

/* The keys of a decision's options, "a, b, c", for messages (to free). */
static char *inject_keys(const struct ex_decision *dec)
{
	char *s = mem_strdup(""), *t;

	for (int k = 0; k < dec->n_options; k++) {
		t = mem_printf("%s%s%s", s, k ? ", " : "", dec->options[k].key);
		free(s);
		s = t;
	}
	return s;
}

/* Whether the table at idx holds a pair { key, label } rather than a table of languages. */
static bool inject_is_pair(lua_State *L, int idx)
{
	bool pair = lua_rawgeti(L, idx, 1) != LUA_TNIL;

	lua_pop(L, 1);
	return pair;
}

/* Read the option at the top of the stack (number k of the list) into dec. */
static void inject_option(struct decl *d, struct ex_decision *dec, int k)
{
	lua_State *L = d->L;
	int opt = lua_gettop(L), lab = opt, rc = 1;
	char num[24], name[96], *list, *label = NULL;
	const char *key = NULL;
	struct ex_tr *tr = NULL;

	snprintf(num, sizeof num, "%d", k);
	if (lua_type(L, opt) == LUA_TSTRING ||
	    (lua_type(L, opt) == LUA_TTABLE && !inject_is_pair(L, opt))) {
		key = num;
	} else if (lua_type(L, opt) == LUA_TTABLE) {
		lua_rawgeti(L, opt, 1);
		lab = lua_rawgeti(L, opt, 2) == LUA_TNIL ? opt + 1 : opt + 2;
		if (lua_type(L, opt + 1) == LUA_TSTRING || lua_isinteger(L, opt + 1))
			key = lua_tostring(L, opt + 1);
	}
	if (key != NULL) {
		snprintf(name, sizeof name, "the label of option '%s'", key);
		rc = decl_text_at(d, lab, name, &label, &tr);
	}
	if (rc < 0)
		return;
	if (rc > 0) {
		decl_problem(d, "decision option %d must be a label or {key, label}", k);
	} else if (!decl_token(key)) {
		decl_problem(
		    d, "option key '%s' must be one word of letters, digits, '-', '_' or '.'", key);
	} else if (ex_find_option(dec, key) >= 0) {
		list = inject_keys(dec);
		decl_problem(d, "option key '%s' appears twice (options: %s)", key, list);
		free(list);
	} else {
		dec->options[dec->n_options].key = mem_strdup(key);
		dec->options[dec->n_options].label = label;
		dec->options[dec->n_options].label_tr = tr;
		dec->n_options++;
		return;
	}
	free(label);
	ex_lang_free(tr);
}

/* Read decision.options into dec. */
static void inject_options(struct decl *d, struct ex_decision *dec)
{
	lua_State *L = d->L;
	int top = lua_gettop(L), t = decl_get(d, "options");
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1), count = 0;
	char hint[192];

	if (t == LUA_TNIL) {
		decl_problem(d, "decision needs options");
	} else if (t != LUA_TTABLE) {
		decl_type(d, "options", "a list");
	} else {
		lua_pushnil(L);
		while (lua_next(L, top + 1)) {
			lua_pop(L, 1);
			count++;
		}
		if (n == 0 && count > 0 && hint_options_map(L, top + 1, hint, sizeof hint)) {
			decl_problem(d,
			             "decision.options must be a list, not a table of keys: write "
			             "%s",
			             hint);
		} else if (n == 0 || count != n || n > 1000) {
			decl_problem(
			    d, "decision.options must be a list: { {\"key\", \"label\"}, ... } "
			       "or { \"label\", ... }");
		} else {
			dec->options = mem_array(NULL, (size_t)n, sizeof *dec->options);
			for (lua_Integer k = 1; k <= n; k++) {
				lua_rawgeti(L, top + 1, k);
				inject_option(d, dec, (int)k);
				lua_settop(L, top + 1);
			}
		}
	}
	lua_settop(L, top);
}

/* Read decision = {...} of the inject being declared into inj->decision. */
static void inject_decision(struct decl *d, struct ex_inject *inj)
{
	lua_State *L = d->L;
	int top = lua_gettop(L), t = decl_get(d, "decision"), outer = d->t;
	struct ex_decision *dec;
	const char *key;
	char *list;
	long v;

	if (t != LUA_TTABLE) {
		if (t != LUA_TNIL)
			decl_type(d, "decision", "a table");
		lua_settop(L, top);
		return;
	}
	d->t = top + 1;
	d->in = "decision";
	decl_fields(d, inject_decision_fields);
	dec = inj->decision = mem_calloc(1, sizeof *dec);
	dec->deadline = -1;
	dec->dflt = -1;
	if (decl_get(d, "prompt") == LUA_TNIL)
		decl_problem(d, "decision needs a prompt");
	lua_pop(L, 1);
	decl_text(d, "prompt", &dec->prompt, &dec->prompt_tr);
	inject_options(d, dec);
	if (decl_time(d, "deadline", &v) > 0) {
		if (v == 0)
			decl_problem(d, "decision.deadline must be more than 0");
		dec->deadline = v > 0 ? v : -1;
	}
	if ((key = decl_key(d, "default")) != NULL && dec->n_options > 0) {
		dec->dflt = ex_find_option(dec, key);
		list = inject_keys(dec);
		if (dec->dflt < 0)
			decl_problem(d, "decision.default '%s' is not one of the options (%s)", key,
			             list);
		free(list);
	}
	d->t = outer;
	d->in = NULL;
	lua_settop(L, top);
}

/* Read expect = {...} of the inject being declared (after its decision). */
static void inject_expect(struct decl *d, struct ex_inject *inj, struct api_target *tg)
{
	lua_State *L = d->L;
	int top = lua_gettop(L), t = decl_get(d, "expect"), outer = d->t;
	const char *key;
	char *list;

	if (t != LUA_TTABLE) {
		if (t != LUA_TNIL)
			decl_type(d, "expect", "a table");
		lua_settop(L, top);
		return;
	}
	d->t = top + 1;
	d->in = "expect";
	decl_fields(d, inject_expect_fields);
	inj->expect.present = true;
	if ((key = decl_key(d, "option")) != NULL) {
		if (inj->decision == NULL) {
			decl_problem(d,
			             "expect.option '%s' names an option, but the inject asks no "
			             "decision",
			             key);
		} else if (inj->decision->n_options > 0 &&
		           (inj->expect.option = ex_find_option(inj->decision, key)) < 0) {
			list = inject_keys(inj->decision);
			decl_problem(d, "expect.option '%s' is not one of the options (%s)", key,
			             list);
			free(list);
		}
	}
	decl_time(d, "within", &inj->expect.within);
	free(tg->objective);
	tg->objective = decl_copy(d, "objective");
	d->t = outer;
	d->in = NULL;
	lua_settop(L, top);
}

/* Read the inject's `to`: an id, a list of ids or "all" (and no `to` means all). */
static void inject_to(struct decl *d, struct api_target *tg)
{
	lua_State *L = d->L;
	int top = lua_gettop(L), t = decl_get(d, "to");
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1), count = 0;
	bool ok = t == LUA_TSTRING;

	if (t == LUA_TNIL || (t == LUA_TSTRING && strcmp(lua_tostring(L, -1), "all") == 0)) {
		tg->all = true;
	} else if (t == LUA_TSTRING) {
		tg->to = mem_realloc(NULL, sizeof *tg->to);
		tg->to[tg->n_to++] = mem_strdup(lua_tostring(L, -1));
	} else if (t == LUA_TTABLE) {
		lua_pushnil(L);
		while (lua_next(L, top + 1)) {
			lua_pop(L, 1);
			count++;
		}
		ok = n > 0 && count == n && n <= 100000;
		if (ok)
			tg->to = mem_array(NULL, (size_t)n, sizeof *tg->to);
		for (lua_Integer k = 1; ok && k <= n; k++) {
			ok = lua_rawgeti(L, top + 1, k) == LUA_TSTRING;
			if (ok)
				tg->to[tg->n_to++] = mem_strdup(lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	if (!tg->all && !ok)
		decl_problem(d, "'to' must be a team id, a list of team ids or \"all\"");
	lua_settop(L, top);
}

/* Free what a target holds and zero it. */
static void inject_target_clear(struct api_target *tg)
{
	for (int i = 0; i < tg->n_to; i++)
		free(tg->to[i]);
	free(tg->to);
	free(tg->objective);
	memset(tg, 0, sizeof *tg);
}

/* Free what an inject that was never added holds and zero it. */
static void inject_scratch_clear(struct ex_inject *inj)
{
	ex_inject_clear(inj);
	memset(inj, 0, sizeof *inj);
	inj->at = -1;
	inj->on_decision = -1;
	inj->expect.option = inj->expect.within = inj->expect.objective = -1;
}

/* The fields of inject{} after its id, read into inj and tg. */
static void inject_body(struct decl *d, struct ex_inject *inj, struct api_target *tg)
{
	lua_State *L = d->L;
	int t;

	decl_fields(d, inject_fields);
	if (decl_time(d, "at", &inj->at) > 0) {
		if (decl_get(d, "at") == LUA_TSTRING)
			snprintf(tg->at_text, sizeof tg->at_text, "%s", lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	inject_to(d, tg);
	decl_text(d, "from", &inj->from, &inj->from_tr);
	decl_text(d, "channel", &inj->channel, &inj->channel_tr);
	decl_text(d, "subject", &inj->subject, &inj->subject_tr);
	decl_text(d, "body", &inj->body, &inj->body_tr);
	decl_text(d, "notes", &inj->notes, &inj->notes_tr);
	inject_decision(d, inj);
	inject_expect(d, inj, tg);
	if ((t = decl_get(d, "manual")) == LUA_TBOOLEAN)
		inj->manual = lua_toboolean(L, -1);
	else if (t != LUA_TNIL)
		decl_type(d, "manual", "true or false");
	lua_pop(L, 1);
	if ((t = decl_get(d, "on_decision")) == LUA_TFUNCTION && inj->decision == NULL)
		decl_problem(d, "on_decision is set, but the inject asks no decision");
	else if (t == LUA_TFUNCTION && inj != &d->api->scratch)
		inj->on_decision = luaL_ref(L, LUA_REGISTRYINDEX);
	else if (t != LUA_TNIL)
		decl_type(d, "on_decision", "a function(team, option, timeout)");
	lua_settop(L, 1);
}

/* inject { id=, at=, to=, from=, channel=, subject=, body=, notes=, decision=, expect=, ... } */
int inject_declare(lua_State *L)
{
	struct decl d;
	struct api *api;
	struct exercise *ex;
	struct ex_inject *inj;
	struct api_target *tg;
	const char *id;
	int k;

	if (decl_begin(&d, L, "inject") < 0)
		return 0;
	api = d.api;
	ex = api->ex;
	id = decl_id(&d, "inject");
	if (id != NULL && (k = ex_find_inject(ex, id)) >= 0) {
		decl_problem(&d, "declared twice (first at line %d)", ex->injects[k].line);
		id = NULL;
	}
	inject_scratch_clear(&api->scratch);
	inject_target_clear(&api->scratch_target);
	inj = &api->scratch;
	tg = &api->scratch_target;
	if (id != NULL) {
		inj = ex_add_inject(ex, id, d.line);
		api->targets = mem_grow(api->targets, (size_t)api->n_targets, &api->cap_targets,
		                        sizeof *api->targets);
		tg = &api->targets[api->n_targets++];
		tg->inject = ex->n_injects - 1;
		tg->line = d.line;
	}
	inject_body(&d, inj, tg);
	return 0;
}

/* The ids of the teams (or objectives), "a, b, c" (the first 20), for messages (to free). */
static char *inject_ids(const struct exercise *ex, bool teams)
{
	int n = teams ? ex->n_teams : ex->n_objectives;
	char *s = mem_strdup(n > 0 ? "" : "none declared"), *t;

	for (int i = 0; i < n && i < 20; i++) {
		const char *id = teams ? ex->teams[i].id : ex->objectives[i].id;
		t = mem_printf("%s%s%s", s, i ? ", " : "", id);
		free(s);
		s = t;
	}
	if (n > 20) {
		t = mem_printf("%s, ... (%d in all)", s, n);
		free(s);
		s = t;
	}
	return s;
}

/* Resolve the `to` of a target into its inject, with a problem for every unknown team. */
static void inject_resolve_to(struct api *api, struct decl *d, const struct api_target *tg)
{
	struct exercise *ex = api->ex;
	struct ex_inject *inj = &ex->injects[tg->inject];
	char *teams, hint[192];

	inj->to_all = tg->all;
	if (tg->n_to == 0)
		return;
	inj->to = mem_array(NULL, (size_t)tg->n_to, sizeof *inj->to);
	for (int i = 0; i < tg->n_to; i++) {
		int team = ex_find_team(ex, tg->to[i]);
		if (team >= 0) {
			inj->to[inj->n_to++] = team;
			continue;
		}
		teams = inject_ids(ex, true);
		if (hint_team_list(tg->to[i], hint, sizeof hint))
			decl_problem(d,
			             "'to' names unknown team '%s' (teams: %s); several teams are "
			             "a list: %s",
			             tg->to[i], teams, hint);
		else
			decl_problem(d, "'to' names unknown team '%s' (teams: %s)", tg->to[i],
			             teams);
		free(teams);
	}
}

/* A problem: at is not a whole number of ticks (the clock would round it up). */
static void inject_ticks(struct decl *d, long at, long tick)
{
	char a[32], t[32], lo[32], hi[32];

	timeparse_format_duration(at, a, sizeof a);
	timeparse_format_duration(tick, t, sizeof t);
	timeparse_format_duration(at / tick * tick, lo, sizeof lo);
	timeparse_format_duration((at / tick + 1) * tick, hi, sizeof hi);
	decl_problem(d,
	             "at %s is not a whole number of ticks (tick %s): the clock would fire it at "
	             "%s; write %s or %s",
	             a, t, hi, at / tick > 0 ? lo : "0", hi);
}

/* The checks of one inject that need the whole file. */
void inject_check(struct api *api, const struct api_target *tg)
{
	struct exercise *ex = api->ex;
	struct ex_inject *inj = &ex->injects[tg->inject];
	struct decl d = {.api = api, .line = tg->line, .kind = "inject", .field = "to"};
	char a[32], b[32], hint[192], *list;

	snprintf(d.what, sizeof d.what, "inject %s", inj->id);
	inject_resolve_to(api, &d, tg);
	d.field = "at";
	timeparse_format_duration(inj->at, a, sizeof a);
	timeparse_format_duration(ex->duration, b, sizeof b);
	if (inj->at > ex->duration && hint_clock_at(ex, tg->at_text, hint, sizeof hint))
		decl_problem(&d, "at %s is after the end of the exercise (duration %s): %s", a, b,
		             hint);
	else if (inj->at > ex->duration)
		decl_problem(&d, "at %s is after the end of the exercise (duration %s)", a, b);
	else if (inj->at > 0 && inj->at % ex->tick != 0)
		inject_ticks(&d, inj->at, ex->tick);
	d.in = "expect";
	d.field = "objective";
	if (tg->objective != NULL &&
	    (inj->expect.objective = ex_find_objective(ex, tg->objective)) < 0) {
		list = inject_ids(ex, false);
		decl_problem(&d,
		             "expect.objective '%s' is not a declared objective (objectives: %s)",
		             tg->objective, list);
		free(list);
	}
}

/* Free what the load-only data of the injects holds (targets and scratch). */
void inject_free(struct api *api)
{
	for (int i = 0; i < api->n_targets; i++)
		inject_target_clear(&api->targets[i]);
	free(api->targets);
	api->targets = NULL;
	api->n_targets = api->cap_targets = 0;
	inject_scratch_clear(&api->scratch);
	inject_target_clear(&api->scratch_target);
}

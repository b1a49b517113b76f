/* The after-action report as one JSON document (docs/journal.md, "Report JSON"). */
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "fmt.h"
#include "jalloc.h"
#include "report.h"
#include "steerout.h"

/* b - a when both times are known (not -1), else null. */
static json_t *jsonout_diff(long a, long b)
{
	return a == -1 || b == -1 ? json_null() : json_integer(b - a);
}

/* Set key of o to the string s (already valid UTF-8: it came from the journal), or null. */
static void jsonout_set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new_nocheck(o, key, s ? json_string_nocheck(s) : json_null());
}

/* Set key of o to the whole number v. */
static void jsonout_set_int(json_t *o, const char *key, long v)
{
	json_object_set_new_nocheck(o, key, json_integer(v));
}

/* The header: where the journal came from. */
static json_t *jsonout_journal(const struct model *m)
{
	return fmt_pack("{s:s,s:i,s:s?,s:s?,s:s?,s:o,s:I,s:b}", "path", fmt_base(m->path),
	                "version", 1, "tabletop", m->tabletop, "scenario", model_scenario_name(m),
	                "sha256", m->sha256, "seed",
	                m->has_seed ? json_integer(m->seed) : json_null(), "lines",
	                (json_int_t)m->c.lines, "partial", m->partial);
}

/* Every count of the summary. */
static json_t *jsonout_counts(const struct model *m)
{
	const struct model_counts *c = &m->c;
	json_t *o = fmt_pack(
	    "{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "events", (json_int_t)c->events,
	    "unknown", (json_int_t)c->unknown, "injects", (json_int_t)c->injects, "decisions",
	    (json_int_t)c->decisions, "timeouts", (json_int_t)c->timeouts, "open",
	    (json_int_t)c->open, "shares", (json_int_t)c->shares, "rfis", (json_int_t)c->rfis,
	    "rfis_unanswered", (json_int_t)c->rfis_unanswered, "replies", (json_int_t)c->replies,
	    "notes", (json_int_t)c->notes, "scores", (json_int_t)c->scores);

	json_object_update_new(
	    o, fmt_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "expects",
	                (json_int_t)c->expects, "validates", (json_int_t)c->validates, "met",
	                (json_int_t)c->met, "missed", (json_int_t)c->missed, "answers",
	                (json_int_t)c->answers, "actions", (json_int_t)c->actions, "says",
	                (json_int_t)c->says, "broadcasts", (json_int_t)c->broadcasts, "logs",
	                (json_int_t)c->logs, "phases", (json_int_t)c->phases, "resumes",
	                (json_int_t)c->resumes));
	json_object_update_new(o, fmt_pack("{s:I,s:I,s:I,s:I}", "adhoc", (json_int_t)c->adhoc,
	                                   "extensions", (json_int_t)c->extensions, "overrules",
	                                   (json_int_t)c->overrules, "script_errors",
	                                   (json_int_t)c->script_errors));
	return o;
}

/* A team's decisions, the deadlines it missed and those still open. */
static void jsonout_decisions(const struct model *m, int k, json_t *team)
{
	json_t *ds = json_array(), *missed = json_array(), *open = json_array();

	for (size_t i = 0; i < m->n_decisions; i++) {
		const struct model_decision *d = &m->decisions[i];
		if (d->team != k)
			continue;
		json_t *o = json_object();
		jsonout_set_str(o, "inject", d->inject);
		json_object_set_new_nocheck(o, "reached", fmt_opt(d->fired));
		jsonout_set_int(o, "t", d->t);
		json_object_set_new_nocheck(o, "response", fmt_opt(d->response));
		jsonout_set_str(o, "option", d->option);
		jsonout_set_str(o, "label", d->label);
		jsonout_set_str(o, "by", d->by);
		json_object_set_new_nocheck(o, "timeout", json_boolean(d->timeout));
		json_object_set_new_nocheck(o, "deadline", fmt_opt(d->deadline));
		json_object_set_new_nocheck(o, "overruled", steerout_json_overrule(m, d));
		json_array_append_new(ds, o);
		if (d->timeout)
			json_array_append_new(missed,
			                      fmt_pack("{s:s,s:o,s:I,s:s?,s:s?}", "inject",
			                               d->inject, "reached", fmt_opt(d->fired),
			                               "deadline", (json_int_t)d->t, "option",
			                               d->option, "label", d->label));
	}
	for (size_t i = 0; i < m->n_opens; i++)
		if (m->opens[i].team == k)
			json_array_append_new(
			    open, fmt_pack("{s:s,s:I,s:o}", "inject", m->opens[i].inject, "reached",
			                   (json_int_t)m->opens[i].fired, "deadline",
			                   fmt_opt(m->opens[i].deadline)));
	json_object_set_new(team, "decisions", ds);
	json_object_set_new(team, "missed_deadlines", missed);
	json_object_set_new(team, "open", open);
}

/* One expectation: the verdict that counts, the engine's expect and the last validate. */
static json_t *jsonout_check(const struct model *m, const struct model_check *c)
{
	json_t *ex = json_null(), *va = json_null();

	if (c->has_expect)
		ex = fmt_pack("{s:s,s:s?,s:s?,s:o,s:o,s:s?,s:I}", "result",
		              c->expect_met ? "met" : "missed", "option", c->option, "expected",
		              c->expected, "within", fmt_opt(c->within), "response",
		              fmt_opt(c->response), "reason", c->reason, "t", (json_int_t)c->t);
	if (c->validates > 0)
		va = fmt_pack("{s:s,s:s?,s:s?,s:I,s:I}", "result",
		              c->validate_met ? "met" : "missed", "by", c->by, "text", c->text, "t",
		              (json_int_t)c->vt, "count", (json_int_t)c->validates);
	return fmt_pack("{s:s,s:s?,s:s,s:o,s:o}", "inject", c->inject, "objective",
	                c->objective >= 0 ? m->objectives[c->objective].id : NULL, "result",
	                c->met ? "met" : "missed", "expect", ex, "validate", va);
}

/* A team's expectations, and their counts by objective. */
static void jsonout_checks(const struct model *m, int k, json_t *team)
{
	const struct model_team *tm = &m->teams[k];
	json_t *byobj = json_array(), *list = json_array();

	for (int o = 0; o <= m->n_objectives; o++)
		if (tm->obj_met[o] + tm->obj_missed[o] > 0)
			json_array_append_new(
			    byobj, fmt_pack("{s:s?,s:I,s:I}", "id",
			                    o < m->n_objectives ? m->objectives[o].id : NULL, "met",
			                    (json_int_t)tm->obj_met[o], "missed",
			                    (json_int_t)tm->obj_missed[o]));
	for (size_t i = 0; i < m->n_checks; i++)
		if (m->checks[i].team == k)
			json_array_append_new(list, jsonout_check(m, &m->checks[i]));
	json_object_set_new(team, "objectives", byobj);
	json_object_set_new(team, "expectations", list);
}

/* The kind of a log line as the JSON report names it. */
static const char *jsonout_kind(enum model_kind kind)
{
	static const char *const names[] = {
	    [LOG_INJECT] = "inject",
	    [LOG_DECISION] = "decision",
	    [LOG_ACTION] = "action",
	    [LOG_SAY] = "say",
	    [LOG_SHARE_OUT] = "share_sent",
	    [LOG_SHARE_IN] = "share_received",
	    [LOG_RFI] = "rfi",
	    [LOG_REPLY] = "reply",
	    [LOG_SCORE] = "score",
	    [LOG_EXPECT] = "expect",
	    [LOG_VALIDATE] = "validate",
	    [LOG_NOTE] = "note",
	    [LOG_ANSWER] = "answer",
	    [LOG_BROADCAST] = "broadcast",
	    [LOG_DEADLINE] = "deadline",
	    [LOG_OVERRULE] = "overrule",
	};

	return names[kind];
}

/* One line of a team's log: t, kind and the fields that kind has. Built without json_pack:
 * there are hundreds of thousands in a long exercise. */
static json_t *jsonout_entry(const struct model_entry *e)
{
	json_t *o = json_object();
	bool inject = e->kind == LOG_INJECT;

	jsonout_set_int(o, "t", e->t);
	json_object_set_new_nocheck(o, "kind", json_string_nocheck(jsonout_kind(e->kind)));
	jsonout_set_str(o, inject ? "from" : "by", e->by);
	jsonout_set_str(o, inject ? "subject" : "text", e->text);
	switch (e->kind) {
	case LOG_INJECT:
		jsonout_set_str(o, "inject", e->ref);
		json_object_set_new_nocheck(o, "allowed", fmt_opt(e->a));
		jsonout_set_str(o, "sent_by", e->extra);
		break;
	case LOG_DEADLINE:
		jsonout_set_str(o, "inject", e->ref);
		jsonout_set_int(o, "deadline", e->a);
		json_object_set_new_nocheck(o, "previous", fmt_opt(e->b));
		break;
	case LOG_OVERRULE:
		jsonout_set_str(o, "inject", e->ref);
		jsonout_set_str(o, "option", e->extra);
		break;
	case LOG_DECISION:
		jsonout_set_str(o, "inject", e->ref);
		jsonout_set_str(o, "label", e->extra);
		json_object_set_new_nocheck(o, "timeout", json_boolean(e->flag));
		break;
	case LOG_SHARE_OUT:
	case LOG_SHARE_IN:
		jsonout_set_str(o, e->kind == LOG_SHARE_OUT ? "to" : "from", e->ref);
		break;
	case LOG_RFI:
	case LOG_REPLY:
		jsonout_set_str(o, "rfi", e->ref);
		if (e->kind == LOG_REPLY)
			jsonout_set_str(o, "question", e->extra);
		break;
	case LOG_SCORE:
		jsonout_set_int(o, "delta", e->a);
		jsonout_set_int(o, "total", e->b);
		break;
	case LOG_EXPECT:
	case LOG_VALIDATE:
		jsonout_set_str(o, "inject", e->ref);
		jsonout_set_str(o, "objective", e->extra);
		jsonout_set_str(o, "result", e->flag ? "met" : "missed");
		break;
	case LOG_ANSWER:
		jsonout_set_int(o, "n", e->a);
		jsonout_set_str(o, "question", e->extra);
		break;
	default:
		break;
	}
	return o;
}

/* One team: score, decisions, expectations, sharing. */
static json_t *jsonout_team(const struct model *m, int k)
{
	const struct model_team *tm = &m->teams[k];
	json_t *scores = json_array(), *team, *log;

	team =
	    fmt_pack("{s:s,s:s,s:I,s:{s:I,s:o,s:o,s:o},s:{s:I,s:I,s:I,s:o,s:o,s:o},s:I,s:I}", "id",
	             tm->id, "name", tm->name, "score", (json_int_t)tm->score, "response", "count",
	             (json_int_t)tm->resp_n, "mean", fmt_opt(fmt_mean(tm->resp_sum, tm->resp_n)),
	             "min", tm->resp_n ? json_integer(tm->resp_min) : json_null(), "max",
	             tm->resp_n ? json_integer(tm->resp_max) : json_null(), "sharing", "sent",
	             (json_int_t)tm->shares_sent, "to_all", (json_int_t)tm->shares_to_all,
	             "received", (json_int_t)tm->shares_received, "first_inject",
	             fmt_opt(tm->first_inject), "first_share", fmt_opt(tm->first_share),
	             "after_first_inject", jsonout_diff(tm->first_inject, tm->first_share), "rfis",
	             (json_int_t)tm->rfis, "rfis_unanswered", (json_int_t)tm->rfis_unanswered);
	jsonout_decisions(m, k, team);
	jsonout_checks(m, k, team);
	for (size_t i = 0; i < m->n_scores; i++)
		if (m->scores[i].team == k)
			json_array_append_new(
			    scores, fmt_pack("{s:I,s:I,s:I,s:s?}", "t", (json_int_t)m->scores[i].t,
			                     "delta", (json_int_t)m->scores[i].delta, "total",
			                     (json_int_t)m->scores[i].total, "reason",
			                     m->scores[i].reason));
	json_object_set_new(team, "scores", scores);
	log = json_array();
	for (long i = m->teams[k].first_log; i >= 0; i = m->log[i].next)
		json_array_append_new(log, jsonout_entry(&m->log[i]));
	json_object_set_new(team, "log", log);
	return team;
}

/* Inject firing i. */
static json_t *jsonout_inject(const struct model *m, size_t i)
{
	const struct model_inject *in = &m->injects[i];
	json_t *to = json_array(), *dec = json_null();

	for (int j = 0; j < in->n_to; j++)
		json_array_append_new(to, json_string(m->teams[in->to[j]].id));
	if (in->has_decision) {
		json_t *opts = json_array();
		for (int j = 0; j < in->n_options; j++)
			json_array_append_new(opts,
			                      fmt_pack("{s:s,s:s?}", "key", in->options[j].key,
			                               "label", in->options[j].label));
		dec = fmt_pack("{s:s?,s:o,s:o}", "prompt", in->prompt, "deadline",
		               fmt_opt(in->deadline), "options", opts);
	}
	return fmt_pack("{s:s,s:I,s:s?,s:s?,s:s?,s:o,s:o,s:s?}", "id", in->id, "t",
	                (json_int_t)in->t, "from", in->from, "channel", in->channel, "subject",
	                in->subject, "to", to, "decision", dec, "sent_by", in->sent_by);
}

/* Who shared with whom: every pair with at least one share. */
static json_t *jsonout_sharing(const struct model *m)
{
	json_t *list = json_array();

	for (int a = 0; a < m->n_teams; a++)
		for (int b = 0; b < m->n_teams; b++) {
			const struct model_pair *p =
			    &m->pairs[(size_t)a * (size_t)m->n_teams + (size_t)b];
			if (p->count > 0)
				json_array_append_new(
				    list,
				    fmt_pack("{s:s,s:s,s:I,s:I,s:o}", "from", m->teams[a].id, "to",
				             m->teams[b].id, "count", (json_int_t)p->count, "first",
				             (json_int_t)p->first, "after_first_inject",
				             jsonout_diff(m->teams[a].first_inject, p->first)));
		}
	return list;
}

/* RFI i with its replies. */
static json_t *jsonout_rfi(const struct model *m, size_t i)
{
	const struct model_rfi *r = &m->rfis[i];
	json_t *replies = json_array();

	for (long j = r->first_reply; j >= 0; j = m->replies[j].next)
		json_array_append_new(replies, fmt_pack("{s:s,s:I}", "text", m->replies[j].text,
		                                        "t", (json_int_t)m->replies[j].t));
	return fmt_pack("{s:s,s:s,s:s?,s:s,s:I,s:o,s:o,s:o}", "id", r->id, "team",
	                m->teams[r->team].id, "by", r->by, "text", r->text, "t", (json_int_t)r->t,
	                "answered", fmt_opt(r->answered), "answer_time",
	                jsonout_diff(r->t, r->answered), "replies", replies);
}

/* The replies that answered no RFI. */
static json_t *jsonout_loose(const struct model *m)
{
	json_t *loose = json_array();

	for (size_t j = 0; j < m->n_replies; j++)
		if (m->replies[j].rfi < 0)
			json_array_append_new(loose, fmt_pack("{s:s,s:s,s:I}", "team",
			                                      m->teams[m->replies[j].team].id,
			                                      "text", m->replies[j].text, "t",
			                                      (json_int_t)m->replies[j].t));
	return loose;
}

/* The facilitators' notes. */
static json_t *jsonout_notes(const struct model *m)
{
	json_t *notes = json_array();

	for (size_t i = 0; i < m->n_notes; i++)
		json_array_append_new(notes,
		                      fmt_pack("{s:s,s:s?,s:I}", "text", m->notes[i].text, "by",
		                               m->notes[i].by, "t", (json_int_t)m->notes[i].t));
	return notes;
}

/* The phases. */
static json_t *jsonout_phases(const struct model *m)
{
	json_t *phases = json_array();

	for (size_t i = 0; i < m->n_phases; i++)
		json_array_append_new(phases, fmt_pack("{s:s,s:I}", "name", m->phases[i].name, "t",
		                                       (json_int_t)m->phases[i].t));
	return phases;
}

/* A decision as the summary gives it (the fastest or the slowest), or null. */
static json_t *jsonout_extreme(const struct model *m, const struct model_decision *d)
{
	if (d == NULL)
		return json_null();
	return fmt_pack("{s:s,s:s,s:I,s:I}", "team", m->teams[d->team].id, "inject", d->inject,
	                "response", (json_int_t)d->response, "t", (json_int_t)d->t);
}

/* The objectives team k met in every evaluation, in none, or in some: ids. */
static json_t *jsonout_team_objectives(const struct model *m, int k)
{
	json_t *lists[3] = {json_array(), json_array(), json_array()};
	const struct model_team *tm = &m->teams[k];

	for (int j = 0; j <= m->n_objectives; j++) {
		long met = tm->obj_met[j], all = met + tm->obj_missed[j];
		if (all > 0)
			json_array_append_new(lists[met == all ? 0
			                            : met == 0 ? 1
			                                       : 2],
			                      j < m->n_objectives ? json_string(m->objectives[j].id)
			                                          : json_null());
	}
	return fmt_pack("{s:s,s:o,s:o,s:o}", "team", tm->id, "met", lists[0], "missed", lists[1],
	                "partly", lists[2]);
}

/* The executive summary's figures: fastest and slowest responses, objectives per team. */
static json_t *jsonout_summary(const struct model *m)
{
	json_t *objs = json_array();

	for (int k = 0; k < m->n_teams; k++)
		json_array_append_new(objs, jsonout_team_objectives(m, k));
	return fmt_pack("{s:o,s:o,s:I,s:I,s:o}", "fastest",
	                jsonout_extreme(m, model_extreme(m, false)), "slowest",
	                jsonout_extreme(m, model_extreme(m, true)), "deadlines_missed",
	                (json_int_t)m->c.timeouts, "rfis_unanswered",
	                (json_int_t)m->c.rfis_unanswered, "objectives", objs);
}

/* The objectives with their counts over every team. */
static json_t *jsonout_objectives(const struct model *m)
{
	json_t *objs = json_array();

	for (int i = 0; i < m->n_objectives; i++)
		json_array_append_new(
		    objs, fmt_pack("{s:s,s:s?,s:I,s:I}", "id", m->objectives[i].id, "text",
		                   m->objectives[i].text, "met", (json_int_t)m->objectives[i].met,
		                   "missed", (json_int_t)m->objectives[i].missed));
	return objs;
}

/* The hotwash questions and the answers that count. */
static json_t *jsonout_hotwash(const struct model *m)
{
	json_t *qs = json_array(), *answers = json_array();

	for (size_t i = 0; i < m->n_questions; i++)
		json_array_append_new(qs, json_string(m->questions[i]));
	for (size_t i = 0; i < m->n_answers; i++) {
		const struct model_answer *a = &m->answers[i];
		const char *q = a->n >= 1 && (size_t)a->n <= m->n_questions ? m->questions[a->n - 1]
		                                                            : a->question;
		json_array_append_new(answers,
		                      fmt_pack("{s:I,s:s?,s:s,s:s?,s:s,s:I}", "n", (json_int_t)a->n,
		                               "question", q, "team", m->teams[a->team].id, "by",
		                               a->by, "text", a->text, "t", (json_int_t)a->t));
	}
	return fmt_pack("{s:o,s:o}", "questions", qs, "answers", answers);
}

/*
 * The document is one JSON object written member by member, and its long lists (teams,
 * injects, RFIs) element by element: jansson serialises every value, and the report never
 * holds the whole tree (over 200 MB for a 100,000-event journal).
 */
struct jsonout {
	FILE *f;
	char *p; /* what jansson dumped, written out at once */
	size_t n, cap;
	int members; /* written so far */
	int rc;
};

/* Append size bytes to the buffer (jansson's dump callback). */
static int jsonout_append(const char *buffer, size_t size, void *data)
{
	struct jsonout *j = data;

	j->p = mem_reserve(j->p, &j->cap, j->n, size);
	memcpy(j->p + j->n, buffer, size);
	j->n += size;
	return 0;
}

/* Write v serialised by jansson. v is not freed: it lives in the bump allocator until the next
 * jalloc_reset, which forgets it at once (a json_decref would walk the whole tree for nothing). */
static void jsonout_dump(struct jsonout *j, json_t *v)
{
	j->n = 0;
	if (json_dump_callback(v, jsonout_append, j, JSON_COMPACT | JSON_ENCODE_ANY) < 0)
		j->rc = -1;
	fwrite(j->p, 1, j->n, j->f);
}

/* Write v (taken), then forget every jansson value: none may be alive. */
static void jsonout_value(struct jsonout *j, json_t *v)
{
	jsonout_dump(j, v);
	jalloc_reset();
}

/* Start the member key of the document: the opening brace or a comma, the key and a colon. */
static void jsonout_key(struct jsonout *j, const char *key)
{
	putc(j->members++ == 0 ? '{' : ',', j->f);
	jsonout_dump(j, json_string(key));
	putc(':', j->f);
}

/* Write member key of the document: value (taken). */
static void jsonout_member(struct jsonout *j, const char *key, json_t *value)
{
	jsonout_key(j, key);
	jsonout_value(j, value);
}

/* Write member key: a list of n values, each made by item(m, i) and written at once. */
static void jsonout_list(struct jsonout *j, const char *key, size_t n,
                         json_t *(*item)(const struct model *m, size_t i), const struct model *m)
{
	jsonout_key(j, key);
	putc('[', j->f);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			putc(',', j->f);
		jsonout_value(j, item(m, i));
	}
	putc(']', j->f);
}

/* Team i, for jsonout_list. */
static json_t *jsonout_team_at(const struct model *m, size_t i)
{
	return jsonout_team(m, (int)i);
}

/* Write the report as one JSON document on one line; -1 if jansson fails. */
int jsonout_write(const struct model *m, FILE *f)
{
	struct jsonout j = {f, NULL, 0, 0, 0, 0};

	jalloc_begin();
	jsonout_member(&j, "report", json_integer(1));
	jsonout_member(&j, "journal", jsonout_journal(m));
	jsonout_member(&j, "exercise",
	               fmt_pack("{s:s?,s:s?,s:o,s:o}", "title", m->title, "start", m->start,
	                        "duration", fmt_opt(m->duration), "tick", fmt_opt(m->tick)));
	jsonout_member(
	    &j, "ended",
	    m->ended ? fmt_pack("{s:s?,s:I}", "reason", m->end_reason, "t", (json_int_t)m->end_t)
	             : json_null());
	jsonout_member(&j, "last_t", json_integer(m->last_t));
	jsonout_member(&j, "summary", jsonout_summary(m));
	jsonout_member(&j, "counts", jsonout_counts(m));
	jsonout_member(&j, "objectives", jsonout_objectives(m));
	jsonout_list(&j, "teams", (size_t)m->n_teams, jsonout_team_at, m);
	jsonout_list(&j, "injects", m->n_injects, jsonout_inject, m);
	jsonout_member(&j, "phases", jsonout_phases(m));
	jsonout_member(&j, "sharing", jsonout_sharing(m));
	jsonout_list(&j, "rfis", m->n_rfis, jsonout_rfi, m);
	jsonout_member(&j, "unmatched_replies", jsonout_loose(m));
	jsonout_member(&j, "notes", jsonout_notes(m));
	jsonout_member(&j, "extensions", steerout_json(m, STEER_DEADLINE));
	jsonout_member(&j, "overrules", steerout_json(m, STEER_OVERRULE));
	jsonout_member(&j, "script_errors", steerout_json(m, STEER_SCRIPT_ERROR));
	jsonout_member(&j, "hotwash", jsonout_hotwash(m));
	fputs("}\n", f);
	jalloc_end();
	free(j.p);
	return j.rc;
}

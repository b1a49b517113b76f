/* The white cell's steering and the script errors, in every format of the report. */
#include "steerout.h"

#include <stdlib.h>

#include "../core/mem.h"
#include "fmt.h"

/* A cell: "T+HH:MM:SS" of t. */
static char *steerout_at(long t)
{
	char buf[32];

	fmt_offset(t, buf, sizeof buf);
	return mem_strdup(buf);
}

/* The ad-hoc injects composed by the white cell with `send`. */
static void steerout_adhoc(const struct model *m, const struct out *o)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'}, {"Inject", 12, 'l'}, {"Sent by", 14, 'l'},
	    {"To", 14, 'l'}, {"Subject", 0, 'l'},
	};

	o->heading(o, 3, "Ad-hoc injects");
	if (m->c.adhoc == 0) {
		o->para(o, "None.");
		return;
	}
	o->table(o, cols, 5, 0);
	for (size_t i = 0; i < m->n_injects; i++) {
		const struct model_inject *in = &m->injects[i];
		char *v[5];
		if (in->sent_by == NULL)
			continue;
		v[0] = steerout_at(in->t);
		v[1] = mem_strdup(in->id);
		v[2] = fmt_u(in->sent_by);
		v[3] = fmt_to(m, in);
		v[4] = fmt_u(in->subject);
		o->row(o, v);
	}
	o->end(o);
}

/* The deadlines extended for a team with `extend`. */
static void steerout_extensions(const struct model *m, const struct out *o)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'},      {"Team", 8, 'l'}, {"Inject", 12, 'l'},
	    {"Deadline", 0, 'l'}, {"By", 14, 'l'},
	};

	o->heading(o, 3, "Deadlines extended");
	if (m->c.extensions == 0) {
		o->para(o, "None.");
		return;
	}
	o->table(o, cols, 5, 0);
	for (size_t i = 0; i < m->n_steers; i++) {
		const struct model_steer *s = &m->steers[i];
		char *v[5];
		if (s->kind != STEER_DEADLINE)
			continue;
		v[0] = steerout_at(s->t);
		v[1] = mem_strdup(m->teams[s->team].id);
		v[2] = mem_strdup(s->inject);
		v[3] = fmt_extended(s->deadline, s->before);
		v[4] = fmt_u(s->by);
		o->row(o, v);
	}
	o->end(o);
}

/* The decisions overruled with `overrule`: the team's, the new one, by whom and why. */
static void steerout_overrules(const struct model *m, const struct out *o)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'},       {"Team", 8, 'l'},    {"Inject", 12, 'l'},
	    {"Decision", 22, 'l'}, {"By, why", 0, 'l'},
	};

	o->heading(o, 3, "Decisions overruled");
	if (m->c.overrules == 0) {
		o->para(o, "None.");
		return;
	}
	o->table(o, cols, 5, 0);
	for (size_t i = 0; i < m->n_steers; i++) {
		const struct model_steer *s = &m->steers[i];
		char *v[5], *was, *now;
		if (s->kind != STEER_OVERRULE)
			continue;
		v[0] = steerout_at(s->t);
		v[1] = mem_strdup(m->teams[s->team].id);
		v[2] = mem_strdup(s->inject);
		was = fmt_option(s->previous, s->previous_label);
		now = fmt_option(s->option, s->label);
		v[3] = mem_printf("was %s\nnow %s", was, now);
		v[4] = mem_printf(FMT_U0 "%s" FMT_U1 ": " FMT_U0 "%s" FMT_U1, s->by ? s->by : "?",
		                  s->text ? s->text : "");
		free(was);
		free(now);
		o->row(o, v);
	}
	o->end(o);
}

/* The run-time errors in scenario code: when, where, what. */
static void steerout_errors(const struct model *m, const struct out *o)
{
	static const struct out_col cols[] = {
	    {"T+", 10, 'l'}, {"Where", 24, 'l'}, {"Message", 0, 'l'}};
	char *s;

	o->heading(o, 1, "Script errors");
	if (m->c.script_errors == 0) {
		o->para(o, "None: the scenario's code ran without a run-time error.");
		return;
	}
	s = mem_printf("%ld run-time error%s in the scenario's code (the exercise went on after "
	               "each): the white cell should fix the scenario before the next run.",
	               m->c.script_errors, m->c.script_errors == 1 ? "" : "s");
	o->para(o, s);
	free(s);
	o->table(o, cols, 3, 0);
	for (size_t i = 0; i < m->n_steers; i++) {
		const struct model_steer *e = &m->steers[i];
		char *v[3];
		if (e->kind != STEER_SCRIPT_ERROR)
			continue;
		v[0] = steerout_at(e->t);
		v[1] = e->line >= 0
		           ? mem_printf(FMT_U0 "%s" FMT_U1 ":%ld", e->file ? e->file : "?", e->line)
		           : fmt_u(e->file ? e->file : "?");
		v[2] = fmt_u(e->text);
		o->row(o, v);
	}
	o->end(o);
}

/* Write the sections "Steering by the white cell" and "Script errors" through o. */
void steerout_write(const struct model *m, const struct out *o)
{
	char *s = mem_printf("Ad-hoc injects sent: %ld; deadlines extended: %ld; decisions "
	                     "overruled: %ld.",
	                     m->c.adhoc, m->c.extensions, m->c.overrules);

	o->heading(o, 1, "Steering by the white cell");
	o->para(o, s);
	free(s);
	steerout_adhoc(m, o);
	steerout_extensions(m, o);
	steerout_overrules(m, o);
	steerout_errors(m, o);
}

/* Say which decision response times (times: and deadlines) and expectations count, when the
 * white cell steered. */
void steerout_note(const struct model *m, const struct out *o, bool times)
{
	if (m->c.overrules > 0)
		o->para(o,
		        "These figures count each team's own decision (or the default recorded at "
		        "its deadline): a decision the white cell overruled afterwards keeps its "
		        "response time and its expectation verdict (see Steering by the white "
		        "cell).");
	if (times && m->c.extensions > 0)
		o->para(o, "A deadline extended for a team is that team's deadline: it has the "
		           "longer time allowed, and misses only the extended deadline.");
}

/* A decision's option cell, as a new string: the team's option, then what overruled it. */
char *steerout_option(const struct model *m, const struct model_decision *d)
{
	const struct model_steer *s;
	char *was = fmt_option(d->option, d->label), *now, *cell;

	if (d->overrule < 0)
		return was;
	s = &m->steers[d->overrule];
	now = fmt_option(s->option, s->label);
	cell = mem_printf("%s\noverruled: %s", was, now);
	free(was);
	free(now);
	return cell;
}

/* The overrule of decision d as JSON {"option","label","previous","reason","by","t"}, or null. */
json_t *steerout_json_overrule(const struct model *m, const struct model_decision *d)
{
	const struct model_steer *s;

	if (d->overrule < 0)
		return json_null();
	s = &m->steers[d->overrule];
	return fmt_pack("{s:s,s:s?,s:s?,s:s?,s:s?,s:I}", "option", s->option, "label", s->label,
	                "previous", s->previous, "reason", s->text, "by", s->by, "t",
	                (json_int_t)s->t);
}

/* One steering record as JSON. */
static json_t *steerout_json_one(const struct model *m, const struct model_steer *s)
{
	if (s->kind == STEER_DEADLINE)
		return fmt_pack("{s:s,s:s,s:I,s:o,s:s?,s:I}", "team", m->teams[s->team].id,
		                "inject", s->inject, "deadline", (json_int_t)s->deadline,
		                "previous", fmt_opt(s->before), "by", s->by, "t", (json_int_t)s->t);
	if (s->kind == STEER_OVERRULE)
		return fmt_pack("{s:s,s:s,s:s,s:s?,s:s?,s:s?,s:s?,s:s?,s:I}", "team",
		                m->teams[s->team].id, "inject", s->inject, "option", s->option,
		                "label", s->label, "previous", s->previous, "previous_label",
		                s->previous_label, "reason", s->text, "by", s->by, "t",
		                (json_int_t)s->t);
	return fmt_pack("{s:s?,s:o,s:s,s:I}", "file", s->file, "line", fmt_opt(s->line), "message",
	                s->text, "t", (json_int_t)s->t);
}

/* The steering records of kind as a JSON list (docs/journal.md, "Report JSON"). */
json_t *steerout_json(const struct model *m, enum model_steer_kind kind)
{
	json_t *list = json_array();

	for (size_t i = 0; i < m->n_steers; i++)
		if (m->steers[i].kind == kind)
			json_array_append_new(list, steerout_json_one(m, &m->steers[i]));
	return list;
}

/* The journal's events (docs/journal.md), read into the report model. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "model_int.h"

/* The running state of the inject with this id, made on first sight. */
static struct model_injstate *events_injstate(struct model *m, const char *id)
{
	struct model_priv *pv = m->priv;
	long i = idmap_get(&pv->injmap, id);
	struct model_injstate *s;

	if (i >= 0)
		return &pv->inj[i];
	s = MEM_PUSH(pv->inj, pv->n_inj, pv->cap_inj);
	s->id = id;
	s->fired = model_alloc(m, mem_mul((size_t)m->n_teams, sizeof *s->fired));
	s->deadline = model_alloc(m, mem_mul((size_t)m->n_teams, sizeof *s->deadline));
	s->decided = model_alloc(m, (size_t)m->n_teams);
	for (int k = 0; k < m->n_teams; k++)
		s->fired[k] = s->deadline[k] = -1;
	s->last = -1;
	idmap_put(&pv->injmap, s->id, (long)pv->n_inj - 1);
	return s;
}

/* Read an inject's decision object into in; -1 after model_fail. */
static int events_inject_decision(struct model *m, const json_t *dec, struct model_inject *in)
{
	json_t *opts = json_object_get(dec, "options"), *v;
	size_t i;

	in->has_decision = true;
	in->prompt = field_ostr(m, dec, "prompt");
	in->deadline = field_otime(m, dec, "deadline", -1);
	if (opts != NULL && !json_is_array(opts))
		model_fail(m, "\"options\" of an inject's decision should be a list");
	in->options = model_alloc(m, mem_mul(json_array_size(opts), sizeof *in->options));
	json_array_foreach(opts, i, v)
	{
		in->options[i].key = field_str(m, v, "key");
		in->options[i].label = field_ostr(m, v, "label");
	}
	in->n_options = (int)json_array_size(opts);
	return m->priv->err[0] != '\0' ? -1 : 0;
}

/* {"type":"inject","id","t","from","channel","subject","body","to","decision"}. */
static void events_inject(struct model *m, const json_t *o, long t)
{
	json_t *to = json_object_get(o, "to"), *dec = json_object_get(o, "decision"), *v;
	struct model_inject *in;
	struct model_injstate *s;
	size_t i, idx;

	if (!json_is_array(to) || (dec != NULL && !json_is_null(dec) && !json_is_object(dec))) {
		model_fail(m,
		           "an \"inject\" line needs a list \"to\" and a decision object or null");
		return;
	}
	in = MEM_PUSH(m->injects, m->n_injects, m->priv->cap_injects);
	idx = m->n_injects - 1;
	in->id = field_str(m, o, "id");
	in->sent_by = steer_sent_by(m, in->id);
	in->from = field_ostr(m, o, "from");
	in->channel = field_ostr(m, o, "channel");
	in->subject = field_ostr(m, o, "subject");
	if (m->marking == NULL)
		m->marking = field_ostr(m, o, "marking");
	in->t = t;
	in->seq = m->priv->line;
	in->deadline = -1;
	in->to = model_alloc(m, mem_mul(json_array_size(to), sizeof *in->to));
	json_array_foreach(to, i, v)
	{
		if (!json_is_string(v) || idmap_get(&m->priv->teams, json_string_value(v)) < 0) {
			model_fail(m, "unknown team %s%s%s in \"to\" (the header does not list it)",
			           json_is_string(v) ? "'" : "",
			           json_is_string(v) ? json_string_value(v) : "?",
			           json_is_string(v) ? "'" : "");
			return;
		}
		in->to[i] = (int)idmap_get(&m->priv->teams, json_string_value(v));
	}
	in->n_to = (int)json_array_size(to);
	if ((json_is_object(dec) && events_inject_decision(m, dec, in) < 0) || m->priv->err[0])
		return;
	s = events_injstate(m, in->id);
	if (in->has_decision)
		s->last = (long)idx;
	for (int j = 0; j < in->n_to; j++) {
		int k = in->to[j];
		struct model_team *tm = &m->teams[k];
		if (s->fired[k] < 0)
			s->fired[k] = t;
		if (in->has_decision && s->decided[k] == 0) {
			s->decided[k] = 1;
			s->deadline[k] = in->deadline;
		}
		if (tm->first_inject < 0 || t < tm->first_inject)
			tm->first_inject = t;
		model_log(m, (struct model_entry){
		                 k, LOG_INJECT, false, t,
		                 in->has_decision && in->deadline >= 0 ? in->deadline - t : -1, -1,
		                 in->id, in->from, in->subject, in->sent_by, -1});
	}
}

/* The label of option key of the inject s last fired with a decision, or NULL. */
const char *events_label(const struct model *m, const struct model_injstate *s, const char *key)
{
	const struct model_inject *in;

	if (s->last < 0 || key == NULL)
		return NULL;
	in = &m->injects[s->last];
	for (int i = 0; i < in->n_options; i++)
		if (strcasecmp(in->options[i].key, key) == 0)
			return in->options[i].label;
	return NULL;
}

/* {"type":"decision","inject","team","option","by","t","timeout"}. */
static void events_decision(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *inject = field_str(m, o, "inject");
	json_t *tv = json_object_get(o, "timeout");
	struct model_decision *d;
	struct model_injstate *s;
	struct model_team *tm = &m->teams[k];

	if (tv != NULL && !json_is_boolean(tv))
		model_fail(m, "\"timeout\" of a \"decision\" line should be true or false");
	if (m->priv->err[0] != '\0')
		return;
	s = events_injstate(m, inject);
	d = MEM_PUSH(m->decisions, m->n_decisions, m->priv->cap_decisions);
	d->team = k;
	d->inject = s->id;
	d->option = field_ostr(m, o, "option");
	d->by = field_ostr(m, o, "by");
	d->label = events_label(m, s, d->option);
	d->t = t;
	d->timeout = json_is_true(tv);
	d->fired = s->fired[k];
	d->response = d->fired >= 0 ? t - d->fired : -1;
	d->deadline = s->deadline[k];
	d->overrule = -1;
	s->decided[k] = 2;
	tm->n_decisions++;
	model_log(m, (struct model_entry){k, LOG_DECISION, d->timeout, t, -1, -1, d->inject, d->by,
	                                  d->option, d->label, -1});
	if (d->timeout) {
		tm->n_timeouts++;
		m->c.timeouts++;
	} else if (d->response >= 0) {
		if (tm->resp_n == 0 || d->response < tm->resp_min)
			tm->resp_min = d->response;
		if (tm->resp_n == 0 || d->response > tm->resp_max)
			tm->resp_max = d->response;
		tm->resp_n++;
		tm->resp_sum += d->response;
	}
}

/* Count one share from `from` reaching team `to` at t. */
static void events_pair(struct model *m, int from, int to, long t)
{
	struct model_pair *p = &m->pairs[(size_t)from * (size_t)m->n_teams + (size_t)to];

	p->count++;
	if (p->first < 0)
		p->first = t;
	m->teams[to].shares_received++;
}

/* Log a share from `from` as received by team k. */
static void events_share_in(struct model *m, int from, int k, const char *text, long t)
{
	model_log(m, (struct model_entry){k, LOG_SHARE_IN, false, t, -1, -1, m->teams[from].id,
	                                  NULL, text, NULL, -1});
}

/* {"type":"share","from","to","text","t"}: to is a team id or "all". */
static void events_share(struct model *m, const json_t *o, long t)
{
	int from = field_team(m, o, "from"), to = -1;
	const char *text = field_str(m, o, "text");
	json_t *tov = json_object_get(o, "to");
	struct model_team *tm = &m->teams[from];
	struct model_share *sh;

	if (!json_is_string(tov) || strcmp(json_string_value(tov), "all") != 0)
		to = field_team(m, o, "to");
	if (m->priv->err[0] != '\0')
		return;
	sh = MEM_PUSH(m->shares, m->n_shares, m->priv->cap_shares);
	*sh = (struct model_share){from, to, text, t};
	tm->shares_sent++;
	if (tm->first_share < 0)
		tm->first_share = t;
	model_log(m, (struct model_entry){from, LOG_SHARE_OUT, false, t, -1, -1, fmt_team(m, to),
	                                  NULL, text, NULL, -1});
	if (to >= 0) {
		events_pair(m, from, to, t);
		if (to != from)
			events_share_in(m, from, to, text, t);
		return;
	}
	tm->shares_to_all++;
	for (int k = 0; k < m->n_teams; k++) {
		if (k == from)
			continue;
		events_pair(m, from, k, t);
		events_share_in(m, from, k, text, t);
	}
}

/* {"type":"rfi","id","team","by","text","t"}. */
static void events_rfi(struct model *m, const json_t *o, long t)
{
	struct model_priv *pv = m->priv;
	int k = field_team(m, o, "team");
	struct model_rfi *r;

	r = MEM_PUSH(m->rfis, m->n_rfis, pv->cap_rfis);
	r->id = field_str(m, o, "id");
	r->by = field_ostr(m, o, "by");
	r->text = field_str(m, o, "text");
	r->team = k;
	r->t = t;
	r->answered = r->first_reply = r->last_reply = -1;
	if (pv->err[0] != '\0')
		return;
	idmap_put(&pv->rfimap, r->id, (long)m->n_rfis - 1);
	pv->team_rfis[k] =
	    mem_grow(pv->team_rfis[k], pv->team_rfi_n[k], &pv->team_rfi_cap[k], sizeof(long));
	pv->team_rfis[k][pv->team_rfi_n[k]++] = (long)m->n_rfis - 1;
	m->teams[k].rfis++;
	model_log(
	    m, (struct model_entry){k, LOG_RFI, false, t, -1, -1, r->id, r->by, r->text, NULL, -1});
}

/* The RFI a reply to team k answers: the one it names, else the team's oldest unanswered. */
static long events_reply_target(struct model *m, int k, const char *rfi)
{
	struct model_priv *pv = m->priv;
	long i;

	if (rfi != NULL) {
		i = idmap_get(&pv->rfimap, rfi);
		return i >= 0 && m->rfis[i].team == k ? i : -1;
	}
	while (pv->team_rfi_next[k] < pv->team_rfi_n[k] &&
	       m->rfis[pv->team_rfis[k][pv->team_rfi_next[k]]].answered >= 0)
		pv->team_rfi_next[k]++;
	return pv->team_rfi_next[k] < pv->team_rfi_n[k] ? pv->team_rfis[k][pv->team_rfi_next[k]]
	                                                : -1;
}

/* {"type":"reply","team","text","t"} with an optional "rfi" naming the RFI it answers. */
static void events_reply(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *text = field_str(m, o, "text"), *rfi = field_ostr(m, o, "rfi");
	struct model_reply *r;
	long idx, target;

	if (m->priv->err[0] != '\0')
		return;
	target = events_reply_target(m, k, rfi);
	r = MEM_PUSH(m->replies, m->n_replies, m->priv->cap_replies);
	*r = (struct model_reply){k, text, t, target, -1};
	idx = (long)m->n_replies - 1;
	model_log(m, (struct model_entry){k, LOG_REPLY, false, t, -1, -1,
	                                  target >= 0 ? m->rfis[target].id : NULL, NULL, text,
	                                  target >= 0 ? m->rfis[target].text : NULL, -1});
	if (target < 0)
		return;
	if (m->rfis[target].first_reply < 0) {
		m->rfis[target].first_reply = idx;
		m->rfis[target].answered = t;
	} else {
		m->replies[m->rfis[target].last_reply].next = idx;
	}
	m->rfis[target].last_reply = idx;
}

/* {"type":"score","team","delta","total","reason","t"}. */
static void events_score(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	long delta = field_int(m, o, "delta"), total = field_int(m, o, "total");
	const char *reason = field_ostr(m, o, "reason");
	struct model_score *s;

	if (m->priv->err[0] != '\0')
		return;
	s = MEM_PUSH(m->scores, m->n_scores, m->priv->cap_scores);
	*s = (struct model_score){k, delta, total, t, reason};
	m->teams[k].score = total;
	m->teams[k].n_scores++;
	model_log(m, (struct model_entry){k, LOG_SCORE, false, t, delta, total, NULL, NULL, reason,
	                                  NULL, -1});
}

/* The check for team k and inject (made on first sight, with no verdict yet). */
static struct model_check *events_check(struct model *m, int k, const char *inject)
{
	size_t n = strlen(inject) + strlen(m->teams[k].id) + 2;
	char *key = model_alloc(m, n);
	struct model_check *c;
	long i;

	snprintf(key, n, "%s\x1f%s", inject, m->teams[k].id);
	i = idmap_get(&m->priv->checkmap, key);
	if (i >= 0)
		return &m->checks[i];
	c = MEM_PUSH(m->checks, m->n_checks, m->priv->cap_checks);
	c->team = k;
	c->inject = inject;
	c->objective = -1;
	c->within = c->response = c->t = c->vt = -1;
	idmap_put(&m->priv->checkmap, key, (long)m->n_checks - 1);
	return c;
}

/* {"type":"expect","team","inject","objective","option","expected","within","result","response",
 * "reason","t"}: the engine's verdict, unless a facilitator validated it. */
static void events_expect(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *inject = field_str(m, o, "inject"), *objective = field_ostr(m, o, "objective");
	const char *option = field_ostr(m, o, "option"), *expected = field_ostr(m, o, "expected");
	const char *reason = field_ostr(m, o, "reason");
	long within = field_otime(m, o, "within", -1), response = field_otime(m, o, "response", -1);
	bool met = field_result(m, o);
	struct model_check *c;

	if (m->priv->err[0] != '\0')
		return;
	c = events_check(m, k, inject);
	c->has_expect = true;
	c->expect_met = met;
	if (c->validates == 0)
		c->met = met;
	if (objective != NULL)
		c->objective = head_objective(m, objective);
	c->option = option;
	c->expected = expected;
	c->reason = reason;
	c->within = within;
	c->response = response;
	c->t = t;
	m->c.expects++;
	model_log(m, (struct model_entry){k, LOG_EXPECT, met, t, -1, -1, c->inject, NULL, reason,
	                                  objective, -1});
}

/* {"type":"validate","team","inject","objective","result","text","by","t"}: a facilitator's
 * verdict; the last one counts. */
static void events_validate(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *inject = field_str(m, o, "inject"), *objective = field_ostr(m, o, "objective");
	const char *text = field_ostr(m, o, "text"), *by = field_ostr(m, o, "by");
	bool met = field_result(m, o);
	struct model_check *c;

	if (m->priv->err[0] != '\0')
		return;
	c = events_check(m, k, inject);
	c->validates++;
	c->met = c->validate_met = met;
	if (objective != NULL)
		c->objective = head_objective(m, objective);
	c->text = text;
	c->by = by;
	c->vt = t;
	m->c.validates++;
	model_log(m, (struct model_entry){k, LOG_VALIDATE, met, t, -1, -1, c->inject, by, text,
	                                  objective, -1});
}

/* Whether text names id as a word (not inside a longer word or id). */
static bool events_names(const char *text, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = text; n > 0 && (p = strstr(p, id)) != NULL; p++) {
		unsigned char before = p > text ? (unsigned char)p[-1] : ' ';
		unsigned char after = (unsigned char)p[n];
		if (!isalnum(before) && before != '_' && before != '-' && before < 0x80 &&
		    !isalnum(after) && after != '_' && after != '-' && after < 0x80)
			return true;
	}
	return false;
}

/* {"type":"note","text","by","t"}: also logged for every team whose id it names. */
static void events_note(struct model *m, const json_t *o, long t)
{
	const char *text = field_str(m, o, "text"), *by = field_ostr(m, o, "by");

	if (m->priv->err[0] != '\0')
		return;
	*MEM_PUSH(m->notes, m->n_notes, m->priv->cap_notes) = (struct model_note){text, by, t};
	for (int k = 0; k < m->n_teams; k++)
		if (events_names(text, m->teams[k].id))
			model_log(m, (struct model_entry){k, LOG_NOTE, false, t, -1, -1, NULL, by,
			                                  text, NULL, -1});
}

/* {"type":"broadcast","text","t"}: in every team's log. */
static void events_broadcast(struct model *m, const json_t *o, long t)
{
	const char *text = field_str(m, o, "text");

	if (m->priv->err[0] != '\0')
		return;
	m->c.broadcasts++;
	for (int k = 0; k < m->n_teams; k++)
		model_log(m, (struct model_entry){k, LOG_BROADCAST, false, t, -1, -1, NULL, NULL,
		                                  text, NULL, -1});
}

/* {"type":"action"|"say","team","by","text","t"}: what a team did or said. */
static void events_text(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *by = field_ostr(m, o, "by"), *text = field_str(m, o, "text");
	bool say = strcmp(m->priv->type, "say") == 0;

	if (m->priv->err[0] != '\0')
		return;
	model_log(m, (struct model_entry){k, say ? LOG_SAY : LOG_ACTION, false, t, -1, -1, NULL, by,
	                                  text, NULL, -1});
	if (say)
		m->c.says++;
	else
		m->c.actions++;
}

/* {"type":"hotwash","questions":[TEXT,...],"t"}: the latest list counts. */
static void events_hotwash(struct model *m, const json_t *o, long t)
{
	json_t *qs = json_object_get(o, "questions");

	(void)t;
	if (!json_is_array(qs))
		model_fail(m, "a \"hotwash\" line needs a list \"questions\"");
	else
		head_questions(m, qs);
}

/* The highest hotwash question number an answer may give. */
#define EVENTS_QUESTIONS_MAX 10000

/* {"type":"answer","team","by","n","question","text","t"}: the last answer to a question
 * counts. */
static void events_answer(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	long n = field_int(m, o, "n"), i;
	const char *by = field_ostr(m, o, "by"), *text = field_str(m, o, "text");
	const char *question = field_ostr(m, o, "question");
	char *key;
	size_t len;

	if (m->priv->err[0] == '\0' && (n < 1 || n > EVENTS_QUESTIONS_MAX))
		model_fail(m,
		           "\"n\" of an \"answer\" line should be a question number from 1 to %d",
		           EVENTS_QUESTIONS_MAX);
	if (m->priv->err[0] != '\0')
		return;
	len = strlen(m->teams[k].id) + 24;
	key = model_alloc(m, len);
	snprintf(key, len, "%ld\x1f%s", n, m->teams[k].id);
	i = idmap_get(&m->priv->answermap, key);
	if (i < 0) {
		MEM_PUSH(m->answers, m->n_answers, m->priv->cap_answers);
		i = (long)m->n_answers - 1;
		idmap_put(&m->priv->answermap, key, i);
		m->answers[i].seq = m->priv->line;
	}
	m->answers[i].team = k;
	m->answers[i].n = n;
	m->answers[i].t = t;
	m->answers[i].by = by;
	m->answers[i].text = text;
	m->answers[i].question = question;
	model_log(
	    m, (struct model_entry){k, LOG_ANSWER, false, t, n, -1, NULL, by, text, question, -1});
}

/* {"type":"phase","name","t"}. */
static void events_phase(struct model *m, const json_t *o, long t)
{
	const char *name = field_str(m, o, "name");

	if (m->priv->err[0] == '\0')
		*MEM_PUSH(m->phases, m->n_phases, m->priv->cap_phases) =
		    (struct model_phase){name, t, m->priv->line};
}

/* {"type":"end","reason","t"}: the first one ended the exercise. */
static void events_end(struct model *m, const json_t *o, long t)
{
	const char *reason = field_ostr(m, o, "reason");

	if (m->ended)
		return;
	m->ended = true;
	m->end_reason = reason;
	m->end_t = t;
}

/* The events the report computes from, each with a "t". */
static const struct {
	const char *type;
	void (*read)(struct model *m, const json_t *o, long t);
} events_timed[] = {
    {"inject", events_inject}, {"decision", events_decision},
    {"share", events_share},   {"rfi", events_rfi},
    {"reply", events_reply},   {"score", events_score},
    {"expect", events_expect}, {"validate", events_validate},
    {"note", events_note},     {"hotwash", events_hotwash},
    {"answer", events_answer}, {"phase", events_phase},
    {"end", events_end},       {"action", events_text},
    {"say", events_text},      {"broadcast", events_broadcast},
};

/* The events that only count, and the inputs; counter offsets into struct model_counts or -1. */
static const struct {
	const char *type;
	bool input;
	long offset;
} events_other[] = {
    {"log", false, (long)offsetof(struct model_counts, logs)},
    {"clock", false, -1},
    {"join", false, -1},
    {"commcheck", false, -1},
    {"ack", false, -1},
    {"resume", true, (long)offsetof(struct model_counts, resumes)},
    {"tick", true, -1},
    {"in", true, -1},
    {"login", true, -1},
    {"logout", true, -1},
};

/* Read one line of a type that only counts; false if the type is unknown. */
static bool events_count(struct model *m, const char *type)
{
	for (size_t i = 0; i < sizeof events_other / sizeof *events_other; i++) {
		if (strcmp(type, events_other[i].type) != 0)
			continue;
		if (events_other[i].offset >= 0)
			(*(long *)((char *)&m->c + events_other[i].offset))++;
		if (!events_other[i].input)
			m->c.events++;
		return true;
	}
	return false;
}

/* Read one event or input line of type; -1 after model_fail. Unknown types are counted. */
int events_read(struct model *m, json_t *o, const char *type)
{
	json_t *t = json_object_get(o, "t");
	size_t i;

	m->priv->type = type;
	if (strcmp(type, "in") == 0)
		steer_input(m, o);
	for (i = 0; i < sizeof events_timed / sizeof *events_timed; i++) {
		if (strcmp(type, events_timed[i].type) == 0) {
			long tv = field_time(m, o, "t");
			if (m->priv->err[0] == '\0')
				events_timed[i].read(m, o, tv);
			m->c.events++;
			break;
		}
	}
	if (i == sizeof events_timed / sizeof *events_timed && !steer_read(m, o, type) &&
	    !events_count(m, type))
		m->c.unknown++;
	if (m->priv->err[0] != '\0')
		return -1;
	if (json_is_integer(t) && json_integer_value(t) > m->last_t)
		m->last_t = (long)json_integer_value(t);
	return 0;
}

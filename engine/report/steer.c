/* The white cell's steering in the journal (docs/journal.md): ad-hoc injects composed with
 * `send`, deadlines extended, decisions overruled; and the scenario's script errors. */
#include <stdbool.h>
#include <string.h>

#include "../core/mem.h"
#include "fmt.h"
#include "model_int.h"

/* Remember an "in" line: the inject a facilitator's `send` makes comes on the next line. */
void steer_input(struct model *m, const json_t *o)
{
	const char *role = json_string_value(json_object_get(o, "role"));
	const char *line = json_string_value(json_object_get(o, "line"));
	const char *name = json_string_value(json_object_get(o, "name"));

	if (role == NULL || line == NULL || strcmp(role, "facilitator") != 0)
		return;
	line += strspn(line, " \t");
	if (strncasecmp(line, "send", 4) != 0 || (line[4] != ' ' && line[4] != '\t'))
		return;
	m->priv->send_by =
	    model_strndup(m, name ? name : "facilitator", strlen(name ? name : "facilitator"));
	m->priv->send_line = m->priv->line;
}

/* Who composed the inject with this id on the line being read (a facilitator's name), or NULL. */
const char *steer_sent_by(struct model *m, const char *id)
{
	struct model_priv *pv = m->priv;

	if (pv->send_by == NULL || pv->send_line + 1 != pv->line || strncmp(id, "adhoc-", 6) != 0)
		return NULL;
	m->c.adhoc++;
	return pv->send_by;
}

/* A new steering record of kind at t. */
static struct model_steer *steer_push(struct model *m, enum model_steer_kind kind, int team, long t)
{
	struct model_steer *s = MEM_PUSH(m->steers, m->n_steers, m->priv->cap_steers);

	s->kind = kind;
	s->team = team;
	s->t = t;
	s->deadline = s->before = s->line = -1;
	return s;
}

/* {"type":"deadline","team","inject","deadline","previous","by","t"}: `extend`. */
static void steer_deadline(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *inject = field_str(m, o, "inject"), *by = field_ostr(m, o, "by");
	long deadline = field_time(m, o, "deadline"), before = field_otime(m, o, "previous", -1);
	long i;
	struct model_steer *s;

	if (m->priv->err[0] != '\0')
		return;
	i = idmap_get(&m->priv->injmap, inject);
	if (i >= 0)
		m->priv->inj[i].deadline[k] = deadline;
	s = steer_push(m, STEER_DEADLINE, k, t);
	s->inject = inject;
	s->by = by;
	s->deadline = deadline;
	s->before = before;
	m->c.extensions++;
	model_log(m, (struct model_entry){k, LOG_DEADLINE, false, t, deadline, before, inject, by,
	                                  NULL, NULL, -1});
}

/* The label of option key of the inject with this id (its latest firing with a decision). */
static const char *steer_label(const struct model *m, const char *inject, const char *key)
{
	long i = idmap_get(&m->priv->injmap, inject);

	return i >= 0 ? events_label(m, &m->priv->inj[i], key) : NULL;
}

/* {"type":"overrule","team","inject","option","previous","reason","by","t"}: `overrule`; the
 * team's own decision stays what response times and expectations count. */
static void steer_overrule(struct model *m, const json_t *o, long t)
{
	int k = field_team(m, o, "team");
	const char *inject = field_str(m, o, "inject"), *option = field_str(m, o, "option");
	const char *previous = field_ostr(m, o, "previous"), *reason = field_ostr(m, o, "reason");
	const char *by = field_ostr(m, o, "by");
	struct model_steer *s;

	if (m->priv->err[0] != '\0')
		return;
	s = steer_push(m, STEER_OVERRULE, k, t);
	s->inject = inject;
	s->by = by;
	s->option = option;
	s->label = steer_label(m, inject, option);
	s->previous = previous;
	s->previous_label = steer_label(m, inject, previous);
	s->text = reason;
	m->c.overrules++;
	for (size_t i = m->n_decisions; i-- > 0;) {
		struct model_decision *d = &m->decisions[i];
		if (d->team == k && strcmp(d->inject, inject) == 0) {
			d->overrule = (long)m->n_steers - 1;
			break;
		}
	}
	model_log(m, (struct model_entry){k, LOG_OVERRULE, false, t, -1, -1, inject, by, reason,
	                                  option, -1});
}

/* {"type":"script_error","file","line","message","t"}; the file by its name alone (the report
 * names no local directory). */
static void steer_script_error(struct model *m, const json_t *o, long t)
{
	const char *file = field_ostr(m, o, "file"), *message = field_str(m, o, "message");
	long line = field_oint(m, o, "line", -1);
	struct model_steer *s;

	if (m->priv->err[0] != '\0')
		return;
	s = steer_push(m, STEER_SCRIPT_ERROR, -1, t);
	s->file = file != NULL ? fmt_base(file) : NULL;
	s->text = message;
	s->line = line;
	m->c.script_errors++;
}

/* Read a `deadline`, `overrule` or `script_error` event and count it; false for another type. */
bool steer_read(struct model *m, const json_t *o, const char *type)
{
	static const struct {
		const char *type;
		void (*read)(struct model *m, const json_t *o, long t);
	} kinds[] = {
	    {"deadline", steer_deadline},
	    {"overrule", steer_overrule},
	    {"script_error", steer_script_error},
	};

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (strcmp(type, kinds[i].type) == 0) {
			long t = field_time(m, o, "t");
			if (m->priv->err[0] == '\0')
				kinds[i].read(m, o, t);
			m->c.events++;
			return true;
		}
	}
	return false;
}

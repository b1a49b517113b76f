/* Typed fields of a journal line, with a message for the line when one is missing or wrong. */
#include <string.h>

#include "model_int.h"

/* The string at key, copied; "" after model_fail when it is missing or not a string. */
const char *field_str(struct model *m, const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v)) {
		model_fail(m, "a \"%s\" line needs a string \"%s\"", m->priv->type, key);
		return "";
	}
	return model_strndup(m, json_string_value(v), json_string_length(v));
}

/* The string at key, copied, or NULL when it is missing or null. */
const char *field_ostr(struct model *m, const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		model_fail(m, "\"%s\" of a \"%s\" line should be a string or null", key,
		           m->priv->type);
		return NULL;
	}
	return model_strndup(m, json_string_value(v), json_string_length(v));
}

/* The whole number at key; 0 after model_fail when it is missing or not one. */
long field_int(struct model *m, const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v)) {
		model_fail(m, "a \"%s\" line needs a whole number \"%s\"", m->priv->type, key);
		return 0;
	}
	return (long)json_integer_value(v);
}

/* The whole number at key, or dflt when it is missing or null. */
long field_oint(struct model *m, const json_t *o, const char *key, long dflt)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return dflt;
	if (!json_is_integer(v))
		model_fail(m, "\"%s\" of a \"%s\" line should be a whole number or null", key,
		           m->priv->type);
	return json_is_integer(v) ? (long)json_integer_value(v) : dflt;
}

/*
 * The time in seconds at key (a t, a duration, a deadline), from 0 to FIELD_TIME_MAX; when it is
 * not required, dflt for a missing or null one; else dflt after model_fail. The bound keeps the
 * report's sums of times far from overflowing.
 */
static long field_time_at(struct model *m, const json_t *o, const char *key, bool required,
                          long dflt)
{
	json_t *v = json_object_get(o, key);

	if (!required && (v == NULL || json_is_null(v)))
		return dflt;
	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= FIELD_TIME_MAX)
		return (long)json_integer_value(v);
	model_fail(m, "\"%s\" of a \"%s\" line should be a time from 0 to %ld seconds%s", key,
	           m->priv->type, FIELD_TIME_MAX, required ? "" : ", or null");
	return dflt;
}

/* The time in seconds at key; 0 after model_fail when it is missing or out of range. */
long field_time(struct model *m, const json_t *o, const char *key)
{
	return field_time_at(m, o, key, true, 0);
}

/* The time in seconds at key, or dflt when it is missing or null. */
long field_otime(struct model *m, const json_t *o, const char *key, long dflt)
{
	return field_time_at(m, o, key, false, dflt);
}

/* The team named at key, as an index; 0 after model_fail when it is not one of the header's. */
int field_team(struct model *m, const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	long k;

	if (!json_is_string(v)) {
		model_fail(m, "a \"%s\" line needs a team id \"%s\"", m->priv->type, key);
		return 0;
	}
	k = idmap_get(&m->priv->teams, json_string_value(v));
	if (k < 0)
		model_fail(m, "unknown team '%s' (the header does not list it)",
		           json_string_value(v));
	return k < 0 ? 0 : (int)k;
}

/* "met" or "missed" at key, as true or false; false after model_fail otherwise. */
bool field_result(struct model *m, const json_t *o)
{
	const char *r = field_str(m, o, "result");

	if (strcmp(r, "met") != 0 && strcmp(r, "missed") != 0)
		model_fail(m, "\"result\" of a \"%s\" line should be \"met\" or \"missed\"",
		           m->priv->type);
	return strcmp(r, "met") == 0;
}

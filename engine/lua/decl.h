/*
 * Reading declarations: what decl.c (exercise, team, objective, the final checks) and inject.c
 * (inject{}) share. A bad field is a problem with the declaration's line, never an error.
 */
#ifndef DECL_H
#define DECL_H

#include <lua.h>
#include <stdbool.h>
#include <stddef.h>

#include "api.h"

/*
 * One declaration being read: where it is, what to call it, and the table being read. Its
 * problems point at the line of the field last read, when the file shows where that is.
 */
struct decl {
	lua_State *L;
	struct api *api;
	int line;
	char what[96];     /* "inject I-01", for messages */
	int t;             /* stack index of the table being read */
	const char *in;    /* NULL, or the field holding that table ("decision") */
	const char *kind;  /* "inject", "team", ...: the function declaring it */
	const char *field; /* the field last read (in `in` when that is set), or NULL */
};

/* Record a problem of the declaration being read, at the line of its field last read. */
void decl_problem(struct decl *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The line of the field last read (of `in` when only that is found), else the declaration's. */
int decl_line(const struct decl *d);
/* Push field name of the table being read; returns its type. */
int decl_get(struct decl *d, const char *name);
/* A problem: field name (its value on top of the stack) is not what it must be. */
void decl_type(struct decl *d, const char *name, const char *want);
/* The edit distance of a and b, or a large number when they are long or far apart. */
int decl_distance(const char *a, const char *b);
/* Whether s is a usable id or option key: 1 to 64 letters, digits, '-', '_' or '.'. */
bool decl_token(const char *s);
/* A problem for every key of the table being read that is not one of names (in pairs order). */
void decl_fields(struct decl *d, const char *const *names);
/* A copy of the string field name; NULL when absent or not a string (a problem). */
char *decl_copy(struct decl *d, const char *name);
/*
 * Read the table of languages at idx (label names it in messages: "'subject'") into v, one text
 * per language of ex (NULL where it has none; pointers into the table's strings). 0, or -1 with
 * what is wrong in err: not a table of languages, no languages declared, a key that is not one
 * of them, a value that is not a string.
 */
int decl_langs(lua_State *L, int idx, const struct exercise *ex, const char *label, const char **v,
               char *err, size_t n);
/*
 * The text at idx, named label in messages: a string, or (in a multilingual exercise) a table of
 * languages. Its default language's text (else the first it has) is copied to *out and its
 * languages to *tr (NULL: the same in every one); a language it lacks is a missing translation.
 * 0 when read, 1 when it is neither a string nor a table (nothing said), -1 after a problem.
 */
int decl_text_at(struct decl *d, int idx, const char *label, char **out, struct ex_tr **tr);
/* The text field name (see decl_text_at) into *out and *tr; both NULL when absent or bad. */
void decl_text(struct decl *d, const char *name, char **out, struct ex_tr **tr);
/* Field name as a time into *out: 1 when set, 0 when absent, -1 when bad (a problem). */
int decl_time(struct decl *d, const char *name, long *out);
/* Field name as an option key (a string or a whole number) pushed; NULL when absent or bad. */
const char *decl_key(struct decl *d, const char *name);
/* Start reading declaration kind{...}; -1 when there is no table to read. Raises at run time. */
int decl_begin(struct decl *d, lua_State *L, const char *kind);
/* The declaration's id, left pushed; names the declaration in messages. NULL if unusable. */
const char *decl_id(struct decl *d, const char *kind);

/* exercise { title=, start=, duration=, tick=, speed=, seed=, ... } */
int decl_exercise(lua_State *L);
/* team { id=, name=, secret= } */
int decl_team(lua_State *L);
/* objective { id=, text= } */
int decl_objective(lua_State *L);
/* hotwash { "question", ... } */
int decl_hotwash(lua_State *L);
/* Once the file has run: the checks that need every declaration, and `to` resolved. */
void decl_validate(struct api *api);

/* inject { id=, at=, to=, from=, channel=, subject=, body=, notes=, decision=, expect=, ... } */
int inject_declare(lua_State *L);
/* The checks of one inject that need the whole file. */
void inject_check(struct api *api, const struct api_target *tg);
/* Free what the load-only data of the injects holds (targets and scratch). */
void inject_free(struct api *api);

#endif

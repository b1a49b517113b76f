/*
 * Lua 5.4's pattern matching (manual, section 6.4.1) with every step charged to the budget:
 * find, match, gmatch and gsub behave as the stock ones, errors included, but a match that
 * backtracks too long stops with "instruction budget exceeded" at the scenario's FILE:LINE.
 */
#define _GNU_SOURCE /* memmem */
#include "pattern.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "sandbox.h"

/* Captures one pattern may have, as in Lua. */
#define PATTERN_CAPTURES 32
/* Nested calls of the matcher, as in Lua ("pattern too complex"). */
#define PATTERN_DEPTH 200
/* Steps counted before they are charged to the budget. */
#define PATTERN_CHUNK 4096
#define PATTERN_UNFINISHED (-1)
#define PATTERN_POSITION (-2)
#define PATTERN_ESC '%'
#define PATTERN_SPECIALS "^$*+?.([%-"

/* A match in progress. */
struct pattern {
	const char *src_init, *src_end, *p_end;
	lua_State *L;
	int depth;       /* nested calls left */
	int level;       /* captures open or closed */
	lua_Integer due; /* steps not charged yet */
	struct {
		const char *init;
		ptrdiff_t len;
	} capture[PATTERN_CAPTURES];
};

/* The state of a gmatch iteration. */
struct pattern_gmatch {
	const char *src, *p, *lastmatch;
	struct pattern ms;
};

static const char *pattern_match(struct pattern *ms, const char *s, const char *p);

/* Count n steps of work; charge them to the budget by chunks (raises once it is spent). */
static void pattern_step(struct pattern *ms, lua_Integer n)
{
	ms->due += n;
	if (ms->due >= PATTERN_CHUNK) {
		lua_Integer due = ms->due;

		ms->due = 0;
		sandbox_spend(ms->L, due);
	}
}

/* Charge what is left of the steps counted. */
static void pattern_settle(struct pattern *ms)
{
	lua_Integer due = ms->due;

	ms->due = 0;
	sandbox_spend(ms->L, due);
}

/* The index of back-reference %l; raises when it names no closed capture. */
static int pattern_check_capture(struct pattern *ms, int l)
{
	l -= '1';
	if (l < 0 || l >= ms->level || ms->capture[l].len == PATTERN_UNFINISHED)
		return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
	return l;
}

/* The innermost capture still open; raises when there is none. */
static int pattern_to_close(struct pattern *ms)
{
	for (int level = ms->level - 1; level >= 0; level--)
		if (ms->capture[level].len == PATTERN_UNFINISHED)
			return level;
	return luaL_error(ms->L, "invalid pattern capture");
}

/* The end of the single-character class that starts at p. */
static const char *pattern_class_end(struct pattern *ms, const char *p)
{
	switch (*p++) {
	case PATTERN_ESC:
		if (p == ms->p_end)
			luaL_error(ms->L, "malformed pattern (ends with '%%')");
		return p + 1;
	case '[':
		if (*p == '^')
			p++;
		do {
			if (p == ms->p_end)
				luaL_error(ms->L, "malformed pattern (missing ']')");
			if (*(p++) == PATTERN_ESC && p < ms->p_end)
				p++;
		} while (*p != ']');
		return p + 1;
	default:
		return p;
	}
}

/* Whether c is in class %cl (a letter), or is cl itself (any other character). */
static int pattern_class(int c, int cl)
{
	int res;

	switch (tolower(cl)) {
	case 'a':
		res = isalpha(c);
		break;
	case 'c':
		res = iscntrl(c);
		break;
	case 'd':
		res = isdigit(c);
		break;
	case 'g':
		res = isgraph(c);
		break;
	case 'l':
		res = islower(c);
		break;
	case 'p':
		res = ispunct(c);
		break;
	case 's':
		res = isspace(c);
		break;
	case 'u':
		res = isupper(c);
		break;
	case 'w':
		res = isalnum(c);
		break;
	case 'x':
		res = isxdigit(c);
		break;
	case 'z':
		res = c == 0;
		break; /* deprecated, but Lua 5.4 still has it */
	default:
		return cl == c;
	}
	return isupper(cl) ? !res : res;
}

/* Whether c is in the set [...] from p to its ']' at ec. */
static int pattern_set(int c, const char *p, const char *ec)
{
	int sig = 1;

	if (*(p + 1) == '^') {
		sig = 0;
		p++;
	}
	while (++p < ec) {
		if (*p == PATTERN_ESC) {
			p++;
			if (pattern_class(c, (unsigned char)*p))
				return sig;
		} else if (*(p + 1) == '-' && p + 2 < ec) {
			p += 2;
			if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p)
				return sig;
		} else if ((unsigned char)*p == c) {
			return sig;
		}
	}
	return !sig;
}

/* Whether the character at s matches the single-character class p..ep. */
static int pattern_single(struct pattern *ms, const char *s, const char *p, const char *ep)
{
	int c;

	if (s >= ms->src_end)
		return 0;
	c = (unsigned char)*s;
	switch (*p) {
	case '.':
		return 1;
	case PATTERN_ESC:
		return pattern_class(c, (unsigned char)*(p + 1));
	case '[':
		return pattern_set(c, p, ep - 1);
	default:
		return (unsigned char)*p == c;
	}
}

/* %bxy at s: the end of the balanced run, or NULL. */
static const char *pattern_balance(struct pattern *ms, const char *s, const char *p)
{
	const char *from = s;
	int cont = 1;

	if (p >= ms->p_end - 1)
		luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
	if (s >= ms->src_end || *s != *p)
		return NULL;
	while (++s < ms->src_end) {
		if (*s == p[1]) {
			if (--cont == 0) {
				pattern_step(ms, s - from);
				return s + 1;
			}
		} else if (*s == *p) {
			cont++;
		}
	}
	pattern_step(ms, s - from);
	return NULL;
}

/* The longest run of the class p..ep at s that lets the rest of the pattern match. */
static const char *pattern_max(struct pattern *ms, const char *s, const char *p, const char *ep)
{
	ptrdiff_t i = 0;

	while (pattern_single(ms, s + i, p, ep))
		i++;
	pattern_step(ms, i);
	for (; i >= 0; i--) {
		const char *res = pattern_match(ms, s + i, ep + 1);

		if (res != NULL)
			return res;
	}
	return NULL;
}

/* The shortest run of the class p..ep at s that lets the rest of the pattern match. */
static const char *pattern_min(struct pattern *ms, const char *s, const char *p, const char *ep)
{
	for (;;) {
		const char *res = pattern_match(ms, s, ep + 1);

		if (res != NULL)
			return res;
		if (!pattern_single(ms, s, p, ep))
			return NULL;
		s++;
	}
}

/* Open a capture at s (what: unfinished or a position) and match the rest. */
static const char *pattern_open_capture(struct pattern *ms, const char *s, const char *p, int what)
{
	const char *res;
	int level = ms->level;

	if (level >= PATTERN_CAPTURES)
		luaL_error(ms->L, "too many captures");
	ms->capture[level].init = s;
	ms->capture[level].len = what;
	ms->level = level + 1;
	if ((res = pattern_match(ms, s, p)) == NULL)
		ms->level--;
	return res;
}

/* Close the innermost open capture at s and match the rest. */
static const char *pattern_close_capture(struct pattern *ms, const char *s, const char *p)
{
	int l = pattern_to_close(ms);
	const char *res;

	ms->capture[l].len = s - ms->capture[l].init;
	if ((res = pattern_match(ms, s, p)) == NULL)
		ms->capture[l].len = PATTERN_UNFINISHED;
	return res;
}

/* Back-reference %l at s: past the same text as capture l, or NULL. */
static const char *pattern_backref(struct pattern *ms, const char *s, int l)
{
	size_t len;

	l = pattern_check_capture(ms, l);
	len = (size_t)ms->capture[l].len;
	pattern_step(ms, (lua_Integer)len);
	if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
		return s + len;
	return NULL;
}

/* %f[set] at s: whether s is at a frontier of the set; *pp moves past it. */
static int pattern_frontier(struct pattern *ms, const char *s, const char **pp)
{
	const char *p = *pp + 2, *ep;
	char previous;

	if (*p != '[')
		luaL_error(ms->L, "missing '[' after '%%f' in pattern");
	ep = pattern_class_end(ms, p);
	previous = s == ms->src_init ? '\0' : *(s - 1);
	*pp = ep;
	return !pattern_set((unsigned char)previous, p, ep - 1) &&
	       pattern_set((unsigned char)*s, p, ep - 1);
}

/* A single-character class at p, perhaps repeated (? * + -), then the rest of the pattern. */
static const char *pattern_item(struct pattern *ms, const char *s, const char *p, bool *again,
                                const char **next)
{
	const char *ep = pattern_class_end(ms, p), *res;

	*again = false;
	if (!pattern_single(ms, s, p, ep)) {
		if (*ep == '*' || *ep == '?' || *ep == '-') {
			*again = true;
			*next = ep + 1;
			return s;
		}
		return NULL;
	}
	switch (*ep) {
	case '?':
		if ((res = pattern_match(ms, s + 1, ep + 1)) != NULL)
			return res;
		*again = true;
		*next = ep + 1;
		return s;
	case '+':
		return pattern_max(ms, s + 1, p, ep);
	case '*':
		return pattern_max(ms, s, p, ep);
	case '-':
		return pattern_min(ms, s, p, ep);
	default:
		*again = true;
		*next = ep;
		return s + 1;
	}
}

/* Match pattern p at s: the end of the match, or NULL. */
static const char *pattern_match(struct pattern *ms, const char *s, const char *p)
{
	bool again = true;

	if (ms->depth-- == 0)
		luaL_error(ms->L, "pattern too complex");
	pattern_step(ms, 1);
	while (again && p != ms->p_end) {
		pattern_step(ms, 1);
		again = false;
		if (*p == '(') {
			s = p[1] == ')' ? pattern_open_capture(ms, s, p + 2, PATTERN_POSITION)
			                : pattern_open_capture(ms, s, p + 1, PATTERN_UNFINISHED);
		} else if (*p == ')') {
			s = pattern_close_capture(ms, s, p + 1);
		} else if (*p == '$' && p + 1 == ms->p_end) {
			s = s == ms->src_end ? s : NULL;
		} else if (*p == PATTERN_ESC && p[1] == 'b') {
			s = pattern_balance(ms, s, p + 2);
			again = s != NULL;
			p += 4;
		} else if (*p == PATTERN_ESC && p[1] == 'f') {
			again = pattern_frontier(ms, s, &p);
			s = again ? s : NULL;
		} else if (*p == PATTERN_ESC && isdigit((unsigned char)p[1])) {
			s = pattern_backref(ms, s, (unsigned char)p[1]);
			again = s != NULL;
			p += 2;
		} else {
			s = pattern_item(ms, s, p, &again, &p);
		}
	}
	ms->depth++;
	return s;
}

/* Capture i of a match from s to e: its text (length returned) or a position (pushed). */
static ptrdiff_t pattern_capture(struct pattern *ms, int i, const char *s, const char *e,
                                 const char **cap)
{
	ptrdiff_t len;

	if (i >= ms->level) {
		if (i != 0)
			luaL_error(ms->L, "invalid capture index %%%d", i + 1);
		*cap = s;
		return e - s;
	}
	len = ms->capture[i].len;
	*cap = ms->capture[i].init;
	if (len == PATTERN_UNFINISHED)
		luaL_error(ms->L, "unfinished capture");
	else if (len == PATTERN_POSITION)
		lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
	return len;
}

/* Push capture i of a match from s to e. */
static void pattern_push_one(struct pattern *ms, int i, const char *s, const char *e)
{
	const char *cap;
	ptrdiff_t len = pattern_capture(ms, i, s, e, &cap);

	if (len != PATTERN_POSITION)
		lua_pushlstring(ms->L, cap, (size_t)len);
}

/* Push the captures of a match from s to e (the whole match when there are none and s). */
static int pattern_push(struct pattern *ms, const char *s, const char *e)
{
	int n = ms->level == 0 && s != NULL ? 1 : ms->level;

	luaL_checkstack(ms->L, n, "too many captures");
	for (int i = 0; i < n; i++)
		pattern_push_one(ms, i, s, e);
	return n;
}

/* Set up ms to match pattern p (lp bytes) in s (ls bytes). */
static void pattern_prepare(struct pattern *ms, lua_State *L, const char *s, size_t ls,
                            const char *p, size_t lp)
{
	ms->L = L;
	ms->depth = PATTERN_DEPTH;
	ms->src_init = s;
	ms->src_end = s + ls;
	ms->p_end = p + lp;
	ms->due = 0;
}

/* Start a new attempt. */
static void pattern_reset(struct pattern *ms)
{
	ms->level = 0;
	ms->depth = PATTERN_DEPTH;
}

/* A relative initial position as Lua reads it, from 1. */
static size_t pattern_init(lua_Integer pos, size_t len)
{
	if (pos > 0)
		return (size_t)pos;
	if (pos == 0 || pos < -(lua_Integer)len)
		return 1;
	return len + (size_t)pos + 1;
}

/* Whether pattern p (l bytes, NULs included) has no special character. */
static int pattern_plain(const char *p, size_t l)
{
	size_t upto = 0;

	do {
		if (strpbrk(p + upto, PATTERN_SPECIALS))
			return 0;
		upto += strlen(p + upto) + 1;
	} while (upto <= l);
	return 1;
}

/* find (find true) or match: the stock functions' arguments and results. */
static int pattern_find_aux(lua_State *L, bool find)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls), *p = luaL_checklstring(L, 2, &lp);
	size_t init = pattern_init(luaL_optinteger(L, 3, 1), ls) - 1;
	struct pattern ms;
	const char *s1 = s + init;
	bool anchor;

	if (init > ls) {
		luaL_pushfail(L);
		return 1;
	}
	if (find && (lua_toboolean(L, 4) || pattern_plain(p, lp))) {
		const char *s2 = lp == 0 ? s1 : memmem(s1, ls - init, p, lp);

		sandbox_spend(L, (lua_Integer)(ls - init + lp)); /* memmem is linear */
		if (s2 != NULL) {
			lua_pushinteger(L, (s2 - s) + 1);
			lua_pushinteger(L, (lua_Integer)((size_t)(s2 - s) + lp));
			return 2;
		}
		luaL_pushfail(L);
		return 1;
	}
	anchor = *p == '^';
	if (anchor) {
		p++;
		lp--;
	}
	pattern_prepare(&ms, L, s, ls, p, lp);
	do {
		const char *res;

		pattern_reset(&ms);
		if ((res = pattern_match(&ms, s1, p)) != NULL) {
			pattern_settle(&ms);
			if (!find)
				return pattern_push(&ms, s1, res);
			lua_pushinteger(L, (s1 - s) + 1);
			lua_pushinteger(L, res - s);
			return pattern_push(&ms, NULL, 0) + 2;
		}
	} while (s1++ < ms.src_end && !anchor);
	pattern_settle(&ms);
	luaL_pushfail(L);
	return 1;
}

/* string.find(s, pattern [, init [, plain]]). */
static int pattern_find(lua_State *L)
{
	return pattern_find_aux(L, true);
}

/* string.match(s, pattern [, init]). */
static int pattern_match_fn(lua_State *L)
{
	return pattern_find_aux(L, false);
}

/* The iterator of gmatch: the captures of the next match. */
static int pattern_gmatch_next(lua_State *L)
{
	struct pattern_gmatch *gm = lua_touserdata(L, lua_upvalueindex(3));

	gm->ms.L = L;
	for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
		const char *e;

		pattern_reset(&gm->ms);
		if ((e = pattern_match(&gm->ms, src, gm->p)) != NULL && e != gm->lastmatch) {
			gm->src = gm->lastmatch = e;
			pattern_settle(&gm->ms);
			return pattern_push(&gm->ms, src, e);
		}
	}
	pattern_settle(&gm->ms);
	return 0;
}

/* string.gmatch(s, pattern [, init]). */
static int pattern_gmatch(lua_State *L)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls), *p = luaL_checklstring(L, 2, &lp);
	size_t init = pattern_init(luaL_optinteger(L, 3, 1), ls) - 1;
	struct pattern_gmatch *gm;

	lua_settop(L, 2); /* the closure keeps both strings */
	gm = lua_newuserdatauv(L, sizeof *gm, 0);
	if (init > ls)
		init = ls + 1;
	pattern_prepare(&gm->ms, L, s, ls, p, lp);
	gm->src = s + init;
	gm->p = p;
	gm->lastmatch = NULL;
	lua_pushcclosure(L, pattern_gmatch_next, 3);
	return 1;
}

/* Add the replacement string (argument 3) for a match from s to e, with its %0-%9 and %%. */
static void pattern_add_string(struct pattern *ms, luaL_Buffer *b, const char *s, const char *e)
{
	size_t l;
	lua_State *L = ms->L;
	const char *news = lua_tolstring(L, 3, &l), *p;

	while ((p = memchr(news, PATTERN_ESC, l)) != NULL) {
		luaL_addlstring(b, news, (size_t)(p - news));
		p++;
		if (*p == PATTERN_ESC) {
			luaL_addchar(b, *p);
		} else if (*p == '0') {
			luaL_addlstring(b, s, (size_t)(e - s));
		} else if (isdigit((unsigned char)*p)) {
			const char *cap;
			ptrdiff_t len = pattern_capture(ms, *p - '1', s, e, &cap);

			if (len == PATTERN_POSITION)
				luaL_addvalue(b);
			else
				luaL_addlstring(b, cap, (size_t)len);
		} else {
			luaL_error(L, "invalid use of '%c' in replacement string", PATTERN_ESC);
		}
		l -= (size_t)(p + 1 - news);
		news = p + 1;
	}
	luaL_addlstring(b, news, l);
}

/* Add the replacement of a match from s to e (tr: the type of argument 3); 1 if it changed. */
static int pattern_add_value(struct pattern *ms, luaL_Buffer *b, const char *s, const char *e,
                             int tr)
{
	lua_State *L = ms->L;

	if (tr == LUA_TFUNCTION) {
		int n;

		lua_pushvalue(L, 3);
		n = pattern_push(ms, s, e);
		lua_call(L, n, 1);
	} else if (tr == LUA_TTABLE) {
		pattern_push_one(ms, 0, s, e);
		lua_gettable(L, 3);
	} else {
		pattern_add_string(ms, b, s, e);
		return 1;
	}
	if (!lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		luaL_addlstring(b, s, (size_t)(e - s));
		return 0;
	}
	if (!lua_isstring(L, -1))
		return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
	luaL_addvalue(b);
	return 1;
}

/* string.gsub(s, pattern, repl [, n]). */
static int pattern_gsub(lua_State *L)
{
	size_t srcl, lp;
	const char *src = luaL_checklstring(L, 1, &srcl), *p = luaL_checklstring(L, 2, &lp);
	const char *lastmatch = NULL;
	int tr = lua_type(L, 3), changed = 0;
	lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)srcl + 1), n = 0;
	bool anchor = *p == '^';
	struct pattern ms;
	luaL_Buffer b;

	luaL_argexpected(
	    L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
	    "string/function/table");
	luaL_buffinit(L, &b);
	if (anchor) {
		p++;
		lp--;
	}
	pattern_prepare(&ms, L, src, srcl, p, lp);
	while (n < max_s) {
		const char *e;

		pattern_reset(&ms);
		if ((e = pattern_match(&ms, src, p)) != NULL && e != lastmatch) {
			n++;
			pattern_settle(&ms); /* before the replacement may call the scenario */
			changed = pattern_add_value(&ms, &b, src, e, tr) | changed;
			src = lastmatch = e;
		} else if (src < ms.src_end) {
			luaL_addchar(&b, *src++);
		} else {
			break;
		}
		if (anchor)
			break;
	}
	pattern_settle(&ms);
	if (!changed) {
		lua_pushvalue(L, 1);
	} else {
		luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
		luaL_pushresult(&b);
	}
	lua_pushinteger(L, n);
	return 2;
}

/* Replace find, match, gmatch and gsub in the string library table on top of L's stack. */
void pattern_open(lua_State *L)
{
	static const luaL_Reg fns[] = {{"find", pattern_find},
	                               {"match", pattern_match_fn},
	                               {"gmatch", pattern_gmatch},
	                               {"gsub", pattern_gsub},
	                               {NULL, NULL}};

	luaL_setfuncs(L, fns, 0);
}

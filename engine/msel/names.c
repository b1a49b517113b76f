/* Ids and names derived from MSEL cells: team ids, inject ids, "all", the exercise title. */
#include "names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/mem.h"
#include "../core/utf8.h"
#include "text.h"

/* U+00C0..U+017F without accents, lowercase ('-' for the signs x and /). */
static const char names_latin[] =
    "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* Whether a recipient name means every team. */
bool names_is_all(const char *name)
{
	static const char *const all[] = {"all",
	                                  "all players",
	                                  "all teams",
	                                  "all participants",
	                                  "all responders",
	                                  "all parties",
	                                  "everyone",
	                                  "everybody",
	                                  NULL};

	for (int i = 0; all[i] != NULL; i++)
		if (strcasecmp(name, all[i]) == 0)
			return true;
	return false;
}

/* Whether c is an ASCII letter or digit. */
static bool names_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Append c to buf at *o (at most NAMES_ID_MAX), turning runs of '-' into one, none in front. */
static void names_put(char *buf, size_t *o, char c)
{
	if (*o >= NAMES_ID_MAX || (c == '-' && (*o == 0 || buf[*o - 1] == '-')))
		return;
	buf[(*o)++] = c;
}

/* The ASCII letter for the Latin letter at s (two bytes of UTF-8), or 0. */
static char names_unaccent(const unsigned char *s)
{
	uint32_t cp;

	if (utf8_decode((const char *)s, 2, &cp) != 2)
		return 0;
	return cp >= 0xC0 && cp < 0x180 ? names_latin[cp - 0xC0] : 0;
}

/* A team id for a recipient name, in buf. */
void names_team_id(const char *name, char *buf)
{
	static const char *const reserved[] = {"all", "facilitator", "observer", NULL};
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0;
	char c;

	for (size_t i = 0; s[i] != '\0'; i++) {
		if (names_alnum(s[i]))
			names_put(buf, &o, (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]));
		else if (s[i] == '_')
			names_put(buf, &o, '_');
		else if (s[i] < 0x80)
			names_put(buf, &o, '-');
		else if ((c = names_unaccent(s + i)) != 0) {
			names_put(buf, &o, c);
			i++;
		}
	}
	while (o > 0 && buf[o - 1] == '-')
		o--;
	buf[o] = '\0';
	if (o == 0)
		strcpy(buf, "team");
	for (int i = 0; reserved[i] != NULL; i++)
		if (strcmp(buf, reserved[i]) == 0)
			strcat(buf, "-team");
}

/* An inject id for an inject number, in buf. */
void names_inject_id(const char *number, long row, char *buf)
{
	const unsigned char *s = (const unsigned char *)number;
	char base[NAMES_ID_MAX + 1];
	size_t o = 0;

	for (size_t i = 0; s[i] != '\0'; i++)
		names_put(base, &o,
		          names_alnum(s[i]) || s[i] == '_' || s[i] == '.' ? (char)s[i] : '-');
	while (o > 0 && base[o - 1] == '-')
		o--;
	base[o] = '\0';
	if (o == 0)
		snprintf(buf, 64, "MSEL-R%ld", row);
	else if ((base[0] | 32) >= 'a' && (base[0] | 32) <= 'z')
		snprintf(buf, 64, "%s", base);
	else
		snprintf(buf, 64, "MSEL-%s", base);
}

/* The exercise title for the file at path. */
char *names_title(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	char *title, *clean;
	size_t n;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	if (strcmp(path, "-") == 0 || n == 0)
		return mem_printf("MSEL import");
	title = mem_strndup(base, n);
	for (size_t i = 0; i < n; i++)
		if (title[i] == '_' || title[i] == '-')
			title[i] = ' ';
	if (!utf8_valid(title, strlen(title))) {
		free(title);
		return mem_printf("MSEL import");
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)title[i] < 0x20 || title[i] == 0x7F)
			title[i] = ' ';
	clean = text_oneline(title);
	free(title);
	return clean ? clean : mem_printf("MSEL import");
}

/* The terminal of a telnet client: option negotiation in the manner of RFC 1143, NAWS, TTYPE. */
#include "term.h"

#include <string.h>

#include "telnet.h"

/* Terminal types (prefixes, lower case) that show ANSI colours. */
static const char *const term_color_types[] = {
    "xterm",     "screen", "tmux",  "rxvt", "linux", "ansi", "putty", "konsole", "cygwin",
    "alacritty", "kitty",  "gnome", "vte",  "eterm", "st-",  "foot",  "wezterm", "iterm",
};

/* A terminal with nothing agreed; its editor takes lines of at most max bytes. */
void term_init(struct term *t, size_t max, void *ctx)
{
	memset(t, 0, sizeof *t);
	ledit_init(&t->ed, TERM_WIDTH, max, ctx);
}

/* Free it. */
void term_free(struct term *t)
{
	ledit_free(&t->ed);
}

/* The offers, into out (TERM_OFFER_LEN bytes); they are awaited from now on. */
void term_offer(struct term *t, unsigned char out[TERM_OFFER_LEN])
{
	static const unsigned char offers[TERM_OFFER_LEN] = {
	    TELNET_IAC, TELNET_WILL, TELNET_OPT_ECHO, TELNET_IAC, TELNET_WILL, TELNET_OPT_SGA,
	    TELNET_IAC, TELNET_DO,   TELNET_OPT_NAWS, TELNET_IAC, TELNET_DO,   TELNET_OPT_TTYPE};

	memcpy(out, offers, TERM_OFFER_LEN);
	t->asked = TERM_ECHO | TERM_SGA | TERM_NAWS | TERM_TTYPE;
}

/* The bit of an option the server negotiates, 0 for the others. */
static unsigned term_bit(unsigned char opt)
{
	switch (opt) {
	case TELNET_OPT_ECHO:
		return TERM_ECHO;
	case TELNET_OPT_SGA:
		return TERM_SGA;
	case TELNET_OPT_NAWS:
		return TERM_NAWS;
	case TELNET_OPT_TTYPE:
		return TERM_TTYPE;
	default:
		return 0;
	}
}

/* IAC verb opt into out; its length. */
static size_t term_say(unsigned char *out, unsigned char verb, unsigned char opt)
{
	out[0] = TELNET_IAC;
	out[1] = verb;
	out[2] = opt;
	return 3;
}

/*
 * The client's WILL, WONT, DO or DONT for opt: what to answer goes to out, its length returned.
 * Only the server's own offers are agreed to (ECHO and SGA the server does, NAWS and TTYPE the
 * client does); a request for anything else is refused once, and a refusal is never answered.
 */
size_t term_option(struct term *t, unsigned char verb, unsigned char opt,
                   unsigned char out[TERM_REPLY_MAX])
{
	unsigned bit = term_bit(opt);
	bool ours = bit == TERM_ECHO || bit == TERM_SGA; /* options the server does */
	bool yes = verb == (ours ? TELNET_DO : TELNET_WILL);
	bool no = verb == (ours ? TELNET_DONT : TELNET_WONT);
	bool was = t->agreed & bit;

	if (bit != 0 && yes && (t->asked & bit || was)) {
		t->asked &= ~bit;
		t->agreed |= bit;
		if (bit != TERM_TTYPE || was)
			return 0;
		static const unsigned char send[] = {TELNET_IAC, TELNET_SB,  TELNET_OPT_TTYPE,
		                                     1,          TELNET_IAC, TELNET_SE};
		memcpy(out, send, sizeof send); /* SEND: tell us the terminal's type */
		return sizeof send;
	}
	if (bit != 0 && no) {
		t->asked &= ~bit;
		t->agreed &= ~bit;
		return was ? term_say(out, ours ? TELNET_WONT : TELNET_DONT, opt) : 0;
	}
	if (verb == TELNET_WILL)
		return term_say(out, TELNET_DONT, opt);
	if (verb == TELNET_DO)
		return term_say(out, TELNET_WONT, opt);
	return 0;
}

/* A subnegotiation from the client (option byte first): NAWS or TERMINAL-TYPE IS. */
void term_sub(struct term *t, const unsigned char *p, size_t n)
{
	if (p[0] == TELNET_OPT_NAWS && n == 5 && (t->agreed & TERM_NAWS)) {
		int w = p[1] << 8 | p[2];

		t->width = w == 0               ? 0
		           : w < TERM_WIDTH_MIN ? TERM_WIDTH_MIN
		           : w > TERM_WIDTH_MAX ? TERM_WIDTH_MAX
		                                : w;
		ledit_resize(&t->ed, term_columns(t));
	} else if (p[0] == TELNET_OPT_TTYPE && n >= 2 && p[1] == 0 && (t->agreed & TERM_TTYPE)) {
		size_t k = 0;

		for (size_t i = 2; i < n && k + 1 < sizeof t->type; i++)
			if (p[i] > ' ' && p[i] < 0x7f)
				t->type[k++] =
				    (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
		t->type[k] = '\0';
	}
}

/* Whether the server keeps the line: the client agreed to ECHO and SUPPRESS-GO-AHEAD. */
bool term_editing(const struct term *t)
{
	return (t->agreed & (TERM_ECHO | TERM_SGA)) == (TERM_ECHO | TERM_SGA);
}

/* The columns to write for: the client's width, or TERM_WIDTH when unknown. */
int term_columns(const struct term *t)
{
	return t->width > 0 ? t->width : TERM_WIDTH;
}

/* Whether the terminal type is one that shows ANSI colours. */
bool term_colorful(const struct term *t)
{
	if (strstr(t->type, "color") != NULL)
		return true;
	for (size_t i = 0; i < sizeof term_color_types / sizeof term_color_types[0]; i++)
		if (strncmp(t->type, term_color_types[i], strlen(term_color_types[i])) == 0)
			return true;
	return false;
}

/* The telnet decoder: a per-byte state machine in the manner of libtelnet. */
#include "telnet.h"

/* Make a decoder in the data state that reports through data() and send(); no option or sub. */
void telnet_init(struct telnet *t, void (*data)(void *, const unsigned char *, size_t),
                 void (*send)(void *, const unsigned char *, size_t), void *ctx)
{
	t->state = TELNET_DATA;
	t->sb_len = 0;
	t->saw_iac = t->saw_cr = false;
	t->data = data;
	t->send = send;
	t->option = NULL;
	t->sub = NULL;
	t->ctx = ctx;
}

/* Hand one data byte to the application. */
static void telnet_byte(struct telnet *t, unsigned char c)
{
	t->data(t->ctx, &c, 1);
}

/* Send IAC verb opt back to the peer. */
static void telnet_reply(struct telnet *t, unsigned char verb, unsigned char opt)
{
	unsigned char r[3] = {TELNET_IAC, verb, opt};

	t->send(t->ctx, r, sizeof r);
}

/* The byte after IAC: a command, an option verb, a subnegotiation or an escaped 0xFF. */
static void telnet_command(struct telnet *t, unsigned char c)
{
	switch (c) {
	case TELNET_IAC:
		telnet_byte(t, TELNET_IAC);
		t->state = TELNET_DATA;
		break;
	case TELNET_WILL:
		t->state = TELNET_WILL_STATE;
		break;
	case TELNET_WONT:
		t->state = TELNET_WONT_STATE;
		break;
	case TELNET_DO:
		t->state = TELNET_DO_STATE;
		break;
	case TELNET_DONT:
		t->state = TELNET_DONT_STATE;
		break;
	case TELNET_SB:
		t->sb_len = 0;
		t->state = TELNET_SB_STATE;
		break;
	default: /* NOP, GA, AYT, IP, BRK, a stray SE...: nothing to do */
		t->state = TELNET_DATA;
		break;
	}
}

/* One byte inside a subnegotiation: kept for sub, and skipped up to TELNET_SB_MAX of them. */
static void telnet_sb(struct telnet *t, unsigned char c)
{
	if (c == TELNET_IAC && t->state == TELNET_SB_STATE) {
		t->state = TELNET_SB_IAC;
		return;
	}
	t->state = TELNET_SB_STATE;
	if (t->sb_len < TELNET_SB_KEEP)
		t->sb[t->sb_len] = c;
	if (++t->sb_len > TELNET_SB_MAX)
		t->state = TELNET_DATA;
}

/* The peer's option verb: for the option callback, or refused. */
static void telnet_verb(struct telnet *t, unsigned char verb, unsigned char opt)
{
	t->state = TELNET_DATA;
	if (t->option != NULL)
		t->option(t->ctx, verb, opt);
	else if (verb == TELNET_WILL)
		telnet_reply(t, TELNET_DONT, opt);
	else if (verb == TELNET_DO)
		telnet_reply(t, TELNET_WONT, opt);
	/* a refusal is never answered */
}

/* Feed one byte that is not part of a run of plain data. */
static void telnet_step(struct telnet *t, unsigned char c)
{
	switch (t->state) {
	case TELNET_DATA:
		if (c == TELNET_IAC)
			t->state = TELNET_IAC_STATE;
		else if (c == '\r')
			t->state = TELNET_CR;
		else
			telnet_byte(t, c);
		t->saw_cr |= c == '\r';
		break;
	case TELNET_CR:
		t->state = TELNET_DATA;
		if (c == 0) {
			telnet_byte(t, '\r');
			break;
		}
		telnet_byte(t, '\n');
		if (c != '\n')
			telnet_step(t, c);
		break;
	case TELNET_IAC_STATE:
		t->saw_iac = true;
		telnet_command(t, c);
		break;
	case TELNET_WILL_STATE:
		telnet_verb(t, TELNET_WILL, c);
		break;
	case TELNET_DO_STATE:
		telnet_verb(t, TELNET_DO, c);
		break;
	case TELNET_WONT_STATE:
		telnet_verb(t, TELNET_WONT, c);
		break;
	case TELNET_DONT_STATE:
		telnet_verb(t, TELNET_DONT, c);
		break;
	case TELNET_SB_STATE:
		telnet_sb(t, c);
		break;
	case TELNET_SB_IAC:
		if (c == TELNET_SE) {
			t->state = TELNET_DATA;
			if (t->sub != NULL && t->sb_len > 0 && t->sb_len <= TELNET_SB_KEEP)
				t->sub(t->ctx, t->sb, t->sb_len);
		} else if (c == TELNET_IAC) {
			telnet_sb(t, c); /* an escaped 0xFF counts as one byte */
		} else {
			telnet_command(t, c); /* a broken subnegotiation: read the command */
		}
		break;
	}
}

/* Decode n bytes; may be called with any split of the stream, down to one byte at a time. */
void telnet_feed(struct telnet *t, const unsigned char *in, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (t->state == TELNET_DATA) {
			size_t j = i;

			while (j < n && in[j] != TELNET_IAC && in[j] != '\r')
				j++;
			if (j > i)
				t->data(t->ctx, in + i, j - i);
			i = j;
			if (i == n)
				break;
		}
		telnet_step(t, in[i++]);
	}
}

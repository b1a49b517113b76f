/*
 * A telnet decoder without I/O: bytes go in, data bytes and the bytes to send back come out
 * through callbacks. Without an option callback every option is refused; subnegotiations are
 * skipped within a bound (or handed whole to a callback), and CR NUL / CR LF / lone CR are turned
 * into '\r' / '\n' / '\n'.
 */
#ifndef TELNET_H
#define TELNET_H

#include <stdbool.h>
#include <stddef.h>

#define TELNET_IAC 255
#define TELNET_DONT 254
#define TELNET_DO 253
#define TELNET_WONT 252
#define TELNET_WILL 251
#define TELNET_SB 250
#define TELNET_SE 240

/* The options the server negotiates with a client that agrees (telnet.h refuses all others). */
#define TELNET_OPT_ECHO 1
#define TELNET_OPT_SGA 3
#define TELNET_OPT_TTYPE 24
#define TELNET_OPT_NAWS 31

/* The longest subnegotiation skipped before the decoder gives up on it and reads data again. */
#define TELNET_SB_MAX 512
/* The longest subnegotiation handed to the sub callback; longer ones are skipped. */
#define TELNET_SB_KEEP 48

enum telnet_state {
	TELNET_DATA,
	TELNET_CR,
	TELNET_IAC_STATE,
	TELNET_WILL_STATE,
	TELNET_WONT_STATE,
	TELNET_DO_STATE,
	TELNET_DONT_STATE,
	TELNET_SB_STATE,
	TELNET_SB_IAC,
};

struct telnet {
	enum telnet_state state;
	size_t sb_len; /* bytes of the current subnegotiation so far */
	bool saw_iac;  /* the peer sent a telnet command: it is a telnet client */
	bool saw_cr;   /* the peer ended a line in CR, as telnet does (nc sends LF alone) */
	/* Data bytes for the application ('\n' ends a line). */
	void (*data)(void *ctx, const unsigned char *p, size_t n);
	/* Bytes to send back to the peer. */
	void (*send)(void *ctx, const unsigned char *p, size_t n);
	/* Optional: the peer's WILL, WONT, DO or DONT (verb) for opt; the callback answers, if at
	 * all. NULL: WILL and DO are refused, WONT and DONT are not answered. */
	void (*option)(void *ctx, unsigned char verb, unsigned char opt);
	/* Optional: a whole subnegotiation, its option byte first, IAC IAC unescaped. */
	void (*sub)(void *ctx, const unsigned char *p, size_t n);
	void *ctx;
	unsigned char sb[TELNET_SB_KEEP]; /* the subnegotiation being read, for sub */
};

/* Make a decoder in the data state that reports through data() and send(); no option or sub. */
void telnet_init(struct telnet *t, void (*data)(void *, const unsigned char *, size_t),
                 void (*send)(void *, const unsigned char *, size_t), void *ctx);
/* Decode n bytes; may be called with any split of the stream, down to one byte at a time. */
void telnet_feed(struct telnet *t, const unsigned char *in, size_t n);

#endif

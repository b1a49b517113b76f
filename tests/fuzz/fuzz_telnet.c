/*
 * Fuzz target: the telnet decoder (engine/net/telnet.c). The same bytes are decoded whole, one
 * byte at a time and in chunks whose sizes come from the input; the data and the answers must
 * be the same every time, every answer must be a refusal, and no data byte may appear from
 * nowhere.
 */
#include <string.h>

#include "fuzz.h"
#include "net/telnet.h"

/* What one decoding produced. */
struct fz_sink {
	unsigned char *data, *sent;
	size_t n_data, n_sent, cap; /* cap bounds both: each is at most the input's length */
};

/* The decoder has data bytes. */
static void fz_data(void *ctx, const unsigned char *p, size_t n)
{
	struct fz_sink *s = ctx;

	FUZZ_CHECK(n > 0 && s->n_data + n <= s->cap);
	memcpy(s->data + s->n_data, p, n);
	s->n_data += n;
}

/* The decoder answers a negotiation. */
static void fz_send(void *ctx, const unsigned char *p, size_t n)
{
	struct fz_sink *s = ctx;

	FUZZ_CHECK(n == 3 && p[0] == TELNET_IAC && (p[1] == TELNET_DONT || p[1] == TELNET_WONT));
	FUZZ_CHECK(s->n_sent + n <= 3 * s->cap);
	memcpy(s->sent + s->n_sent, p, n);
	s->n_sent += n;
}

/* Decode data with chunks of sizes from step (0: the whole input at once). */
static void fz_decode(struct fz_sink *s, const uint8_t *data, size_t size, size_t step,
                      const uint8_t *sizes, size_t n_sizes)
{
	struct telnet t;
	size_t i = 0, k = 0;

	s->cap = size;
	s->data = malloc(size + 1);
	s->sent = malloc(3 * size + 1);
	s->n_data = s->n_sent = 0;
	if (s->data == NULL || s->sent == NULL)
		abort();
	telnet_init(&t, fz_data, fz_send, s);
	while (i < size) {
		size_t n = step != 0 ? step : size;

		if (n_sizes > 0)
			n = 1 + sizes[k++ % n_sizes] % 16;
		if (n > size - i)
			n = size - i;
		telnet_feed(&t, data + i, n);
		i += n;
	}
}

/* Free what a decoding produced. */
static void fz_free(struct fz_sink *s)
{
	free(s->data);
	free(s->sent);
}

/* Whether two decodings produced the same bytes. */
static int fz_same(const struct fz_sink *a, const struct fz_sink *b)
{
	return a->n_data == b->n_data && a->n_sent == b->n_sent &&
	       memcmp(a->data, b->data, a->n_data) == 0 && memcmp(a->sent, b->sent, a->n_sent) == 0;
}

/* Decode the input three ways and compare. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_sink whole, bytes, chunks;

	fz_decode(&whole, data, size, 0, NULL, 0);
	fz_decode(&bytes, data, size, 1, NULL, 0);
	fz_decode(&chunks, data, size, 0, data, size < 64 ? size : 64);
	FUZZ_CHECK(fz_same(&whole, &bytes));
	FUZZ_CHECK(fz_same(&whole, &chunks));
	/* Data without IAC or CR passes through untouched. */
	if (memchr(data, TELNET_IAC, size) == NULL && memchr(data, '\r', size) == NULL)
		FUZZ_CHECK(whole.n_data == size && memcmp(whole.data, data, size) == 0);
	fz_free(&whole);
	fz_free(&bytes);
	fz_free(&chunks);
	return 0;
}

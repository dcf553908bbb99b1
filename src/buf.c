/*
 * buf.c - growable, size-limited byte buffer (see buf.h for invariants).
 */
#include <string.h>

#include "isnad/buf.h"
#include "isnad_int.h"

static char empty_buf[1];

void isnad_buf_init(struct isnad_buf *b, size_t max)
{
	b->s = empty_buf;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void isnad_buf_release(struct isnad_buf *b)
{
	if (b->cap)
		isnad_free(b->s);
	isnad_buf_init(b, b->max);
}

isnad_status isnad_buf_grow(struct isnad_buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;
	if (extra > (size_t)-1 / 2 - b->len)
		return ISNAD_ETOOBIG;
	need = b->len + extra + 1;
	if (b->max && need > b->max + 1)
		return ISNAD_ETOOBIG;
	if (need <= b->cap)
		return ISNAD_OK;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	if (b->max && ncap > b->max + 1)
		ncap = b->max + 1;
	p = isnad_realloc(b->cap ? b->s : NULL, ncap);
	if (!p)
		return ISNAD_ENOMEM;
	if (!b->cap)
		p[0] = '\0';
	b->s = p;
	b->cap = ncap;
	return ISNAD_OK;
}

isnad_status isnad_buf_add(struct isnad_buf *b, const void *p, size_t n)
{
	isnad_status st = isnad_buf_grow(b, n);
	if (st)
		return st;
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
	return ISNAD_OK;
}

isnad_status isnad_buf_addc(struct isnad_buf *b, int c)
{
	char ch = (char)c;
	return isnad_buf_add(b, &ch, 1);
}

isnad_status isnad_buf_adds(struct isnad_buf *b, const char *s)
{
	return isnad_buf_add(b, s, strlen(s));
}

void isnad_buf_reset(struct isnad_buf *b)
{
	b->len = 0;
	b->s[0] = '\0';
}

char *isnad_buf_detach(struct isnad_buf *b, size_t *len_out)
{
	char *s;
	if (len_out)
		*len_out = b->len;
	if (!b->cap) {
		s = isnad_malloc(1);
		if (s)
			s[0] = '\0';
	} else {
		s = b->s;
	}
	isnad_buf_init(b, b->max);
	return s;
}

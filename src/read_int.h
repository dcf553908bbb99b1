/*
 * read_int.h - private pieces shared by the readers (read.c, read_feed.c).
 */
#ifndef ISNAD_READ_INT_H
#define ISNAD_READ_INT_H

#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

#include "isnad/read.h"

/* The input window: bytes buf[start, end) of the (inflated) input, whose
 * first byte is at input offset off. */
struct isnad__rd {
	FILE *f;
	unsigned char *in;  /* RD_CHUNK bytes read from f, pending in z */
	z_stream z;         /* next_in/avail_in also serve plain input */
	int gz;             /* inflating */
	int z_done;         /* the current gzip member has ended */
	int f_eof;          /* f has no more bytes */
	unsigned char *buf; /* the window */
	size_t start, end, cap;
	int eof;            /* the window will not grow any more */
	uint64_t off;       /* input offset of buf[start] */
	uint64_t total;     /* inflated bytes so far */
	isnad_status err;   /* read error, corrupt or truncated gzip */
	char errmsg[200];
};

struct isnad__read_ctx {
	const char *name;
	isnad_record_fn fn;
	isnad_read_errfn errfn;
	void *ud;
	size_t max;  /* largest record delivered, bytes */
	int bad;     /* something was reported */
	int stop;    /* fn asked to stop */
	struct isnad__rd *rd;
};

isnad_status isnad__rd_fill(struct isnad__rd *r, size_t want);
void isnad__rd_skip(struct isnad__rd *r, size_t n);
/* Report a problem of the input (n == 0) or of its n-th record. */
void isnad__read_report(struct isnad__read_ctx *c, size_t n,
			const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Deliver the n-th record (n == 0: the input is the record); returns
 * nonzero once fn has asked to stop. */
int isnad__read_deliver(struct isnad__read_ctx *c, size_t n,
			struct isnad_record *r);
int isnad__looks_binary(const unsigned char *p, size_t n);
isnad_status isnad__read_feed(struct isnad__read_ctx *c);
/* isnad_read_stream with another record limit (tests use a small one). */
isnad_status isnad__read_stream_max(const char *name, FILE *f,
				    isnad_record_fn fn, isnad_read_errfn errfn,
				    void *ud, size_t max);

#endif

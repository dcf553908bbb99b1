/*
 * buf.h - growable byte buffer with a size limit (after git's strbuf and
 * curl's dynbuf).
 *
 * Invariants: after isnad_buf_init, b->s is never NULL and b->s[b->len] is
 * always '\0'.  Growing past b->max fails with ISNAD_ETOOBIG instead of
 * consuming memory without bound, which matters for untrusted input.
 * Ownership: caller-provided struct; the bytes are owned by the buffer until
 * isnad_buf_release or isnad_buf_detach.
 */
#ifndef ISNAD_BUF_H
#define ISNAD_BUF_H

#include <stddef.h>
#include "status.h"

struct isnad_buf {
	char *s;    /* never NULL after init; NUL-terminated */
	size_t len; /* bytes used, excluding the terminating NUL */
	size_t cap; /* bytes allocated (0 while s points at the empty string) */
	size_t max; /* growth limit in bytes; 0 means no limit */
};

void isnad_buf_init(struct isnad_buf *b, size_t max);
void isnad_buf_release(struct isnad_buf *b);
/* Ensure room for extra more bytes. */
isnad_status isnad_buf_grow(struct isnad_buf *b, size_t extra);
isnad_status isnad_buf_add(struct isnad_buf *b, const void *p, size_t n);
isnad_status isnad_buf_addc(struct isnad_buf *b, int c);
isnad_status isnad_buf_adds(struct isnad_buf *b, const char *s);
void isnad_buf_reset(struct isnad_buf *b);
/* Hand the bytes to the caller (free with isnad_free); the buffer is
 * re-initialised.  Ownership: owned by the caller. */
char *isnad_buf_detach(struct isnad_buf *b, size_t *len_out);

#endif

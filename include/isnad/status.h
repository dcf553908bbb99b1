/*
 * status.h - the one status type of libisnad.
 *
 * Every fallible function returns an isnad_status; ISNAD_OK is 0 and errors
 * are negative.  Codes are only ever added at the end of the list and never
 * renumbered, so callers and stored logs can rely on them.
 */
#ifndef ISNAD_STATUS_H
#define ISNAD_STATUS_H

#define ISNAD_STATUS_MAP(X)                                                    \
	X(OK, 0, "success")                                                    \
	X(ENOMEM, -1, "out of memory")                                         \
	X(EINVAL, -2, "invalid argument")                                      \
	X(EIO, -3, "input/output error")                                       \
	X(ETOOBIG, -4, "input exceeds the size limit")                         \
	X(EENCODING, -5, "unsupported or undetectable encoding")               \
	X(EFORMAT, -6, "malformed data file")                                  \
	X(EVERSION, -7, "data file is from another version")                   \
	X(ESTEMMER, -8, "Snowball stemmer unavailable")                       \
	X(ESTORE, -9, "store error")                                           \
	X(ENOTFOUND, -10, "not found")

enum isnad_status {
#define ISNAD__ENUM(name, val, msg) ISNAD_##name = val,
	ISNAD_STATUS_MAP(ISNAD__ENUM)
#undef ISNAD__ENUM
};

typedef enum isnad_status isnad_status;

/* Human-readable message for a status.  Ownership: borrowed, static. */
const char *isnad_strerror(isnad_status st);
/* Symbolic name such as "ENOMEM".  Ownership: borrowed, static. */
const char *isnad_status_name(isnad_status st);

#endif

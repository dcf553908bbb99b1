/*
 * status.c - messages and names for isnad_status, generated from the one
 * list in status.h.
 */
#include "isnad/status.h"

const char *isnad_strerror(isnad_status st)
{
	switch (st) {
#define ISNAD__MSG(name, val, msg)                                             \
	case ISNAD_##name:                                                     \
		return msg;
		ISNAD_STATUS_MAP(ISNAD__MSG)
#undef ISNAD__MSG
	}
	return "unknown status";
}

const char *isnad_status_name(isnad_status st)
{
	switch (st) {
#define ISNAD__NAME(name, val, msg)                                            \
	case ISNAD_##name:                                                     \
		return #name;
		ISNAD_STATUS_MAP(ISNAD__NAME)
#undef ISNAD__NAME
	}
	return "UNKNOWN";
}

/*
 * json.c - JSON string output (see json.h).
 */
#include "isnad/json.h"

void isnad_json_str(FILE *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	putc('"', f);
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (c < 0x20 || c == 0x7F)
				fprintf(f, "\\u%04x", c);
			else
				putc((int)c, f);
		}
	}
	putc('"', f);
}

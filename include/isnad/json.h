/*
 * json.h - the one JSON string writer of the library and the CLI.
 */
#ifndef ISNAD_JSON_H
#define ISNAD_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Write s[0..n) to f as a JSON string, quotes included; control
 * characters escaped, UTF-8 passed through. */
void isnad_json_str(FILE *f, const char *s, size_t n);

#endif

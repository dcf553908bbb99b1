/*
 * standalone_main.c - replays fuzz inputs without libFuzzer, so `make test`
 * runs every saved corpus file (and crash reproducer) through each target
 * under the ordinary and the sanitizer builds.
 * Usage: replay_X FILE|DIR...   Prints "N passed, N failed" (a crash aborts).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;
	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		fclose(f);
		return -1;
	}
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static void run_path(const char *path, int *ok, int *bad)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: cannot open '%s'\n", path);
		(*bad)++;
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		if (!d) {
			(*bad)++;
			return;
		}
		while ((e = readdir(d)) != NULL) {
			char sub[4096];
			if (e->d_name[0] == '.')
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			run_path(sub, ok, bad);
		}
		closedir(d);
		return;
	}
	if (run_file(path) == 0)
		(*ok)++;
	else
		(*bad)++;
}

int main(int argc, char **argv)
{
	int ok = 0, bad = 0;
	for (int i = 1; i < argc; i++)
		run_path(argv[i], &ok, &bad);
	printf("replay: %d passed, %d failed\n", ok, bad);
	return bad ? 1 : 0;
}

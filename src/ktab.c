/*
 * ktab.c - open addressing from uint32 keys to uint32 values (isnad_int.h):
 * linear probing, grown to twice its size when half full.
 */
#include "isnad_int.h"

void isnad__ktab_release(struct isnad_ktab *t)
{
	isnad_free(t->key);
	isnad_free(t->val);
	memset(t, 0, sizeof *t);
}

static isnad_status ktab_grow(struct isnad_ktab *t)
{
	uint32_t ncap = t->cap ? t->cap * 2 : 1024, mask = ncap - 1;
	uint32_t *nk, *nv;
	if (ncap < t->cap)
		return ISNAD_ENOMEM;
	nk = isnad_calloc(ncap, sizeof *nk);
	nv = isnad_malloc((size_t)ncap * sizeof *nv);
	if (!nk || !nv) {
		isnad_free(nk);
		isnad_free(nv);
		return ISNAD_ENOMEM;
	}
	for (uint32_t i = 0; i < t->cap; i++) {
		uint32_t j;
		if (!t->key[i])
			continue;
		for (j = t->key[i] & mask; nk[j]; j = (j + 1) & mask)
			;
		nk[j] = t->key[i];
		nv[j] = t->val[i];
	}
	isnad_free(t->key);
	isnad_free(t->val);
	t->key = nk;
	t->val = nv;
	t->cap = ncap;
	return ISNAD_OK;
}

isnad_status isnad__ktab_upsert(struct isnad_ktab *t, uint32_t k, uint32_t v,
                                uint32_t **val_out)
{
	uint32_t mask, i;
	if ((t->n + 1) * 2 > t->cap) {
		isnad_status st = ktab_grow(t);
		if (st)
			return st;
	}
	mask = t->cap - 1;
	for (i = k & mask; t->key[i]; i = (i + 1) & mask)
		if (t->key[i] == k) {
			*val_out = &t->val[i];
			return ISNAD_OK;
		}
	t->key[i] = k;
	t->val[i] = v;
	t->n++;
	*val_out = &t->val[i];
	return ISNAD_OK;
}

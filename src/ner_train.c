/*
 * ner_train.c - training the NER model: an averaged structured perceptron
 * (Collins 2002) over the features of ner.c, with the gazetteer turned
 * into hashed word and word-sequence keys.
 *
 * Features are extracted once into dense ids; each epoch visits the
 * sentences in an order shuffled by a seeded generator, so a run is
 * reproducible.  Averaging uses the usual trick: w_avg = W - U / c, where
 * U sums c * update.  Features whose averaged weights are all tiny are
 * pruned, the rest quantised, and the result goes through the file format
 * (serialise, parse), so the model in memory equals the one on disk.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ner.h"
#include "isnad_int.h"
#include "ner_int.h"

#define NT ISNAD_NER_NTAGS
#define DEFAULT_EPOCHS 12
#define PRUNE 0.02 /* drop features whose |averaged weight| stays below */

struct vec32 {
	uint32_t *v;
	size_t n, cap;
};

static isnad_status push32(struct vec32 *a, uint32_t x)
{
	if (a->n == a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 4096;
		uint32_t *q = isnad_realloc(a->v, nc * sizeof *q);
		if (!q)
			return ISNAD_ENOMEM;
		a->v = q;
		a->cap = nc;
	}
	a->v[a->n++] = x;
	return ISNAD_OK;
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dull;
}

static isnad_status add_gazetteer(struct isnad_ner_tagger *tg,
                                  struct isnad_ner_model *m,
                                  const struct isnad_ner_gaz_entry *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct ner_unit *u;
		size_t nu;
		uint32_t *slot;
		isnad_status st;
		unsigned ty = g[i].type;
		if (ty >= ISNAD_NER_MISC || !g[i].name)
			continue;
		if ((st = isnad__ner_text_units(tg, g[i].name, g[i].len, &u,
		                                &nu)))
			return st;
		if (!nu || nu > NER_SPAN_MAX)
			continue;
		for (size_t j = 0; j < nu; j++) {
			unsigned bits;
			if (nu == 1)
				bits = ty == ISNAD_NER_LOC   ? NER_G_LOC_WHOLE
				       : ty == ISNAD_NER_ORG ? NER_G_ORG_WHOLE
				                             : NER_G_PER_WHOLE;
			else if (ty == ISNAD_NER_LOC)
				bits = NER_G_LOC_PART;
			else if (ty == ISNAD_NER_ORG)
				bits = j ? NER_G_ORG_PART : NER_G_ORG_FIRST;
			else
				bits = j ? NER_G_PER_OTHER : NER_G_PER_FIRST;
			if ((st = isnad__ktab_upsert(
			         &m->gtok, (uint32_t)u[j].base | 1, 0, &slot)))
				return st;
			*slot |= bits;
		}
		if (nu >= 2) {
			uint32_t k = (uint32_t)isnad__ner_span_hash(u, nu) | 1;
			if ((st = isnad__ktab_upsert(&m->gspan, k, 0, &slot)))
				return st;
			*slot |= 1u << ty;
			if (nu > m->span_max)
				m->span_max = nu;
		}
	}
	return ISNAD_OK;
}

/* ---- word clusters ------------------------------------------------------- */

#define CL_VOCAB 20000 /* words clustered: the most frequent */
#define CL_CTX 256     /* context words: the most frequent */
#define CL_K 250       /* fine clusters (ids 1..250) */
#define CL_K2 40       /* coarse clusters */
#define CL_ITER 8
#define CL_MIN 3      /* occurrences a clustered word needs */
#define CL_FREQ_MIN 2 /* occurrences a word needs for its frequency class */

struct idcount {
	uint32_t key, count;
};

static int by_count(const void *a, const void *b)
{
	const struct idcount *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Spherical k-means of the unit rows X[v][d] into k clusters, from
 * centroids at evenly spaced rows; assignment into out[v]. */
static isnad_status kmeans(const float *X, size_t v, size_t d, size_t k,
                           uint8_t *out)
{
	float *C = isnad_malloc(k * d * sizeof *C);
	if (!C)
		return ISNAD_ENOMEM;
	for (size_t c = 0; c < k; c++)
		memcpy(C + c * d, X + (c * v / k) * d, d * sizeof *C);
	for (unsigned it = 0; it < CL_ITER; it++) {
		for (size_t r = 0; r < v; r++) {
			const float *x = X + r * d;
			float best = -2;
			size_t arg = 0;
			for (size_t c = 0; c < k; c++) {
				const float *y = C + c * d;
				float s = 0;
				for (size_t j = 0; j < d; j++)
					s += x[j] * y[j];
				if (s > best) {
					best = s;
					arg = c;
				}
			}
			out[r] = (uint8_t)arg;
		}
		memset(C, 0, k * d * sizeof *C);
		for (size_t r = 0; r < v; r++)
			for (size_t j = 0; j < d; j++)
				C[out[r] * d + j] += X[r * d + j];
		for (size_t c = 0; c < k; c++) {
			double nn = 0;
			for (size_t j = 0; j < d; j++)
				nn += (double)C[c * d + j] * C[c * d + j];
			if (nn > 0)
				for (size_t j = 0; j < d; j++)
					C[c * d + j] /= (float)sqrt(nn);
		}
	}
	isnad_free(C);
	return ISNAD_OK;
}

static isnad_status learn_clusters(struct isnad_ner_tagger *tg,
                                   struct isnad_ner_model *m,
                                   const struct isnad_ner_train_opts *o)
{
	struct isnad_ktab ids = {0};
	struct vec32 seq = {0}, keys = {0}, cnt = {0};
	struct idcount *ic = NULL;
	uint32_t *rank = NULL;
	float *X = NULL;
	uint8_t *a1 = NULL, *a2 = NULL;
	size_t v, d = 2 * CL_CTX;
	isnad_status st = ISNAD_OK;
	for (size_t t = 0; t < o->n_texts && !st; t++) {
		struct ner_unit *u;
		size_t nu;
		if ((st = isnad__ner_text_units(tg, o->texts[t],
		                                o->text_lens[t], &u, &nu)))
			break;
		for (size_t i = 0; i < nu && !st; i++) {
			uint32_t *slot, id = (uint32_t)keys.n;
			uint32_t key = (uint32_t)u[i].base | 1;
			if ((st = isnad__ktab_upsert(&ids, key, id, &slot)))
				break;
			if (*slot == id && id == keys.n &&
			    ((st = push32(&keys, key)) ||
			     (st = push32(&cnt, 0))))
				break;
			cnt.v[*slot]++;
			st = push32(&seq, *slot);
		}
		if (!st)
			st = push32(&seq, UINT32_MAX);
	}
	if (st || !keys.n)
		goto out;
	ic = isnad_malloc(keys.n * sizeof *ic);
	rank = isnad_malloc(keys.n * sizeof *rank);
	if (!ic || !rank) {
		st = ISNAD_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < keys.n; i++) {
		ic[i].key = keys.v[i];
		ic[i].count = cnt.v[i];
	}
	qsort(ic, keys.n, sizeof *ic, by_count);
	for (v = 0; v < keys.n && v < CL_VOCAB && ic[v].count >= CL_MIN; v++)
		;
	if (v < CL_K * 2)
		goto out;
	for (size_t i = 0; i < keys.n; i++)
		rank[i] = UINT32_MAX;
	for (size_t r = 0; r < v; r++)
		rank[isnad__ktab_find(&ids, ic[r].key)] = (uint32_t)r;
	X = isnad_calloc(v * d, sizeof *X);
	a1 = isnad_malloc(v);
	a2 = isnad_malloc(v);
	if (!X || !a1 || !a2) {
		st = ISNAD_ENOMEM;
		goto out;
	}
	for (size_t j = 0; j < seq.n; j++) {
		uint32_t r, l, rt;
		if (seq.v[j] == UINT32_MAX || (r = rank[seq.v[j]]) >= v)
			continue;
		if (j > 0 && seq.v[j - 1] != UINT32_MAX &&
		    (l = rank[seq.v[j - 1]]) < CL_CTX)
			X[r * d + l] += 1;
		if (j + 1 < seq.n && seq.v[j + 1] != UINT32_MAX &&
		    (rt = rank[seq.v[j + 1]]) < CL_CTX)
			X[r * d + CL_CTX + rt] += 1;
	}
	for (size_t r = 0; r < v; r++) {
		double nn = 0;
		for (size_t j = 0; j < d; j++) {
			float x = (float)sqrt(X[r * d + j]);
			X[r * d + j] = x;
			nn += (double)x * x;
		}
		if (nn > 0)
			for (size_t j = 0; j < d; j++)
				X[r * d + j] /= (float)sqrt(nn);
	}
	if ((st = kmeans(X, v, d, CL_K, a1)) ||
	    (st = kmeans(X, v, d, CL_K2, a2)))
		goto out;
	for (size_t r = 0; r < keys.n && ic[r].count >= CL_FREQ_MIN && !st;
	     r++) {
		uint32_t *slot, fb = 1, val;
		for (uint32_t c = ic[r].count; c > 1 && fb < 24; c >>= 1)
			fb++;
		val = fb << 16;
		if (r < v)
			val |= (uint32_t)(a1[r] + 1) | (uint32_t)(a2[r] + 1)
			                                   << 8;
		if (!(st = isnad__ktab_upsert(&m->clus, ic[r].key, val, &slot)))
			*slot = val;
	}
out:
	isnad__ktab_release(&ids);
	isnad_free(seq.v);
	isnad_free(keys.v);
	isnad_free(cnt.v);
	isnad_free(ic);
	isnad_free(rank);
	isnad_free(X);
	isnad_free(a1);
	isnad_free(a2);
	return st;
}

struct trainer {
	struct vec32 fid;     /* feature ids of all words, word after word */
	size_t *woff;         /* word w's ids: fid[woff[w] .. woff[w + 1]) */
	size_t *soff;         /* sentence s's words: soff[s] .. soff[s + 1] */
	uint8_t *gold;        /* per word */
	double *weight;       /* per sentence */
	struct isnad_ktab fmap; /* feature key -> id */
	struct vec32 fkeys;   /* id -> key */
	double *W, *U;
	double Wt[NT * NT], Ut[NT * NT], Ws[NT], Us[NT];
	double *A, At[NT * NT], As[NT]; /* sums of the runs' averaged weights */
	unsigned runs;
};

static void trainer_release(struct trainer *t)
{
	isnad_free(t->fid.v);
	isnad_free(t->woff);
	isnad_free(t->soff);
	isnad_free(t->gold);
	isnad_free(t->weight);
	isnad__ktab_release(&t->fmap);
	isnad_free(t->fkeys.v);
	isnad_free(t->W);
	isnad_free(t->U);
	isnad_free(t->A);
}

static isnad_status extract(struct trainer *tr, struct isnad_ner_tagger *tg,
                            const struct isnad_ner_sentence *s, size_t n)
{
	size_t nw = 0, w = 0;
	uint32_t keys[NER_MAX_FEATS];
	isnad_status st;
	for (size_t i = 0; i < n; i++)
		nw += s[i].n;
	tr->woff = isnad_malloc((nw + 1) * sizeof *tr->woff);
	tr->soff = isnad_malloc((n + 1) * sizeof *tr->soff);
	tr->gold = isnad_malloc(nw + 1);
	tr->weight = isnad_malloc((n + 1) * sizeof *tr->weight);
	if (!tr->woff || !tr->soff || !tr->gold || !tr->weight)
		return ISNAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		struct ner_unit *u = NULL;
		tr->soff[i] = w;
		tr->weight[i] = s[i].weight > 0 ? s[i].weight : 1.0;
		if (s[i].n && (st = isnad__ner_words_units(
		                   tg, s[i].words, s[i].lens, s[i].n, &u)))
			return st;
		for (size_t j = 0; j < s[i].n; j++, w++) {
			size_t nk = isnad__ner_features(u, s[i].n, j, keys);
			tr->woff[w] = tr->fid.n;
			tr->gold[w] = s[i].tags[j] < NT ? s[i].tags[j] : 0;
			for (size_t k = 0; k < nk; k++) {
				uint32_t *slot;
				uint32_t id = (uint32_t)tr->fkeys.n;
				if ((st = isnad__ktab_upsert(&tr->fmap, keys[k],
				                             id, &slot)))
					return st;
				if (*slot == id && id == tr->fkeys.n &&
				    (st = push32(&tr->fkeys, keys[k])))
					return st;
				if ((st = push32(&tr->fid, *slot)))
					return st;
			}
		}
	}
	tr->soff[n] = w;
	tr->woff[w] = tr->fid.n;
	return ISNAD_OK;
}

static void upd(double *W, double *U, size_t i, double d, double c)
{
	W[i] += d;
	U[i] += c * d;
}

/* Is the k-th feature id a key of word w's own identity? */
static int lexical(const struct trainer *tr, size_t w, size_t k)
{
	return k > tr->woff[w] && k <= tr->woff[w] + NER_LEX_FEATS;
}

static isnad_status run_epochs(struct trainer *tr, size_t n,
                               const struct isnad_ner_train_opts *o,
                               uint64_t seed, double *c_out)
{
	size_t nf = tr->fkeys.n, maxw = 0;
	size_t *order;
	float *em, start[NT], trans[NT * NT];
	uint8_t *bp, *pred, *hide;
	uint64_t rng = seed * 2 + 0x9e3779b97f4a7c15ull;
	unsigned epochs = o && o->epochs ? o->epochs : DEFAULT_EPOCHS;
	double c = 1, dropout = o ? o->word_dropout : 0;
	if (!tr->W)
		tr->W = isnad_calloc(nf * NT + 1, sizeof *tr->W);
	if (!tr->U)
		tr->U = isnad_calloc(nf * NT + 1, sizeof *tr->U);
	if (tr->W && tr->U) {
		memset(tr->W, 0, (nf * NT + 1) * sizeof *tr->W);
		memset(tr->U, 0, (nf * NT + 1) * sizeof *tr->U);
	}
	memset(tr->Wt, 0, sizeof tr->Wt);
	memset(tr->Ut, 0, sizeof tr->Ut);
	memset(tr->Ws, 0, sizeof tr->Ws);
	memset(tr->Us, 0, sizeof tr->Us);
	for (size_t i = 0; i < n; i++)
		if (tr->soff[i + 1] - tr->soff[i] > maxw)
			maxw = tr->soff[i + 1] - tr->soff[i];
	order = isnad_malloc((n + 1) * sizeof *order);
	em = isnad_malloc((maxw + 1) * NT * sizeof *em);
	bp = isnad_malloc((maxw + 1) * NT);
	pred = isnad_malloc(maxw + 1);
	hide = isnad_calloc(maxw + 1, 1);
	if (!tr->W || !tr->U || !order || !em || !bp || !pred || !hide) {
		isnad_free(order);
		isnad_free(em);
		isnad_free(bp);
		isnad_free(pred);
		isnad_free(hide);
		return ISNAD_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (unsigned ep = 0; ep < epochs; ep++) {
		size_t right = 0, all = 0;
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(rng_next(&rng) % i),
			       x = order[i - 1];
			order[i - 1] = order[j];
			order[j] = x;
		}
		for (size_t oi = 0; oi < n; oi++, c++) {
			size_t s = order[oi], w0 = tr->soff[s];
			size_t len = tr->soff[s + 1] - w0;
			const uint8_t *g = tr->gold + w0;
			int differ = 0;
			double wt;
			if (!len)
				continue;
			for (unsigned y = 0; y < NT; y++)
				start[y] = (float)tr->Ws[y];
			for (unsigned y = 0; y < NT * NT; y++)
				trans[y] = (float)tr->Wt[y];
			for (size_t i = 0; i < len; i++) {
				size_t w = w0 + i;
				float *e = em + i * NT;
				memset(e, 0, NT * sizeof *e);
				hide[i] = dropout > 0 &&
				          (double)(rng_next(&rng) >> 11) *
				                  0x1.0p-53 <
				              dropout;
				for (size_t k = tr->woff[w];
				     k < tr->woff[w + 1]; k++) {
					const double *r;
					if (hide[i] && lexical(tr, w, k))
						continue;
					r =
					    tr->W + (size_t)tr->fid.v[k] * NT;
					for (unsigned y = 0; y < NT; y++)
						e[y] += (float)r[y];
				}
			}
			isnad__ner_viterbi(em, len, start, trans, NULL, bp,
			                   pred);
			for (size_t i = 0; i < len; i++) {
				all++;
				if (pred[i] == g[i])
					right++;
				else
					differ = 1;
			}
			if (!differ)
				continue;
			wt = tr->weight[s];
			for (size_t i = 0; i < len; i++) {
				size_t w = w0 + i;
				if (pred[i] != g[i])
					for (size_t k = tr->woff[w];
					     k < tr->woff[w + 1]; k++) {
						size_t r;
						if (hide[i] && lexical(tr, w, k))
							continue;
						r =
						    (size_t)tr->fid.v[k] * NT;
						upd(tr->W, tr->U, r + g[i], wt,
						    c);
						upd(tr->W, tr->U, r + pred[i],
						    -wt, c);
					}
				if (i == 0) {
					if (pred[0] != g[0]) {
						upd(tr->Ws, tr->Us, g[0], wt,
						    c);
						upd(tr->Ws, tr->Us, pred[0],
						    -wt, c);
					}
				} else if (pred[i] != g[i] ||
				           pred[i - 1] != g[i - 1]) {
					upd(tr->Wt, tr->Ut,
					    (size_t)g[i - 1] * NT + g[i], wt,
					    c);
					upd(tr->Wt, tr->Ut,
					    (size_t)pred[i - 1] * NT + pred[i],
					    -wt, c);
				}
			}
		}
		if (o && o->progress)
			o->progress(o->ud, ep + 1,
			            all ? (double)right / (double)all : 1.0);
	}
	isnad_free(order);
	isnad_free(em);
	isnad_free(bp);
	isnad_free(pred);
	isnad_free(hide);
	*c_out = c;
	return ISNAD_OK;
}

/* Averaged, pruned weights into m->feat / m->w. */
/* Add the averaged weights of the run just done to the sums. */
static isnad_status accumulate(struct trainer *tr, double c)
{
	size_t nf = tr->fkeys.n;
	if (!tr->A && !(tr->A = isnad_calloc(nf * NT + 1, sizeof *tr->A)))
		return ISNAD_ENOMEM;
	for (unsigned y = 0; y < NT; y++)
		tr->As[y] += tr->Ws[y] - tr->Us[y] / c;
	for (unsigned y = 0; y < NT * NT; y++)
		tr->At[y] += tr->Wt[y] - tr->Ut[y] / c;
	for (size_t i = 0; i < nf * NT; i++)
		tr->A[i] += tr->W[i] - tr->U[i] / c;
	tr->runs++;
	return ISNAD_OK;
}

/* The mean of the runs, pruned, into m->feat / m->w. */
static isnad_status finish(struct trainer *tr, struct isnad_ner_model *m)
{
	size_t nf = tr->fkeys.n, kept = 0;
	double r = tr->runs ? tr->runs : 1;
	isnad_status st;
	for (unsigned y = 0; y < NT; y++)
		m->start[y] = (float)(tr->As[y] / r);
	for (unsigned y = 0; y < NT * NT; y++)
		m->trans[y] = (float)(tr->At[y] / r);
	m->w = isnad_malloc((nf + 1) * NT * sizeof *m->w);
	if (!m->w)
		return ISNAD_ENOMEM;
	for (size_t f = 0; f < nf; f++) {
		double mx = 0;
		float *row = m->w + kept * NT;
		uint32_t *slot;
		for (unsigned y = 0; y < NT; y++) {
			double a = tr->A ? tr->A[f * NT + y] / r : 0;
			row[y] = (float)a;
			if (fabs(a) > mx)
				mx = fabs(a);
		}
		if (mx < PRUNE)
			continue;
		if ((st = isnad__ktab_upsert(&m->feat, tr->fkeys.v[f],
		                             (uint32_t)kept, &slot)))
			return st;
		kept++;
	}
	return ISNAD_OK;
}

isnad_status isnad_ner_train(const struct isnad_ner_sentence *s, size_t n,
                             const struct isnad_ner_train_opts *o,
                             struct isnad_ner_model **out)
{
	struct isnad_ner_model *m;
	struct isnad_ner_tagger *tg = NULL;
	struct trainer tr;
	char *data = NULL;
	size_t len = 0;
	double c = 1;
	isnad_status st;
	*out = NULL;
	if (!s && n)
		return ISNAD_EINVAL;
	memset(&tr, 0, sizeof tr);
	m = isnad_calloc(1, sizeof *m);
	if (!m)
		return ISNAD_ENOMEM;
	if ((st = isnad_ner_tagger_new(m, &tg)))
		goto out;
	if (o && o->gaz && (st = add_gazetteer(tg, m, o->gaz, o->n_gaz)))
		goto out;
	if (o && o->n_texts && o->texts && o->text_lens &&
	    (st = learn_clusters(tg, m, o)))
		goto out;
	if ((st = extract(&tr, tg, s, n)))
		goto out;
	for (unsigned r = 0; r < (o && o->runs ? o->runs : 1); r++) {
		/* Each run its own sentence order; their mean is steadier. */
		if ((st = run_epochs(&tr, n, o, (o ? o->seed : 0) + r, &c)) ||
		    (st = accumulate(&tr, c)))
			goto out;
	}
	if ((st = finish(&tr, m)))
		goto out;
	if ((st = isnad_ner_model_serialize(m, &data, &len)))
		goto out;
	st = isnad_ner_model_parse(data, len, out, NULL, 0);
out:
	isnad_free(data);
	isnad_ner_tagger_free(tg);
	isnad_ner_model_free(m);
	trainer_release(&tr);
	return st;
}

#!/usr/bin/env python3
"""boiler_score.py - score boilerplate removal outputs against the gold of
../shared/data/boilerplate (stdlib only).

Metric (the article-extraction-benchmark's, re-implemented): tokens are \\w+
runs; 4-token shingles; TP/FP/FN over shingle multisets per page; macro mean
of per-page precision and recall; F1 = 2PR/(P+R).  For Arabic pages gold and
output are both NFKC-folded with tashkeel and tatweel removed (arabic_news
README), and the Youm7 player lines absent from the HTML are dropped from the
gold (README's recommendation).

usage: boiler_score.py SHARED NAME=OUT.jsonl [NAME=OUT.jsonl ...] [--perf J..]
"""
import collections
import json
import os
import re
import sys
import unicodedata

TOK = re.compile(r"\w+")
TASHKEEL = re.compile("[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640]")


def norm_ar(s):
    return TASHKEEL.sub("", unicodedata.normalize("NFKC", s))


def shingles(text, n=4):
    toks = TOK.findall(text or "")
    if len(toks) < n:
        return collections.Counter([tuple(toks)] if toks else [])
    return collections.Counter(tuple(toks[i:i + n])
                               for i in range(len(toks) - n + 1))


def pr(pred, gold):
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    prec = tp / (tp + fp) if tp + fp else (1.0 if not g else 0.0)
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out[(o["set"], o["id"])] = o
    return out


def day(s):
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", s or "")
    return m.group(0) if m else None


def main():
    shared = sys.argv[1]
    runs = []
    perf = []
    args = sys.argv[2:]
    if "--perf" in args:
        k = args.index("--perf")
        perf = args[k + 1:]
        args = args[:k]
    for a in args:
        name, path = a.split("=", 1)
        runs.append((name, load(path)))
    bp = os.path.join(shared, "data", "boilerplate")
    gt = json.load(open(os.path.join(bp, "scrapinghub_aeb",
                                     "ground-truth.json"), encoding="utf-8"))
    ar = [json.loads(l) for l in open(os.path.join(bp, "arabic_news",
                                                   "gold.jsonl"),
                                      encoding="utf-8") if l.strip()]
    tr = json.load(open(os.path.join(bp, "trafilatura_ar",
                                     "evaldata_arabic.json"),
                        encoding="utf-8"))
    names = [n for n, _ in runs]
    w = max(12, *(len(n) for n in names))

    print("scrapinghub_aeb (%d pages): 4-shingle macro P / R / F1, exact"
          % len(gt))
    print("  %-*s %7s %7s %7s %7s" % (w, "tool", "P", "R", "F1", "exact"))
    for name, res in runs:
        ps, rs, ex = [], [], 0
        for pid, v in gt.items():
            o = res.get(("aeb", pid), {})
            p, r = pr(o.get("text", ""), v["articleBody"])
            ps.append(p)
            rs.append(r)
            ex += TOK.findall(o.get("text", "")) == \
                TOK.findall(v["articleBody"])
        P, R = sum(ps) / len(ps), sum(rs) / len(rs)
        print("  %-*s %7.3f %7.3f %7.3f %7d" % (w, name, P, R, f1(P, R), ex))

    print("\narabic_news, full-body gold (per page and macro): P / R / F1")
    body = [g for g in ar if g.get("body")]
    for name, res in runs:
        ps, rs = [], []
        cells = []
        for g in body:
            gold = g["body"]
            drop = set(l.strip() for l in g.get("body_lines_not_in_html")
                       or [])
            if drop:
                gold = "\n".join(l for l in gold.split("\n")
                                 if l.strip() not in drop)
            o = res.get(("arabic", g["id"]), {})
            p, r = pr(norm_ar(o.get("text", "")), norm_ar(gold))
            ps.append(p)
            rs.append(r)
            cells.append("%s %.2f/%.2f/%.2f" % (g["id"].split("-")[0], p,
                                                 r, f1(p, r)))
        P, R = sum(ps) / len(ps), sum(rs) / len(rs)
        print("  %-*s P %.3f R %.3f F1 %.3f | %s" % (w, name, P, R, f1(P, R),
                                                    "; ".join(cells)))

    print("\nsnippets (assabah, arabic_news + trafilatura_ar copies), "
          "titles, dates")
    snip = [g for g in ar if g.get("must_contain")]
    for name, res in runs:
        ok = tot = 0
        for g in snip:
            for key, st in (("arabic", g["id"]),
                            ("trafilatura_ar", "assabah.com.tn.article")):
                t = norm_ar(res.get((key, st), {}).get("text", ""))
                for s in g["must_contain"]:
                    tot += 1
                    ok += norm_ar(s) in t
                for s in g.get("must_not_contain") or []:
                    tot += 1
                    ok += norm_ar(s) not in t
        tt = tok = 0
        for g in ar:
            if g.get("title") and g.get("title_source") != "none":
                tt += 1
                t = res.get(("arabic", g["id"]), {}).get("title") or ""
                tok += " ".join(t.split()) == " ".join(g["title"].split())
        dt = dok = 0
        for g in ar:
            if g.get("published"):
                dt += 1
                d = res.get(("arabic", g["id"]), {}).get("published")
                dok += day(d) == day(g["published"])
        print("  %-*s snippets %d/%d  titles %d/%d  dates %d/%d"
              % (w, name, ok, tot, tok, tt, dok, dt))
    _ = tr

    if perf:
        print("\nthroughput on the scrapinghub pages (extraction only)")
        rows = [json.loads(p) for p in perf]
        for r in rows:
            print("  %-*s %9.1f pages/s  peak RSS %7.1f MB  (%d pages x %d)"
                  % (w, r["tool"], r["pages_per_s"], r["peak_rss_mb"],
                     r["pages"] // max(1, r["rounds"]), r["rounds"]))
        if len(rows) == 2 and rows[1]["pages_per_s"]:
            print("  speed ratio %.0fx" % (rows[0]["pages_per_s"] /
                                           rows[1]["pages_per_s"]))


if __name__ == "__main__":
    main()

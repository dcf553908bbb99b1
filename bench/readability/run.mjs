// run.mjs - Mozilla Readability (with jsdom) on the same pages as
// bench_boiler, one at a time: JSON Lines of what it keeps to OUT, then one
// summary line (pages/s over the scrapinghub pages, peak RSS) on stdout.
//   node run.mjs SHARED OUT.jsonl [ROUNDS]
import fs from "node:fs";
import zlib from "node:zlib";
import path from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const shared = process.argv[2] || "../shared";
const outPath = process.argv[3] || "build/boiler_readability.jsonl";
const rounds = Number(process.argv[4] || 1);
const bp = path.join(shared, "data", "boilerplate");

const jobs = [];
const gt = JSON.parse(fs.readFileSync(path.join(bp, "scrapinghub_aeb", "ground-truth.json"), "utf8"));
for (const [id, v] of Object.entries(gt))
  jobs.push({ set: "aeb", id, file: path.join(bp, "scrapinghub_aeb", "html", id + ".html.gz"), url: v.url || "" });
for (const line of fs.readFileSync(path.join(bp, "arabic_news", "gold.jsonl"), "utf8").split("\n")) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  jobs.push({ set: "arabic", id: o.id, file: path.join(bp, "arabic_news", o.file), url: o.url || "" });
}
jobs.push({ set: "trafilatura_ar", id: "assabah.com.tn.article",
  file: path.join(bp, "trafilatura_ar", "assabah.com.tn.article.html"), url: "" });

function read(file) {
  let b = fs.readFileSync(file);
  if (file.endsWith(".gz")) b = zlib.gunzipSync(b);
  return b;
}

const vc = new VirtualConsole(); // silence page scripts' and CSS errors
const out = fs.openSync(outPath, "w");
let seconds = 0, pages = 0, failed = 0;
for (let r = 0; r < rounds; r++) {
  for (const j of jobs) {
    const buf = read(j.file);
    const t0 = process.hrtime.bigint();
    let art = null;
    try {
      // jsdom sniffs the charset from the bytes as a browser does
      const dom = new JSDOM(buf, { url: j.url || "https://example.invalid/", virtualConsole: vc });
      art = new Readability(dom.window.document).parse();
      dom.window.close();
    } catch (e) {
      failed++;
    }
    const t1 = process.hrtime.bigint();
    if (j.set === "aeb") { seconds += Number(t1 - t0) / 1e9; pages++; }
    // textContent runs adjacent paragraphs together ("end.</p><p>Next"
    // -> "end.Next"); score the article HTML with block breaks instead
    // (outside the clock)
    let text = "";
    if (r === 0 && art && art.content) {
      const html = art.content.replace(
        /<\/(p|div|h[1-6]|li|blockquote|pre|tr|td|th|section|article|figcaption)\s*>|<br\s*\/?>/gi,
        "$&\n");
      text = JSDOM.fragment(html).textContent;
    }
    if (r === 0)
      fs.writeSync(out, JSON.stringify({ set: j.set, id: j.id, text,
        title: art ? art.title : null, published: art ? art.publishedTime : null }) + "\n");
  }
}
fs.closeSync(out);
const rss = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ tool: "readability", pages, seconds: +seconds.toFixed(3),
  pages_per_s: +(pages / seconds).toFixed(2), peak_rss_mb: +rss.toFixed(1), failed, rounds }));

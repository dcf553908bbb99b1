#!/usr/bin/env python3
"""feed_server.py - a local HTTP server for tests/cli/test_watch.sh.

Serves fixture feeds and article pages on 127.0.0.1 (a free port, written to
PORTFILE), logs every request as a JSON line to LOGFILE, and stops by itself
after IDLE seconds without a request (or on GET /quit).  Standard library
only.

  /feed.rss    RSS 2.0, ETag "rss-v1" (If-None-Match -> 304)
  /feed.atom   Atom, Last-Modified only (If-Modified-Since -> 304)
  /fail.rss    always 500 (for back-off)
  /mixed.rss   ETag "mixed-v1"; links /a/1 and /missing (404)
  /a/N, /b/N   article pages (HTML, Arabic)
  /r/N         302 to /a/N
  /missing     404

usage: feed_server.py PORTFILE LOGFILE [IDLE]
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Tue, 05 Mar 2024 10:00:00 GMT"

PAGES = {
    "/a/1": ("افتتاح مكتبة عامة جديدة في حي الزهور",
             ["افتتحت البلدية صباح اليوم مكتبة عامة جديدة في حي الزهور "
              "تضم أكثر من عشرين ألف كتاب في الأدب والعلوم والتاريخ.",
              "وقال مدير المكتبة إن القاعات ستفتح أبوابها للطلاب طوال "
              "أيام الأسبوع، وإن قسما خاصا للأطفال سيقدم أنشطة للقراءة "
              "كل مساء.",
              "وأضاف أن المكتبة ستنظم ورشا للكتابة الإبداعية بالتعاون مع "
              "الجامعة خلال الأشهر المقبلة."]),
    "/a/2": ("أمطار غزيرة متوقعة على المناطق الشمالية",
             ["توقعت هيئة الأرصاد الجوية هطول أمطار غزيرة على المناطق "
              "الشمالية نهاية الأسبوع الحالي مع انخفاض ملحوظ في درجات "
              "الحرارة.",
              "ودعت الهيئة السائقين إلى توخي الحذر على الطرق السريعة، "
              "ونصحت المزارعين بحماية المحاصيل من السيول المحتملة.",
              "وأشارت إلى أن الأجواء ستتحسن تدريجيا بداية الأسبوع المقبل."]),
    "/b/1": ("طلاب يفوزون بمسابقة وطنية للروبوتات",
             ["فاز فريق من طلاب المدرسة الثانوية بالمركز الأول في المسابقة "
              "الوطنية للروبوتات التي أقيمت في العاصمة أمس.",
              "وصمم الطلاب روبوتا قادرا على فرز النفايات القابلة لإعادة "
              "التدوير بدقة عالية، وفق ما ذكرت لجنة التحكيم.",
              "وسيمثل الفريق البلاد في البطولة الإقليمية التي تستضيفها "
              "مدينة ساحلية في الخريف."]),
}


def page_html(title, paras):
    body = "".join("<p>%s</p>\n" % p for p in paras)
    return ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head>"
            "<meta charset=\"utf-8\"><title>%s - الواحة</title></head>"
            "<body><nav><a href=\"/\">الرئيسية</a> <a href=\"/s\">رياضة</a>"
            "</nav><article><h1>%s</h1>\n%s</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>\n"
            % (title, title, body))


def rss(base):
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\"><channel><title>نشرة الواحة</title>"
            "<link>%s/</link>"
            "<item><title>%s</title><link>%s/a/1</link>"
            "<pubDate>Mon, 04 Mar 2024 08:30:00 +0300</pubDate>"
            "<description>مكتبة جديدة</description></item>"
            "<item><title>%s</title><link>%s/r/2</link>"
            "<pubDate>Tue, 05 Mar 2024 09:00:00 +0300</pubDate>"
            "<description>أمطار</description></item>"
            "</channel></rss>\n"
            % (base, PAGES["/a/1"][0], base, PAGES["/a/2"][0], base))


def atom(base):
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>مجلة السهل"
            "</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>"
            "<entry><title>%s</title><link href=\"%s/b/1\"/><id>urn:x:1</id>"
            "<published>2024-03-05T07:00:00Z</published>"
            "<summary>مسابقة</summary></entry></feed>\n"
            % (PAGES["/b/1"][0], base))


def mixed(base):
    return ("<rss version=\"2.0\"><channel><title>مختلط</title>"
            "<item><title>قديم</title><link>%s/a/1</link></item>"
            "<item><title>مفقود</title><link>%s/missing</link></item>"
            "</channel></rss>" % (base, base))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/plain; charset=utf-8",
             headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)
        self.server.log(self, status)

    def do_GET(self):
        self.server.touch()
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        p = self.path
        if p == "/quit":
            self.send(200, b"bye")
            threading.Thread(target=self.server.shutdown).start()
        elif p == "/feed.rss":
            if self.headers.get("If-None-Match") == '"rss-v1"':
                self.send(304, headers=[("ETag", '"rss-v1"')])
            else:
                self.send(200, rss(base).encode(),
                          "application/rss+xml; charset=utf-8",
                          [("ETag", '"rss-v1"')])
        elif p == "/feed.atom":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send(304)
            else:
                self.send(200, atom(base).encode(),
                          "application/atom+xml",
                          [("Last-Modified", LAST_MODIFIED)])
        elif p == "/mixed.rss":
            if self.headers.get("If-None-Match") == '"mixed-v1"':
                self.send(304)
            else:
                self.send(200, mixed(base).encode(), "application/rss+xml",
                          [("ETag", '"mixed-v1"')])
        elif p == "/fail.rss":
            self.send(500, b"internal error")
        elif p.startswith("/r/"):
            self.send(302, b"", headers=[("Location", "/a/" + p[3:])])
        elif p in PAGES:
            t, paras = PAGES[p]
            self.send(200, page_html(t, paras).encode(),
                      "text/html; charset=utf-8")
        else:
            self.send(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, logfile):
        super().__init__(("127.0.0.1", 0), Handler)
        self.logfile = logfile
        self.lock = threading.Lock()
        self.last = time.time()

    def touch(self):
        self.last = time.time()

    def log(self, h, status):
        rec = {"path": h.path, "status": status,
               "if_none_match": h.headers.get("If-None-Match"),
               "if_modified_since": h.headers.get("If-Modified-Since"),
               "user_agent": h.headers.get("User-Agent")}
        with self.lock, open(self.logfile, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main():
    portfile, logfile = sys.argv[1], sys.argv[2]
    idle = float(sys.argv[3]) if len(sys.argv) > 3 else 30.0
    srv = Server(logfile)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    with open(portfile + ".tmp", "w") as f:
        f.write(str(srv.server_address[1]))
    import os
    os.replace(portfile + ".tmp", portfile)
    while t.is_alive() and time.time() - srv.last < idle:
        time.sleep(0.2)
    srv.shutdown()
    srv.server_close()


if __name__ == "__main__":
    main()

"""Build data/sample/crawl.warc.gz: one HTTP response record holding one synthetic article page.

The article is original, synthetic text written for marsad's demo (see data/sample/README.md),
not a copy of any real report. The output is deterministic (fixed record id, WARC-Date and HTTP
date), so re-running the script reproduces the committed file byte for byte.

    .venv/bin/python scripts/build_sample_warc.py [--out data/sample/crawl.warc.gz]
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "sample" / "crawl.warc.gz"

TARGET_URI = "https://www.minbar-alshamal.example/news/2019/06/13/raqqa-cell"
RECORD_ID = "<urn:uuid:5d0c6f0e-7a41-4b8e-9a53-1f2b0c9e4d17>"
WARC_DATE = "2019-06-14T06:12:31Z"  # the crawl time, one day after publication
HTTP_DATE = "Fri, 14 Jun 2019 06:12:31 GMT"

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>قوات سوريا الديمقراطية تعلن تفكيك خلية لداعش بالرقة | منبر الشمال</title>
<meta property="og:site_name" content="منبر الشمال">
<meta property="og:title" content="قوات سوريا الديمقراطية تعلن تفكيك خلية لداعش بالرقة">
<meta property="og:url" content="https://www.minbar-alshamal.example/news/2019/06/13/raqqa-cell">
<meta property="article:published_time" content="2019-06-13T11:20:00+03:00">
<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<header>
  <a href="/" class="logo">منبر الشمال</a>
  <nav>
    <ul class="menu">
      <li><a href="/">الرئيسية</a></li>
      <li><a href="/news/">أخبار</a></li>
      <li><a href="/reports/">تقارير</a></li>
      <li><a href="/interviews/">حوارات</a></li>
      <li><a href="/opinion/">رأي</a></li>
      <li><a href="/contact/">اتصل بنا</a></li>
    </ul>
  </nav>
</header>
<div class="wrapper">
<main>
<div class="share">شارك: <a href="#">تويتر</a> <a href="#">فيسبوك</a> <a href="#">واتساب</a> <a href="#">طباعة</a></div>
<article>
<h1>قوات سوريا الديمقراطية تعلن تفكيك خلية لداعش بالرقة</h1>
<p class="dateline">الحسكة - منبر الشمال</p>
<p>أعلنت قوات سوريا الديمقراطية، الثلاثاء الماضي، تفكيك خلية تابعة لتنظيم داعش كانت تخطط لتنفيذ تفجيرات في مدينة الرقة، واعتقال خمسة من أفرادها، في عملية نفذتها بإسناد جوي من التحالف الدولي.</p>
<p>وقال المركز الإعلامي للقوات في بيان إن العملية جرت في حي المشلب شرقي المدينة، وإن عناصر الخلية كانوا يخزنون عبوات ناسفة وأحزمة ناسفة في منزل مهجور، مشيراً إلى ضبط أسلحة خفيفة وأجهزة اتصال لاسلكية ووثائق تكشف ارتباط الخلية بقياديين في التنظيم يتحركون في بادية دير الزور.</p>
<p>وتشهد المناطق الخاضعة لسيطرة القوات في محافظتي الرقة ودير الزور هجمات متفرقة تتبناها خلايا التنظيم، منذ إعلان القضاء على آخر جيب له في بلدة الباغوز في آذار/مارس الماضي.</p>
<p>وقال ناشط محلي يدعى سامر العلي إن "الوضع الأمني بالرقة لا يزال هشاً"، موضحاً أن السكان "يخشون عودة التفجيرات إلى الأسواق والأحياء المزدحمة بعد أن بدأت الحياة تعود تدريجياً إلى المدينة".</p>
<p>وكان الرئيس الأميركي دونالد ترامب قد أعلن في كانون الأول/ديسمبر الماضي عزمه سحب القوات الأميركية من سوريا، قبل أن تقرر واشنطن لاحقاً الإبقاء على عدد محدود من الجنود في شمال شرقي البلاد.</p>
<p>ومن المقرر أن يزور وفد من التحالف الدولي مدينة الرقة غداً الجمعة، للقاء أعضاء في مجلس الرقة المدني وبحث ملفات إزالة الألغام وإعادة تأهيل البنية التحتية، بحسب مصدر في المجلس.</p>
</article>
<div class="share">شارك: <a href="#">تويتر</a> <a href="#">فيسبوك</a> <a href="#">واتساب</a></div>
<div class="comments"><h4>اترك تعليقاً</h4></div>
</main>
<aside class="sidebar">
  <h3>الأكثر قراءة</h3>
  <ul>
    <li><a href="/news/2019/06/12/wheat-fires">حرائق تلتهم حقول القمح في ريف الحسكة</a></li>
    <li><a href="/news/2019/06/11/qamishli-water">أزمة مياه في أحياء القامشلي مع ارتفاع الحرارة</a></li>
    <li><a href="/reports/2019/06/10/raqqa-schools">مدارس الرقة تستعد لامتحانات نهاية العام</a></li>
  </ul>
  <div class="newsletter">اشترك في نشرتنا البريدية</div>
</aside>
</div>
<footer>
  <p>جميع الحقوق محفوظة &copy; 2019 منبر الشمال</p>
  <a href="#" class="go-top">زر الذهاب إلى الأعلى</a>
</footer>
</body>
</html>
"""


def build(out: Path) -> None:
    body = PAGE.encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Date", HTTP_DATE),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=UTF-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
        ],
        protocol="HTTP/1.1",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record = writer.create_warc_record(
        TARGET_URI,
        "response",
        payload=io.BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": RECORD_ID, "WARC-Date": WARC_DATE},
    )
    writer.write_record(record)
    out.write_bytes(buffer.getvalue())
    print(f"wrote {out} ({out.stat().st_size} bytes, 1 response record for {TARGET_URI})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()

import pytest
from bs4 import BeautifulSoup

from catalog.markup import first_paragraph_text, image_sources, split_title, to_html

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="jav&#x09;ascript:alert(1)">klik</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "[klik](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<img src="file:///etc/passwd">',
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<body onload="alert(1)">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<IMG SRC=`javascript:alert("RSnake says, XSS")`>',
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    '<BASE HREF="javascript:alert(1);//">',
    '<LINK REL="stylesheet" HREF="javascript:alert(1);">',
]


FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "form",
    "meta",
    "base",
    "link",
    "style",
}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_never_reaches_the_page(payload):
    soup = BeautifulSoup(to_html(f"Teks biasa.\n\n{payload}\n"), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in FORBIDDEN_TAGS, (payload, str(soup))
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on") and name.lower() != "style", (payload, str(soup))
            if name in ("href", "src", "action"):
                url = "".join(ch for ch in str(value) if ch.isprintable() and not ch.isspace()).lower()
                assert not url.startswith(("javascript:", "vbscript:", "data:", "file:")), (
                    payload,
                    str(soup),
                )


def test_markdown_features_survive():
    html = to_html(
        "# Judul\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- satu\n- dua\n\n[tautan](https://contoh.id) **tebal**\n"
    )
    assert "<h2>Judul</h2>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "<li>satu</li>" in html
    assert '<a href="https://contoh.id" rel="noopener nofollow">tautan</a>' in html


def test_images_and_first_paragraph():
    html = to_html('Kerupuk *renyah* &amp; gurih.\n\n![foto](a b.jpg)\n\n<img src="https://x.org/y.png">\n')
    assert image_sources(html) == ["a%20b.jpg", "https://x.org/y.png"] or image_sources(html) == [
        "a b.jpg",
        "https://x.org/y.png",
    ]
    assert first_paragraph_text(html) == "Kerupuk renyah & gurih."
    long = to_html("kata " * 200)
    assert first_paragraph_text(long, 50).endswith("…") and len(first_paragraph_text(long, 50)) <= 51


def test_split_title():
    assert split_title("\n# Tentang Kami\n\nIsi.") == ("Tentang Kami", "\nIsi.")
    assert split_title("Isi tanpa judul") == (None, "Isi tanpa judul")

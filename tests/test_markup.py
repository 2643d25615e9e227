import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.content.markup import first_paragraph_text, image_sources, plain_text, split_title, to_html

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
    # forms of the OWASP XSS filter evasion cheat sheet
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=javascript:alert(&quot;XSS&quot;)>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<SCRIPT/SRC="https://xss.example/xss.js"></SCRIPT>',
    "<iframe src=https://xss.example/scriptlet.html <",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="  javascript:alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    '<a href="java\0script:alert(1)">x</a>',
    "<x onclick=alert(1)>klik</x>",
]


FORBIDDEN_TAGS = {
    "script",
    "frameset",
    "frame",
    "input",
    "bgsound",
    "details",
    "video",
    "audio",
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
                # as a browser reads a URL: tabs and newlines anywhere removed, then leading
                # and trailing controls and spaces (a space inside stays: "jav ascript:" is a path)
                url = re.sub(r"[\t\n\r]", "", str(value)).strip("".join(map(chr, range(33)))).lower()
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


fragments = st.sampled_from(PAYLOADS) | st.sampled_from(
    [
        "[a](",
        ")",
        "<",
        ">",
        '"',
        "'",
        "javascript:",
        "&#",
        "x09;",
        "\n\n",
        "**",
        "<a href=",
        "onerror=",
        " ",
        "`",
    ]
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(fragments, min_size=1, max_size=8))
def test_xss_fuzz_mixes_never_reach_the_page(parts):
    """Payloads cut and joined with Markdown syntax: still nothing executable."""
    test_xss_never_reaches_the_page("".join(parts))


def test_plain_text_decodes_entities_and_keeps_blocks_apart():
    """The search index's words: "&amp;" is not a word, and list items do not run together."""
    safe = to_html("Kerupuk & rengginang.\n\n- udang\n- ikan")
    assert plain_text(safe) == "Kerupuk & rengginang. udang ikan"

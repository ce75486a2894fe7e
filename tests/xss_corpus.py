"""Known ways to run script through a filter: raw HTML, event handlers, script URLs in every disguise,
SVG and MathML, attribute lists, nested Markdown, link reference definitions and autolinks.

Each is placed in every Markdown and plain-text field of the sample content by test_xss.py. REFUSED
holds those that check stops outright (images from elsewhere or from a script address, and control characters), so they never reach a build.
"""

from __future__ import annotations

RAW_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<img src=x onerror=alert(1)>",
    # Characters outside the Basic Multilingual Plane once made the page's metadata unreadable and its markup live.
    "Ökad trafiksäkerhet 🚦 <img src=x onerror=alert(1)>",
    "𝕏 <svg onload=alert(1)> 👩🏽‍🚒",
    "مالمو ⁧עברית⁩ <script>alert(1)</script> 2026",
    '<IMG SRC="jav&#x09;ascript:alert(1)">',
    '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "<img src=1 onerror=alert`1`>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<isindex action=javascript:alert(1) type=image>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!--<script>alert(1)</script>-->",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    '<div markdown="1" onclick="alert(1)">*x*</div>',
    '<p markdown="block" onmouseover="alert(1)">x</p>',
]

ATTRIBUTE_LISTS = [
    'Text {: onclick="alert(1)"}',
    'Text\n{: onmouseover="alert(1)" }',
    '## Rubrik {: tabindex=0 autofocus onfocus="alert(1)"}',
    '[länk](https://example.org){: onclick="alert(1)"}',
    '![bild](bild.png){: onerror="alert(1)"}',
    "*kursiv*{: onclick=alert(1)}",
    'Text {#id .klass onclick="alert(1)"}',
    '- punkt\n{: onclick="alert(1)"}',
]

SCRIPT_URLS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#x0A;ascript:alert(1))",
    "[x](jav&#x0D;ascript:alert(1))",
    "[x](&#14;javascript:alert(1))",
    "[x](javascript://%0aalert(1))",
    "[x](javas%09cript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](livescript:alert(1))",
    '[x](javascript:alert(1) "titel")',
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<vbscript:msgbox(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[ref]\n\n[ref]: JaVaScRiPt:alert(1) "titel"',
    "[x][ref]\n\n[ref]: <javascript:alert(1)>",
]

NESTED_MARKDOWN = [
    '[x](https://example.org "\\" onmouseover=\\"alert(1)")',
    "[x](https://example.org' onclick='alert(1))",
    '[x](https://example.org" onclick="alert(1))',
    "[<img src=x onerror=alert(1)>](https://example.org)",
    "[[x](javascript:alert(1))](https://example.org)",
    "**[x](javascript:alert(1))**",
    "> [x](javascript:alert(1))",
    "- [x](javascript:alert(1))",
    "1. [x](javascript:alert(1))",
    "| a |\n|---|\n| [x](javascript:alert(1)) |",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    '<https://example.org" onclick="alert(1)>',
    '<x@example.org" onclick="alert(1)>',
    '![x" onerror="alert(1)](bild.png)',
    '[x](#" onclick="alert(1))',
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
]

TEMPLATES_AND_SNIPPETS = [
    '--8<-- "mkdocs.yml"',
    '--8<-- "/etc/passwd"',
    "--8<--\nmkdocs.yml\n--8<--",
    ';--8<-- "mkdocs.yml"',
    "{{ config }}",
    "{% include 'main.html' %}",
    "${alert(1)}",
]

REFUSED = [
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x][bild]\n\n[bild]: javascript:alert(1)",
    "![x](https://xss.example/pixel.gif)",
    "![x](//xss.example/pixel.gif)",
    "![x](HTTP://xss.example/pixel.gif)",
    "[x](java\x00script:alert(1))",
    "[x](\x0bjavascript:alert(1))",
    '<a href="java\x1bscript:alert(1)">x</a>',
]

BUILT = RAW_HTML + ATTRIBUTE_LISTS + SCRIPT_URLS + NESTED_MARKDOWN + TEMPLATES_AND_SNIPPETS
VECTORS = BUILT + REFUSED

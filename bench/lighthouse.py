"""Lighthouse scores of the demo site's home, category, store and product pages (mobile).

    make lighthouse        # installs Lighthouse 12.2.3 under bench/lighthouse/, then runs this

Serves the built site (public/, or --site) as Netlify would (tools/netlify_serve.py:
netlify.toml's headers, gzip) and runs Lighthouse's default mobile profile (a Moto G
Power on slow 4G, simulated) with Debian's chromium, once per page, and prints the four
scores. Lighthouse 13 needs Node 22; this machine has Node 20.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from netlify_serve import netlify_server  # noqa: E402

LIGHTHOUSE = ROOT / "bench/lighthouse/node_modules/lighthouse/cli/index.js"
PAGES = {
    "home": "/",
    "category": "/kategori/makanan-minuman/",
    "store": "/ikm/sanggar-topeng-panji-sekar/",
    "product": "/ikm/empal-gentong-mang-darsa/empal-gentong/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=ROOT / "public")
    args = parser.parse_args()
    with netlify_server(args.site) as base, tempfile.TemporaryDirectory() as tmp:
        print("| page | " + " | ".join(CATEGORIES) + " | LCP s | TBT ms | CLS |")
        print("|---" * (len(CATEGORIES) + 4) + "|")
        for name, path in PAGES.items():
            report = Path(tmp) / f"{name}.json"
            subprocess.run(
                [
                    "node", str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                    f"--output-path={report}", "--chrome-path=/usr/bin/chromium",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    f"--only-categories={','.join(CATEGORIES)}",
                ],
                check=True,
            )  # fmt: skip
            result = json.loads(report.read_text())
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            audits = result["audits"]
            lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
            tbt = audits["total-blocking-time"]["numericValue"]
            cls = audits["cumulative-layout-shift"]["numericValue"]
            print(f"| {name} | " + " | ".join(map(str, scores)) + f" | {lcp:.1f} | {tbt:.0f} | {cls:.3f} |")
            for category in CATEGORIES:
                for ref in result["categories"][category]["auditRefs"]:
                    audit = audits[ref["id"]]
                    if ref["weight"] and audit.get("score") is not None and audit["score"] < 0.9:
                        print(f"    {category}: {ref['id']} {audit['score']} {audit.get('displayValue', '')}")


if __name__ == "__main__":
    main()

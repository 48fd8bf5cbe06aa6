#!/usr/bin/env python3
"""Writes src/CertGuard.Web/Resources/SharedResource{,.en}.resx from tools/ui-strings.tsv (key, Chinese, English)."""
import csv, pathlib, xml.sax.saxutils as x
root = pathlib.Path(__file__).resolve().parent.parent
rows = [r for r in csv.reader(open(root / "tools/ui-strings.tsv", encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
head = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for suffix, col in (("", 1), (".en", 2)):
    body = "".join(f'  <data name="{x.escape(r[0])}" xml:space="preserve"><value>{x.escape(r[col])}</value></data>\n' for r in rows)
    (root / f"src/CertGuard.Web/Resources/SharedResource{suffix}.resx").write_text(head + body + "</root>\n", encoding="utf-8")
print(f"{len(rows)} strings")

#!/usr/bin/env python3
"""Scores `rehab normalize note` output against notes_truth.csv, per kind.

Usage: notes_score.py NOTES_TRUTH IDS READ_CSV

IDS lists the memory book's record ids, one per line, in the order the notes were given to the
reader (line 1 = first note). READ_CSV is the reader's output `line,kind,text,start,end,normalised`.

A value read is correct when it equals a true value of the same kind and note, compared as:
  birth_date                      the year (first 4-digit year of normalised, else of text)
  other *_date                    the date as precisely as written: YYYY-MM-DD (in normalised,
                                  else dd.mm.yyyy in text), else YYYY-MM or YYYY
  sentence                        a class by the stems of schemas/sentence_words.csv: death, or
                                  camp / exile with the number of years
  party                           none (б/п, беспартийный, исключён), candidate, member (ВКП(б))
  charge                          the set of article numbers (58-10, 59-3), else the words
  other text kinds                words folded (lowercase, ё→е, punctuation dropped, each word cut
                                  to its first 5 letters); one word sequence inside the other,
                                  for the normalised form or the text (places and nationalities
                                  are normalised to keys)
Precision: of values read of a kind, the share correct. Recall: of true values, the share read
correctly.
"""
import csv
import re
import sys
from pathlib import Path
from collections import defaultdict

YEAR = re.compile(r"(1[89]\d\d|20[0-2]\d)")
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
ARTICLE = re.compile(r"\d+-\d+[а-я]?")


def year(value, text=""):
    for source in (value, text):
        m = YEAR.search(source or "")
        if m:
            return m.group(1)
    return None


ISO_PREFIX = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?")


def day(value, text=""):
    """The date as precisely as it is written: YYYY-MM-DD, YYYY-MM or YYYY."""
    m = ISO.search(value or "")
    if m:
        return m.group(0)
    m = DOTTED.search(text or "")
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = ISO_PREFIX.match((value or "").strip())
    if m:
        return m.group(0)
    return year(value, text)


def sentence_stems():
    """The stems of each kind of sentence, from the project's schemas/sentence_words.csv."""
    path = Path(__file__).resolve().parent.parent / "schemas" / "sentence_words.csv"
    stems = []
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if len(row) >= 2 and row[0] != "stem":
                stems.append((row[0].strip().lower(), row[1].strip()))
    return stems


SENTENCE_STEMS = sentence_stems()
SENTENCE_KINDS = ["death", "camp", "exile"]


def sentence(value, text=""):
    """death, or camp / exile with the number of years, by the stems of sentence_words.csv
    (the first kind, in that order, one of whose stems the text holds)."""
    s = (value or text or "").lower()
    kind = next((k for k in SENTENCE_KINDS
                 if any(stem in s for stem, kk in SENTENCE_STEMS if kk == k)), None)
    if kind is None:
        return s.strip() or None
    if kind == "death":
        return "death"
    years = re.search(r"(?<!\d)(\d{1,2})(?!\d)", s)
    return f"{kind}:{years.group(1) if years else ''}"


def party(value, text=""):
    s = (value or text or "").lower()
    if re.search(r"б/п|беспарт|исключ|none", s):
        return "none"
    if "канд" in s or "candidate" in s:
        return "candidate"
    if re.search(r"вкп|кпсс|член|чл\.|member", s):
        return "member"
    return s.strip() or None


def charge(value, text=""):
    found = ARTICLE.findall((value or "") + " " + (text or ""))
    return tuple(sorted(set(found))) or words(value, text)


def words(value, text=""):
    s = (value or text or "").lower().replace("ё", "е")
    ws = [w[:5] for w in re.split(r"[^\w]+", s) if w]
    return tuple(ws) or None


def inside(a, b):
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def folder(kind):
    if kind == "birth_date":
        return year
    if kind.endswith("_date"):
        return day
    return {"sentence": sentence, "party": party, "charge": charge}.get(kind, words)


def read_forms(kind, normalised, text):
    """The forms a value read is compared by: for text kinds both the normalised form and the
    text (a place or nationality may be normalised to a key), else the normalised form with the
    text as fallback."""
    fold = folder(kind)
    if fold is words:
        return [f for f in (fold(normalised), fold("", text)) if f is not None]
    value = fold(normalised, text)
    return [] if value is None else [value]


def same(kind, truth, forms):
    if truth is None:
        return False
    if folder(kind) is words:
        return any(inside(truth, f) or inside(f, truth) for f in forms)
    return truth in forms


def main():
    truth_path, ids_path, read_path = sys.argv[1:4]
    ids = [line.strip() for line in open(ids_path, encoding="utf-8")]
    line_of = {rid: i + 1 for i, rid in enumerate(ids)}
    truth = defaultdict(list)
    for row in csv.DictReader(open(truth_path, encoding="utf-8")):
        line = line_of.get(row["record_id"])
        if line is not None:
            kind = row["kind"]
            truth[(line, kind)].append(folder(kind)(row["value"]))
    read = defaultdict(list)
    rows = list(csv.DictReader(open(read_path, encoding="utf-8")))
    zero_based = any(r["line"] == "0" for r in rows)
    for r in rows:
        line = int(r["line"]) + (1 if zero_based else 0)
        kind = r["kind"]
        read[(line, kind)].append(read_forms(kind, r.get("normalised") or "", r.get("text") or ""))
    kinds = sorted({k for _, k in truth} | {k for _, k in read})
    totals = [0, 0, 0, 0]
    print(f"Notes: {len(ids)}; lines numbered from {'0' if zero_based else '1'} by the reader")
    print()
    print("| kind | true values | values read | read correctly | precision | recall |")
    print("|---|---|---|---|---|---|")
    for kind in kinds:
        n_true = n_read = ok_read = ok_true = 0
        for key in {k for k in truth if k[1] == kind} | {k for k in read if k[1] == kind}:
            t, r = truth.get(key, []), read.get(key, [])
            n_true += len(t)
            n_read += len(r)
            ok_read += sum(1 for v in r if any(same(kind, u, v) for u in t))
            ok_true += sum(1 for u in t if any(same(kind, u, v) for v in r))
        p = f"{ok_read / n_read:.3f}" if n_read and n_true else "-"
        rc = f"{ok_true / n_true:.3f}" if n_true else "-"
        note = "" if n_true else " (kind not in the truth)"
        print(f"| {kind}{note} | {n_true} | {n_read} | {ok_read} | {p} | {rc} |")
        if n_true:
            totals = [totals[0] + n_true, totals[1] + n_read, totals[2] + ok_read,
                      totals[3] + ok_true]
    n_true, n_read, ok_read, ok_true = totals
    p = f"{ok_read / n_read:.3f}" if n_read else "-"
    rc = f"{ok_true / n_true:.3f}" if n_true else "-"
    print(f"| all kinds of the truth | {n_true} | {n_read} | {ok_read} | {p} | {rc} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Prints the words that tie a speaker to a quotation in the PolNeAR training split.

Used to start the reporting-verb list in verbs.rs (which was then filtered by hand to verbs of
saying and writing and completed with their other forms). Only the word counts are printed;
no corpus text is kept.

usage: python3 gen_verbs.py ../../../../../shared/data/train/polnear_train.jsonl [MIN_COUNT]

Source: PolNeAR (networkdynamics), articles copyright their publishers, research use.
"""
import collections
import json
import re
import sys

SKIP = {
    "also", "then", "later", "has", "had", "have", "was", "is", "once", "again", "previously",
    "recently", "further", "repeatedly", "would", "will", "even", "famously", "reportedly",
    "never", "often", "similarly", "earlier", "additionally", "just", "publicly", "specifically",
    "last", "first", "both", "all", "not",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def main(path, min_count=3):
    after, before = collections.Counter(), collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            t = d["text"]
            for q in d["quotes"]:
                sp = q.get("speaker")
                if not sp:
                    continue
                # The word after the speaker ("Chen said"), skipping auxiliaries and adverbs.
                for w in (w.lower() for w in WORD.findall(t[sp["end"]:sp["end"] + 40])[:3]):
                    if w not in SKIP:
                        after[w] += 1
                        break
                # The word before it ("said Chen").
                ws = WORD.findall(t[max(0, sp["start"] - 25):sp["start"]])
                if ws:
                    before[ws[-1].lower()] += 1
    for name, counter in (("after speaker", after), ("before speaker", before)):
        print(f"# {name}")
        for w, n in counter.most_common():
            if n >= min_count:
                print(f"{n}\t{w}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)

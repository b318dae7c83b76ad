#!/bin/bash
# Usage: scripts/bench-instructions.sh [TARGET_DIR] [ARTICLES.jsonl]   (from the repository
# root; needs valgrind)
# Builds the stages bench (release) and prints callgrind instruction counts (exact, unaffected
# by other load on the machine) for each pipeline stage on 1 MB of the sample articles, or on
# each article of a JSONL file of {"text": ...} lines in turn.
# Writes the full profile to $TARGET_DIR/cg.out (`callgrind_annotate $TARGET_DIR/cg.out` lists
# per-function self cost). For per-source-line costs, build separately with
# CARGO_PROFILE_RELEASE_DEBUG=line-tables-only and use `callgrind_annotate --auto=yes`.
set -e
td=${1:-target}
cargo build --release -q -p apostil-bench --bin stages --target-dir "$td"
valgrind --tool=callgrind --callgrind-out-file="$td/cg.out" "$td/release/stages" 1 1 ${2:+"$2"} >/dev/null 2>"$td/cg.log"
callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$td/cg.out" 2>/dev/null | python3 -c '
import re,sys
want=["text::Prepared::new","entities::patterns::find_with","entities::names::recognize_with","entities::names::Tagger::mentions","entities::names::rules::add_rule_mentions","entities::names::consistency::apply","entities::merge","clusters::build","quotes::find","entities::names::gazetteer::Gazetteer::parse"]
tot=None; got={}
for line in sys.stdin:
    m=re.match(r"\s*([\d,]+) .*PROGRAM TOTALS",line)
    if m: tot=int(m.group(1).replace(",",""))
    m=re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*:apostil_core::(\S+)\s",line)
    if m and m.group(2) in want and m.group(2) not in got: got[m.group(2)]=int(m.group(1).replace(",",""))
    # recognize_with may be inlined into the trait method.
    m=re.match(r"\s*([\d,]+) .*DefaultNames as apostil_core::entities::NameRecognizer>::recognize\s",line)
    if m: got.setdefault("trait recognize",int(m.group(1).replace(",","")))
print("total instructions (incl. one-off model load): %14d" % tot)
got.setdefault("entities::names::recognize_with",got.get("trait recognize",0))
for k in want: print("%14d  %s" % (got.get(k,0),k))
'

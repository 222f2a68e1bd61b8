#!/usr/bin/env python3
"""Compare fiscal-cn's bulk roll-up and CSV ingest with DuckDB on the same data, same machine.

    pip install duckdb
    python3 benches/compare_duckdb.py --rows 10000000 [--seed 42] [--repeat 5] [--dir /tmp]

Generates the CSV with `examples/gen_ledger`, then times (best of --repeat, load excluded):
  * DuckDB `read_csv` into a DECIMAL(18,2) table vs `ingest_csv` (file bytes already in memory);
  * DuckDB `GROUP BY ROLLUP(类, 款, 项)` over the DECIMAL(18,2) table vs `BulkLedger::rollup`.
Prints both timings, the throughput ratio and whether the grand totals agree. Not part of
`cargo test` or CI.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import duckdb


def best(repeat, job):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = job()
        times.append((time.perf_counter() - start) * 1e3)
    return min(times), value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dir", default="/tmp")
    args = ap.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    csv = os.path.join(args.dir, f"fiscal_cn_{args.rows}_{args.seed}.csv")
    cargo = ["cargo", "run", "--quiet", "--release", "--features", "csv", "--example"]
    if not os.path.exists(csv):
        subprocess.run(cargo + ["gen_ledger", "--", "--rows", str(args.rows), "--seed",
                                str(args.seed), "--out", csv], cwd=root, check=True)
    size = os.path.getsize(csv)

    ours = json.loads(subprocess.run(
        cargo + ["bench_rollup", "--", "--csv", csv, "--repeat", str(args.repeat)],
        cwd=root, check=True, capture_output=True, text=True).stdout)

    con = duckdb.connect()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    columns = ("{'unit': 'UINTEGER', 'function': 'UINTEGER', 'economic': 'UINTEGER', "
               "'kind': 'VARCHAR', 'source': 'VARCHAR', 'amount': 'DECIMAL(18,2)'}")

    def load():
        con.execute(f"CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('{csv}', header = true, "
                    f"columns = {columns})")
        return con.execute("SELECT count(*) FROM t").fetchone()[0]

    load_ms, count = best(args.repeat, load)
    query = """
        SELECT function // 10000 AS lei, function // 100 AS kuan, function AS xiang,
               sum(amount) AS amount
        FROM t GROUP BY ROLLUP (lei, kuan, xiang)
    """
    rollup_ms, rows = best(args.repeat, lambda: con.execute(query).fetchall())
    duck_total = next(str(r[3]) for r in rows if r[0] is None)

    result = {
        "rows": count,
        "csv_bytes": size,
        "duckdb_threads": threads,
        "ours_threads": ours["threads"],
        "rollup_ms": {"duckdb": round(rollup_ms, 3), "ours": ours["rollup_ms"],
                      "ours_speedup": round(rollup_ms / ours["rollup_ms"], 2)},
        "ingest_ms": {"duckdb": round(load_ms, 3), "ours": ours["ingest_ms"],
                      "ours_speedup": round(load_ms / ours["ingest_ms"], 2)},
        "groups": {"duckdb": len(rows), "ours": ours["groups"] + 1},
        "totals_agree": duck_total == ours["total"],
        "total": ours["total"],
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not result["totals_agree"]:
        print(f"totals differ: duckdb {duck_total} vs ours {ours['total']}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

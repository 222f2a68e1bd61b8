#!/usr/bin/env python3
"""fiscal-cn side by side with DuckDB and polars: CSV ingest and the 项/款/类/total roll-up.

    pip install duckdb polars
    python3 benches/compare_duckdb.py --rows 10000000 [--seed 42] [--rounds 7] [--threads 2] [--dir /tmp]

One driver, contestants alternating round by round (the order rotates every round), so a
machine whose load changes during the run slows every contestant alike; each round gives a
paired ratio (peer time / fiscal-cn time: above 1 means fiscal-cn is faster) and the report is
the median and range of those ratios, with the load average before and after.

* Ingest is timed **from the file** on every side (the file is read once first, so it is in
  the page cache for all): fiscal-cn `ingest_csv_path` (read + parse + validate every code,
  amount and ledger rule), DuckDB `CREATE TABLE ... AS SELECT * FROM read_csv(...)` with
  explicit typed columns, polars `pl.read_csv` with explicit dtypes.
* DuckDB gets its best form: `threads` set to the crate's thread count,
  `preserve_insertion_order=false`, integer-coded unit/function/economic columns (the crate
  interns them to integer ids), `ENUM` columns for kind and source (the crate packs them in a
  byte), amounts as `DECIMAL(18,2)` (an `int64` of 分 inside, as the crate keeps them). Its
  roll-up time is the faster of two queries per round: `GROUP BY ROLLUP` over the table and a
  `GROUP BY function` first, rolled up over the small result.
* polars (`POLARS_MAX_THREADS` set to the same thread count before import): `read_csv` with
  `UInt32`, `Enum` and `Decimal(18, 2)` dtypes; the roll-up is `group_by("function")` then
  `group_by` of the derived 款 and 类 over that result.
* Every group sum of the roll-up (each 类, 款, 项 and the total) is compared across the three;
  any difference exits with status 1 and says which groups differ.

fiscal-cn runs as `examples/bench_rollup` (a subprocess per round, `--repeat 1`; its timings are
taken inside the process, as the peers' are taken inside this one). Prints a JSON summary.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

KINDS = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]


def load_avg():
    return [round(x, 2) for x in os.getloadavg()]


def summary(ratios):
    return {"median": round(statistics.median(ratios), 2), "min": round(min(ratios), 2),
            "max": round(max(ratios), 2), "rounds": [round(r, 2) for r in ratios]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dir", default="/tmp")
    ap.add_argument("--ours-bin", default=None,
                    help="a prebuilt bench_rollup binary (default: cargo build --release)")
    args = ap.parse_args()

    os.environ["POLARS_MAX_THREADS"] = str(args.threads)
    import duckdb
    import polars as pl

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    csv = os.path.join(args.dir, f"fiscal_cn_{args.rows}_{args.seed}.csv")
    cargo = ["cargo", "run", "--quiet", "--release", "--features", "csv", "--example"]
    if not os.path.exists(csv):
        subprocess.run(cargo + ["gen_ledger", "--", "--rows", str(args.rows), "--seed",
                                str(args.seed), "--out", csv], cwd=root, check=True)
    ours_bin = args.ours_bin
    if ours_bin is None:
        subprocess.run(["cargo", "build", "--quiet", "--release", "--features", "csv",
                        "--example", "bench_rollup"], cwd=root, check=True)
        ours_bin = os.path.join(root, "target", "release", "examples", "bench_rollup")
    size = os.path.getsize(csv)
    with open(csv, "rb") as f:  # into the page cache, for every side alike
        while f.read(1 << 24):
            pass

    # Every source name the crate knows, so that ENUM parsing never fails on a rare one.
    sources = sorted({"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入",
                      "国有资本经营预算财政拨款收入", "事业收入", "经营收入", "附属单位上缴收入",
                      "上级补助收入", "其他收入", "财政专户管理资金", "单位资金"})

    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    con.execute("SET preserve_insertion_order = false")
    enum = lambda values: "ENUM(" + ", ".join("'" + v + "'" for v in values) + ")"
    con.execute(f"CREATE TYPE kind_t AS {enum(KINDS)}")
    con.execute(f"CREATE TYPE source_t AS {enum(sources)}")
    columns = ("{'unit': 'UINTEGER', 'function': 'UINTEGER', 'economic': 'UINTEGER', "
               "'kind': 'kind_t', 'source': 'source_t', 'amount': 'DECIMAL(18,2)'}")

    def duck_ingest():
        con.execute(f"CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('{csv}', header = true, "
                    f"columns = {columns}, auto_detect = false)")
        return con.execute("SELECT count(*) FROM t").fetchone()[0]

    duck_queries = [
        """SELECT function // 10000 AS lei, function // 100 AS kuan, function AS xiang,
                  sum(amount) FROM t GROUP BY ROLLUP (lei, kuan, xiang)""",
        """WITH x AS (SELECT function, sum(amount) AS s FROM t GROUP BY function)
           SELECT function // 10000 AS lei, function // 100 AS kuan, function AS xiang, sum(s)
           FROM x GROUP BY ROLLUP (lei, kuan, xiang)""",
    ]

    def duck_groups(rows):
        out = {}
        for lei, kuan, xiang, s in rows:
            key = "total" if lei is None else str(lei if kuan is None else kuan if xiang is None else xiang)
            out[key] = Decimal(s)
        return out

    schema = {"unit": pl.UInt32, "function": pl.UInt32, "economic": pl.UInt32,
              "kind": pl.Enum(KINDS), "source": pl.Enum(sources), "amount": pl.Decimal(18, 2)}
    frame = {}

    def polars_ingest():
        frame["df"] = pl.read_csv(csv, schema=schema)
        return frame["df"].height

    def polars_rollup():
        x = frame["df"].group_by("function").agg(pl.col("amount").sum())
        kuan = x.group_by((pl.col("function") // 100).alias("function")).agg(pl.col("amount").sum())
        lei = x.group_by((pl.col("function") // 10000).alias("function")).agg(pl.col("amount").sum())
        total = x["amount"].sum()
        return x, kuan, lei, total

    def polars_groups(result):
        x, kuan, lei, total = result
        out = {"total": Decimal(total)}
        for part in (x, kuan, lei):
            for code, s in part.iter_rows():
                out[str(code)] = Decimal(s)
        return out

    def timed(job):
        start = time.perf_counter()
        value = job()
        return (time.perf_counter() - start) * 1e3, value

    sums_file = tempfile.NamedTemporaryFile(suffix=".csv", delete=False).name

    def ours():
        out = subprocess.run([ours_bin, "--csv", csv, "--repeat", "1", "--threads",
                              str(args.threads), "--sums", sums_file],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    load_before = load_avg()
    rounds = []
    mismatches = []
    for r in range(args.rounds):
        result = {"load": load_avg()}
        contestants = ["ours", "duckdb", "polars"]
        order = contestants[r % 3:] + contestants[:r % 3]
        for who in order:
            if who == "ours":
                o = ours()
                result["ours"] = {"ingest_ms": o["ingest_ms"], "rollup_ms": o["rollup_ms"],
                                  "plain_sum_ms": o["plain_sum_ms"], "rows": o["rows"]}
                with open(sums_file, encoding="utf-8") as f:
                    groups = {k: Decimal(v) for k, v in (line.strip().split(",") for line in f)}
                result["ours_groups"] = groups
            elif who == "duckdb":
                ingest_ms, count = timed(duck_ingest)
                times = [timed(lambda q=q: con.execute(q).fetchall()) for q in duck_queries]
                best = min(times, key=lambda t: t[0])
                result["duckdb"] = {"ingest_ms": ingest_ms, "rollup_ms": best[0], "rows": count,
                                    "rollup_ms_each": [t[0] for t in times]}
                result["duckdb_groups"] = [duck_groups(t[1]) for t in times]
            else:
                ingest_ms, count = timed(polars_ingest)
                rollup_ms, value = timed(polars_rollup)
                result["polars"] = {"ingest_ms": ingest_ms, "rollup_ms": rollup_ms, "rows": count}
                result["polars_groups"] = polars_groups(value)
        ours_groups = result.pop("ours_groups")
        others = [("duckdb ROLLUP", result["duckdb_groups"][0]),
                  ("duckdb pre-aggregated", result["duckdb_groups"][1]),
                  ("polars", result.pop("polars_groups"))]
        del result["duckdb_groups"]
        for name, groups in others:
            if groups != ours_groups:
                keys = sorted(set(groups) | set(ours_groups))
                diff = [k for k in keys if groups.get(k) != ours_groups.get(k)]
                mismatches.append(f"round {r + 1}: {name} differs from fiscal-cn in {len(diff)} "
                                  f"groups, e.g. {diff[:5]}")
        rows = {result[w]["rows"] for w in contestants}
        if len(rows) != 1:
            mismatches.append(f"round {r + 1}: row counts differ: {rows}")
        result["groups"] = len(ours_groups)
        rounds.append(result)
        print(f"round {r + 1}: " + json.dumps({w: {k: round(v, 1) for k, v in result[w].items()
                                                     if k.endswith("_ms")} for w in contestants}),
              file=sys.stderr)
    load_after = load_avg()
    os.unlink(sums_file)

    def ratios(op, peer):
        return summary([r[peer][op] / r["ours"][op] for r in rounds])

    def ms(op, who):
        return round(statistics.median(r[who][op] for r in rounds), 1)

    report = {
        "rows": rounds[0]["ours"]["rows"],
        "csv_bytes": size,
        "threads": args.threads,
        "rounds": args.rounds,
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": load_after,
        "load_per_round": [r["load"][0] for r in rounds],
        "groups_compared": rounds[0]["groups"],
        "all_group_sums_equal": not mismatches,
        "median_ms": {op: {w: ms(op, w) for w in ("ours", "duckdb", "polars")}
                      for op in ("ingest_ms", "rollup_ms")},
        "speedup_vs_duckdb": {"ingest": ratios("ingest_ms", "duckdb"),
                              "rollup": ratios("rollup_ms", "duckdb")},
        "speedup_vs_polars": {"ingest": ratios("ingest_ms", "polars"),
                              "rollup": ratios("rollup_ms", "polars")},
        # fiscal-cn's roll-up (all threads) over one thread's plain sum of as many bytes.
        "rollup_over_plain_sum": summary([r["ours"]["rollup_ms"] / r["ours"]["plain_sum_ms"]
                                          for r in rounds]),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if mismatches:
        print("GROUP SUMS DIFFER:\n" + "\n".join(mismatches), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Human-readable reports of a CorpusScore."""

from __future__ import annotations

from evaluation.scorer import CorpusScore


def table(score: CorpusScore) -> str:
    header = f"{'field':<26}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [header, "-" * len(header)]
    for row in score.row_names():
        c = score.rows[row]
        if row == "total":
            lines.append("-" * len(header))
        lines.append(f"{row:<26}{c.gold:>6}{c.pred:>6}{c.tp:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    return "\n".join(lines)


def per_article(score: CorpusScore) -> str:
    """Each article's misses (gold not found) and false hits (predicted, not in gold)."""
    out = []
    for ident, rows in score.articles.items():
        problems = []
        for row in rows:
            result = rows[row]
            for miss in result.misses:
                problems.append(f"  {row:<26} miss       {miss}")
            for hit in result.false_hits:
                problems.append(f"  {row:<26} false hit  {hit}")
        if problems:
            out.append(f"== {ident}")
            out.extend(problems)
    return "\n".join(out) if out else "no misses and no false hits"

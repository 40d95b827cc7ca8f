"""Claims and briefs as text: a rich table and Markdown (the brief's default; its HTML page is claimgraph.serve's template)."""
from __future__ import annotations

from typing import Any, Optional

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from claimgraph.display import cell, md, md_link, plain
from claimgraph.graph.brief_tidy import row_key
from claimgraph.graph.cue_names import is_cue_words
from claimgraph.graph.denials import ASSERTED
from claimgraph.graph.firmness import SAID, SHORT, STATEMENT_SECTIONS, UNASSERTED, is_headline, row_level
from claimgraph.graph.press import PRESS_REPORT
from claimgraph.graph.speakers import AS_SOURCE

from claimgraph.model.claims import Brief, ChainLink, ClaimSummary, Evidence

QUOTE_MAX = 300
# A claim's supporting rows that only warn or make demands of its actor (graph.firmness.warning): shown apart.
WARNED = "warns"
WARNED_TITLE = "Warnings and demands addressed to the actor (context, not evidence of the claim)"
# A passage quoted in full under an earlier claim of a brief is recalled by this many characters.
SHORT_QUOTE = 60
# The closing note of every brief (Markdown here, HTML in claimgraph.serve's template).
ORIGINS_NOTE = ("Origins count independent sources: relays of one wire story, copies and translations count once; "
                "an unnamed source counts as the outlet that quotes it; an unidentified press report "
                "(\"media reports\", \"selon la presse\") counts only when no named origin carried the claim "
                "on or before its date. Firm = at least one supporting mention states it as certain.")


# Narrower than this, the claims table's ten columns would be cut to a few letters each: claims are listed
# one block each instead.
TABLE_MIN_WIDTH = 110
# A claim told by hundreds of outlets would fill a screen with names: the text views name this many origins
# (or deniers), then say how many more (`claims --format json` keeps them all).
NAMES_SHOWN = 8


def named(voices: list[Any]) -> str:
    """Voices' names joined, at most NAMES_SHOWN of them, then how many more."""
    names = [v.name for v in voices]
    more = len(names) - NAMES_SHOWN
    return "; ".join(names[:NAMES_SHOWN]) + (f" and {more} more" if more > 0 else "")


def claims_view(claims: list[ClaimSummary], width: int) -> Any:
    """`claims_table`, or in a narrow terminal one block of lines per claim (nothing cut to a few letters)."""
    if width >= TABLE_MIN_WIDTH:
        return claims_table(claims)
    blocks: list[Any] = [Text(f"{len(claims)} claims", style="bold")]
    for c in claims:
        lines = [f"{c.id} · {c.type} · {c.status}", f"origins: {named(c.origins) or 'none'}"]
        if c.denied_by:
            lines.append(f"denied by: {named(c.denied_by)}")
        lines.append(f"{len(c.articles)} article(s) in {', '.join(c.languages)}, {c.first_seen or '?'} to "
                     f"{c.last_seen or '?'}")
        blocks += [Text(plain(c.label), style="bold"), Padding(Text(plain("\n".join(lines))), (0, 0, 0, 2), expand=False)]
    return Group(*blocks)


def claims_table(claims: list[ClaimSummary]) -> Table:
    table = Table(title=f"{len(claims)} claims", show_lines=False)
    for column in ("claim", "type", "what", "origins", "articles", "lang", "first", "last", "denied by", "status"):
        table.add_column(column, overflow="fold")
    for c in claims:
        table.add_row(*map(cell, (c.id, c.type, c.label, named(c.origins), len(c.articles),
                                  ",".join(c.languages), c.first_seen or "", c.last_seen or "",
                                  named(c.denied_by), c.status)))
    return table


def _quote(evidence: Evidence) -> str:
    text = " ".join(evidence.quote.text.split())
    return md(text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX - 1] + "…")


def short_quote(evidence: Evidence) -> str:
    """A passage quoted in full above, recalled by its first words."""
    text = " ".join(evidence.quote.text.split())
    return text if len(text) <= SHORT_QUOTE else text[:SHORT_QUOTE].rsplit(" ", 1)[0] + " …"


def quoted_under(label: str) -> str:
    """ "(quoted in full above, under «China supplies …»)" """
    cut = label if len(label) <= SHORT_QUOTE else label[:SHORT_QUOTE].rsplit(" ", 1)[0] + " …"
    return f"(quoted in full above, under «{cut}»)"


def _where(evidence: Evidence) -> str:
    outlet = evidence.outlet or (evidence.title or evidence.document_id[:12])
    link = md_link(outlet, evidence.url)
    return (f"{link}, {md(evidence.date or 'undated')}, {md(evidence.lang)}, `{evidence.document_id[:12]}` "
            f"{md(evidence.record_id or '')} chars {evidence.quote.start}-{evidence.quote.end}")


def _not_counted(evidence: Evidence, statement: bool = False) -> str:
    """Why a shown row counts for nothing: it asks or supposes, or it only hedges a denial."""
    if evidence.stance == "supports" and evidence.certainty == "underspecified":
        return " (asked, supposed or speculation: not counted)"
    if evidence.stance != "supports" and evidence.certainty not in ASSERTED:
        return " (hedged: not counted as a denial)"
    if evidence.stance == "supports" and evidence.certainty in ("certain", "probable"):
        level = row_level(evidence, statement)
        if level == "possible":
            return " (conditional wording: not stated as fact)"
        if level == "headline" or (level == "certain" and is_headline(evidence)):
            return " (the outlet's own headline: not stated as fact by itself)"
    return ""


def _uncounted_node(node: dict[str, Any]) -> str:
    """Why an article of a relay tree counts for nothing (graph.detail: a question, or a hedged denial), or ""."""
    if node.get("counted") is not False:
        return ""
    return " (asked or supposed: not counted)" if node.get("stance") == "supports" else " (hedged: not counted)"


def _tree_lines(node: dict[str, Any], depth: int) -> list[str]:
    pad = "  " * depth
    if node["kind"] == "article":
        quote = node.get("quote") or {}
        speaker = f", as «{md(node['speaker'])}»" if node.get("speaker") else ""
        line = (f"{pad}- article `{(node.get('document_id') or '')[:12]}` {md(node['label'])}, "
                f"{md(node.get('date') or 'undated')}, {node.get('stance')}{_uncounted_node(node)}{speaker}, "
                f"chars {quote.get('start')}-{quote.get('end')}")
    else:
        line = f"{pad}- {md(node['label'])}" + (" (relay)" if node["kind"] == "relay" else "")
    out = [line]
    for child in node.get("children", []):
        out += _tree_lines(child, depth + 1)
    return out


def extras_markdown(details: Optional[dict[str, Any]]) -> list[str]:
    """A claim's relay trees (origin -> relays -> articles) and its timeline by month."""
    if not details:
        return []
    lines = []
    if details.get("timeline"):
        lines.append("Timeline (articles for / against): " + "; ".join(
            f"{t['month']} {t['supports']}/{t['denies']}" for t in details["timeline"]))
        lines.append("")
    if details.get("relay_trees"):
        lines.append("Relay tree:")
        lines.append("")
        for tree in details["relay_trees"]:
            lines += _tree_lines(tree, 0)
        lines.append("")
    return lines


def link_text(link: ChainLink) -> str:
    """A chain link's words as shown: a hedge adverb or agentless verb form the extraction keeps as its source
    ("reportedly", "are believed": annotation guide 1.3) names no one, and says so ("no one named («reportedly»)")."""
    return f"no one named («{link.text}»)" if not link.name and is_cue_words(link.text) else link.text


def _chain(evidence: Evidence) -> str:
    return " ← ".join(md(link_text(link)) + (f" \\[{md(link.name)}\\]" if link.name and link.name != link.text else "")
                      for link in evidence.chain) or "the article itself"


def evidence_note(evidence: Evidence, claim: ClaimSummary) -> str:
    """Why a shown row counts for less than it seems ("(the outlet's own headline: ...)"), or "" (Markdown and
    the HTML pages alike). A denial's own rows are not read for firmness: it is answered, not alleged."""
    note = _not_counted(evidence, claim.type == "STATEMENT") if claim.type != "DENY" else ""
    return (_uncounted(evidence, claim) + note).strip()


def _uncounted(evidence: Evidence, claim: ClaimSummary) -> str:
    """A note on a press report the claim's origins leave out (a named origin carried the claim first)."""
    counted = {o.key for o in (claim.origins if evidence.stance == "supports" else claim.denied_by)}
    if evidence.origin.type != PRESS_REPORT or evidence.origin.key in counted:
        return ""
    return " (unidentified press report: not counted, a named origin carried the claim first)"


def brief_status(claim: ClaimSummary, details: Optional[dict[str, Any]]) -> str:
    """The claim's status, its firmness as the brief reads it (graph.firmness) when it has one."""
    level = ((details or {}).get("firmness") or {}).get("level")
    if level not in SAID:
        return claim.status
    n = len(claim.origins)
    denied = f", denied by {len(claim.denied_by)}" if claim.denied_by else ""
    asserted = f"asserted by {n} independent origin{'s' if n != 1 else ''}" if n else "no independent origin asserts it"
    return (f"{asserted}{denied}; {SAID[level]}"
            f"{', single-sourced' if claim.single_sourced else ''}")


def brief_firmness(claim: ClaimSummary, details: Optional[dict[str, Any]]) -> str:
    level = ((details or {}).get("firmness") or {}).get("level")
    return SHORT.get(level, "hedged" if claim.hedged else "firm") if level else ("hedged" if claim.hedged else "firm")


def claim_markdown(claim: ClaimSummary, details: Optional[dict[str, Any]] = None) -> list[str]:
    lines = [f"### {md(claim.label)}", "",
             f"`{claim.id}` · {claim.type} · **{brief_status(claim, details)}** · first seen {claim.first_seen or '?'}, "
             f"last seen {claim.last_seen or '?'} · {len(claim.articles)} article(s) in {', '.join(claim.languages)}", ""]
    lines.append("**Independent origins:** " + ("; ".join(md(o.name) for o in claim.origins) or "none"))
    if claim.denied_by:
        lines.append("")
        lines.append("**Denied by:** " + "; ".join(md(o.name) for o in claim.denied_by))
    lines.append("")
    lines += extras_markdown(details)
    warned = set((details or {}).get("warnings") or ())
    for stance, title in (("supports", "For"), (WARNED, WARNED_TITLE), ("denies", "Against")):
        items = [e for e in claim.evidence if (e.stance == "supports" if stance == WARNED else e.stance == stance)
                 and (row_key(e) in warned) == (stance == WARNED)]
        if not items:
            continue
        lines.append(f"{title}:")
        lines.append("")
        above = (details or {}).get("quoted_above") or {}
        for e in items:
            origin = md(e.origin.name) + ("" if stance == WARNED else
                                          _uncounted(e, claim) + _not_counted(e, claim.type == "STATEMENT"))
            first = above.get(row_key(e))
            quote = f"“{_quote(e)}”" if first is None else f"“{md(short_quote(e))}” {md(quoted_under(first))}"
            lines.append(f"- {e.date or 'undated'} · *{e.certainty}* · {origin} — {quote}  ")
            lines.append(f"  chain: {_chain(e)} · {_where(e)}")
        lines.append("")
    if claim.more_evidence:
        lines.append(f"*{claim.more_evidence} more piece(s) of evidence not shown: the first of each stance are "
                     f"(`claimgraph claims --format json --evidence` lists them all).*")
        lines.append("")
    return lines


def is_speaker_brief(brief: Brief) -> bool:
    """A brief for a source the store knows only as a speaker (graph.speakers): what it says and denies."""
    return bool(brief.matched) and brief.matched[0].endswith(AS_SOURCE)


# Narrower than this (a terminal's columns), the brief's seven-column glance table is a list, one claim a line.
GLANCE_MIN_WIDTH = 100


def _glance_firmness(brief: Brief, claim: ClaimSummary) -> str:
    """A claim's firmness in the glance table or list, "(single source)" after it when one origin carries it."""
    return f"{brief_firmness(claim, brief.details.get(claim.id))}{' (single source)' if claim.single_sourced else ''}"


def brief_markdown(brief: Brief, width: Optional[int] = None) -> str:
    """The brief as Markdown; `width`: the terminal's, when it is laid out on one (a narrow one gets the glance as a
    list, not a table cut to a few letters a column)."""
    by_id = {c.id: c for c in brief.claims}
    lines = [f"# Evidence brief: {md(brief.question)}", ""]
    lines.append("Read as about: " + (", ".join(map(md, brief.matched)) or "nothing named; matched by meaning") + ".")
    lines.append("")
    if brief.verdict:
        sentences = brief.verdict.split("\n")
        shown = [f"- {line}" for line in sentences] if len(sentences) > 1 else sentences
        lines += ["## Verdict", "", *shown, ""]
    speaker = is_speaker_brief(brief)
    if not brief.claims and not brief.denials:
        if not brief.verdict:
            lines.append("No evidence found: no stored claim answers this question.")
        return "\n".join(lines) + "\n"
    if brief.claims:
        lines.append(f"## {'Claims' if speaker else 'Allegations'} at a glance, most evidenced first")
        lines.append("")
        if width is not None and width < GLANCE_MIN_WIDTH:
            for c in brief.claims:
                lines.append(f"- **{md(c.label)}**: {len(c.origins)} origin{'s' if len(c.origins) != 1 else ''}, "
                             f"denied by {len(c.denied_by)}, {len(c.articles)} article{'s' if len(c.articles) != 1 else ''}"
                             f" ({', '.join(c.languages)}), first seen {c.first_seen or '?'}, "
                             f"{_glance_firmness(brief, c)}")
            lines.append("")
        else:
            lines.append("| claim | origins | denied by | articles | languages | first seen | firmness |")
            lines.append("|---|---|---|---|---|---|---|")
            for c in brief.claims:
                lines.append(f"| {md(c.label)} | {len(c.origins)} | {len(c.denied_by)} | {len(c.articles)} | "
                             f"{', '.join(c.languages)} | {c.first_seen or '?'} | "
                             f"{_glance_firmness(brief, c)} |")
            lines.append("")
    for actor, ids in brief.sections:
        plain_heading = speaker or actor == UNASSERTED or actor.startswith(STATEMENT_SECTIONS)
        lines.append(f"## {md(actor)}" if plain_heading else f"## Alleged actor: {md(actor)}")
        lines.append("")
        for claim_id in ids:
            lines += claim_markdown(by_id[claim_id], brief.details.get(claim_id))
    if brief.denials and speaker:
        lines += ["## What it denies", "", "Claims of others it answers, with its own words against them.", ""]
        for claim in brief.denials:
            lines += claim_markdown(claim, brief.details.get(claim.id))
    elif brief.denials:
        lines.append("## Denials")
        lines.append("")
        lines.append("What the parties in question say: their denials and their own statements, in their words "
                     "(a denial is also listed under each allegation it answers).")
        lines.append("")
        for denial in brief.denials:
            lines += denial_markdown(denial)
    lines.append("---")
    lines.append(ORIGINS_NOTE)
    return "\n".join(lines) + "\n"


def denial_markdown(denial: ClaimSummary) -> list[str]:
    """A denial claim in short: who denies, where, and its quotes."""
    who = "; ".join(md(o.name) for o in (denial.origins or denial.denied_by)) or "no named party"
    lines = [f"### {md(denial.label)}", "",
             f"`{denial.id}` · {denial.type} · said by **{who}** · {len(denial.articles)} article(s) in "
             f"{', '.join(denial.languages)} · {denial.first_seen or '?'} to {denial.last_seen or '?'}", ""]
    for e in denial.evidence:
        lines.append(f"- {e.date or 'undated'} · *{e.certainty}* · {md(e.origin.name)}{_not_counted(e) if e.stance != 'supports' else ''}"
                     f" — “{_quote(e)}”  ")
        lines.append(f"  chain: {_chain(e)} · {_where(e)}")
    lines.append("")
    return lines

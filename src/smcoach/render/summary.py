"""The appointment summary as Markdown (CommonMark with pipe tables) or as one printable,
self-contained HTML page.

Both are made from one small document model (sections of paragraphs, lists and tables of
plain text), so the two formats always say the same thing. All the wording comes from the
catalogue (smcoach.messages); every piece of text, the catalogue's and the person's alike, is
escaped for the format as it is written out:

- first on one line, with control characters, bidirectional marks and line breaks shown as
  escapes (safe_text.one_line), so a stored note cannot start a line of its own;
- in Markdown, each character that could start markup (links, images, raw HTML, entities,
  emphasis, code, table cells, math) is backslash-escaped, as are the characters that could
  start a list, quote or heading at the start of a text, and the ':' of 'scheme://' and the
  '.' of 'www.' (so renderers that turn bare addresses into links do not);
- in HTML, html.escape, and ':', '(', ')' and '@' as character references, so that no text in
  the page reads as an address or a style function to anything that scans it.

The HTML page loads nothing: no scripts, fonts, images or links, and a Content-Security-Policy
that forbids them all; the style is inline, with print rules for A4 and Letter. Meaning never
rests on colour alone: the focus, which way is better and every gap are said in words.
"""

import re
from typing import TYPE_CHECKING, NamedTuple

from smcoach import i18n
from smcoach.messages import t
from smcoach.safe_text import one_line

if TYPE_CHECKING:
    from smcoach.domain.summary import OpenProblem, PlanThisWeek, Summary, TrendWeek

GAP = "–"  # a week or value with nothing recorded: a gap, never zero


# --- the document model -------------------------------------------------------------------------


class Para(NamedTuple):
    text: str
    note: bool = False  # an explanation or an empty section, shown quieter


class Item(NamedTuple):
    text: str
    strong: bool = False
    children: tuple[str, ...] = ()


class Bullets(NamedTuple):
    items: tuple[Item, ...]


class Grid(NamedTuple):
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns of numbers: aligned right


Block = Para | Bullets | Grid


class Section(NamedTuple):
    anchor: str  # an id for the HTML heading
    heading: str
    blocks: tuple[Block, ...]


class Document(NamedTuple):
    title: str
    made: str
    sections: tuple[Section, ...]
    footer: str


def document(summary: "Summary") -> Document:
    """The summary as sections of plain text, in the order a clinician reads it."""
    day = summary.made.isoformat()
    return Document(
        title=t("summary.title"),
        made=t("summary.made", day=day),
        sections=(
            Section("agenda", t("summary.agenda"), _agenda(summary)),
            Section("goals", t("summary.goals"), _goals(summary)),
            Section("plans", t("summary.plans"), _plans(summary)),
            Section("trends", _trends_heading(summary), _trends(summary)),
            Section("symptoms", _symptoms_heading(summary), _symptoms(summary)),
            Section("problems", t("summary.problems"), _problems(summary)),
            Section("selfefficacy", t("summary.selfefficacy"), _selfefficacy(summary)),
            Section("questions", t("summary.questions"), _questions(summary)),
        ),
        footer=t("summary.footer", day=day),
    )


def _number(value: float | None) -> str:
    return GAP if value is None else i18n.decimal_text(value)


def _agenda(s: "Summary") -> tuple[Block, ...]:
    if not s.agenda:
        return (Para(t("summary.agenda_none"), note=True),)
    items = tuple(
        Item(t("summary.agenda_focus", text=i.text), strong=True) if i.focus else Item(i.text)
        for i in s.agenda
    )
    blocks: tuple[Block, ...] = (Bullets(items),)
    if not any(i.focus for i in s.agenda):
        blocks += (Para(t("summary.agenda_no_focus"), note=True),)
    return blocks


def _goals(s: "Summary") -> tuple[Block, ...]:
    if not s.goals:
        return (Para(t("summary.goals_none"), note=True),)
    return (
        Bullets(
            tuple(
                Item(t("summary.goal_by", text=g.text, by=g.by.isoformat()) if g.by else g.text)
                for g in s.goals
            )
        ),
    )


def how_often(plan_days: tuple[str, ...] | None, times: int | None) -> str:
    if plan_days is not None:
        from smcoach.i18n import weekday_text

        return t("summary.often_days", days=", ".join(map(weekday_text, plan_days)))
    return t("summary.often_once") if times == 1 else t("summary.often_times", n=times or 0)


def _done_so_far(p: "PlanThisWeek") -> str:
    from smcoach.render.views import halves

    achieved, target = halves(p.progress.achieved), p.plan.target
    if p.progress.rest:
        return t("summary.plan_done_rest", achieved=achieved, target=target, rest=p.progress.rest)
    return t("summary.plan_done", achieved=achieved, target=target)


def _plans(s: "Summary") -> tuple[Block, ...]:
    if not s.plans:
        return (Para(t("summary.plans_none"), note=True),)
    columns = (
        t("summary.col.what"),
        t("summary.col.how_much"),
        t("summary.col.when"),
        t("summary.col.how_often"),
        t("summary.col.confidence"),
        t("summary.col.week"),
        t("summary.col.done"),
    )
    rows = tuple(
        (
            p.plan.what,
            p.plan.how_much,
            p.plan.when,
            how_often(p.plan.days, p.plan.times),
            t("summary.out_of_ten", value=p.plan.confidence),
            t("summary.span", first=p.plan.start.isoformat(), last=p.plan.end.isoformat()),
            _done_so_far(p),
        )
        for p in s.plans
    )
    return (Grid(columns, rows), Para(t("summary.plans_note", day=s.made.isoformat()), note=True))


def _trends_heading(s: "Summary") -> str:
    return t("summary.trends", n=len(s.weeks), first=s.weeks[0].week, last=s.weeks[-1].week)


def _days_done(w: "TrendWeek") -> str:
    if w.plans == 0:
        return GAP
    if w.counted is None:
        return t("summary.under_way")
    return t("summary.days_done", achieved=w.achieved or 0.0, counted=w.counted)


def _trends(s: "Summary") -> tuple[Block, ...]:
    if not s.has_trends:
        return (Para(t("summary.trends_none"), note=True),)
    columns = (
        t("summary.col.week"),
        t("summary.col.plans"),
        t("summary.col.days_done"),
        t("summary.col.avg_confidence"),
        t("summary.col.selfefficacy"),
        *(
            t(
                "trends.symptom_higher_better" if better else "trends.symptom_lower_better",
                name=name,
            )
            for name, better in s.symptom_columns
        ),
    )
    rows = tuple(
        (
            t("summary.week_of", week=w.week, monday=w.monday.isoformat()),
            str(w.plans),
            _days_done(w),
            _number(w.confidence),
            _number(w.selfefficacy),
            *(_number(value) for _, value in w.symptoms),
        )
        for w in s.weeks
    )
    numeric = frozenset({1, 3, 4, *range(5, len(columns))})
    return (Grid(columns, rows, numeric), Para(t("summary.trends_note", gap=GAP), note=True))


def _symptoms_heading(s: "Summary") -> str:
    from smcoach.domain.summary import AVERAGE_DAYS, average_window

    first, last = average_window(s.made)
    return t("summary.symptoms", days=AVERAGE_DAYS, first=first.isoformat(), last=last.isoformat())


def _symptoms(s: "Summary") -> tuple[Block, ...]:
    from smcoach.domain.summary import AVERAGE_DAYS

    if not s.symptoms:
        return (Para(t("summary.symptoms_none"), note=True),)
    columns = (t("summary.col.symptom"), t("summary.col.average"), t("summary.col.better"))
    rows = tuple(
        (
            a.name,
            t("summary.no_ratings", days=AVERAGE_DAYS) if a.average is None else _number(a.average),
            t("summary.higher_better" if a.higher_is_better else "summary.lower_better"),
        )
        for a in s.symptoms
    )
    return (Grid(columns, rows, frozenset({1})),)


def _problem(p: "OpenProblem") -> Item:
    status = t("summary.status." + p.problem.status)
    text = t(
        "summary.problem", text=p.problem.text, status=status, since=p.problem.created.isoformat()
    )
    tried = tuple(
        t(
            "summary.tried",
            idea=a.idea,
            day=a.started.isoformat(),
            result=t("solve.result." + a.result) if a.result else t("summary.trying_now"),
        )
        for a in p.tried
    )
    return Item(text, children=tried or (t("summary.tried_none"),))


def _problems(s: "Summary") -> tuple[Block, ...]:
    if not s.problems:
        return (Para(t("summary.problems_none"), note=True),)
    return (Bullets(tuple(_problem(p) for p in s.problems)),)


def _selfefficacy(s: "Summary") -> tuple[Block, ...]:
    from smcoach.content import scale
    from smcoach.domain.selfefficacy import SCALE_FILES
    from smcoach.render.views import selfcheck_explained

    check = s.selfefficacy
    if check is None:
        return (Para(t("summary.selfefficacy_none"), note=True),)
    said = (
        Para(t("summary.selfefficacy_taken", day=check.day.isoformat())),
        Para(selfcheck_explained(check)),
    )
    if check.form not in SCALE_FILES:  # a form smcoach does not know: named, not described
        return (*said, Para(t("summary.selfefficacy_form", form=check.form), note=True))
    published = scale(*SCALE_FILES[check.form])
    about = t("summary.selfefficacy_about", form=check.form, title=published["title"],
              publisher=published["publisher"], citation=published["short_citation"],
              n=len(published["items"]), **published["anchors"])  # fmt: skip
    return (*said, Para(about, note=True))


def _questions(s: "Summary") -> tuple[Block, ...]:
    if not s.questions:
        return (Para(t("summary.questions_none"), note=True),)
    return (Bullets(tuple(Item(q.text) for q in s.questions)),)


# --- Markdown -----------------------------------------------------------------------------------

# Special anywhere in a line: escapes, code, emphasis, links and images (the bracket is
# enough), raw HTML and autolinks, entities, table cells, strikethrough, math, superscript.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~$^#])")
_MD_SCHEME = re.compile(r":(?=/)")  # http://… : no bare address for a renderer to link
_MD_WWW = re.compile(r"(?i)(?<![0-9a-z])(www)\.")  # www.… likewise
# Special at the start of a line: a bullet, a thematic break or setext underline ('-', '+',
# '='), an ordered list item ('1.' or '1)' then a space); '#' and '>' are escaped anyway.
_MD_START = re.compile(r"^(?:([-+=])|([0-9]+)([.)])(?=\s|$))")


def md_text(text: str) -> str:
    """Text as it should read in Markdown: on one line, with nothing in it read as markup."""
    s = one_line(text).strip()
    s = _MD_ANYWHERE.sub(r"\\\1", s)
    s = _MD_SCHEME.sub(r"\\:", s)
    s = _MD_WWW.sub(r"\1\\.", s)
    return _MD_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], s)


def _md_block(block: Block) -> str:
    if isinstance(block, Para):
        return md_text(block.text)
    if isinstance(block, Bullets):
        lines = []
        for item in block.items:
            text = md_text(item.text)
            lines.append(f"- **{text}**" if item.strong and text else f"- {text}")
            lines += [f"  - {md_text(child)}" for child in item.children]
        return "\n".join(lines)
    header = "| " + " | ".join(md_text(c) for c in block.columns) + " |"
    rule = "| " + " | ".join(
        "---:" if n in block.numeric else "---" for n in range(len(block.columns))
    ) + " |"  # fmt: skip
    body = ["| " + " | ".join(md_text(c) for c in row) + " |" for row in block.rows]
    return "\n".join([header, rule, *body])


def markdown(summary: "Summary") -> str:
    """The summary as a CommonMark document (with GitHub-style pipe tables), ending in a newline."""
    doc = document(summary)
    parts = [f"# {md_text(doc.title)}", md_text(doc.made)]
    for section in doc.sections:
        parts.append(f"## {md_text(section.heading)}")
        parts += [_md_block(b) for b in section.blocks]
    parts += ["---", md_text(doc.footer)]
    return "\n\n".join(parts) + "\n"


# --- HTML ---------------------------------------------------------------------------------------

_HTML_MORE = str.maketrans({":": "&#58;", "(": "&#40;", ")": "&#41;", "@": "&#64;"})

STYLE = """
:root { color: #111; background: #fff; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 11pt; line-height: 1.45; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 {
  font-size: 1.2em; margin: 1.4em 0 0.4em; padding-bottom: 0.15em;
  border-bottom: 1px solid #777; break-after: avoid; page-break-after: avoid;
}
p, li { margin: 0.25em 0; }
ul { padding-left: 1.4em; margin: 0.3em 0; }
ul ul { margin: 0.1em 0 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 0.95em; }
th, td {
  border: 1px solid #777; padding: 0.25em 0.45em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere;
}
th { background: #eee; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr, li, p { break-inside: avoid; page-break-inside: avoid; }
.note { color: #444; font-size: 0.92em; }
.made { color: #333; margin-bottom: 1em; }
footer { margin-top: 2em; padding-top: 0.5em; border-top: 1px solid #777; font-size: 0.9em; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  th { background: none; }
  section { break-inside: auto; }
}
""".strip()

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def page_start(title: str, style: str) -> list[str]:
    """The start of a page smcoach writes, up to <main>: it loads nothing (the policy forbids
    any fetch; the style is inline), and sends no referrer."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.language()}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="color-scheme" content="light">',
        '<meta name="generator" content="smcoach">',
        f"<title>{html_text(title)}</title>",
        f"<style>\n{style}\n</style>",
        "</head>",
        "<body>",
        "<main>",
    ]


def html_text(text: str) -> str:
    """Text as it should read in HTML: on one line, escaped, and with no address or style
    function (http://, url(…), @import) left for anything scanning the page to act on."""
    import html

    return html.escape(one_line(text), quote=True).translate(_HTML_MORE)


def _html_block(block: Block) -> str:
    if isinstance(block, Para):
        return f'<p class="note">{html_text(block.text)}</p>' if block.note else (
            f"<p>{html_text(block.text)}</p>"
        )  # fmt: skip
    if isinstance(block, Bullets):
        lines = ["<ul>"]
        for item in block.items:
            text = html_text(item.text)
            text = f"<strong>{text}</strong>" if item.strong else text
            if item.children:
                inner = "".join(f"<li>{html_text(c)}</li>" for c in item.children)
                text += f"<ul>{inner}</ul>"
            lines.append(f"<li>{text}</li>")
        lines.append("</ul>")
        return "\n".join(lines)

    def cls(n: int) -> str:
        return ' class="num"' if n in block.numeric else ""

    head = "".join(
        f'<th scope="col"{cls(n)}>{html_text(c)}</th>' for n, c in enumerate(block.columns)
    )
    body = [
        "<tr>" + "".join(f"<td{cls(n)}>{html_text(c)}</td>" for n, c in enumerate(row)) + "</tr>"
        for row in block.rows
    ]
    return "\n".join(
        ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *body, "</tbody>", "</table>"]
    )


def html(summary: "Summary") -> str:
    """The summary as one self-contained HTML5 page, ready to print."""
    doc = document(summary)
    title = t("summary.html_title", day=summary.made.isoformat())
    out = [
        *page_start(title, STYLE),
        f"<h1>{html_text(doc.title)}</h1>",
        f'<p class="made">{html_text(doc.made)}</p>',
    ]
    for section in doc.sections:
        out.append(f'<section aria-labelledby="{section.anchor}">')
        out.append(f'<h2 id="{section.anchor}">{html_text(section.heading)}</h2>')
        out += [_html_block(b) for b in section.blocks]
        out.append("</section>")
    out += [
        "</main>",
        f"<footer><p>{html_text(doc.footer)}</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"

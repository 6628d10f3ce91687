"""Accessibility checks on a Playwright page: axe-core (WCAG 2.1 A/AA) and visible focus."""

from __future__ import annotations

import json

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_AXE_RUN = """
async () => {
  const resultaat = await axe.run(document, {runOnly: {type: "tag", values: WCAG_TAGS}});
  return resultaat.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, samenvatting: n.failureSummary})),
  }));
}
""".replace("WCAG_TAGS", json.dumps(WCAG_TAGS))


def axe_schendingen(page, axe_bron: str) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_bron + "\n;void 0;")
    return page.evaluate(_AXE_RUN)


def schendingen_tekst(url: str, schendingen: list[dict]) -> str:
    regels = [f"axe-core: {len(schendingen)} WCAG 2.1 A/AA violation(s) on {url}"]
    for v in schendingen:
        regels.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"]:
            regels.append(f"    target {n['target']}: {n['html'][:300]}")
            if n.get("samenvatting"):
                regels.append("      " + n["samenvatting"].replace("\n", "\n      ")[:600])
    return "\n".join(regels)


def focus_zichtbaar(page) -> bool:
    """Whether the focused element shows a focus indicator (an outline or a box-shadow)."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          return outline || (s.boxShadow && s.boxShadow !== 'none');
        }"""
    )


def actief_element(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement; return {
          tag: el.tagName.toLowerCase(), tekst: (el.innerText || el.value || '').trim(),
          naam: el.getAttribute('name') || '', id: el.id || '', type: el.type || '' }; }"""
    )


def tab_naar(page, past, *, max_stappen: int = 60, achteruit: bool = False) -> dict:
    """Press Tab until ``past(actief_element)`` holds; fail after ``max_stappen``."""
    gezien = []
    for _ in range(max_stappen):
        page.keyboard.press("Shift+Tab" if achteruit else "Tab")
        el = actief_element(page)
        if past(el):
            return el
        gezien.append(f"{el['tag']}:{el['tekst'][:30] or el['naam'] or el['id']}")
    raise AssertionError(f"target not reached with Tab; focus went over: {gezien}")


def zonder_zichtbare_focus(page) -> list[str]:
    """Focusable elements of the page that show no focus indicator when the keyboard focuses
    them. A Tab press first makes the browser treat the following focus as keyboard focus
    (``:focus-visible``)."""
    page.keyboard.press("Tab")
    return page.evaluate(
        """() => {
          const sel = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
            + ' select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
          const zonder = [];
          for (const el of document.querySelectorAll(sel)) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            el.focus();
            if (document.activeElement !== el) continue;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const schaduw = s.boxShadow && s.boxShadow !== 'none';
            if (!outline && !schaduw) zonder.push(el.outerHTML.slice(0, 160));
          }
          return zonder;
        }"""
    )

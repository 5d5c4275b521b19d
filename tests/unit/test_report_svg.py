"""report/svg: radar charts as SVG, valid and deterministic whatever the labels say."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from stimulering.report.svg import PANEL_WIDTH, RADIUS, Axis, Chart, radar_svg, wrap

SVG = "{http://www.w3.org/2000/svg}"


def chart(*values, chart_id="a", title="Kanaalstad", targets=None):
    targets = targets or [None] * len(values)
    return Chart(chart_id, title, tuple(
        Axis(f"as-{index}", f"As {index}", value, target=target)
        for index, (value, target) in enumerate(zip(values, targets, strict=True))))


def parse(svg):
    return ET.fromstring(svg)


def points(element):
    return [tuple(float(n) for n in pair.split(",")) for pair in element.get("points").split()]


def test_one_panel_per_chart_and_one_axis_per_value():
    root = parse(radar_svg("Twee", [chart(0.2, 0.5, 0.9), chart(1, 0, 0.5, 0.5, chart_id="b")],
                           lang="en"))
    assert root.get("width") == str(2 * PANEL_WIDTH)
    groups = root.findall(f"{SVG}g")
    assert [g.get("id") for g in groups] == ["chart-a", "chart-b"]
    assert [len(g.findall(f"{SVG}line[@class='axis']")) for g in groups] == [3, 4]
    assert [line.get("data-axis") for line in groups[0].findall(f"{SVG}line[@class='axis']")] \
        == ["as-0", "as-1", "as-2"]


def test_values_lie_on_their_axes_at_their_share_of_the_radius():
    root = parse(radar_svg("Eén", [chart(1.0, 0.5, None, 1.7)], lang="en"))
    group = root.find(f"{SVG}g")
    axes = group.findall(f"{SVG}line[@class='axis']")
    centre = (float(axes[0].get("x1")), float(axes[0].get("y1")))
    value = points(group.find(f"{SVG}polygon[@class='value']"))
    distances = [round(math.dist(centre, point)) for point in value]
    # None is drawn at the centre; a value above 1 stays on the outer ring.
    assert distances == [RADIUS, RADIUS / 2, 0, RADIUS]
    assert value[0][1] < centre[1]  # the first axis points up


def test_labels_show_the_value_with_the_languages_decimal_mark_and_a_dash_for_none():
    nl = parse(radar_svg("x", [chart(0.5, None, 1.0)], lang="nl"))
    en = parse(radar_svg("x", [chart(0.5, None, 1.0)], lang="en"))

    def shown(root):
        return [label.findall(f"{SVG}tspan")[-1].text
                for label in root.iter(f"{SVG}text") if label.get("class") == "label"]

    assert shown(nl) == ["0,50", "–", "1,00"]
    assert shown(en) == ["0.50", "–", "1.00"]


def test_the_threshold_ring_is_drawn_only_without_targets():
    plain = parse(radar_svg("x", [chart(0.5, 0.5, 0.5)], lang="en", threshold=0.6))
    targeted = parse(radar_svg("x", [chart(0.5, 0.5, 0.5, targets=[1.0, None, 0.75])],
                               lang="en", threshold=0.6))
    assert len(plain.findall(f".//{SVG}polygon[@class='threshold']")) == 1
    assert targeted.findall(f".//{SVG}polygon[@class='threshold']") == []
    circles = targeted.findall(f".//{SVG}circle[@class='target']")
    assert [circle.get("data-axis") for circle in circles] == ["as-0", "as-2"]
    # Only neighbours that both have a target are joined (as-2 and as-0 wrap around).
    assert len(targeted.findall(f".//{SVG}line[@class='target']")) == 1


def test_hostile_titles_and_labels_give_a_valid_document_that_shows_them_as_text():
    hostile = 'Beek</text><script>alert("x")</script>&\x01\u202e'
    svg = radar_svg(hostile, [Chart("c", hostile, (Axis("x", hostile, 0.5),
                                                   Axis("y", "b", 0.5), Axis("z", "c", 0.5)))],
                    lang="en", legend=hostile)
    root = parse(svg)  # raises if the text broke the document
    assert root.find(f"{SVG}script") is None and "<script" not in svg
    title = root.find(f"{SVG}title").text
    assert title == 'Beek</text><script>alert("x")</script>&<U+202E>'


def test_the_same_input_gives_the_same_bytes():
    charts = [chart(0.1, 0.2, 0.3, targets=[0.5, 0.5, 0.5])]
    assert radar_svg("x", charts, lang="nl", legend="legenda") == \
        radar_svg("x", charts, lang="nl", legend="legenda")


def test_wrap_keeps_lines_short_and_long_words_whole():
    assert wrap("Mens en samenwerking tussen partners") == \
        ["Mens en", "samenwerking", "tussen partners"]
    assert wrap("Informatievoorziening") == ["Informatievoorziening"]
    assert wrap("") == [""]


def test_a_bare_picture_has_the_charts_without_the_document_title_and_legend():
    charts = [chart(0.5, 0.5, 0.5)]
    framed = ET.fromstring(radar_svg("Kop", charts, lang="nl", legend="Uitleg"))
    bare = ET.fromstring(radar_svg("Kop", charts, lang="nl", legend="Uitleg", bare=True))
    texts = [" ".join(node.itertext()) for node in bare.iter(f"{SVG}text")]
    assert "Kop" not in texts and "Uitleg" not in texts
    assert "Kop" in [" ".join(node.itertext()) for node in framed.iter(f"{SVG}text")]
    # The same charts, seen from 30 units lower: the title's room is cut off.
    assert bare.get("viewBox") == f"0 30 {PANEL_WIDTH} 466"
    assert [line.attrib for line in bare.iter(f"{SVG}line")] == \
        [line.attrib for line in framed.iter(f"{SVG}line")]

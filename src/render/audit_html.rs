//! The story audit as one self-contained HTML page: the same tables as the
//! Markdown audit, and for every count subject an inline SVG chart of how
//! the figure moved over publication dates. No scripts, fonts, style sheets
//! or images are loaded: the page opens the same offline, in a mail client,
//! or archived years later.

use super::audit::{
    stated, write_row_articles, AuditLayout, AuditReport, Names, TimelineRow, MAX_MENTIONS,
};
use crate::audit::{Agreement, Subject, TimelinePoint};
use crate::check::fmt_num;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escape text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_esc(&mut out, s);
    out
}

/// Write `s` to `out` escaped for HTML.
fn push_esc(out: &mut String, s: &str) {
    // The characters escaped are ASCII: copy the runs between them whole.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d2430;background:#f4f6f9;line-height:1.45}\
h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:0 0 .6rem}\
.lead{color:#556;margin:0 0 1.5rem}\
section{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:1rem 1.25rem;margin:0 0 1.25rem;box-shadow:0 1px 2px rgba(0,0,0,.04)}\
section.disputed{border-left:5px solid #c62828}section.changed{border-left:5px solid #1f5fa8}section.consistent{border-left:5px solid #2e7d32}\
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}td,th{border-bottom:1px solid #e3e7ee;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#f0f3f7;font-weight:600}tr:nth-child(even) td{background:#fafbfd}\
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.1rem .5rem;border-radius:1rem;vertical-align:middle;margin-left:.4rem}\
.badge.disputed{background:#fdecea;color:#a31515}.badge.changed{background:#e6effa;color:#174a85}.badge.consistent{background:#e8f5e9;color:#1f6323}\
.kind{color:#667;font-weight:400;text-transform:uppercase;font-size:.75rem;letter-spacing:.05em;margin-right:.4rem}\
.rule{color:#556;font-size:.85rem;margin:-.3rem 0 .5rem}code{background:#f0f3f7;padding:0 .25rem;border-radius:3px}\
svg{display:block;max-width:100%;height:auto;margin:.5rem 0}\
td.date{white-space:nowrap}td.value{font-weight:600;width:30%}.said{margin:0 0 .55rem}.said:last-child{margin:0}\
.who{font-weight:600}.where{color:#778;font-size:.8rem;margin-left:.3rem}\
.excerpt{margin:.15rem 0 0;padding:.1rem 0 .1rem .6rem;border-left:3px solid #d5dbe5;color:#333a46;font-style:italic}";

/// Render the audit as HTML.
pub fn render_audit_html(r: &AuditReport<'_>) -> String {
    AuditLayout::new(r).html()
}

impl AuditLayout<'_> {
    /// The audit as one HTML page.
    pub fn html(&self) -> String {
        let r = &self.report;
        let (articles, subjects, findings) = (r.articles, r.subjects, r.findings);
        let mut s = String::new();
        let count = |a: Agreement| subjects.iter().filter(|x| x.agreement() == a).count();
        let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>claimcheck story audit</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>claimcheck story audit</h1>\n<p class=\"lead\">{articles} article(s); {} subject(s) mentioned more than once: {} disputed, {} changed over time; {} rule finding(s).</p>\n",
        subjects.len(),
        count(Agreement::Disputed),
        count(Agreement::Changed),
        findings.len()
    );
        render_articles(&mut s, r);
        if !findings.is_empty() {
            s.push_str("<section class=\"disputed\">\n<h2>Against the rules</h2>\n<table><tr><th>finding</th><th>where</th><th>article says</th><th>rules say</th><th>severity</th></tr>\n");
            for f in findings {
                let _ = writeln!(
                    s,
                    "<tr><td>{} {}</td><td>{}:{}:{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    f.code,
                    f.name,
                    esc(&f.location.path.to_string_lossy()),
                    f.location.line,
                    f.location.column,
                    esc(&super::text::said_text(f)),
                    esc(f.expected.as_deref().unwrap_or("")),
                    f.severity.as_str()
                );
            }
            s.push_str("</table>\n</section>\n");
        }
        for (subject, rows) in subjects.iter().zip(&self.timelines) {
            render_subject(&mut s, &self.names, subject, rows);
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}

/// The articles audited, by date: headline, outlet, file.
fn render_articles(s: &mut String, r: &AuditReport<'_>) {
    if r.bylines.is_empty() {
        return;
    }
    s.push_str("<section>\n<h2>Articles</h2>\n<table><tr><th>date</th><th>headline</th><th>outlet</th><th>file</th></tr>\n");
    let mut rows: Vec<_> = r.bylines.iter().collect();
    rows.sort_by(|a, b| (a.1.published, a.0).cmp(&(b.1.published, b.0)));
    for (path, b) in rows {
        let _ = writeln!(
            s,
            "<tr><td class=\"date\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            b.published.map_or("undated".to_owned(), |d| d.to_string()),
            esc(b.headline.as_deref().unwrap_or("")),
            esc(b.outlet.as_deref().unwrap_or("")),
            esc(&path.to_string_lossy())
        );
    }
    s.push_str("</table>\n</section>\n");
}

fn render_subject(s: &mut String, names: &Names<'_>, subject: &Subject, rows: &[TimelineRow<'_>]) {
    let agreement = subject.agreement();
    let class = agreement.class();
    let _ = writeln!(
        s,
        "<section class=\"{class}\">\n<h2><span class=\"kind\">{}</span>{}<span class=\"badge {class}\">{}</span></h2>",
        subject.kind,
        esc(&subject.label),
        agreement.as_str()
    );
    if let Some(rule) = &subject.rule {
        let _ = writeln!(s, "<p class=\"rule\">rule <code>{}</code></p>", esc(rule));
    }
    if subject.timeline.len() >= 2 {
        s.push_str(&chart(&subject.timeline));
    }
    s.push_str("<table><tr><th>version</th><th>where it is said</th></tr>\n");
    for v in &subject.versions {
        let mut said = String::new();
        // As `mention_list` lists them, each name written as HTML here.
        for m in v.mentions.iter().take(MAX_MENTIONS) {
            let _ = write!(
                said,
                "<div class=\"said\"><span class=\"who\">{}</span><span class=\"where\">{}:{}</span>",
                esc(&names.article(&m.path, m.published)),
                esc(&m.path.to_string_lossy()),
                m.line
            );
            if !m.excerpt.is_empty() {
                let _ = write!(said, "<p class=\"excerpt\">{}</p>", esc(&m.excerpt));
            }
            said.push_str("</div>");
        }
        if v.mentions.len() > MAX_MENTIONS {
            let more = format!("and {} more", v.mentions.len() - MAX_MENTIONS);
            let _ = write!(said, "<div class=\"said\">{}</div>", esc(&more));
        }
        let _ = writeln!(
            s,
            "<tr><td class=\"value\">{}</td><td>{said}</td></tr>",
            esc(&v.value)
        );
    }
    s.push_str("</table>\n");
    if !subject.timeline.is_empty() {
        s.push_str("<table><tr><th>date</th><th>article</th><th>figure as stated</th>");
        if subject.rule.is_some() {
            s.push_str("<th>rules say</th>");
        }
        s.push_str("</tr>\n");
        for row in rows {
            let p = row.point;
            let date = p.published.map_or("undated".to_owned(), |d| d.to_string());
            let change = if p.change {
                " (stated as a change)"
            } else {
                ""
            };
            let _ = write!(s, "<tr><td class=\"date\">{date}</td><td>");
            write_row_articles(s, names, row, "<br>", push_esc);
            let _ = write!(
                s,
                "</td><td>{}{change}</td>",
                esc(&stated(p.value, p.modifier))
            );
            if subject.rule.is_some() {
                let _ = write!(
                    s,
                    "<td>{}</td>",
                    esc(p.rule_value_text().as_deref().unwrap_or("no value"))
                );
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
    }
    s.push_str("</section>\n");
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 44.0;
const BLUE: &str = "#1f5fa8";
const RED: &str = "#c62828";
const GREY: &str = "#8a94a6";

/// One dot of the chart: a figure on a date, however many articles gave it.
struct Dot {
    x: i64,
    value: f64,
    date: String,
    /// The first articles giving it (at most three).
    paths: Vec<String>,
    /// How many points it stands for.
    n: usize,
    /// It differs from the figure before it without saying it changed.
    off: bool,
    /// Stated as a change.
    change: bool,
    /// The figure as the first article giving it stated it ("more than
    /// 400").
    stated: String,
}

/// Dots by (day, figure), in date order; points that disagree with the
/// running figure without a stated change are marked, as in
/// [`Subject::agreement`].
fn dots(points: &[TimelinePoint]) -> Vec<Dot> {
    let mut by: BTreeMap<(i64, u64, &str), Dot> = BTreeMap::new();
    let mut current = points.first().map_or(0.0, |p| p.value);
    for (i, p) in points.iter().enumerate() {
        let x = p.published.map_or(i as i64, |d| {
            i64::from(chrono::Datelike::num_days_from_ce(&d))
        });
        let off = p.value != current && !p.change;
        if p.value != current && p.change {
            current = p.value;
        }
        let key = (x, p.value.to_bits(), p.modifier.as_str());
        let dot = by.entry(key).or_insert_with(|| Dot {
            stated: stated(p.value, p.modifier),
            x,
            value: p.value,
            date: p.published.map_or("undated".to_owned(), |d| d.to_string()),
            paths: Vec::new(),
            n: 0,
            off: false,
            change: false,
        });
        dot.off |= off;
        dot.change |= p.change;
        dot.n += 1;
        if dot.paths.len() < 3 {
            dot.paths.push(p.path.to_string_lossy().into_owned());
        }
    }
    by.into_values().collect()
}

/// A round axis top at or above `v`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8
/// times a power of ten, so quarter ticks stay round.
fn nice_ceil(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|t| *t >= v)
        .unwrap_or(10.0 * p)
}

/// A line chart of a count's figures over publication dates, from zero,
/// with the figure as reported joined in date order, dots labelled with
/// their figure, and figures that contradict the one before them in red.
fn chart(points: &[TimelinePoint]) -> String {
    let dots = dots(points);
    let (x0, x1) = dots
        .iter()
        .fold((i64::MAX, i64::MIN), |(a, b), d| (a.min(d.x), b.max(d.x)));
    let rules = rule_steps(points);
    let y_min = dots
        .iter()
        .map(|d| d.value)
        .fold(f64::MAX, f64::min)
        .min(0.0);
    let top = dots
        .iter()
        .map(|d| d.value)
        .chain(rules.iter().map(|r| r.2))
        .fold(0.0, f64::max);
    let y_max = nice_ceil(top * 1.1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let sx = |x: i64| {
        if x1 == x0 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + 16.0 + (x - x0) as f64 / (x1 - x0) as f64 * (plot_w - 32.0)
        }
    };
    let sy = |y: f64| TOP + plot_h - (y - y_min) / (y_max - y_min) * plot_h;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"figures by publication date\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\n<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"#fbfcfe\" rx=\"6\"/>\n"
    );
    // Horizontal grid with its figures.
    for i in 0..=4 {
        let v = y_min + (y_max - y_min) * f64::from(i) / 4.0;
        let y = sy(v);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#667\">{}</text>",
            W - RIGHT,
            if i == 0 { "#9aa3b0" } else { "#e6e9ef" },
            LEFT - 8.0,
            y + 4.0,
            fmt_num((v * 100.0).round() / 100.0)
        );
    }
    // Dates under the axis: every distinct day, thinned to at most six.
    let mut days: Vec<(i64, &str)> = dots.iter().map(|d| (d.x, d.date.as_str())).collect();
    days.dedup_by_key(|d| d.0);
    let step = days.len().div_ceil(6).max(1);
    for (i, (x, date)) in days.iter().enumerate() {
        if i % step != 0 && i + 1 != days.len() {
            continue;
        }
        let _ = writeln!(
            s,
            "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#9aa3b0\"/><text x=\"{0:.1}\" y=\"{3:.1}\" text-anchor=\"middle\" fill=\"#445\">{4}</text>",
            sx(*x),
            TOP + plot_h,
            TOP + plot_h + 4.0,
            TOP + plot_h + 18.0,
            esc(date)
        );
    }
    // What the rules say, as a dashed step line (two for a range).
    for pick in [1, 2] {
        if pick == 2 && rules.iter().all(|r| r.1 == r.2) {
            break;
        }
        let mut steps: Vec<String> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            let y = sy(if pick == 1 { r.1 } else { r.2 });
            if i > 0 {
                steps.push(format!("{:.1},{y:.1}", sx(r.0)));
            }
            let next = rules.get(i + 1).map_or(r.0, |n| n.0);
            steps.push(format!("{:.1},{y:.1}", sx(r.0)));
            steps.push(format!("{:.1},{y:.1}", sx(next)));
        }
        if !steps.is_empty() {
            let _ = writeln!(
                s,
                "<polyline fill=\"none\" stroke=\"{GREY}\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\" points=\"{}\"/>",
                steps.join(" ")
            );
        }
    }
    // The figure as reported, joined in date order.
    let line: Vec<String> = dots
        .iter()
        .filter(|d| !d.off)
        .map(|d| format!("{:.1},{:.1}", sx(d.x), sy(d.value)))
        .collect();
    if line.len() >= 2 {
        let _ = writeln!(
            s,
            "<polyline fill=\"none\" stroke=\"{BLUE}\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"{}\"/>",
            line.join(" ")
        );
    }
    for d in &dots {
        let (x, y) = (sx(d.x), sy(d.value));
        let colour = if d.off { RED } else { BLUE };
        let paths = &d.paths;
        // A label at either edge of the plot reads inward, not off it.
        let anchor = if x > W - RIGHT - 48.0 {
            "end"
        } else if x < LEFT + 48.0 {
            "start"
        } else {
            "middle"
        };
        let more = if d.n > paths.len() {
            format!(" and {} more", d.n - paths.len())
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{}\" stroke=\"{colour}\" stroke-width=\"2.5\"><title>{}: {}{} ({}{more})</title></circle><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-weight=\"600\" fill=\"{colour}\">{}</text>",
            if d.change { "#fff" } else { colour },
            esc(&d.date),
            esc(&d.stated),
            if d.change { ", stated as a change" } else { "" },
            esc(&paths.join(", ")),
            y - 10.0,
            esc(&d.stated)
        );
    }
    // Legend.
    let ly = H - 10.0;
    let _ = writeln!(
        s,
        "<circle cx=\"{LEFT}\" cy=\"{:.1}\" r=\"4\" fill=\"{BLUE}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#445\">as reported</text><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#fff\" stroke=\"{BLUE}\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#445\">stated as a change</text><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{RED}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#445\">contradicts the figure before it</text>",
        ly - 4.0,
        LEFT + 8.0,
        LEFT + 100.0,
        ly - 4.0,
        LEFT + 108.0,
        LEFT + 240.0,
        ly - 4.0,
        LEFT + 248.0,
    );
    if !rules.is_empty() {
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{GREY}\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/><text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#445\">rules say</text>",
            LEFT + 430.0,
            ly - 4.0,
            LEFT + 452.0,
            ly - 4.0,
            LEFT + 458.0
        );
    }
    s.push_str("</svg>\n");
    s
}

/// The rule's value by day (day, lowest, highest), where a rule names the
/// subject.
fn rule_steps(points: &[TimelinePoint]) -> Vec<(i64, f64, f64)> {
    let mut by: BTreeMap<i64, (f64, f64)> = BTreeMap::new();
    for p in points {
        if let (Some(d), Some(v)) = (p.published, p.rule_value) {
            by.entry(i64::from(chrono::Datelike::num_days_from_ce(&d)))
                .or_insert(v);
        }
    }
    by.into_iter().map(|(x, (lo, hi))| (x, lo, hi)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Modifier;
    use chrono::NaiveDate;

    fn point(day: u32, value: f64, change: bool) -> TimelinePoint {
        TimelinePoint {
            published: NaiveDate::from_ymd_opt(2026, 5, day),
            path: std::path::Path::new(&format!("a{day}.md")).into(),
            line: 1,
            value,
            modifier: Modifier::Exact,
            change,
            rule_value: None,
        }
    }

    #[test]
    fn a_figure_repeated_by_many_articles_is_one_dot() {
        let pts = [
            point(1, 9.0, false),
            point(2, 9.0, false),
            point(2, 9.0, false),
        ];
        assert_eq!(dots(&pts).len(), 2);
        assert_eq!(chart(&pts).matches("<circle").count(), 2 + 3);
    }

    #[test]
    fn a_contradicting_figure_is_red_and_a_stated_rise_is_not() {
        let pts = [
            point(1, 9.0, false),
            point(2, 15.0, true),
            point(3, 12.0, false),
        ];
        let d = dots(&pts);
        assert_eq!(
            d.iter().map(|d| d.off).collect::<Vec<_>>(),
            [false, false, true]
        );
        assert!(chart(&pts).contains(&format!("fill=\"{RED}\">12</text>")));
    }

    #[test]
    fn the_rules_value_is_a_dashed_step_line() {
        let mut pts = [point(1, 9.0, false), point(3, 15.0, true)];
        assert!(!chart(&pts).contains("stroke-dasharray"));
        pts[0].rule_value = Some((9.0, 9.0));
        pts[1].rule_value = Some((15.0, 15.0));
        assert_eq!(rule_steps(&pts).len(), 2);
        assert!(chart(&pts).contains("stroke-dasharray"));
        assert!(chart(&pts).contains("rules say"));
    }

    #[test]
    fn a_hedged_figure_is_labelled_as_stated() {
        let mut pts = [point(1, 340.0, false), point(2, 400.0, false)];
        pts[1].modifier = Modifier::MoreThan;
        let svg = chart(&pts);
        assert!(svg.contains(">more than 400</text>"), "{svg}");
        assert!(!svg.contains(">400</text>"));
    }

    #[test]
    fn articles_are_named_by_headline_and_outlet_beside_their_sentence() {
        use crate::audit::{Mention, Subject, Version};
        use crate::source::Byline;
        let mention = |day: u32, text: &str, excerpt: &str| Mention {
            published: NaiveDate::from_ymd_opt(2026, 5, day),
            path: std::path::Path::new(&format!("a{day}.md")).into(),
            line: 7,
            text: text.to_owned(),
            excerpt: excerpt.to_owned(),
        };
        let subjects = [Subject {
            kind: "quote",
            label: "Ada Vale: \u{201c}We will reopen soon,\u{201d}".to_owned(),
            rule: None,
            versions: vec![
                Version {
                    value: "Ada Vale: \u{201c}We will reopen soon,\u{201d}".to_owned(),
                    mentions: vec![mention(
                        1,
                        "We will reopen soon,",
                        "\u{201c}We will reopen soon,\u{201d} she said.",
                    )],
                },
                Version {
                    value: "Ada Vale: \u{201c}We will reopen today.\u{201d}".to_owned(),
                    mentions: vec![mention(
                        2,
                        "We will reopen today.",
                        "She said: \u{201c}We will reopen today.\u{201d}",
                    )],
                },
            ],
            timeline: Vec::new(),
            aligned: true,
        }];
        let bylines = [(
            std::path::PathBuf::from("a1.md"),
            Byline {
                headline: Some("Harbour to reopen".to_owned()),
                outlet: Some("The Quay Post".to_owned()),
                published: NaiveDate::from_ymd_opt(2026, 5, 1),
            },
        )]
        .into_iter()
        .collect();
        let html = render_audit_html(&AuditReport {
            articles: 2,
            subjects: &subjects,
            findings: &[],
            bylines: &bylines,
        });
        assert!(
            html.contains("Harbour to reopen (The Quay Post, 2026-05-01)"),
            "{html}"
        );
        assert!(html.contains("a2.md (2026-05-02)"));
        assert!(html.contains("she said."));
        assert!(html.contains("\u{201c}We will reopen soon,\u{201d}"));
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceil(16.5), 20.0);
        assert_eq!(nice_ceil(233.2), 250.0);
        assert_eq!(nice_ceil(264.0), 300.0);
        assert_eq!(nice_ceil(0.0), 1.0);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}

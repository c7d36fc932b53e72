//! The story audit as one self-contained HTML page: the same tables as the
//! Markdown audit, and for every count subject a small inline SVG chart of
//! how the figure moved. No scripts, fonts or images are loaded.

use super::audit::{mention_label, MAX_MENTIONS};
use crate::audit::{Subject, TimelinePoint};
use crate::check::fmt_num;
use crate::finding::Finding;
use std::fmt::Write;

/// Escape text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
.disputed{color:#a40000}.consistent{color:#2a6a00}svg{background:#fafafa;border:1px solid #ddd}";

/// Render the audit as HTML.
pub fn render_audit_html(articles: usize, subjects: &[Subject], findings: &[Finding]) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>claimcheck story audit</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>claimcheck story audit</h1>\n<p>{articles} article(s); {} subject(s) mentioned more than once; {} disputed; {} rule finding(s).</p>\n",
        subjects.len(),
        subjects.iter().filter(|x| x.is_disputed()).count(),
        findings.len()
    );
    if !findings.is_empty() {
        s.push_str("<h2>Against the rules</h2>\n<table><tr><th>finding</th><th>where</th><th>article says</th><th>rules say</th><th>severity</th></tr>\n");
        for f in findings {
            let _ = writeln!(
                s,
                "<tr><td>{} {}</td><td>{}:{}:{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                f.code,
                f.name,
                esc(&f.path.to_string_lossy()),
                f.line,
                f.column,
                esc(&f.claim_text),
                esc(f.expected.as_deref().unwrap_or("")),
                f.severity.as_str()
            );
        }
        s.push_str("</table>\n");
    }
    for subject in subjects {
        let flag = if subject.is_disputed() {
            "disputed"
        } else {
            "consistent"
        };
        let _ = writeln!(
            s,
            "<section>\n<h2>{} <code>{}</code> <span class=\"{flag}\">{flag}</span></h2>",
            subject.kind,
            esc(&subject.label)
        );
        if subject.timeline.len() >= 2 {
            s.push_str(&chart(&subject.timeline));
        }
        s.push_str("<table><tr><th>version</th><th>articles</th></tr>\n");
        for v in &subject.versions {
            let mut names: Vec<String> = v
                .mentions
                .iter()
                .take(MAX_MENTIONS)
                .map(|m| esc(&mention_label(m)))
                .collect();
            if v.mentions.len() > MAX_MENTIONS {
                names.push(format!("and {} more", v.mentions.len() - MAX_MENTIONS));
            }
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td></tr>",
                esc(&v.value),
                names.join("<br>")
            );
        }
        s.push_str("</table>\n</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// A line chart of a count's figures over publication dates.
fn chart(points: &[TimelinePoint]) -> String {
    const W: f64 = 480.0;
    const H: f64 = 200.0;
    const PAD: f64 = 40.0;
    let dated: Vec<(i64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = p
                .published
                .map_or(i as i64, |d| chrono::Datelike::num_days_from_ce(&d) as i64);
            (x, p.value)
        })
        .collect();
    let (x0, x1) = dated.iter().fold((i64::MAX, i64::MIN), |(a, b), (x, _)| {
        (a.min(*x), b.max(*x))
    });
    let (y0, y1) = dated.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, y)| {
        (a.min(*y), b.max(*y))
    });
    let y0 = y0.min(0.0);
    let sx = |x: i64| {
        if x1 == x0 {
            W / 2.0
        } else {
            PAD + (x - x0) as f64 / (x1 - x0) as f64 * (W - 2.0 * PAD)
        }
    };
    let sy = |y: f64| {
        if y1 == y0 {
            H / 2.0
        } else {
            H - PAD - (y - y0) / (y1 - y0) * (H - 2.0 * PAD)
        }
    };
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"figures over time\">\n"
    );
    let _ = writeln!(
        s,
        "<line x1=\"{PAD}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#999\"/><line x1=\"{PAD}\" y1=\"{PAD}\" x2=\"{PAD}\" y2=\"{b}\" stroke=\"#999\"/>",
        b = H - PAD,
        r = W - PAD
    );
    let path: Vec<String> = dated
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", sx(*x), sy(*y)))
        .collect();
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"{}\"/>",
        path.join(" ")
    );
    for (p, (x, y)) in points.iter().zip(&dated) {
        let date = p.published.map_or("undated".to_owned(), |d| d.to_string());
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#1f5fa8\"><title>{date}: {} ({})</title></circle>",
            sx(*x),
            sy(*y),
            fmt_num(p.value),
            esc(&p.path.to_string_lossy())
        );
    }
    let first = points
        .first()
        .and_then(|p| p.published)
        .map_or(String::new(), |d| d.to_string());
    let last = points
        .last()
        .and_then(|p| p.published)
        .map_or(String::new(), |d| d.to_string());
    let _ = writeln!(
        s,
        "<text x=\"{PAD}\" y=\"{}\" font-size=\"11\">{first}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{last}</text>",
        H - PAD + 16.0,
        W - PAD,
        H - PAD + 16.0
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
        PAD - 4.0,
        sy(y1) + 4.0,
        fmt_num(y1),
        PAD - 4.0,
        sy(y0) + 4.0,
        fmt_num(y0)
    );
    s.push_str("</svg>\n");
    s
}

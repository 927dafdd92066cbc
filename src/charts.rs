//! Accessible SVG bar charts, drawn at build time: no JavaScript, no fonts or libraries from
//! elsewhere.
//!
//! One chart type serves every figure on the site: horizontal bars, one or more series per
//! category, a zero baseline (negative values go left of it), every bar labelled with its value
//! printed from the exact decimal, an undisclosed value written out instead of drawn, and series
//! told apart by pattern as well as colour (so a black-and-white print still reads). Colours are
//! CSS variables, so dark mode and high contrast restyle the inline charts; the standalone
//! `.svg` files carry the same rules in their own `<style>`.
//!
//! We write SVG ourselves: the Rust chart crates we looked at (plotters, charming, poloto)
//! render text as paths or need JavaScript, cannot attach `<title>`/`<desc>` and `role`, and
//! format numbers through floats.

use crate::decimal::Dec;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::fmt::Write as _;

/// A value in a chart: its exact figure (for the label) and its magnitude in the chart's unit.
#[derive(Clone, Debug)]
pub struct Value {
    /// Printed next to the bar, e.g. `712.25` or `0 元`.
    pub label: String,
    /// Position, in the chart's unit (exact; converted to f64 for geometry only).
    pub amount: Decimal,
}

impl Value {
    /// A figure in the chart's own unit.
    pub fn of(d: Dec) -> Value {
        Value {
            label: d.grouped(),
            amount: d.0,
        }
    }
}

/// One row of bars.
#[derive(Clone, Debug)]
pub struct Category {
    pub label: String,
    /// One entry per series; `None` is not disclosed.
    pub values: Vec<Option<Value>>,
}

/// What a chart shows.
#[derive(Clone, Debug)]
pub struct BarChart {
    /// Used in element ids and the file name: `expenditure` → `chart-expenditure.svg`.
    pub id: String,
    pub title: String,
    /// The unit line under the title: "单位：万元" / "Amounts in CNY 10,000".
    pub unit_note: String,
    pub series: Vec<String>,
    pub categories: Vec<Category>,
    /// Fixed scale end (scores: 100).
    pub max: Option<Decimal>,
    /// Fixed ticks (scores: 0, 60, 80, 90, 100); otherwise chosen from the data.
    pub ticks: Option<Vec<Decimal>>,
    /// Text for values that are not disclosed.
    pub not_disclosed: String,
    /// Summary sentence that starts the description.
    pub summary: String,
}

/// The drawing's width: a phone's screen (360 px less the page margins) shows it at about
/// its own size.
const WIDTH: f64 = 340.0;
const FONT: f64 = 13.0;
const BAR: f64 = 14.0;
const LINE: f64 = 17.0;
const PAD: f64 = 12.0;

/// Styles of the chart elements: the page stylesheet starts with them, and the page script puts
/// them inside a chart saved as a file (the drawing itself carries no presentation attributes).
pub const CHART_CSS: &str = ".gk-chart{font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Helvetica Neue\",Arial,sans-serif;--chart-bg:#fff;--chart-fg:#1a1a1a;--chart-muted:#4d4d4d;--chart-grid:#c9c9c9;--c1:#0072b2;--c2:#c0450a;--c3:#007a5e;--c4:#8e4585}\
@media (prefers-color-scheme:dark){.gk-chart{--chart-bg:#161616;--chart-fg:#eee;--chart-muted:#c4c4c4;--chart-grid:#4a4a4a;--c1:#56b4e9;--c2:#f0a050;--c3:#3cc8a0;--c4:#e08cc8}}\
.gk-chart text{fill:var(--chart-fg);font-size:13px}\
.gk-chart .gk-title{font-weight:700;font-size:15px}\
.gk-chart .gk-muted{fill:var(--chart-muted);font-size:12px}\
.gk-chart .gk-nd{fill:var(--chart-muted);font-style:italic}\
.gk-chart .gk-grid{stroke:var(--chart-grid);stroke-width:1}\
.gk-chart .gk-axis{stroke:var(--chart-fg);stroke-width:1.5}\
.gk-chart .gk-bg{fill:var(--chart-bg)}\
.gk-chart .gk-s1{fill:var(--c1)}.gk-chart .gk-s2{fill:var(--c2)}.gk-chart .gk-s3{fill:var(--c3)}.gk-chart .gk-s4{fill:var(--c4)}\
.gk-chart .gk-e{stroke:var(--chart-fg);stroke-width:.75}\
.gk-chart .gk-hatch{stroke:var(--chart-bg);stroke-width:2}";

/// A drawn chart.
#[derive(Clone, Debug)]
pub struct Drawn {
    /// SVG to put in a page (styled by the page's CSS; saved as a file by the page script).
    pub inline: String,
    /// Height in px of the viewBox (width is fixed).
    pub height: f64,
}

/// Approximate width of text at 13px: CJK and full-width characters are square.
pub fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| {
            if is_wide(c) {
                FONT
            } else if c.is_ascii_digit() || c == ',' || c == '.' {
                FONT * 0.58
            } else {
                FONT * 0.6
            }
        })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Breaks `s` into lines no wider than `max` px (CJK anywhere, other text at spaces).
pub fn wrap(s: &str, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    let mut word = String::new();
    let flush_word = |word: &mut String, line: &mut String, width: &mut f64, lines: &mut Vec<String>| {
        let w = text_width(word);
        if *width + w > max && !line.is_empty() {
            lines.push(std::mem::take(line).trim_end().to_string());
            *width = 0.0;
        }
        line.push_str(word);
        *width += w;
        word.clear();
    };
    for c in s.chars() {
        if is_wide(c) {
            flush_word(&mut word, &mut line, &mut width, &mut lines);
            word.push(c);
            flush_word(&mut word, &mut line, &mut width, &mut lines);
        } else if c == ' ' {
            word.push(c);
            flush_word(&mut word, &mut line, &mut width, &mut lines);
        } else {
            word.push(c);
        }
    }
    flush_word(&mut word, &mut line, &mut width, &mut lines);
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// XML text and attribute escaping.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"']) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;"),
    )
}

/// Coordinates with one decimal, so output is stable and small.
fn n(v: f64) -> N {
    N((v * 10.0).round() / 10.0)
}

/// A coordinate rounded by [`n`], written straight into the SVG without a string of its own
/// (a page's charts write thousands).
#[derive(Clone, Copy)]
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == self.0.trunc() {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{:.1}", self.0)
        }
    }
}

/// A "nice" tick step (1, 2 or 5 × 10^k) for a range, as an exact decimal.
pub fn nice_step(range: Decimal) -> Decimal {
    let raw = (range / Decimal::from(4)).to_f64().unwrap_or(1.0).max(1e-9);
    let exp = raw.log10().floor() as i32;
    let base = raw / 10f64.powi(exp);
    let m = if base <= 1.0 {
        1
    } else if base <= 2.0 {
        2
    } else if base <= 5.0 {
        5
    } else {
        10
    };
    let mut step = Decimal::from(m);
    if exp >= 0 {
        for _ in 0..exp {
            step *= Decimal::TEN;
        }
    } else {
        for _ in 0..(-exp).min(20) {
            step /= Decimal::TEN;
        }
    }
    step
}

impl BarChart {
    /// Every value of the chart.
    fn amounts(&self) -> impl Iterator<Item = Decimal> + '_ {
        self.categories
            .iter()
            .flat_map(|c| c.values.iter().flatten().map(|v| v.amount))
    }

    /// The description read by screen readers: the summary and every number.
    pub fn description(&self) -> String {
        let mut parts = vec![self.summary.clone(), self.unit_note.clone()];
        for c in &self.categories {
            let values: Vec<String> = c
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let v = v
                        .as_ref()
                        .map(|v| v.label.clone())
                        .unwrap_or_else(|| self.not_disclosed.clone());
                    if self.series.len() > 1 {
                        format!("{} {v}", self.series[i])
                    } else {
                        v
                    }
                })
                .collect();
            parts.push(format!("{}: {}", c.label, values.join(", ")));
        }
        parts.retain(|p| !p.is_empty());
        parts.join("; ")
    }

    /// Draws the chart: for each category its label on a line of its own (wrapped), then its
    /// bars below it across the full width, so that the chart fits a phone's screen.
    pub fn draw(&self) -> Drawn {
        let mut scale = self.scale();
        scale.ticks = self
            .ticks(&scale)
            .into_iter()
            .filter(|t| *t >= scale.lo && *t <= scale.hi)
            .collect();
        let mut body = String::new();
        let plot_top = self.heading(&mut body);
        let (rows, plot_bottom) = self.rows(&scale, plot_top);
        let axis = self.axis(&scale, plot_bottom);
        let height = plot_bottom + 4.0 + 15.0 + PAD;
        self.svg(&body, &axis, &rows, height)
    }

    /// Where values go across: the bars take the full width less room for a value label at
    /// each end, over a range that always holds zero (and `max`, when fixed).
    fn scale(&self) -> Scale {
        let value_w = self
            .categories
            .iter()
            .flat_map(|c| {
                c.values.iter().map(|v| {
                    v.as_ref()
                        .map(|v| text_width(&v.label))
                        .unwrap_or_else(|| text_width(&self.not_disclosed))
                })
            })
            .fold(0.0, f64::max);
        let lo = self.amounts().fold(Decimal::ZERO, Decimal::min);
        let mut hi = self.amounts().fold(Decimal::ZERO, Decimal::max);
        if let Some(m) = self.max {
            hi = hi.max(m);
        }
        if hi == lo {
            hi = lo + Decimal::ONE;
        }
        let neg_label = if lo < Decimal::ZERO { value_w + 6.0 } else { 0.0 };
        let plot_left = PAD + neg_label;
        let plot_right = WIDTH - PAD - value_w - 6.0;
        Scale {
            lo,
            hi,
            plot_left,
            plot_w: (plot_right - plot_left).max(80.0),
            span: (hi - lo).to_f64().unwrap_or(1.0),
            ticks: Vec::new(),
        }
    }

    /// Title and unit note, wrapped, and for more than one series the legend (wrapped too);
    /// returns where the plot starts.
    fn heading(&self, body: &mut String) -> f64 {
        let mut y = PAD + 14.0;
        // The title is set at 15px: wrap it to the width in 13px units.
        for (i, line) in wrap(&self.title, (WIDTH - 2.0 * PAD) * 13.0 / 15.0).iter().enumerate() {
            if i > 0 {
                y += 19.0;
            }
            let _ = write!(
                body,
                "<text class=\"gk-title\" x=\"{}\" y=\"{}\">{}</text>",
                n(PAD),
                n(y),
                esc(line)
            );
        }
        for line in wrap(&self.unit_note, WIDTH - 2.0 * PAD) {
            y += 18.0;
            let _ = write!(
                body,
                "<text class=\"gk-muted\" x=\"{}\" y=\"{}\">{}</text>",
                n(PAD),
                n(y),
                esc(&line)
            );
        }
        y += 6.0;
        if self.series.len() > 1 {
            y += 18.0;
            let mut lx = PAD;
            for (i, name) in self.series.iter().enumerate() {
                let w = 20.0 + text_width(name);
                if lx > PAD && lx + w > WIDTH - PAD {
                    lx = PAD;
                    y += 20.0;
                }
                swatch(body, &self.id, i, lx, y - 11.0);
                let _ = write!(body, "<text x=\"{}\" y=\"{}\">{}</text>", n(lx + 20.0), n(y), esc(name));
                lx += w + 14.0;
            }
            y += 4.0;
        }
        y + 8.0
    }

    /// One block per category from `top` down; returns the blocks and where they end.
    fn rows(&self, scale: &Scale, top: f64) -> (String, f64) {
        let mut rows = String::new();
        let mut y = top;
        for c in &self.categories {
            y += self.row(c, scale, y, &mut rows);
        }
        (rows, y)
    }

    /// A category's label, wrapped to the width, and its bars under it, each from the zero
    /// line with the grid behind; returns the block's height.
    fn row(&self, c: &Category, scale: &Scale, y: f64, rows: &mut String) -> f64 {
        let series = c.values.len().max(1);
        let lines = wrap(&c.label, WIDTH - 2.0 * PAD);
        if let [line] = lines.as_slice() {
            let _ = write!(
                rows,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                n(PAD),
                n(y + LINE - 4.0),
                esc(line)
            );
        } else {
            let _ = write!(rows, "<text x=\"{}\">", n(PAD));
            for (i, l) in lines.iter().enumerate() {
                let _ = write!(
                    rows,
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    n(PAD),
                    n(y + LINE * (i as f64 + 1.0) - 4.0),
                    esc(l)
                );
            }
            rows.push_str("</text>");
        }
        let bar_top = y + lines.len() as f64 * LINE + 2.0;
        let bars_h = series as f64 * BAR + (series as f64 - 1.0) * 3.0;
        self.grid(scale, bar_top - 2.0, bar_top + bars_h + 2.0, rows);
        for (i, v) in c.values.iter().enumerate() {
            self.value_bar(i, v.as_ref(), scale, bar_top + i as f64 * (BAR + 3.0), rows);
        }
        lines.len() as f64 * LINE + 2.0 + bars_h + 12.0
    }

    /// The bar of series `i` at `by`, from zero to the value, labelled at its outer end (left
    /// of a negative bar); an undisclosed value is written out where its bar would start.
    fn value_bar(&self, i: usize, v: Option<&Value>, scale: &Scale, by: f64, rows: &mut String) {
        let x0 = scale.x(Decimal::ZERO);
        let ty = by + BAR - 3.0;
        match v {
            Some(v) => {
                let xv = scale.x(v.amount);
                let (bx, bw) = if xv >= x0 { (x0, xv - x0) } else { (xv, x0 - xv) };
                bar(rows, &self.id, i, bx, by, bw);
                if v.amount < Decimal::ZERO {
                    let _ = write!(
                        rows,
                        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                        n(bx - 4.0),
                        n(ty),
                        esc(&v.label)
                    );
                } else {
                    let _ = write!(
                        rows,
                        "<text x=\"{}\" y=\"{}\">{}</text>",
                        n(bx + bw + 4.0),
                        n(ty),
                        esc(&v.label)
                    );
                }
            }
            None => {
                let _ = write!(
                    rows,
                    "<text class=\"gk-nd\" x=\"{}\" y=\"{}\">{}</text>",
                    n(x0 + 4.0),
                    n(ty),
                    esc(&self.not_disclosed)
                );
            }
        }
    }

    /// The fixed ticks, or "nice" steps over the range, as many as fit across the plot with
    /// their labels apart (at most 12).
    fn ticks(&self, scale: &Scale) -> Vec<Decimal> {
        let (lo, hi) = (scale.lo, scale.hi);
        if let Some(t) = &self.ticks {
            return t.clone();
        }
        let mut step = nice_step(hi - lo);
        loop {
            let mut t = Vec::new();
            let mut v = (lo / step).floor() * step;
            while v <= hi && t.len() < 12 {
                t.push(v);
                v += step;
            }
            let widest = t.iter().map(|v| text_width(&tick_label(*v))).fold(0.0, f64::max);
            let apart = scale.plot_w * (step / (hi - lo)).to_f64().unwrap_or(1.0);
            if t.len() <= 2 || apart >= widest + 10.0 {
                return t;
            }
            // 1 → 2 → 5 → 10 × 10^k.
            let lead = step.normalize().mantissa().abs();
            step *= if lead == 2 { Decimal::new(25, 1) } else { Decimal::TWO };
        }
    }

    /// Grid lines and the zero line across one category's bars, drawn before the bars so that
    /// the bars cover them: one path for all the grid lines, as a line element each repeated
    /// the class and both ends (the largest part of a chart's bytes).
    fn grid(&self, scale: &Scale, top: f64, bottom: f64, out: &mut String) {
        let mut d = String::new();
        for t in &scale.ticks {
            let _ = write!(d, "M{} {}V{}", n(scale.x(*t)), n(top), n(bottom));
        }
        if !d.is_empty() {
            let _ = write!(out, "<path class=\"gk-grid\" d=\"{d}\"/>");
        }
        let _ = write!(
            out,
            "<path class=\"gk-axis\" d=\"M{} {}V{}\"/>",
            n(scale.x(Decimal::ZERO)),
            n(top),
            n(bottom)
        );
    }

    /// The scale under the last category: a line with the grid's values.
    fn axis(&self, scale: &Scale, bottom: f64) -> String {
        let mut axis = format!(
            "<path class=\"gk-grid\" d=\"M{} {}H{}\"/>",
            n(scale.plot_left),
            n(bottom - 4.0),
            n(scale.plot_left + scale.plot_w)
        );
        for t in &scale.ticks {
            let label = tick_label(*t);
            // The end labels stay on the canvas.
            let half = text_width(&label) / 2.0;
            let x = scale.x(*t).clamp(PAD + half, WIDTH - PAD - half);
            let _ = write!(
                axis,
                "<text class=\"gk-muted\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                n(x),
                n(bottom + 12.0),
                esc(&label)
            );
        }
        axis
    }

    /// The `<svg>` element around the drawn parts, titled and described for screen readers.
    /// The page's script saves it as a file on request, adding the XML declaration, the
    /// language and [`CHART_CSS`].
    fn svg(&self, body: &str, axis: &str, rows: &str, height: f64) -> Drawn {
        let ids = format!("{}-t", self.id);
        let idd = format!("{}-d", self.id);
        let inline = format!(
            "<svg class=\"gk-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{ids} {idd}\">\
<title id=\"{ids}\">{}</title><desc id=\"{idd}\">{}</desc>{}<rect class=\"gk-bg\" width=\"100%\" height=\"100%\"/>{body}{rows}{axis}</svg>",
            esc(&self.title),
            esc(&self.description()),
            patterns(&self.id, self.series.len().max(1)),
            w = n(WIDTH),
            h = n(height),
        );
        Drawn { inline, height }
    }
}

/// The horizontal scale of a chart, from [`BarChart::scale`].
struct Scale {
    /// The range of values drawn: it holds zero.
    lo: Decimal,
    hi: Decimal,
    /// Where `lo` is drawn, and the width `lo..hi` takes.
    plot_left: f64,
    plot_w: f64,
    /// `hi - lo`, for the geometry.
    span: f64,
    /// The grid's values within `lo..=hi`, worked out once per chart (see [`BarChart::ticks`]).
    ticks: Vec<Decimal>,
}

impl Scale {
    /// The x coordinate of `v`.
    fn x(&self, v: Decimal) -> f64 {
        self.plot_left + ((v - self.lo).to_f64().unwrap_or(0.0) / self.span) * self.plot_w
    }
}

/// A grid value as printed under the chart.
fn tick_label(t: Decimal) -> String {
    Dec(t.normalize()).grouped()
}

/// A bar, outlined so that it stands apart from the background in every colour scheme.
fn bar(out: &mut String, id: &str, series: usize, x: f64, y: f64, w: f64) {
    outlined(out, id, series, x, y, w, BAR)
}

fn swatch(out: &mut String, id: &str, series: usize, x: f64, y: f64) {
    outlined(out, id, series, x, y, 14.0, 14.0)
}

/// A filled, outlined rectangle: the outline is a class on the same element, not a second one.
fn outlined(out: &mut String, id: &str, series: usize, x: f64, y: f64, w: f64, h: f64) {
    if series == 0 {
        out.push_str("<rect class=\"gk-s1 gk-e\"");
    } else {
        let _ = write!(out, "<rect class=\"gk-e\" fill=\"url(#{id}-p{series})\"");
    }
    let _ = write!(
        out,
        " x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        n(x),
        n(y),
        n(w),
        n(h)
    );
}

/// Series 2–4 are hatched, dotted and cross-hatched over their colour, so they differ in
/// black and white and for every kind of colour vision.
fn patterns(id: &str, series: usize) -> String {
    if series < 2 {
        return String::new();
    }
    let mut out = String::from("<defs>");
    for s in 1..series.min(4) {
        let cls = format!("gk-s{}", s + 1);
        let marks = match s {
            1 => "<path class=\"gk-hatch\" d=\"M-1 1l2-2M0 6l6-6M5 7l2-2\"/>".to_string(),
            2 => "<circle class=\"gk-bg\" cx=\"3\" cy=\"3\" r=\"1.3\"/>".to_string(),
            _ => "<path class=\"gk-hatch\" d=\"M0 0l6 6M6 0l-6 6\"/>".to_string(),
        };
        let _ = write!(
            out,
            "<pattern id=\"{id}-p{s}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect class=\"{cls}\" width=\"6\" height=\"6\"/>{marks}</pattern>"
        );
    }
    out.push_str("</defs>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<Value> {
        Some(Value::of(s.parse().unwrap()))
    }

    fn chart(categories: Vec<Category>, series: usize) -> BarChart {
        BarChart {
            id: "t".into(),
            title: "支出构成".into(),
            unit_note: "单位：万元".into(),
            series: (0..series).map(|i| format!("系列{i}")).collect(),
            categories,
            max: None,
            ticks: None,
            not_disclosed: "ND".into(),
            summary: "摘要".into(),
        }
    }

    #[test]
    fn labels_come_from_the_exact_decimals() {
        let c = chart(
            vec![
                Category {
                    label: "公务接待费".into(),
                    values: vec![v("3.28")],
                },
                Category {
                    label: "整体支出".into(),
                    values: vec![v("166246.71")],
                },
            ],
            1,
        );
        let d = c.draw();
        assert!(d.inline.contains(">3.28</text>") && d.inline.contains(">166,246.71</text>"));
        assert!(
            d.inline
                .starts_with("<svg class=\"gk-chart\" xmlns=\"http://www.w3.org/2000/svg\"")
        );
        assert!(d.inline.contains("role=\"img\""));
        assert!(!d.inline.contains("font-family") && d.inline.matches("<rect").count() == 3);
    }

    #[test]
    fn undisclosed_is_written_not_drawn_and_zero_is_zero() {
        let c = chart(
            vec![
                Category {
                    label: "因公出国".into(),
                    values: vec![v("0")],
                },
                Category {
                    label: "公务用车".into(),
                    values: vec![None],
                },
            ],
            1,
        );
        let d = c.draw();
        assert!(d.inline.contains("class=\"gk-nd\"") && d.inline.contains(">ND</text>"));
        assert!(
            d.inline.contains("width=\"0\""),
            "a disclosed 0 is a zero-width bar with its label"
        );
        assert!(c.description().contains("因公出国: 0") && c.description().contains("公务用车: ND"));
    }

    #[test]
    fn negative_values_go_left_of_the_axis() {
        let c = chart(
            vec![
                Category {
                    label: "结余".into(),
                    values: vec![v("-50")],
                },
                Category {
                    label: "收入".into(),
                    values: vec![v("100")],
                },
            ],
            1,
        );
        let d = c.draw();
        assert!(d.inline.contains("text-anchor=\"end\">-50</text>"));
    }

    #[test]
    fn wide_ranges_keep_every_label_on_the_canvas() {
        let c = chart(
            vec![
                Category {
                    label: "a".into(),
                    values: vec![v("3")],
                },
                Category {
                    label: "b".into(),
                    values: vec![v("166246")],
                },
            ],
            1,
        );
        let d = c.draw();
        // The longest label ends inside the width.
        let label_x: f64 = d
            .inline
            .split("<text x=\"")
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .fold(0.0, f64::max);
        assert!(label_x + text_width("166,246") <= WIDTH, "{label_x}");
    }

    /// Where each `<text>` starts and how wide it is (`text-anchor` taken into account).
    fn text_spans(svg: &str) -> Vec<(f64, f64, f64, String)> {
        let mut out = Vec::new();
        for chunk in svg.split("<text ").skip(1) {
            let attr = |name: &str| {
                chunk
                    .split(&format!(" {name}=\""))
                    .nth(1)
                    .or_else(|| chunk.strip_prefix(&format!("{name}=\"")))
                    .and_then(|s| s.split('"').next())
                    .map(str::to_string)
            };
            let head = &chunk[..chunk.find('>').unwrap()];
            let body = &chunk[chunk.find('>').unwrap() + 1..chunk.find("</text>").unwrap()];
            // A wrapped label: each line is a tspan with its own x and y.
            let lines: Vec<(f64, f64, String)> = if body.contains("<tspan") {
                body.split("<tspan ")
                    .skip(1)
                    .map(|t| {
                        let num = |k: &str| {
                            t.split(&format!("{k}=\""))
                                .nth(1)
                                .unwrap()
                                .split('"')
                                .next()
                                .unwrap()
                                .parse()
                                .unwrap()
                        };
                        (
                            num("x"),
                            num("y"),
                            t[t.find('>').unwrap() + 1..t.find("</tspan>").unwrap()].to_string(),
                        )
                    })
                    .collect()
            } else {
                let x: f64 = attr("x").unwrap().parse().unwrap();
                let y: f64 = attr("y").unwrap().parse().unwrap();
                vec![(x, y, body.to_string())]
            };
            for (x, y, text) in lines {
                let w = text_width(&text) * if head.contains("gk-title") { 15.0 / 13.0 } else { 1.0 };
                let start = if head.contains("text-anchor=\"end\"") {
                    x - w
                } else if head.contains("text-anchor=\"middle\"") {
                    x - w / 2.0
                } else {
                    x
                };
                out.push((start, w, y, text));
            }
        }
        out
    }

    #[test]
    fn every_text_fits_a_phone_wide_drawing() {
        let c = BarChart {
            title: "2023年度各单位整体支出（含项目支出与基本支出的合计数）".into(),
            ..chart(
                vec![
                    Category {
                        label: "五好园区家园区环境卫生整治（含入统、春风行动等）等活动支出".into(),
                        values: vec![v("174053.00"), v("166246.71")],
                    },
                    Category {
                        label: "Official hospitality and official vehicle purchase and operation".into(),
                        values: vec![v("-1250.5"), None],
                    },
                ],
                2,
            )
        };
        let d = c.draw();
        assert!(d.inline.contains("viewBox=\"0 0 340 "), "drawn 340 wide");
        for (start, w, _, text) in text_spans(&d.inline) {
            assert!(
                start >= 0.0 && start + w <= WIDTH + 0.5,
                "{text:?} spans {start}..{}",
                start + w
            );
        }
        // The largest value is printed in full, inside the drawing.
        assert!(d.inline.contains(">174,053.00</text>") && d.inline.contains(">-1,250.5</text>"));
    }

    #[test]
    fn labels_stand_above_their_bars_and_ticks_stay_apart() {
        let c = chart(
            vec![
                Category {
                    label: "基本支出".into(),
                    values: vec![v("5196.57")],
                },
                Category {
                    label: "项目支出".into(),
                    values: vec![v("161050.14")],
                },
            ],
            1,
        );
        let d = c.draw();
        let spans = text_spans(&d.inline);
        let label_y = spans.iter().find(|s| s.3 == "项目支出").unwrap().2;
        let bar_y: f64 = d
            .inline
            .split("<rect class=\"gk-s1 gk-e\"")
            .nth(2)
            .and_then(|s| s.split("y=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(label_y < bar_y, "the label ({label_y}) is above its bar ({bar_y})");
        let label_x = spans.iter().find(|s| s.3 == "项目支出").unwrap().0;
        assert_eq!(label_x, PAD, "labels start at the left edge, like the bars");
        // The grid's values under the chart do not touch each other.
        let mut ticks: Vec<_> = spans
            .iter()
            .filter(|s| d.inline.contains(&format!("text-anchor=\"middle\">{}</text>", s.3)))
            .collect();
        ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(ticks.len() >= 3, "{ticks:?}");
        for w in ticks.windows(2) {
            assert!(w[0].0 + w[0].1 + 4.0 <= w[1].0, "{:?} and {:?} overlap", w[0].3, w[1].3);
        }
    }

    #[test]
    fn wraps_long_cjk_labels() {
        let lines = wrap("五好园区家园区环境卫生整治（含入统、春风行动等）等活动支出", 220.0);
        assert!(lines.len() >= 2 && lines.iter().all(|l| text_width(l) <= 220.0));
        assert_eq!(
            lines.concat(),
            "五好园区家园区环境卫生整治（含入统、春风行动等）等活动支出"
        );
        assert_eq!(wrap("Official hospitality", 220.0), vec!["Official hospitality"]);
    }

    #[test]
    fn nice_steps_are_exact() {
        assert_eq!(nice_step(Decimal::from(166246)).to_string(), "50000");
        assert_eq!(nice_step(Decimal::from(100)).to_string(), "50");
        assert_eq!(nice_step("3.28".parse::<Decimal>().unwrap()).to_string(), "1");
    }

    #[test]
    fn series_differ_by_pattern() {
        let c = chart(
            vec![Category {
                label: "x".into(),
                values: vec![v("1"), v("2")],
            }],
            2,
        );
        let d = c.draw();
        assert!(d.inline.contains("<pattern id=\"t-p1\"") && d.inline.contains("fill=\"url(#t-p1)\""));
    }
}

#[cfg(test)]
mod palette_tests {
    use super::CHART_CSS;

    fn luminance(hex: &str) -> f64 {
        let h = hex.trim_start_matches('#');
        let full: String = if h.len() == 3 {
            h.chars().flat_map(|c| [c, c]).collect()
        } else {
            h.to_string()
        };
        let ch = |i: usize| {
            let c = u8::from_str_radix(&full[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Variables of one `{--name:value;…}` block.
    fn vars(block: &str) -> Vec<(String, String)> {
        block
            .split(['{', ';', '}'])
            .filter_map(|d| {
                d.trim()
                    .strip_prefix("--")?
                    .split_once(':')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
            })
            .collect()
    }

    #[test]
    fn every_series_colour_has_3_to_1_contrast_in_light_and_dark() {
        let light = &CHART_CSS[..CHART_CSS.find('}').unwrap() + 1];
        let dark_start = CHART_CSS.find("prefers-color-scheme:dark").unwrap();
        let dark = &CHART_CSS[dark_start..dark_start + CHART_CSS[dark_start..].find("}}").unwrap() + 1];
        for block in [light, dark] {
            let v = vars(block);
            let get = |k: &str| v.iter().find(|(n, _)| n == k).unwrap().1.clone();
            let bg = get("chart-bg");
            for c in ["c1", "c2", "c3", "c4", "chart-fg", "chart-muted"] {
                let ratio = contrast(&get(c), &bg);
                assert!(ratio >= 3.0, "--{c} {} on {bg}: {ratio:.2}", get(c));
            }
            assert!(contrast(&get("chart-muted"), &bg) >= 4.5, "muted text must meet 4.5:1");
        }
    }
}

//! Diagnostics: what went wrong, where in the source, and a hint. Several are
//! collected per run; [`render`] prints them with the source line and a caret.

use std::fmt::Write as _;
use std::ops::Range;

/// One problem in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range in the source text.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when known.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without hint.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span, message: message.into(), hint: None }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
}

/// Assembly failed: every problem found, in source order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in assembly source", .0.len())]
pub struct AsmError(pub Vec<Diagnostic>);

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_col(source: &str, at: usize) -> (usize, usize) {
    let at = at.min(source.len());
    let before = &source[..floor_char_boundary(source, at)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Renders diagnostics as `file:line:col: error: message`, the source line,
/// a caret line under the span, and `hint: ...`.
pub fn render(file: &str, source: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, col) = line_col(source, d.span.start);
        let _ = writeln!(out, "{file}:{line}:{col}: error: {}", d.message);
        let text = source.lines().nth(line - 1).unwrap_or("");
        let width = {
            let start = floor_char_boundary(source, d.span.start.min(source.len()));
            let end = floor_char_boundary(source, d.span.end.min(source.len())).max(start);
            let spanned = &source[start..end];
            let first_line = spanned.split('\n').next().unwrap_or("");
            first_line.chars().count().max(1)
        };
        let gutter = line.to_string().len();
        let _ = writeln!(out, "{:gutter$} |", "");
        let _ = writeln!(out, "{line} | {text}");
        let _ = writeln!(out, "{:gutter$} | {}{}", "", " ".repeat(col - 1), "^".repeat(width));
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "{:gutter$} = hint: {h}", "");
        }
    }
    out
}

/// Levenshtein distance (ASCII case-insensitive), for "did you mean" hints;
/// `None` as soon as it must exceed `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || b.len() > 64 {
        return None;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row = [0usize; 65];
    for (j, slot) in row.iter_mut().enumerate().take(b.len() + 1) {
        *slot = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut best = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            let same = ca.eq_ignore_ascii_case(cb);
            row[j + 1] = (prev + usize::from(!same)).min(row[j] + 1).min(cur + 1);
            prev = cur;
            best = best.min(row[j + 1]);
        }
        if best > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|d| *d <= limit)
}

/// The candidate closest to `word` (case-insensitive), if it is close enough to suggest.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > 40 {
        return None;
    }
    let limit = (word.len() / 3).max(1);
    candidates
        .filter_map(|c| edit_distance_within(word, c, limit).map(|d| (d, c)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

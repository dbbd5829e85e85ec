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

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word` (case-insensitive), if it is close enough to suggest.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > 40 {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let limit = (word.len() / 3).max(1);
    candidates
        // Lengths that differ by more than the limit cannot be close enough.
        .filter(|c| c.len().abs_diff(word.len()) <= limit)
        .map(|c| (edit_distance(&upper, &c.to_ascii_uppercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

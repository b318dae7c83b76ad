//! Finding quotation marks and pairing them.
//!
//! One left-to-right pass over the characters, line by line, with a small stack of open marks.
//! Marks are read from their context (space or punctuation on one side, a letter on the other),
//! apostrophes (`don't`, `China's`, `'90s`, `the boys' toys`) are told apart from single quote
//! marks, and an opening mark never pairs beyond the end of its line unless the quotation clearly
//! goes on (the next paragraph starts with the same opening mark, or the next line closes it).
//! Everything is linear in the length of the text.

use crate::span::Span;

/// A paired (or recovered) quotation found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// Without the marks, trimmed of white space.
    pub span: Span,
    /// With the marks (for a quotation that runs to the end of its paragraph without a closing
    /// mark, up to the end of the paragraph).
    pub outer: Span,
    /// True when the quotation was not closed in its paragraph and the next paragraph opens
    /// again with the same mark (a quotation running over several paragraphs).
    pub continues: bool,
    /// True when no closing mark was found.
    pub unclosed: bool,
    /// How many other quotations enclose this one.
    pub depth: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Angle,
    SingleAngle,
    Corner,
    WhiteCorner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Could be either: decided by whether one of its family is open.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    family: Family,
    role: Role,
    /// A closing single mark that looks like a plural possessive (`boys' toys`).
    possessive: bool,
    /// Characters the mark takes (2 for a doubled apostrophe `''` used as a double mark).
    width: usize,
    /// A straight mark (`"`, `'`) rather than a typographic one.
    straight: bool,
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '\u{2015}' | '<' | '>'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/' | '<'
    )
}

/// Quote characters as the pairing sees them: the tokenizer's quotation marks except the
/// backtick, which news text uses as an accent or typo, not as a quotation mark.
fn is_mark_char(c: char) -> bool {
    c != '`' && crate::text::token::is_quote_char(c)
}

/// Shortened words written with a leading apostrophe.
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "em", "n", "round", "til", "tis", "twas", "ya", "yer",
];

fn starts_elision(chars: &[char], i: usize) -> bool {
    let mut e = i + 1;
    while e < chars.len() && chars[e].is_alphabetic() && e - i <= 6 {
        e += 1;
    }
    if e == i + 1 || (e < chars.len() && chars[e].is_alphanumeric()) {
        return false;
    }
    let w: String = chars[i + 1..e]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    ELISIONS.contains(&w.as_str())
}

/// Reads the mark at `i`, or `None` when the character is not a quotation mark here.
#[inline]
fn classify(chars: &[char], i: usize) -> Option<Mark> {
    // Inlined cheap reject: callers test nearly every character of the text.
    if !is_mark_char(chars[i]) {
        return None;
    }
    classify_mark(chars, i)
}

/// [`classify`] for a character that is a quotation mark character.
fn classify_mark(chars: &[char], i: usize) -> Option<Mark> {
    let c = chars[i];
    // Doubled apostrophes (`''like this''`) are not quotation marks: news corpora annotated
    // for quotations (PolNeAR's 116 training articles that use them, for one) never mark what
    // they enclose, so treating them as quotes only adds false quotations.
    if c == '\'' && (chars.get(i + 1) == Some(&'\'') || (i > 0 && chars[i - 1] == '\'')) {
        return None;
    }
    let prev = if i > 0 { Some(chars[i - 1]) } else { None };
    let next = chars.get(i + 1).copied();
    let left_open = match prev {
        None => true,
        Some(p) => p.is_whitespace() || is_open_punct(p) || (is_mark_char(p) && p != c),
    };
    let right_open = match next {
        None => true,
        Some(n) => n.is_whitespace() || is_close_punct(n) || (is_mark_char(n) && n != c),
    };
    let by_context = |default: Role| {
        if left_open && !right_open {
            Role::Open
        } else if !left_open && right_open {
            Role::Close
        } else {
            default
        }
    };
    let alnum = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
    let mark = |family, role| {
        Some(Mark {
            family,
            role,
            possessive: false,
            width: 1,
            straight: c == '"',
        })
    };
    match c {
        '"' | '\u{FF02}' => mark(Family::Double, by_context(Role::Either)),
        '\u{201C}' | '\u{201E}' | '\u{201F}' => {
            // Typographic openers; a few sites use “ as a closer after a word.
            let role = if !left_open && right_open && c == '\u{201C}' {
                Role::Close
            } else {
                Role::Open
            };
            mark(Family::Double, role)
        }
        '\u{201D}' => {
            let line_start = prev.is_none_or(|p| p == '\n' || p == '\r');
            let role = if line_start || (left_open && !right_open && alnum(next)) {
                Role::Open
            } else {
                Role::Close
            };
            mark(Family::Double, role)
        }
        '\u{00AB}' => mark(
            Family::Angle,
            if !left_open && right_open && prev.is_some_and(|p| p.is_alphanumeric()) {
                Role::Close
            } else {
                Role::Open
            },
        ),
        '\u{00BB}' => mark(
            Family::Angle,
            if left_open && !right_open && alnum(next) {
                Role::Either
            } else {
                Role::Close
            },
        ),
        '\u{2039}' => mark(Family::SingleAngle, Role::Open),
        '\u{203A}' => mark(Family::SingleAngle, Role::Close),
        '\u{300C}' => mark(Family::Corner, Role::Open),
        '\u{300D}' => mark(Family::Corner, Role::Close),
        '\u{300E}' => mark(Family::WhiteCorner, Role::Open),
        '\u{300F}' => mark(Family::WhiteCorner, Role::Close),
        _ => {
            // Single marks: ' ‘ ’ ‚ ‛
            if alnum(prev) && alnum(next) {
                return None; // don't, China's, rock'n'roll
            }
            if left_open && next.is_some_and(|n| n.is_ascii_digit()) {
                return None; // '90s
            }
            if left_open && starts_elision(chars, i) {
                return None; // 'em, 'til, 'n'
            }
            match c {
                '\u{2018}' | '\u{201A}' | '\u{201B}' => {
                    if !left_open && right_open {
                        mark(Family::Single, Role::Close)
                    } else {
                        mark(Family::Single, Role::Open)
                    }
                }
                _ => {
                    let role = by_context(Role::Either);
                    if role == Role::Either && left_open && right_open {
                        return None; // a lone ' between spaces
                    }
                    if c == '\u{2019}' && role == Role::Open && !alnum(next) {
                        return None;
                    }
                    let possessive = role != Role::Open
                        && prev.is_some_and(|p| p == 's' || p == 'S' || p == 'z')
                        && next.is_none_or(|n| n.is_whitespace());
                    Some(Mark {
                        family: Family::Single,
                        role,
                        possessive,
                        width: 1,
                        straight: c == '\'',
                    })
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    pos: usize,
    family: Family,
    width: usize,
    straight: bool,
    /// False for HTML attribute values (`id="x"`): paired but never reported.
    report: bool,
}

/// Finds quotations in `chars` (the text as code points).
pub fn find(chars: &[char]) -> Vec<RawQuote> {
    let n = chars.len();
    let mut out: Vec<RawQuote> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Position of the next single closing mark that is not a possessive, per line; computed
    // lazily when a possessive-looking mark needs it.
    let mut next_plain_single_close: Option<(usize, Option<usize>)> = None;
    let mut i = 0;
    while i < n {
        // Most characters are ASCII that is neither a line break nor a mark: nothing to do.
        let plain = |c: &char| c.is_ascii() && !matches!(c, '\n' | '\r' | '"' | '\'');
        i += chars[i..].iter().take_while(|c| plain(c)).count();
        let Some(&c) = chars.get(i) else { break };
        if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
            // End of a line: settle what is still open.
            let line_end = i;
            let mut j = i;
            let mut newlines = 0;
            while j < n && chars[j].is_whitespace() {
                let c = chars[j];
                if matches!(c, '\n' | '\u{2029}' | '\u{2028}')
                    || (c == '\r' && chars.get(j + 1) != Some(&'\n'))
                {
                    newlines += 1;
                }
                j += 1;
            }
            settle_line_end(chars, &mut stack, &mut out, line_end, j, newlines);
            i = j;
            continue;
        }
        let Some(m) = classify(chars, i) else {
            i += 1;
            continue;
        };
        // A typographic mark pairs with one of its own style first; straight and typographic
        // marks nest ("…“too loud”…").
        let same_style = stack
            .iter()
            .rposition(|o| o.family == m.family && o.straight == m.straight);
        let pending = same_style.or_else(|| stack.iter().rposition(|o| o.family == m.family));
        let role = match m.role {
            Role::Either => {
                if pending.is_some() {
                    Role::Close
                } else {
                    Role::Open
                }
            }
            r => r,
        };
        match role {
            Role::Open => {
                if let Some(k) = same_style
                    && matches!(m.family, Family::Double | Family::Single)
                {
                    // No nesting of a mark inside itself: the earlier mark was never closed.
                    stack.truncate(k);
                }
                let report = !(i > 0 && chars[i - 1] == '=');
                stack.push(Open {
                    pos: i,
                    family: m.family,
                    width: m.width,
                    straight: m.straight,
                    report,
                });
            }
            Role::Close | Role::Either => {
                let Some(k) = pending else {
                    i += 1;
                    continue;
                };
                if m.possessive {
                    // "the boys' toys" inside a single-quoted passage: only close here when no
                    // plainer closing mark follows on this line.
                    let next_plain = match next_plain_single_close {
                        Some((from, found)) if from <= i && found.is_none_or(|f| f > i) => found,
                        _ => {
                            let found = scan_plain_single_close(chars, i + 1);
                            next_plain_single_close = Some((i, found));
                            found
                        }
                    };
                    if next_plain.is_some() {
                        i += 1;
                        continue;
                    }
                }
                let open = stack[k];
                stack.truncate(k);
                if open.report {
                    let bounds = (open.pos, open.pos + open.width, i, i + m.width);
                    push_quote(chars, &mut out, bounds, false, false);
                }
            }
        }
        i += m.width;
    }
    settle_line_end(chars, &mut stack, &mut out, n, n, 2);
    crate::sort::sort_by(&mut out, |a, b| {
        a.outer
            .start
            .cmp(&b.outer.start)
            .then(b.outer.end.cmp(&a.outer.end))
    });
    set_depths(&mut out);
    out
}

/// The next single closing mark on the line from `from` that does not look like a possessive.
fn scan_plain_single_close(chars: &[char], from: usize) -> Option<usize> {
    let mut k = from;
    while k < chars.len() && chars[k] != '\n' && chars[k] != '\r' {
        if let Some(m) = classify(chars, k)
            && m.family == Family::Single
            && m.role != Role::Open
            && !m.possessive
        {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Deals with marks still open at a line end (`line_end`); the next line starts at `next`.
fn settle_line_end(
    chars: &[char],
    stack: &mut Vec<Open>,
    out: &mut Vec<RawQuote>,
    line_end: usize,
    next: usize,
    newlines: usize,
) {
    if stack.is_empty() {
        return;
    }
    let next_first = if next < chars.len() {
        classify(chars, next)
    } else {
        None
    };
    // A hard-wrapped line: the quotation is closed on the next line (before any new opening).
    if newlines == 1
        && next < chars.len()
        && let Some(top) = stack.last()
        && next_line_closes(chars, next, top.family)
    {
        return;
    }
    let opens: Vec<Open> = std::mem::take(stack);
    for o in opens {
        if !o.report {
            continue;
        }
        let continues = next_first
            .is_some_and(|m| m.family == o.family && matches!(m.role, Role::Open | Role::Either));
        let at_line_start = {
            let mut k = o.pos;
            while k > 0 && chars[k - 1] != '\n' && chars[k - 1].is_whitespace() {
                k -= 1;
            }
            k == 0 || chars[k - 1] == '\n' || chars[k - 1] == '\r'
        };
        let after_colon = {
            let mut k = o.pos;
            while k > 0 && chars[k - 1].is_whitespace() && chars[k - 1] != '\n' {
                k -= 1;
            }
            k > 0 && matches!(chars[k - 1], ':' | ',')
        };
        let keep = match o.family {
            Family::Single | Family::SingleAngle => at_line_start && continues,
            _ => continues || at_line_start || after_colon || words(chars, o.pos, line_end) >= 4,
        };
        if keep {
            let bounds = (o.pos, o.pos + o.width, line_end, line_end);
            push_quote(chars, out, bounds, continues, true);
        }
    }
}

/// True when, on the line starting at `from`, a closing mark of `family` comes before any
/// opening one.
fn next_line_closes(chars: &[char], from: usize, family: Family) -> bool {
    let mut k = from;
    while k < chars.len() && chars[k] != '\n' && chars[k] != '\r' {
        if let Some(m) = classify(chars, k)
            && m.family == family
        {
            return m.role == Role::Close;
        }
        k += 1;
    }
    false
}

fn words(chars: &[char], from: usize, to: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &c in &chars[from..to.min(chars.len())] {
        if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if c.is_whitespace() {
            in_word = false;
        }
    }
    count
}

/// Records a quotation; `bounds` = (outer start, words start, words end, outer end).
fn push_quote(
    chars: &[char],
    out: &mut Vec<RawQuote>,
    bounds: (usize, usize, usize, usize),
    continues: bool,
    unclosed: bool,
) {
    let (os, mut s, mut e, mut oe) = bounds;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if !chars[s..e].iter().any(|c| c.is_alphanumeric()) {
        return;
    }
    while unclosed && oe > s && chars[oe - 1].is_whitespace() {
        oe -= 1;
    }
    out.push(RawQuote {
        span: Span::new(s, e),
        outer: Span::new(os, oe),
        continues,
        unclosed,
        depth: 0,
    });
}

/// Sets `depth` from containment; `qs` is sorted by start, longer first. A quotation recovered
/// at a paragraph end without its closing mark (often a block-quote marker) encloses nothing.
fn set_depths(qs: &mut [RawQuote]) {
    let mut stack: Vec<Span> = Vec::new();
    for q in qs.iter_mut() {
        while let Some(top) = stack.last() {
            if top.contains(q.outer) && *top != q.outer {
                break;
            }
            stack.pop();
        }
        q.depth = stack.len().min(u8::MAX as usize) as u8;
        if !q.unclosed {
            stack.push(q.outer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, u8)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars)
            .iter()
            .map(|q| {
                (
                    chars[q.span.start..q.span.end].iter().collect::<String>(),
                    q.depth,
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn marks_and_apostrophes() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we will win\" today.", &["we will win"]),
            ("She called it “normal” and left.", &["normal"]),
            ("Il a dit « bonjour » hier.", &["bonjour"]),
            ("Er sagte „hallo“ laut.", &["hallo"]),
            ("He said ‘no way’ twice.", &["no way"]),
            ("He said 'no way' twice.", &["no way"]),
            ("We don't know China's plan.", &[]),
            ("Back in the '90s the boys' club won.", &[]),
            ("the boys’ club and the girls’ team", &[]),
            (
                "‘The boys’ toys are broken,’ she said.",
                &["The boys’ toys are broken,"],
            ),
            ("rock 'n' roll and 'em", &[]),
            ("He is 6'2\" tall.", &[]),
            ("「你好」他说", &["你好"]),
            ("<a href=\"x.html\">link</a>", &[]),
            ("“A,” he said. “B.”", &["A,", "B."]),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn nested_quotes_have_depth() {
        let got = quotes("He said: “They called it ‘a hoax’ again.”");
        assert_eq!(
            got,
            vec![
                ("They called it ‘a hoax’ again.".to_string(), 0),
                ("a hoax".to_string(), 1)
            ]
        );
        let got = quotes("\"I heard 'stop' twice,\" she said.");
        assert_eq!(got[1], ("stop".to_string(), 1));
    }

    #[test]
    fn doubled_apostrophes_and_mixed_styles() {
        assert!(
            texts("''It is over,'' she said of the boys' game.").is_empty(),
            "doubled apostrophes are not quotation marks"
        );
        // Straight outer marks around typographic inner ones nest instead of breaking.
        let got = quotes("\"It comes across as “too loud” to some,\" he said.");
        assert_eq!(
            got,
            vec![
                ("It comes across as “too loud” to some,".to_string(), 0),
                ("too loud".to_string(), 1)
            ]
        );
        // A typographic closing mark at the start of a paragraph opens (a common typo).
        assert_eq!(
            texts("Intro.\n\n” Fine words,” he said."),
            vec!["Fine words,"]
        );
    }

    #[test]
    fn multi_paragraph_quotes_split_per_paragraph() {
        let text =
            "He wrote:\n\n“First part of it.\n\n“Second part.\n\n“Last part.”\n\nThen he left.";
        let chars: Vec<char> = text.chars().collect();
        let qs = find(&chars);
        let got: Vec<String> = qs
            .iter()
            .map(|q| chars[q.span.start..q.span.end].iter().collect())
            .collect();
        assert_eq!(got, vec!["First part of it.", "Second part.", "Last part."]);
        assert!(qs[0].continues && qs[1].continues && !qs[2].continues);
    }

    #[test]
    fn unbalanced_marks_stay_in_their_paragraph() {
        let text = "He said \"this is never closed because of a typo.\n\nThen \"this\" is fine and \"so is this\".";
        assert_eq!(
            texts(text),
            vec![
                "this is never closed because of a typo.",
                "this",
                "so is this"
            ]
        );
        // A stray mark does not pair with one paragraphs away.
        let text = "A stray \" mark.\n\nMore text.\n\nAnd another \" here.";
        assert_eq!(texts(text), Vec::<String>::new());
    }

    #[test]
    fn hard_wrapped_quote_joins_lines() {
        let text = "He said \"this quote is\nwrapped over two lines\" and left.";
        assert_eq!(texts(text), vec!["this quote is\nwrapped over two lines"]);
    }
}

//! Finding quotation marks and pairing them.
//!
//! One left-to-right pass over the characters, line by line, with a small stack of open marks.
//! Marks are read from their context (space or punctuation on one side, a letter on the other),
//! apostrophes (`don't`, `China's`, `'90s`, `the boys' toys`) are told apart from single quote
//! marks, and an opening mark never pairs beyond the end of its line unless the quotation clearly
//! goes on (the next paragraph starts with the same opening mark, or the next line closes it).
//! Everything is linear in the length of the text, which is read as UTF-8 where it lies (no
//! decoded copy): positions carry their byte and code-point offsets together.

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
    /// Bytes the mark takes.
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

/// True when `after` (the text right after an apostrophe) starts with one of [`ELISIONS`]
/// standing alone.
fn starts_elision(after: &str) -> bool {
    // The letters of the word, at most 6, and the character that ends them.
    let mut letters = 0;
    let mut end = 0;
    let mut rest = after.chars();
    let stop = loop {
        match rest.next() {
            Some(c) if c.is_alphabetic() && letters < 6 => {
                letters += 1;
                end += c.len_utf8();
            }
            other => break other,
        }
    };
    if letters == 0 || stop.is_some_and(char::is_alphanumeric) {
        return false;
    }
    // (The list is ASCII, and no other character lower-cases to one of its letters.)
    let w = &after[..end];
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(w))
}

/// The character at byte `i` of `text` (a character boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|r| r.chars().next())
}

/// Reads the mark at byte `i`, or `None` when the character is not a quotation mark here.
#[inline]
fn classify(text: &str, i: usize) -> Option<Mark> {
    // Cheap reject first: callers test every character of a line.
    let c = char_at(text, i)?;
    if !is_mark_char(c) {
        return None;
    }
    classify_mark(text, i, c)
}

/// [`classify`] for the quotation mark character `c` at byte `i`.
fn classify_mark(text: &str, i: usize, c: char) -> Option<Mark> {
    let prev = text[..i].chars().next_back();
    let after = &text[i + c.len_utf8()..];
    let next = after.chars().next();
    // Doubled apostrophes (`''like this''`) are not quotation marks: news corpora annotated
    // for quotations (PolNeAR's 116 training articles that use them, for one) never mark what
    // they enclose, so treating them as quotes only adds false quotations.
    if c == '\'' && (next == Some('\'') || prev == Some('\'')) {
        return None;
    }
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
    let width = c.len_utf8();
    let mark = |family, role| {
        Some(Mark {
            family,
            role,
            possessive: false,
            width,
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
            if left_open && starts_elision(after) {
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
                        width,
                        straight: c == '\'',
                    })
                }
            }
        }
    }
}

/// A place in the text as a byte offset (for reading it) and a code-point offset (for the
/// spans): the scan moves both, so no offset table is needed.
#[derive(Clone, Copy, Debug)]
struct Pos {
    b: usize,
    c: usize,
}

impl Pos {
    /// The position after character `ch` starting here.
    #[inline]
    fn after(self, ch: char) -> Pos {
        Pos {
            b: self.b + ch.len_utf8(),
            c: self.c + 1,
        }
    }

    /// The position of character `ch` ending here.
    #[inline]
    fn before(self, ch: char) -> Pos {
        Pos {
            b: self.b - ch.len_utf8(),
            c: self.c - 1,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    pos: Pos,
    family: Family,
    /// Bytes the opening mark takes.
    width: usize,
    straight: bool,
    /// False for HTML attribute values (`id="x"`): paired but never reported.
    report: bool,
}

/// The number of bytes at the start of `bytes` the scan can skip: ASCII that is neither a
/// line break nor a straight quotation mark (most of any text).
fn plain_run(bytes: &[u8]) -> usize {
    // Eight bytes at a time: `zero_bytes(v ^ x)` has the high bit set in the first byte of `v`
    // equal to the byte repeated in `x` (and perhaps in later ones, never in earlier ones), so
    // the lowest bit set among the tests is the first byte of interest.
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut k = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let hits = (v & HIGH)
            | zero_bytes(v ^ (ONES * u64::from(b'\n')))
            | zero_bytes(v ^ (ONES * u64::from(b'\r')))
            | zero_bytes(v ^ (ONES * u64::from(b'"')))
            | zero_bytes(v ^ (ONES * u64::from(b'\'')));
        if hits != 0 {
            return k + (hits.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    k + bytes[k..]
        .iter()
        .take_while(|&&b| b.is_ascii() && !matches!(b, b'\n' | b'\r' | b'"' | b'\''))
        .count()
}

/// Finds quotations in `text`; the spans are in code points.
pub fn find(text: &str) -> Vec<RawQuote> {
    let n = text.len();
    let mut out: Vec<RawQuote> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Byte position of the next single closing mark that is not a possessive, per line;
    // computed lazily when a possessive-looking mark needs it.
    let mut next_plain_single_close: Option<(usize, Option<usize>)> = None;
    let mut at = Pos { b: 0, c: 0 };
    while at.b < n {
        // Most characters are ASCII that is neither a line break nor a mark: nothing to do.
        let k = plain_run(&text.as_bytes()[at.b..]);
        at.b += k;
        at.c += k;
        let Some(c) = char_at(text, at.b) else { break };
        if c == '\n' || c == '\r' || c == '\u{2029}' || c == '\u{2028}' {
            // End of a line: settle what is still open.
            let line_end = at;
            let mut j = at;
            let mut newlines = 0;
            let mut rest = text[at.b..].chars().peekable();
            while let Some(&c) = rest.peek() {
                if !c.is_whitespace() {
                    break;
                }
                rest.next();
                if matches!(c, '\n' | '\u{2029}' | '\u{2028}')
                    || (c == '\r' && rest.peek() != Some(&'\n'))
                {
                    newlines += 1;
                }
                j = j.after(c);
            }
            settle_line_end(text, &mut stack, &mut out, line_end, j, newlines);
            at = j;
            continue;
        }
        let m = if is_mark_char(c) {
            classify_mark(text, at.b, c)
        } else {
            None
        };
        let Some(m) = m else {
            at = at.after(c);
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
                let report = !(at.b > 0 && text.as_bytes()[at.b - 1] == b'=');
                stack.push(Open {
                    pos: at,
                    family: m.family,
                    width: m.width,
                    straight: m.straight,
                    report,
                });
            }
            Role::Close | Role::Either => {
                let Some(k) = pending else {
                    at = at.after(c);
                    continue;
                };
                if m.possessive {
                    // "the boys' toys" inside a single-quoted passage: only close here when no
                    // plainer closing mark follows on this line.
                    let i = at.b;
                    let next_plain = match next_plain_single_close {
                        Some((from, found)) if from <= i && found.is_none_or(|f| f > i) => found,
                        _ => {
                            let found = scan_plain_single_close(text, i + m.width);
                            next_plain_single_close = Some((i, found));
                            found
                        }
                    };
                    if next_plain.is_some() {
                        at = at.after(c);
                        continue;
                    }
                }
                let open = stack[k];
                stack.truncate(k);
                if open.report {
                    let words_start = Pos {
                        b: open.pos.b + open.width,
                        c: open.pos.c + 1,
                    };
                    let bounds = (open.pos, words_start, at, at.after(c));
                    push_quote(text, &mut out, bounds, false, false);
                }
            }
        }
        at = at.after(c);
    }
    settle_line_end(text, &mut stack, &mut out, at, at, 2);
    crate::sort::sort_by(&mut out, |a, b| {
        a.outer
            .start
            .cmp(&b.outer.start)
            .then(b.outer.end.cmp(&a.outer.end))
    });
    set_depths(&mut out);
    out
}

/// The byte position of the next single closing mark on the line from byte `from` that does
/// not look like a possessive.
fn scan_plain_single_close(text: &str, from: usize) -> Option<usize> {
    for (k, c) in text[from..].char_indices() {
        if c == '\n' || c == '\r' {
            break;
        }
        if is_mark_char(c)
            && let Some(m) = classify_mark(text, from + k, c)
            && m.family == Family::Single
            && m.role != Role::Open
            && !m.possessive
        {
            return Some(from + k);
        }
    }
    None
}

/// Deals with marks still open at a line end (`line_end`); the next line starts at `next`.
fn settle_line_end(
    text: &str,
    stack: &mut Vec<Open>,
    out: &mut Vec<RawQuote>,
    line_end: Pos,
    next: Pos,
    newlines: usize,
) {
    if stack.is_empty() {
        return;
    }
    let next_first = classify(text, next.b);
    // A hard-wrapped line: the quotation is closed on the next line (before any new opening).
    if newlines == 1
        && next.b < text.len()
        && let Some(top) = stack.last()
        && next_line_closes(text, next.b, top.family)
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
        // The text before the mark without the white space that ends it on its line.
        let before = text[..o.pos.b].trim_end_matches(|c: char| c != '\n' && c.is_whitespace());
        let at_line_start = before.is_empty() || before.ends_with(['\n', '\r']);
        let after_colon = before.ends_with([':', ',']);
        let keep = match o.family {
            Family::Single | Family::SingleAngle => at_line_start && continues,
            _ => {
                continues || at_line_start || after_colon || words(&text[o.pos.b..line_end.b]) >= 4
            }
        };
        if keep {
            let words_start = Pos {
                b: o.pos.b + o.width,
                c: o.pos.c + 1,
            };
            let bounds = (o.pos, words_start, line_end, line_end);
            push_quote(text, out, bounds, continues, true);
        }
    }
}

/// True when, on the line starting at byte `from`, a closing mark of `family` comes before
/// any opening one.
fn next_line_closes(text: &str, from: usize, family: Family) -> bool {
    for (k, c) in text[from..].char_indices() {
        if c == '\n' || c == '\r' {
            break;
        }
        if is_mark_char(c)
            && let Some(m) = classify_mark(text, from + k, c)
            && m.family == family
        {
            return m.role == Role::Close;
        }
    }
    false
}

fn words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
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
    text: &str,
    out: &mut Vec<RawQuote>,
    bounds: (Pos, Pos, Pos, Pos),
    continues: bool,
    unclosed: bool,
) {
    let (os, mut s, mut e, mut oe) = bounds;
    while s.b < e.b
        && let Some(c) = char_at(text, s.b)
        && c.is_whitespace()
    {
        s = s.after(c);
    }
    while e.b > s.b
        && let Some(c) = text[..e.b].chars().next_back()
        && c.is_whitespace()
    {
        e = e.before(c);
    }
    if !text[s.b..e.b].chars().any(|c| c.is_alphanumeric()) {
        return;
    }
    while unclosed
        && oe.b > s.b
        && let Some(c) = text[..oe.b].chars().next_back()
        && c.is_whitespace()
    {
        oe = oe.before(c);
    }
    out.push(RawQuote {
        span: Span::new(s.c, e.c),
        outer: Span::new(os.c, oe.c),
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
    use crate::text::offsets::slice_chars;

    fn quotes(text: &str) -> Vec<(String, u8)> {
        find(text)
            .iter()
            .map(|q| (slice_chars(text, q.span).unwrap_or("").to_string(), q.depth))
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
        let qs = find(text);
        let got: Vec<String> = qs
            .iter()
            .map(|q| slice_chars(text, q.span).unwrap_or("").to_string())
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

    proptest::proptest! {
        /// The word-at-a-time skip stops where a byte-by-byte one does.
        #[test]
        fn plain_run_stops_at_the_first_byte_of_interest(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    b'a', b'Z', b' ', b'.', b'\n', b'\r', b'"', b'\'', b'!', b'&', 0x7f, 0x80, 0xe2,
                ]),
                0..40,
            )
        ) {
            let want = bytes
                .iter()
                .take_while(|&&b| b.is_ascii() && !matches!(b, b'\n' | b'\r' | b'"' | b'\''))
                .count();
            proptest::prop_assert_eq!(plain_run(&bytes), want);
        }
    }

    #[test]
    fn hard_wrapped_quote_joins_lines() {
        let text = "He said \"this quote is\nwrapped over two lines\" and left.";
        assert_eq!(texts(text), vec!["this quote is\nwrapped over two lines"]);
    }
}

//! Property tests: any input, no panic, every span well-formed.

use apostil_core::Span;
use apostil_core::text::Prepared;
use apostil_core::text::offsets::{CharMap, char_len, slice_chars};
use proptest::prelude::*;

/// Characters that stress the text stage: line breaks of every kind, invisible spaces,
/// quotes, dashes, marks, emoji parts, other scripts.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            ' ', '\n', '\r', '\t', '.', ',', '\'', '"', '-', ':', '/', '@', '$', '%', '…',
            '\u{00A0}', '\u{200B}', '\u{200D}', '\u{00AD}', '\u{2028}', '\u{2029}', '\u{FEFF}',
            '“', '”', '‘', '’', '—', '–', '«', '»', '\u{0301}', '\u{FE0F}', '\u{1F3FD}',
            '\u{1F1FA}', '\u{1F1F8}', '😀', '👩', '北', '京', '。', 'ع', '؟', 'ह', '\u{093F}',
            '।', '₹', '€', '1', '9', 'a', 'A', 'n', 't', 's', 'S', 'U', 'M', 'r', 'w', 'h',
            'p', 'c', 'o', 'm',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..120).prop_map(|v| v.into_iter().collect())
}

fn check(text: &str) {
    let p = Prepared::new(text);
    let len = char_len(text);
    assert_eq!(p.len_chars(), len);
    let ok = |s: Span| s.start < s.end && s.end <= len;
    let map = CharMap::new(text);
    // Tokens: inside, non-empty, sorted, non-overlapping, not starting with white space.
    let mut prev_end = 0;
    // slice_chars walks the text: compare it on short texts only.
    let short = text.len() < 4000;
    for t in &p.tokens {
        assert!(ok(t.span), "token {:?} in {text:?}", t.span);
        assert!(t.span.start >= prev_end, "tokens overlap in {text:?}");
        prev_end = t.span.end;
        let s = map.slice(text, t.span);
        if short {
            assert_eq!(Some(s), slice_chars(text, t.span));
        }
        assert!(!s.starts_with(char::is_whitespace), "token {s:?}");
    }
    // Sentences: cover all tokens in order, spans match their tokens.
    let mut next = 0;
    for s in &p.sentences {
        assert!(ok(s.span));
        assert_eq!(s.tokens.start, next, "sentences skip tokens in {text:?}");
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
        assert_eq!(s.span.start, p.tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, p.tokens[s.tokens.end - 1].span.end);
    }
    assert_eq!(next, p.tokens.len());
    // Line-by-line tokenising gives the tokens of the whole text at once; the lazily decoded
    // code points and the one-character accessor agree with the standard library.
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        p.tokens,
        apostil_core::text::token::tokenize_chars(&chars),
        "{text:?}"
    );
    if short {
        for (i, &c) in chars.iter().enumerate() {
            assert_eq!(p.char_at(i), Some(c));
        }
    }
    assert_eq!(p.char_at(len), None);
    // Paragraphs and regions: inside, non-empty, sorted, non-overlapping.
    let mut prev_end = 0;
    for s in &p.intake.paragraphs {
        assert!(ok(*s) && s.start >= prev_end, "paragraph {s:?} in {text:?}");
        prev_end = s.end;
        if short {
            assert_eq!(Some(map.slice(text, *s)), slice_chars(text, *s));
        }
    }
    let mut prev_end = 0;
    for r in &p.intake.regions {
        assert!(
            ok(r.span) && r.span.start >= prev_end,
            "region {r:?} in {text:?}"
        );
        prev_end = r.span.end;
    }
    // Every token lies inside a paragraph.
    for t in &p.tokens {
        let k = p.intake.paragraph_at(t.span.start);
        assert!(
            k.is_some_and(|k| p.intake.paragraphs[k].contains(t.span)),
            "token {:?} outside paragraphs in {text:?}",
            t.span
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    #[test]
    fn tricky_text_is_well_formed(text in tricky_string()) {
        check(&text);
    }

    #[test]
    fn any_text_is_well_formed(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn paste_like_text_is_well_formed(
        lines in prop::collection::vec(
            prop::sample::select(vec![
                "Leave a Reply", "Related", "₹300/Month", "3 Months", "SAVE 25%", "Subscribe",
                "--IANS", "ab/cd", "Source: x", "By Jane Doe", "Image",
                "Updated: Mar 09 2017 | 5:58 PM IST", "BEIJING — The ministry said on Tuesday that the law would change soon.",
                "Mr. Chen said the U.S. would act.", "A teaser that stops in the middle of a…",
                "Headline Without A Period", "", "  • bullet item here",
            ]),
            0..25,
        ),
        sep in prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r\n\r\n", "\u{2029}", "\r"]),
    ) {
        check(&lines.join(sep));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Texts longer than the tokenizer's pieces (it decodes a few thousand bytes at a time, cut
    /// after a line break): wherever the cuts fall among tricky characters, the tokens are
    /// those of the whole text at once.
    #[test]
    fn long_text_tokens_do_not_depend_on_pieces(
        pad in 0usize..300,
        lines in prop::collection::vec(tricky_string(), 1..12),
    ) {
        let body = lines.join("\n");
        let mut text = "x".repeat(pad);
        while text.len() < 20_000 {
            text.push_str(&body);
            text.push('\n');
        }
        let p = Prepared::new(&text);
        let chars: Vec<char> = text.chars().collect();
        prop_assert_eq!(&p.tokens, &apostil_core::text::token::tokenize_chars(&chars));
    }
}

/// Pathological inputs stay linear (a quadratic path would take minutes here).
#[test]
fn pathological_inputs_are_fast() {
    let n = 60_000;
    for unit in [
        "ab.",
        "a.",
        "?!",
        "x@",
        "'s ",
        "\u{201D}.",
        "http://",
        "1,",
        "-",
        "\n",
        "\r\n\r\n",
        "Related\n",
        "₹3/Month\n",
        "\u{200D}",
        "\u{1F1FA}",
        "a\u{0301}",
    ] {
        let text = unit.repeat(n / unit.len().max(1));
        let t = std::time::Instant::now();
        check(&text);
        assert!(
            t.elapsed().as_secs() < 20,
            "{unit:?} took {:?}",
            t.elapsed()
        );
    }
}

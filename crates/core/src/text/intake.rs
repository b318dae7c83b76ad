//! Intake: paragraphs, page-junk regions and article metadata of a pasted text.
//!
//! Nothing is deleted or rewritten: junk is reported as regions over the text as pasted, so
//! every offset stays valid. Every kind of line break (`\n`, `\r\n`, a lone `\r`, U+2028,
//! U+2029) and of invisible space (NBSP, zero-width space, BOM, soft hyphen) is read in place.
//!
//! How it works, line by line (a hard-wrapped block of lines counts as one):
//! 1. Features: words, letters, digits, currency, capitalisation, final punctuation, a cut-off
//!    ellipsis, a bullet, and a lower-cased key of the words for phrase tests.
//! 2. Article prose: long lines of mostly lower-case words ending a sentence. The body starts
//!    at the first such line (or at a line opening with a place dateline).
//! 3. Line-level junk anywhere: known whole lines ("Image", "Advertisement"), line beginnings
//!    ("Your email address will not be published", "Disclaimer", "Reporting by"), labels
//!    followed by a colon ("Source:", "Also Read:"), share-button lines, cookie and
//!    newsletter prompts, agency sign-offs ("--IANS") and desk slugs ("soni/dg").
//! 4. Junk blocks after the body starts: a heading ("You May Also Like", "Leave a Reply",
//!    "Subscribe to …") marks everything after it up to the next article-like block (two
//!    prose lines in a row); readers' comments stay in a comment block.
//! 5. Price tables without a heading: runs of short lines with three or more prices, one of
//!    them a billing period ("3 Months", "₹300/Month", "SAVE 25%").
//! 6. Cut-off teasers ("…") after the last article paragraph: other stories' summaries.
//! 7. Before the body: byline ("By Jane Doe", "IANS Beijing"), time stamp ("Last Updated :
//!    …") and the headline (the first other short line); a place dateline ("BEIJING —") at the
//!    start of the first paragraph. These are metadata, not junk: their entities stay.
//!
//! Misses are preferred to false alarms: junk regions get no entities.

use crate::span::Span;
use crate::text::offsets::CharMap;
use crate::text::token::{is_general_punctuation, is_space, line_breaks};
use serde::{Deserialize, Serialize};

/// What a region of the paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// The article's headline.
    Headline,
    /// A byline ("By Jane Doe", "IANS Beijing").
    Byline,
    /// A dateline or time stamp line ("Updated : Apr 14 2021 | 7:42 PM IST").
    Dateline,
    /// A comment form ("Leave a Reply", "Your email address will not be published").
    CommentForm,
    /// Lists of links to other stories ("You May Also Like", "More From This Section").
    RelatedLinks,
    /// Subscription offers and price tables.
    Subscription,
    /// Share buttons, cookie notices, newsletter prompts, image captions placeholders.
    ShareOrCookie,
    /// Source credits and disclaimers ("Source: …", "Disclaimer: …").
    Credit,
}

impl RegionKind {
    /// True for page junk (greyed out, no entities), false for article metadata.
    pub const fn is_junk(self) -> bool {
        !matches!(
            self,
            RegionKind::Headline | RegionKind::Byline | RegionKind::Dateline
        )
    }
}

/// A marked region of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: RegionKind,
}

/// Metadata read off the paste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The byline text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The dateline or time stamp text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

/// The result of intake.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intake {
    /// Paragraphs: runs of text separated by blank lines (or single line breaks), trimmed.
    pub paragraphs: Vec<Span>,
    /// Marked regions, sorted by start.
    pub regions: Vec<Region>,
    /// Title, byline, dateline.
    pub metadata: Metadata,
}

impl Intake {
    /// True when `pos` lies in a junk region.
    pub fn is_junk(&self, pos: usize) -> bool {
        self.region_at(pos).is_some_and(|r| r.kind.is_junk())
    }

    /// The region containing code point `pos`, if any (a binary search: regions produced by
    /// [`read`] are sorted and never overlap).
    pub fn region_at(&self, pos: usize) -> Option<&Region> {
        let k = self.regions.partition_point(|r| r.span.start <= pos);
        let r = self.regions.get(k.checked_sub(1)?)?;
        r.span.contains_pos(pos).then_some(r)
    }

    /// True when any part of `span` lies in a junk region.
    pub fn overlaps_junk(&self, span: Span) -> bool {
        self.regions
            .iter()
            .any(|r| r.kind.is_junk() && r.span.overlaps(span))
    }

    /// The junk regions, in text order.
    pub fn junk(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(|r| r.kind.is_junk())
    }

    /// The paragraph containing code point `pos`, as an index into `paragraphs`.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let k = self.paragraphs.partition_point(|p| p.start <= pos);
        (k > 0 && self.paragraphs[k - 1].contains_pos(pos)).then(|| k - 1)
    }
}

/// One non-blank line (or a hard-wrapped block of lines) of the paste.
#[derive(Debug)]
struct Unit<'t> {
    /// Trimmed, in code points.
    span: Span,
    /// Trimmed text.
    text: &'t str,
    /// Index of the block (run of lines without a blank line between) it belongs to.
    block: usize,
    f: Features,
}

/// Bytes of a line's key kept: enough for every phrase test.
const KEY_MAX: usize = 600;

/// Line-level features.
#[derive(Debug, Default)]
struct Features {
    /// Lower-cased words of letters and digits, everything else dropped.
    key: String,
    words: usize,
    letters: usize,
    digits: usize,
    upper_words: usize,
    lower_words: usize,
    /// Ends with `.`, `!`, `?` (not an ellipsis), possibly inside closing quotes.
    terminal: bool,
    /// Ends with an ellipsis: a cut-off teaser.
    truncated: bool,
    currency: bool,
    bullet: bool,
    /// Starts with a lower-case letter.
    starts_lower: bool,
    /// Menu separators (`|`, `>`, `›`, `»`, `•`).
    seps: usize,
    /// The line is longer than [`KEY_MAX`] bytes and was only scanned that far.
    long: bool,
}

/// [`ASCII_CLASS`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII digit (`class >> 1` is 1 for a digit, 0 for a letter).
const DIGIT: u8 = 2;
/// Letters and digits by byte value; 0 for every other byte (one load per byte in the
/// feature scan instead of three range tests).
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Eight ones, one per byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a word.
const HIGH: u64 = ONES * 0x80;

/// For the eight bytes of `w`, the high bit of each byte that is an ASCII letter or digit,
/// and of each that is an ASCII digit. Every sum below stays inside its byte (the values are
/// seven-bit), so no carry crosses into the next one.
fn alnum_masks(w: u64) -> (u64, u64) {
    let ascii = !w & HIGH;
    let x = w & !HIGH;
    let at_least = |v: u64, lo: u8| (v + ONES * u64::from(0x80 - lo)) & HIGH;
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1) & ascii;
    // Upper-case letters fold onto lower-case ones; nothing else lands in `a..=z`.
    let l = x | (ONES * 0x20);
    let letter = at_least(l, b'a') & !at_least(l, b'z' + 1) & ascii;
    (letter | digit, digit)
}

impl Features {
    fn of(text: &str) -> Features {
        let mut f = Features::default();
        // Built as bytes: an ASCII byte is classified and pushed without decoding a char.
        let mut key: Vec<u8> = Vec::with_capacity(text.len().min(KEY_MAX + 8));
        // The current word (a run of non-space characters) has had a letter or digit, so it
        // has been counted, by its first one.
        let mut counted = false;
        let mut key_space = true;
        let bytes = text.as_bytes();
        let mut b = 0;
        while b < bytes.len() {
            if b >= KEY_MAX {
                // Long lines are judged by their start; the counts say "long" enough.
                f.long = true;
                break;
            }
            let x = bytes[b];
            if x.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits in one tight loop: counted and copied into
                // the key lower-cased (digits and lower-case letters already have bit 0x20).
                if !counted {
                    // A word's case is that of its first letter or digit (digits have none).
                    counted = true;
                    f.words += 1;
                    f.upper_words += usize::from(x.is_ascii_uppercase());
                    f.lower_words += usize::from(x.is_ascii_lowercase());
                }
                let lim = bytes.len().min(KEY_MAX);
                let start = b;
                let mut digits = 0;
                // The run ended inside a chunk of eight bytes (so the byte loop below has
                // nothing to add).
                let mut ended = false;
                // Eight bytes at a time while a whole word fits before `lim` (a word usually
                // ends inside the first one): the run's length from a mask of its letters and
                // digits, all eight bytes pushed lower-cased and the ones past the run dropped.
                while let Some(chunk) = bytes[..lim].get(b..b + 8) {
                    let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                    let (alnum, digit) = alnum_masks(w);
                    let stop = !alnum & HIGH;
                    let run = stop.trailing_zeros() as usize / 8;
                    let in_run = digit & stop.wrapping_sub(1) & !stop;
                    if in_run != 0 {
                        digits += in_run.count_ones() as usize;
                    }
                    let len = key.len();
                    key.extend_from_slice(&(w | (ONES * 0x20)).to_le_bytes());
                    key.truncate(len + run);
                    b += run;
                    if run < 8 {
                        ended = true;
                        break;
                    }
                }
                // The rest of a run near `lim`, byte by byte.
                while !ended && b < lim {
                    let y = bytes[b];
                    let class = ASCII_CLASS[usize::from(y)];
                    if class == 0 {
                        break;
                    }
                    digits += usize::from(class >> 1);
                    key.push(y | 0x20);
                    b += 1;
                }
                f.digits += digits;
                f.letters += b - start - digits;
                key_space = false;
                continue;
            }
            if x < 0x80 {
                b += 1;
                match x {
                    // "don't" -> "dont": keep words whole.
                    b'\'' => continue,
                    // (`u8::is_ascii_whitespace`.)
                    b' ' | b'\t' | b'\n' | 0x0C | b'\r' => counted = false,
                    b'$' => f.currency = true,
                    b'|' | b'>' => f.seps += 1,
                    _ => {}
                }
                if !key_space {
                    key.push(b' ');
                    key_space = true;
                }
                continue;
            }
            let c = text[b..].chars().next().unwrap_or(' ');
            b += c.len_utf8();
            let (space, alpha, num) = if is_general_punctuation(c) {
                (is_space(c), false, false)
            } else {
                (is_space(c), c.is_alphabetic(), c.is_numeric())
            };
            f.seps += usize::from(matches!(c, '\u{203A}' | '\u{00BB}' | '\u{2022}'));
            if space {
                counted = false;
            } else if (alpha || num) && !counted {
                counted = true;
                f.words += 1;
                if c.is_uppercase() {
                    f.upper_words += 1;
                } else if c.is_lowercase() {
                    f.lower_words += 1;
                }
            }
            if alpha {
                f.letters += 1;
            } else if num {
                f.digits += 1;
            } else if !space && is_currency(c) {
                f.currency = true;
            }
            if alpha || num {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    key.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
                key_space = false;
            } else if c == '\u{2019}' {
                // As the ASCII apostrophe.
            } else if !key_space {
                key.push(b' ');
                key_space = true;
            }
        }
        // Only whole characters were pushed, so this never fails.
        let mut key = String::from_utf8(key).unwrap_or_default();
        while key.ends_with(' ') {
            key.pop();
        }
        f.key = key;
        let trimmed = text.trim_end_matches(|c: char| {
            is_space(c)
                || matches!(
                    c,
                    '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']' | '*'
                )
        });
        f.truncated = trimmed.ends_with('\u{2026}') || trimmed.ends_with("...");
        f.terminal = !f.truncated
            && trimmed.ends_with([
                '.', '!', '?', '\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{061F}', '\u{0964}',
            ]);
        let first = text.chars().next().unwrap_or(' ');
        f.starts_lower = first.is_lowercase();
        let mut it = text.chars();
        f.bullet = matches!(
            it.next(),
            Some(
                '\u{2022}'
                    | '\u{00B7}'
                    | '\u{25AA}'
                    | '\u{25CF}'
                    | '\u{25E6}'
                    | '\u{2023}'
                    | '\u{2043}'
                    | '\u{25BA}'
                    | '\u{27A4}'
                    | '\u{2713}'
                    | '\u{2714}'
                    | '-'
                    | '*'
                    | '\u{2013}'
                    | '\u{2014}'
            )
        ) && it.next().is_some_and(is_space);
        f
    }

    /// Share of words starting with a lower-case letter.
    fn lower_share(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.lower_words as f32 / self.words as f32
        }
    }

    /// Article prose: a long line of mostly lower-case words that ends a sentence.
    fn prose(&self) -> bool {
        if self.truncated || self.bullet {
            return false;
        }
        if self.long {
            return self.terminal || self.words >= 25 || self.letters >= 200;
        }
        // Scripts without spaces: judge by length.
        if self.words <= 3 && self.letters >= 40 {
            return self.terminal;
        }
        ((self.words >= 10 && self.terminal) || self.words >= 25) && self.lower_share() >= 0.3
    }

    /// Title Case: most longer words capitalised.
    fn title_case(&self) -> bool {
        self.words > 0 && self.upper_words * 10 >= self.words * 6
    }
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{20AC}'
            | '\u{00A3}'
            | '\u{00A5}'
            | '\u{20B9}'
            | '\u{20BD}'
            | '\u{20A9}'
            | '\u{20A6}'
            | '\u{20B1}'
            | '\u{20BA}'
            | '\u{20AB}'
            | '\u{20AA}'
            | '\u{20B4}'
            | '\u{0E3F}'
            | '\u{20A8}'
    )
}

/// True when `key` is `phrase` or starts with `phrase` and a space.
fn key_starts(key: &str, phrase: &str) -> bool {
    key.strip_prefix(phrase)
        .is_some_and(|r| r.is_empty() || r.starts_with(' '))
}

/// Whole-line headings that open a block of page junk running to the next article-like block.
const SECTION_OPENERS: &[(&str, RegionKind)] = &[
    ("add a comment", RegionKind::CommentForm),
    ("already a subscriber", RegionKind::Subscription),
    ("also read", RegionKind::RelatedLinks),
    ("around the web", RegionKind::RelatedLinks),
    ("be the first to comment", RegionKind::CommentForm),
    ("become a member", RegionKind::Subscription),
    ("choose your plan", RegionKind::Subscription),
    ("comments", RegionKind::CommentForm),
    ("dont miss", RegionKind::RelatedLinks),
    ("editor s picks", RegionKind::RelatedLinks),
    ("editors picks", RegionKind::RelatedLinks),
    ("explore more", RegionKind::RelatedLinks),
    ("from the web", RegionKind::RelatedLinks),
    ("further reading", RegionKind::RelatedLinks),
    ("in other news", RegionKind::RelatedLinks),
    ("join the conversation", RegionKind::CommentForm),
    ("join the discussion", RegionKind::CommentForm),
    ("latest news", RegionKind::RelatedLinks),
    ("latest stories", RegionKind::RelatedLinks),
    ("latest videos", RegionKind::RelatedLinks),
    ("leave a comment", RegionKind::CommentForm),
    ("leave a reply", RegionKind::CommentForm),
    ("more from this section", RegionKind::RelatedLinks),
    ("more in this section", RegionKind::RelatedLinks),
    ("more like this", RegionKind::RelatedLinks),
    ("more news", RegionKind::RelatedLinks),
    ("more on this", RegionKind::RelatedLinks),
    ("more on this story", RegionKind::RelatedLinks),
    ("more stories", RegionKind::RelatedLinks),
    ("more videos", RegionKind::RelatedLinks),
    ("most popular", RegionKind::RelatedLinks),
    ("most read", RegionKind::RelatedLinks),
    ("most shared", RegionKind::RelatedLinks),
    ("most viewed", RegionKind::RelatedLinks),
    ("next article", RegionKind::RelatedLinks),
    ("next story", RegionKind::RelatedLinks),
    ("other stories", RegionKind::RelatedLinks),
    ("popular stories", RegionKind::RelatedLinks),
    ("post a comment", RegionKind::CommentForm),
    ("previous article", RegionKind::RelatedLinks),
    ("previous story", RegionKind::RelatedLinks),
    ("promoted stories", RegionKind::RelatedLinks),
    ("read also", RegionKind::RelatedLinks),
    ("read more", RegionKind::RelatedLinks),
    ("read next", RegionKind::RelatedLinks),
    ("recommended", RegionKind::RelatedLinks),
    ("recommended for you", RegionKind::RelatedLinks),
    ("recommended stories", RegionKind::RelatedLinks),
    ("recommended videos", RegionKind::RelatedLinks),
    ("related", RegionKind::RelatedLinks),
    ("related articles", RegionKind::RelatedLinks),
    ("related content", RegionKind::RelatedLinks),
    ("related coverage", RegionKind::RelatedLinks),
    ("related news", RegionKind::RelatedLinks),
    ("related posts", RegionKind::RelatedLinks),
    ("related stories", RegionKind::RelatedLinks),
    ("related topics", RegionKind::RelatedLinks),
    ("related videos", RegionKind::RelatedLinks),
    ("see also", RegionKind::RelatedLinks),
    ("select a plan", RegionKind::Subscription),
    ("show comments", RegionKind::CommentForm),
    ("sponsored stories", RegionKind::RelatedLinks),
    ("subscribe", RegionKind::Subscription),
    ("subscribe now", RegionKind::Subscription),
    ("subscribe today", RegionKind::Subscription),
    ("subscription plans", RegionKind::Subscription),
    ("top news", RegionKind::RelatedLinks),
    ("top stories", RegionKind::RelatedLinks),
    ("trending now", RegionKind::RelatedLinks),
    ("trending stories", RegionKind::RelatedLinks),
    ("up next", RegionKind::RelatedLinks),
    ("view comments", RegionKind::CommentForm),
    ("watch more", RegionKind::RelatedLinks),
    ("what to read next", RegionKind::RelatedLinks),
    ("you may also like", RegionKind::RelatedLinks),
    ("you may be interested in", RegionKind::RelatedLinks),
    ("you may like", RegionKind::RelatedLinks),
    ("you might also like", RegionKind::RelatedLinks),
];

/// Whole lines that are junk on their own (no block follows).
const JUNK_LINES: &[(&str, RegionKind)] = &[
    ("ad", RegionKind::ShareOrCookie),
    ("advertisement", RegionKind::ShareOrCookie),
    ("audio", RegionKind::ShareOrCookie),
    ("cancel anytime", RegionKind::Subscription),
    ("cancel reply", RegionKind::CommentForm),
    ("comment", RegionKind::CommentForm),
    ("continue reading", RegionKind::Subscription),
    ("copy link", RegionKind::ShareOrCookie),
    ("file image", RegionKind::ShareOrCookie),
    ("file photo", RegionKind::ShareOrCookie),
    ("gallery", RegionKind::ShareOrCookie),
    ("getty images", RegionKind::Credit),
    ("image", RegionKind::ShareOrCookie),
    ("images", RegionKind::ShareOrCookie),
    ("listen", RegionKind::ShareOrCookie),
    ("listen to this article", RegionKind::ShareOrCookie),
    ("log in", RegionKind::Subscription),
    ("login", RegionKind::Subscription),
    ("paid post", RegionKind::RelatedLinks),
    ("partner content", RegionKind::RelatedLinks),
    ("photo", RegionKind::ShareOrCookie),
    ("photos", RegionKind::ShareOrCookie),
    ("picture", RegionKind::ShareOrCookie),
    ("popular", RegionKind::RelatedLinks),
    ("post comment", RegionKind::CommentForm),
    ("premium", RegionKind::Subscription),
    ("reply", RegionKind::CommentForm),
    ("representational image", RegionKind::ShareOrCookie),
    ("representative image", RegionKind::ShareOrCookie),
    ("share this article", RegionKind::ShareOrCookie),
    ("share this story", RegionKind::ShareOrCookie),
    ("sign in", RegionKind::Subscription),
    ("sign up", RegionKind::ShareOrCookie),
    ("sponsored", RegionKind::RelatedLinks),
    ("sponsored content", RegionKind::RelatedLinks),
    ("submit comment", RegionKind::CommentForm),
    ("tags", RegionKind::RelatedLinks),
    ("topics", RegionKind::RelatedLinks),
    ("trending", RegionKind::RelatedLinks),
    ("video", RegionKind::ShareOrCookie),
    ("videos", RegionKind::ShareOrCookie),
    ("watch", RegionKind::ShareOrCookie),
    ("watch video", RegionKind::ShareOrCookie),
];

/// Line beginnings that make the whole line junk.
const JUNK_PREFIXES: &[(&str, RegionKind)] = &[
    ("additional reporting by", RegionKind::Credit),
    ("all rights reserved", RegionKind::Credit),
    ("already a subscriber", RegionKind::Subscription),
    ("already have an account", RegionKind::Subscription),
    ("article continues below", RegionKind::ShareOrCookie),
    ("click here to", RegionKind::ShareOrCookie),
    ("comments are closed", RegionKind::CommentForm),
    ("continue reading the main story", RegionKind::ShareOrCookie),
    ("copyright", RegionKind::Credit),
    ("disclaimer", RegionKind::Credit),
    ("download the app", RegionKind::ShareOrCookie),
    ("editing by", RegionKind::Credit),
    ("except for the headline", RegionKind::Credit),
    ("follow us on", RegionKind::ShareOrCookie),
    ("get the app", RegionKind::ShareOrCookie),
    ("get unlimited access", RegionKind::Subscription),
    ("image credit", RegionKind::Credit),
    ("image source", RegionKind::Credit),
    ("inputs from", RegionKind::Credit),
    ("join the conversation", RegionKind::CommentForm),
    ("link copied", RegionKind::ShareOrCookie),
    ("log in to comment", RegionKind::CommentForm),
    ("login to comment", RegionKind::CommentForm),
    ("notify me of", RegionKind::CommentForm),
    ("photo credit", RegionKind::Credit),
    ("published from a syndicated feed", RegionKind::Credit),
    ("reading time", RegionKind::ShareOrCookie),
    ("renews automatically", RegionKind::Subscription),
    ("reporting by", RegionKind::Credit),
    ("required fields are marked", RegionKind::CommentForm),
    ("save my name", RegionKind::CommentForm),
    ("scroll down to continue", RegionKind::ShareOrCookie),
    ("scroll to continue", RegionKind::ShareOrCookie),
    ("sign in to comment", RegionKind::CommentForm),
    ("start your free trial", RegionKind::Subscription),
    ("story continues below", RegionKind::ShareOrCookie),
    ("the opinions expressed", RegionKind::Credit),
    ("the views expressed", RegionKind::Credit),
    ("this article first appeared", RegionKind::Credit),
    ("this article is for subscribers", RegionKind::Subscription),
    ("this article originally", RegionKind::Credit),
    ("this article was originally", RegionKind::Credit),
    ("this story has not been edited", RegionKind::Credit),
    ("this story was originally", RegionKind::Credit),
    ("to continue reading", RegionKind::Subscription),
    ("unlock this article", RegionKind::Subscription),
    ("views expressed", RegionKind::Credit),
    ("we d love to hear", RegionKind::CommentForm),
    ("with inputs from", RegionKind::Credit),
    ("writing by", RegionKind::Credit),
    ("you must be logged in", RegionKind::CommentForm),
    (
        "your email address will not be published",
        RegionKind::CommentForm,
    ),
];

/// Line beginnings that make the line junk when a colon or bar follows ("Source: …",
/// "Also Read: …", "Photo: …").
const LABEL_PREFIXES: &[(&str, RegionKind)] = &[
    ("also read", RegionKind::RelatedLinks),
    ("also see", RegionKind::RelatedLinks),
    ("also watch", RegionKind::RelatedLinks),
    ("credit", RegionKind::Credit),
    ("credits", RegionKind::Credit),
    ("file photo", RegionKind::Credit),
    ("image", RegionKind::Credit),
    ("photo", RegionKind::Credit),
    ("photograph", RegionKind::Credit),
    ("picture", RegionKind::Credit),
    ("read also", RegionKind::RelatedLinks),
    ("read more", RegionKind::RelatedLinks),
    ("related", RegionKind::RelatedLinks),
    ("see also", RegionKind::RelatedLinks),
    ("source", RegionKind::Credit),
    ("sources", RegionKind::Credit),
    ("tags", RegionKind::RelatedLinks),
    ("topics", RegionKind::RelatedLinks),
    ("watch", RegionKind::RelatedLinks),
];

/// News agencies, for bylines ("IANS Beijing") and sign-offs ("--IANS").
const AGENCIES: &[&str] = &[
    "AAP",
    "AFP",
    "ANI",
    "ANSA",
    "AP",
    "Agencies",
    "Anadolu",
    "Antara",
    "Bernama",
    "Bloomberg",
    "CNA",
    "EFE",
    "IANS",
    "Kyodo",
    "PTI",
    "Reuters",
    "Sputnik",
    "TASS",
    "TNN",
    "Tass",
    "UNI",
    "WAM",
    "Xinhua",
    "Yonhap",
    "dpa",
];

/// Words of share-button lines (a `match` on the word: cheaper than a search of a list).
fn share_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "copy"
            | "e"
            | "email"
            | "facebook"
            | "flipboard"
            | "link"
            | "linkedin"
            | "mail"
            | "messenger"
            | "on"
            | "pinterest"
            | "print"
            | "reddit"
            | "save"
            | "share"
            | "story"
            | "telegram"
            | "this"
            | "tweet"
            | "twitter"
            | "via"
            | "whatsapp"
            | "x"
    )
}

const DATE_WORDS: &[&str] = &[
    "ago",
    "am",
    "apr",
    "april",
    "at",
    "aug",
    "august",
    "bst",
    "cest",
    "cet",
    "day",
    "days",
    "dec",
    "december",
    "edt",
    "est",
    "et",
    "feb",
    "february",
    "fri",
    "friday",
    "gmt",
    "hour",
    "hours",
    "hrs",
    "ist",
    "jan",
    "january",
    "jst",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "min",
    "mins",
    "minutes",
    "mon",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "on",
    "pdt",
    "pm",
    "pst",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "sun",
    "sunday",
    "thu",
    "thursday",
    "today",
    "tue",
    "tuesday",
    "utc",
    "wed",
    "wednesday",
    "yesterday",
];

const DATE_PREFIXES: &[&str] = &[
    "created",
    "date",
    "dated",
    "first published",
    "last modified",
    "last updated",
    "modified",
    "posted",
    "posted on",
    "published",
    "published on",
    "updated",
    "updated on",
];

/// Length of the longest phrase of a list.
const fn longest(list: &[(&str, RegionKind)]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].0.len() > max {
            max = list[i].0.len();
        }
        i += 1;
    }
    max
}

/// [`longest`] of [`SECTION_OPENERS`].
const SECTION_OPENERS_LONGEST: usize = longest(SECTION_OPENERS);
/// [`longest`] of [`JUNK_LINES`].
const JUNK_LINES_LONGEST: usize = longest(JUNK_LINES);

/// The kind of the phrase of `list` equal to `key`; `longest` is [`longest`]`(list)` (a key
/// longer than every phrase needs no search).
fn lookup(list: &[(&str, RegionKind)], longest: usize, key: &str) -> Option<RegionKind> {
    if key.len() > longest {
        return None;
    }
    // The entries sharing the key's first byte, compared for equality (a length test first)
    // rather than ordered: most keys match none, and this costs no string comparisons.
    same_first(list, key, |e| e.0)
        .iter()
        .find(|(p, _)| *p == key)
        .map(|(_, k)| *k)
}

/// True when the sorted `list` holds `w` (as [`lookup`]).
fn listed(list: &[&str], w: &str) -> bool {
    same_first(list, w, |p| p).contains(&w)
}

/// The entries of a sorted phrase list that start with the same byte as `key`, in list order
/// (a binary search instead of a look at every entry).
fn same_first<'l, T>(list: &'l [T], key: &str, phrase: impl Fn(&T) -> &str) -> &'l [T] {
    let Some(&first) = key.as_bytes().first() else {
        return &[];
    };
    let head = |t: &T| phrase(t).as_bytes().first().copied().unwrap_or(0);
    let from = list.partition_point(|t| head(t) < first);
    let to = from + list[from..].partition_point(|t| head(t) == first);
    &list[from..to]
}

fn prefix_lookup(list: &[(&str, RegionKind)], key: &str) -> Option<RegionKind> {
    same_first(list, key, |e| e.0)
        .iter()
        .find(|(p, _)| key_starts(key, p))
        .map(|(_, k)| *k)
}

/// The text with leading bullets, stars and dashes removed, lower-cased ASCII-wise.
fn strip_lead(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        is_space(c)
            || matches!(
                c,
                '*' | '-' | '\u{2013}' | '\u{2014}' | '(' | '[' | '>' | '|'
            )
    })
}

/// The heading that opens a junk block, if the unit is one.
fn section_opener(u: &Unit) -> Option<RegionKind> {
    let f = &u.f;
    if f.long {
        return None;
    }
    if f.words > 8 {
        // "Subscribe to X digital and get …" still opens a subscription block.
        if key_starts(&f.key, "subscribe to") && f.words <= 25 && !f.key.contains("newsletter") {
            return Some(RegionKind::Subscription);
        }
        return None;
    }
    if f.terminal && f.words > 3 {
        return None;
    }
    if let Some(k) = lookup(SECTION_OPENERS, SECTION_OPENERS_LONGEST, &f.key) {
        return Some(k);
    }
    if key_starts(&f.key, "subscribe to") && !f.key.contains("newsletter") {
        return Some(RegionKind::Subscription);
    }
    if (key_starts(&f.key, "more from") || key_starts(&f.key, "more in")) && f.words <= 5 {
        return Some(RegionKind::RelatedLinks);
    }
    None
}

/// Junk that a single line shows by itself.
fn line_junk(u: &Unit) -> Option<RegionKind> {
    let f = &u.f;
    if f.long {
        return None;
    }
    let key = f.key.as_str();
    if key.is_empty() {
        return None;
    }
    if f.words <= 6 {
        if let Some(k) = lookup(JUNK_LINES, JUNK_LINES_LONGEST, key) {
            return Some(k);
        }
        // "Comments (12)", "View all 45 comments"
        let counted = || {
            key.split(' ')
                .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
                .collect::<Vec<_>>()
        };
        if f.digits > 0
            && key.contains("comments")
            && matches!(
                counted().as_slice(),
                ["comments"]
                    | ["view", "comments"]
                    | ["show", "comments"]
                    | ["view", "all", "comments"]
            )
        {
            return Some(RegionKind::CommentForm);
        }
        // "5 min read", "12 comments"
        let mut w = key.split(' ');
        // (Keys never start with a space, so the first word is a number only when the key
        // starts with a digit.)
        if key.as_bytes()[0].is_ascii_digit()
            && let (Some(a), Some(b), c) = (w.next(), w.next(), w.next())
            && a.bytes().all(|b| b.is_ascii_digit())
        {
            if matches!(b, "comments" | "comment") && c.is_none() {
                return Some(RegionKind::CommentForm);
            }
            if matches!(b, "min" | "mins" | "minute" | "minutes") && c == Some("read") {
                return Some(RegionKind::ShareOrCookie);
            }
        }
    }
    if f.words <= 40
        && let Some(k) = prefix_lookup(JUNK_PREFIXES, key)
    {
        return Some(k);
    }
    let lead = strip_lead(u.text);
    if f.words <= 40 {
        for (p, k) in same_first(LABEL_PREFIXES, key, |e| e.0) {
            if key_starts(key, p) {
                // The label must be followed by a colon or bar in the text.
                let lower_ok = lead.len() > p.len()
                    && lead.is_char_boundary(p.len())
                    && lead[..p.len()].eq_ignore_ascii_case(p)
                    && lead[p.len()..].trim_start().starts_with([':', '|']);
                if lower_ok {
                    return Some(*k);
                }
            }
        }
        // "© 2024 The Daily Ledger. All rights reserved." (a bare "© Photographer/Agency"
        // photo credit names people and organisations, so it stays).
        let copyright =
            lead.starts_with('\u{00A9}') || lead.starts_with("(c) ") || lead.starts_with("(C) ");
        if copyright
            && (key.contains("rights reserved")
                || key.split(' ').any(|w| {
                    w.len() == 4 && w.starts_with("20") || w.starts_with("19") && w.len() == 4
                }))
        {
            return Some(RegionKind::Credit);
        }
    }
    // Cookie notices and newsletter prompts.
    if f.words <= 60
        && key.contains("cookie")
        && [
            "we use",
            "accept",
            "consent",
            "privacy",
            "this site",
            "this website",
            "browsing",
        ]
        .iter()
        .any(|p| key.contains(p))
    {
        return Some(RegionKind::ShareOrCookie);
    }
    if f.words <= 30
        && key.contains("newsletter")
        && [
            "sign up",
            "subscribe",
            "inbox",
            "get the",
            "get our",
            "delivered",
            "daily",
        ]
        .iter()
        .any(|p| key.contains(p))
    {
        return Some(RegionKind::ShareOrCookie);
    }
    // Share buttons: a short line of share words only.
    if f.words <= 10 && !f.terminal {
        let mut any = false;
        let all = key.split(' ').all(|w| {
            any |= matches!(
                w,
                "share"
                    | "tweet"
                    | "facebook"
                    | "twitter"
                    | "whatsapp"
                    | "linkedin"
                    | "print"
                    | "telegram"
                    | "reddit"
                    | "pinterest"
            );
            share_word(w)
        });
        if all && any {
            return Some(RegionKind::ShareOrCookie);
        }
    }
    // Media placeholders: "[PHOTO]…[/PHOTO]", "[Image: …]".
    let bracket = u.text.len() >= 6 && u.text.is_char_boundary(6) && u.text.starts_with('[');
    if bracket
        && ["[photo", "[image", "[video", "[capti", "[embed"]
            .iter()
            .any(|p| u.text[..6].eq_ignore_ascii_case(p))
    {
        return Some(RegionKind::ShareOrCookie);
    }
    // Agency sign-offs ("--IANS", "(Reuters)") and desk slugs ("soni/dg").
    if is_signoff(u.text) || is_slug(u.text) {
        return Some(RegionKind::Credit);
    }
    // Menus and breadcrumbs: three or more short items between bars or arrows (the
    // separators were counted with the features).
    if f.words <= 16
        && !f.terminal
        && f.seps >= 2
        && u.text
            .split(['|', '\u{203A}', '\u{00BB}', '>', '\u{2022}'])
            .all(|item| {
                let w = item.split_whitespace().count();
                (1..=3).contains(&w)
            })
    {
        return Some(RegionKind::ShareOrCookie);
    }
    None
}

/// Lines around readers' comments: "Jane Doe says:", "March 3, 2022 at 9:12 am", "Reply".
fn comment_marker(u: &Unit) -> bool {
    let f = &u.f;
    if f.long || f.words > 8 {
        return false;
    }
    let key = f.key.as_str();
    matches!(key, "reply" | "report" | "like" | "log in to reply")
        || (f.words <= 6 && (u.text.ends_with("says:") || u.text.ends_with("said:")))
        || (f.digits > 0 && key.split(' ').any(|w| w == "at") && is_dateline(u))
}

/// "--IANS", "— AFP", "(Reuters)", "IANS".
fn is_signoff(text: &str) -> bool {
    let edge = |c: char| is_space(c) || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '(' | ')');
    // Nothing to trim at either end: the whole line is the sign-off, and most are too long
    // (the same answer as below, without the trimming).
    if text.len() > 30 && !text.starts_with(edge) && !text.ends_with(|c| edge(c) || c == '.') {
        return false;
    }
    let dashed = text.starts_with(['-', '\u{2013}', '\u{2014}']);
    let inner = text.trim_matches(edge).trim_end_matches('.');
    if inner.is_empty() || inner.len() > 30 {
        return false;
    }
    let n_words = inner.split_whitespace().count();
    if n_words > 4 {
        return false;
    }
    let agency = inner
        .split_whitespace()
        .any(|w| AGENCIES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    agency && (dashed || n_words == 1 || (text.starts_with('(') && text.ends_with(')')))
}

/// Desk slugs of lower-case initials: "soni/dg", "vm/ksk/".
fn is_slug(text: &str) -> bool {
    // The first part is lower-case letters (most lines fail here, before any search for '/').
    if !text.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let t = text.trim_end_matches('/');
    let parts = t.split('/');
    let mut count = 0;
    for p in parts {
        count += 1;
        if p.is_empty() || p.len() > 12 || !p.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
    }
    count >= 2
}

/// "Updated : Apr 14 2021 | 7:42 PM IST", "First Published: …", "June 2, 2020 10:02 am".
fn is_dateline(u: &Unit) -> bool {
    let f = &u.f;
    if f.long {
        return false;
    }
    if f.words > 16 || f.digits == 0 || f.terminal && f.words > 8 {
        return false;
    }
    let key = f.key.as_str();
    if same_first(DATE_PREFIXES, key, |p| p)
        .iter()
        .any(|p| key_starts(key, p))
    {
        return true;
    }
    if f.words > 10 {
        return false;
    }
    // Every word a date word or a number, with a month, weekday, clock time or year.
    let mut strong = false;
    for w in key.split(' ') {
        if w.bytes().all(|b| b.is_ascii_digit()) {
            strong |= w.len() == 4;
            continue;
        }
        let stem = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()) {
            // "9th", "5pm"
            continue;
        }
        if !listed(DATE_WORDS, w) {
            return false;
        }
        strong |= !matches!(w, "at" | "on" | "am" | "pm" | "day" | "days");
    }
    strong || u.text.contains(':')
}

/// "By Jane Doe", "IANS Beijing", "Jane Doe | Reuters".
fn is_byline(u: &Unit) -> bool {
    let f = &u.f;
    if f.long {
        return false;
    }
    if f.words == 0 || f.words > 12 || f.terminal && f.words > 6 {
        return false;
    }
    let key = f.key.as_str();
    let lead = strip_lead(u.text);
    if key_starts(key, "by") && f.words >= 2 {
        let rest = lead.get(2..).unwrap_or("").trim_start_matches([' ', ':']);
        return lead.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("by"))
            && rest.chars().next().is_some_and(|c| c.is_uppercase());
    }
    if [
        "written by",
        "reported by",
        "posted by",
        "story by",
        "author",
    ]
    .iter()
    .any(|p| key_starts(key, p))
    {
        return true;
    }
    if [
        "press trust of india",
        "associated press",
        "agence france presse",
        "express news service",
        "staff reporter",
        "staff writer",
        "special correspondent",
        "our correspondent",
        "news desk",
        "web desk",
    ]
    .iter()
    .any(|p| key.contains(p))
        && f.words <= 8
        && !f.terminal
    {
        return true;
    }
    // An agency and a place: every word capitalised, four words at most.
    f.words <= 4
        && !f.terminal
        && u.text
            .split(|c: char| is_space(c) || matches!(c, '|' | '/' | ','))
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && u.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| AGENCIES.contains(&w))
}

/// What a line of a price table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Price {
    /// Not a price line.
    No,
    /// A bare amount: "₹900", "$5".
    Amount,
    /// A billing period or saving: "3 Months", "₹300/Month", "SAVE 25%", "$4.99 a month".
    Period,
}

/// Classifies a short line as part of a price table.
fn price_line(u: &Unit) -> Price {
    let f = &u.f;
    if f.long || f.words > 4 || f.terminal || f.digits == 0 {
        return Price::No;
    }
    let key = f.key.as_str();
    let period = |w: &str| {
        matches!(
            w,
            "month"
                | "months"
                | "year"
                | "years"
                | "week"
                | "weeks"
                | "monthly"
                | "yearly"
                | "annual"
                | "annually"
                | "quarterly"
                | "mo"
                | "yr"
        )
    };
    let words = || key.split(' ');
    let numeric = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit());
    let has_period = words().any(period);
    // Every word a number, a period or a filler.
    let only_prices = words()
        .all(|w| numeric(w) || period(w) || matches!(w, "a" | "per" | "save" | "off" | "only"));
    if !only_prices {
        return Price::No;
    }
    if has_period || (u.text.contains('%') && words().any(|w| matches!(w, "save" | "off"))) {
        return Price::Period;
    }
    if f.currency {
        return Price::Amount;
    }
    Price::No
}

/// A place dateline opening the first paragraph: "BEIJING —", "PORTLAND, Ore. —",
/// "NEW DELHI:", "WASHINGTON (Reuters) -". Returns its length in code points.
fn place_dateline(text: &str) -> Option<usize> {
    // The dash or colon that ends it, within the first 60 characters.
    let mut end_chars = None;
    for (chars, (b, c)) in text.char_indices().enumerate() {
        if chars > 60 {
            break;
        }
        let rest = &text[b..];
        if matches!(c, '\u{2014}' | '\u{2013}' | ':')
            || (c == '-' && rest.starts_with("--"))
            || (c == ' ' && rest.starts_with(" - "))
        {
            end_chars = Some((b, chars));
            break;
        }
    }
    let (b, nchars) = end_chars?;
    // What follows reads as prose, not as a shouted headline ("SOCCER - JAPAN WIN").
    let lower = text[b..]
        .split_whitespace()
        .take(10)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    if lower < 2 {
        return None;
    }
    let prefix = text[..b].trim_end();
    let prefix_chars = nchars - (text[..b].len() - prefix.len());
    // After the mark: a space and then text.
    if prefix.is_empty() {
        return None;
    }
    let mut first = true;
    let mut in_paren = false;
    let mut after_comma = false;
    for w in prefix.split_whitespace() {
        if w.starts_with('(') {
            in_paren = true;
        }
        let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
        if in_paren {
            if w.ends_with(')') {
                in_paren = false;
            }
            continue;
        }
        if first {
            // The place starts in capitals.
            if letters.chars().count() < 2
                || !letters
                    .chars()
                    .all(|c| c.is_uppercase() || !c.is_alphabetic())
                || !letters.chars().any(|c| c.is_alphabetic())
            {
                return None;
            }
            first = false;
        } else if !after_comma {
            let caps = letters
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic());
            if !caps || letters.is_empty() {
                return None;
            }
        } else if !letters
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return None;
        }
        if w.ends_with(',') {
            after_comma = true;
        }
    }
    if prefix.split_whitespace().count() > 8 || in_paren {
        return None;
    }
    Some(prefix_chars)
}

/// True when none of the eight bytes of `w` is >= 0x80 or < 0x0E (so none is non-ASCII or a
/// line break): the classic "has a byte less than n" bit trick, which is exact.
fn plain_word(w: u64) -> bool {
    let below = w.wrapping_sub(ONES * 0x0E) & !w & HIGH;
    (w & HIGH) | below == 0
}

/// Splits `text` into trimmed non-blank lines, grouped into blocks separated by blank lines.
fn lines(text: &str) -> Vec<(Span, std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut block = 0usize;
    let mut blank_run = true;
    // Current line: first and last non-space (char, byte) positions.
    let mut first: Option<(usize, usize)> = None;
    let mut last = (0usize, 0usize);
    let mut ci = 0usize;
    let mut finish = |first: &mut Option<(usize, usize)>,
                      last: (usize, usize),
                      blank_run: &mut bool,
                      out: &mut Vec<_>,
                      paragraph_sep: bool| {
        match first.take() {
            Some((fc, fb)) => {
                if *blank_run && !out.is_empty() {
                    block += 1;
                }
                out.push((Span::new(fc, last.0), fb..last.1, block));
                *blank_run = paragraph_sep;
            }
            None => *blank_run = true,
        }
    };
    let bytes = text.as_bytes();
    let mut b = 0usize;
    let plain = |y: u8| y < 0x80 && !matches!(y, b'\n' | 0x0B | 0x0C | b'\r');
    while b < bytes.len() {
        let x = bytes[b];
        if plain(x) {
            // A run of ASCII without line breaks: one code point per byte.
            let rest = &bytes[b..];
            let mut run = 0;
            // Eight bytes at a time while no byte is >= 0x80 or < 0x0E (a tab sends its
            // word to the byte loop, which is exact).
            while let Some(word) = rest.get(run..run + 8) {
                let w = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
                if !plain_word(w) {
                    break;
                }
                run += 8;
            }
            run += rest[run..]
                .iter()
                .position(|&y| !plain(y))
                .unwrap_or(rest.len() - run);
            let seg = &bytes[b..b + run];
            if let Some(f0) = seg.iter().position(|y| !y.is_ascii_whitespace()) {
                let l0 = seg
                    .iter()
                    .rposition(|y| !y.is_ascii_whitespace())
                    .unwrap_or(f0);
                if first.is_none() {
                    first = Some((ci + f0, b + f0));
                }
                last = (ci + l0 + 1, b + l0 + 1);
            }
            b += run;
            ci += run;
            continue;
        }
        let (br, space, len) = if x < 0x80 {
            let br = match x {
                b'\n' | 0x0B | 0x0C => 1,
                b'\r' => usize::from(bytes.get(b + 1) != Some(&b'\n')),
                _ => 0,
            };
            (br, x.is_ascii_whitespace(), 1)
        } else {
            let c = text[b..].chars().next().unwrap_or(' ');
            (line_breaks(c, None), is_space(c), c.len_utf8())
        };
        if br > 0 {
            finish(&mut first, last, &mut blank_run, &mut out, br > 1);
        } else if !space {
            if first.is_none() {
                first = Some((ci, b));
            }
            last = (ci + 1, b + len);
        }
        b += len;
        ci += 1;
    }
    finish(&mut first, last, &mut blank_run, &mut out, false);
    out
}

/// True when the lines of a block look hard-wrapped (similar long lengths, sentences running
/// on from line to line).
fn wrapped(lines: &[(Span, std::ops::Range<usize>, usize)], text: &str) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let lens: Vec<usize> = body.iter().map(|l| l.0.len()).collect();
    let max = *lens.iter().max().unwrap_or(&0);
    let min = *lens.iter().min().unwrap_or(&0);
    if min < 40 || (max - min) * 100 > max * 35 {
        return false;
    }
    let runs_on = lines
        .windows(2)
        .filter(|w| {
            let prev = text[w[0].1.clone()].chars().last().unwrap_or('.');
            let next = text[w[1].1.clone()].chars().next().unwrap_or('A');
            next.is_lowercase() || prev.is_lowercase() || prev == ','
        })
        .count();
    runs_on * 2 >= lines.len() - 1
}

/// What intake decided about a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    None,
    Region(RegionKind),
}

/// Reads paragraphs, junk and metadata.
pub fn read(text: &str, _map: &CharMap) -> Intake {
    let raw = lines(text);
    if raw.is_empty() {
        return Intake::default();
    }
    // Units: lines, with hard-wrapped blocks merged.
    let mut units: Vec<Unit> = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        let block = raw[k].2;
        let mut e = k + 1;
        while e < raw.len() && raw[e].2 == block {
            e += 1;
        }
        let group = &raw[k..e];
        let merge = wrapped(group, text);
        let mut push = |span: Span, bytes: std::ops::Range<usize>| {
            let t = &text[bytes];
            units.push(Unit {
                span,
                text: t,
                block,
                f: Features::of(t),
            });
        };
        if merge {
            let first = &group[0];
            let last = &group[group.len() - 1];
            push(
                Span::new(first.0.start, last.0.end),
                first.1.start..last.1.end,
            );
        } else {
            for l in group {
                push(l.0, l.1.clone());
            }
        }
        k = e;
    }
    let n = units.len();
    let mut marks = vec![Mark::None; n];
    let opener: Vec<Option<RegionKind>> = units.iter().map(section_opener).collect();
    let junk: Vec<Option<RegionKind>> = units.iter().map(line_junk).collect();
    let prose: Vec<bool> = units
        .iter()
        .enumerate()
        .map(|(i, u)| u.f.prose() && junk[i].is_none() && opener[i].is_none())
        .collect();
    let first_prose = prose.iter().position(|&p| p);

    // Line-level marks everywhere.
    for (i, u) in units.iter().enumerate() {
        if let Some(k) = junk[i].or(opener[i]) {
            marks[i] = Mark::Region(k);
        } else if is_dateline(u) {
            marks[i] = Mark::Region(RegionKind::Dateline);
        }
    }

    // Junk blocks: from a heading to the next article-like block. Not before the body
    // starts, where the headline lives.
    if let Some(fp) = first_prose {
        let mut state: Option<RegionKind> = None;
        for i in fp..n {
            if let Some(k) = opener[i] {
                state = Some(k);
                continue;
            }
            // "3 Comments", "Reply": readers' comments follow.
            if junk[i] == Some(RegionKind::CommentForm) {
                state = Some(RegionKind::CommentForm);
                continue;
            }
            let Some(kind) = state else { continue };
            // Time stamps of readers' comments are part of the comment block.
            if kind == RegionKind::CommentForm && marks[i] == Mark::Region(RegionKind::Dateline) {
                marks[i] = Mark::Region(kind);
                continue;
            }
            if marks[i] != Mark::None {
                continue;
            }
            if prose[i] {
                // Teasers are short; a long paragraph is the article again.
                let next_prose = (i + 1 < n && prose[i + 1] && marks[i + 1] == Mark::None)
                    || (i + 1 == n && units[i].f.words >= 30)
                    || units[i].f.words >= 45
                    || units[i].f.long;
                // Readers' comments: prose between "Jane says:", time stamps and "Reply".
                let comments = kind == RegionKind::CommentForm
                    && (i.saturating_sub(2)..(i + 3).min(n)).any(|j| comment_marker(&units[j]));
                if next_prose && !comments {
                    state = None;
                    continue;
                }
            }
            marks[i] = Mark::Region(kind);
        }
    }

    // Price tables without a heading: a run of short lines with three or more prices.
    let mut i = 0;
    while i < n {
        if prose[i] {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < n && !prose[e] {
            e += 1;
        }
        let kinds: Vec<Price> = (i..e).map(|j| price_line(&units[j])).collect();
        let prices = kinds.iter().filter(|k| **k != Price::No).count();
        let periods = kinds.iter().filter(|k| **k == Price::Period).count();
        if prices >= 3 && periods >= 1 {
            let evidence: Vec<usize> = (i..e)
                .filter(|&j| {
                    kinds[j - i] != Price::No || marks[j] == Mark::Region(RegionKind::Subscription)
                })
                .collect();
            let lo = evidence[0].saturating_sub(1).max(i);
            let hi = evidence[evidence.len() - 1];
            for m in &mut marks[lo..=hi] {
                if *m == Mark::None {
                    *m = Mark::Region(RegionKind::Subscription);
                }
            }
        }
        i = e;
    }

    // Teasers after the last article paragraph: cut-off summaries of other stories.
    if let Some(last_body) = (0..n).rev().find(|&j| prose[j] && marks[j] == Mark::None) {
        let tail = last_body + 1..n;
        let teasers = tail
            .clone()
            .filter(|&j| units[j].f.truncated && marks[j] == Mark::None)
            .count();
        if teasers >= 2 {
            for j in tail {
                if marks[j] == Mark::None {
                    marks[j] = Mark::Region(RegionKind::RelatedLinks);
                }
            }
        }
    }

    // Headline, byline and dateline in the lines before the body.
    let mut metadata = Metadata::default();
    let mut extra_regions = Vec::new();
    // The body starts at the first article paragraph, or earlier at a line that opens with a
    // place dateline ("OMAN — Royal Saudi Air Force Commander …").
    let body_start = first_prose.map(|fp| {
        (0..fp)
            .find(|&i| {
                marks[i] == Mark::None
                    && units[i].f.words >= 8
                    && place_dateline(units[i].text).is_some()
            })
            .unwrap_or(fp)
    });
    if let Some(fp) = body_start {
        let mut headline_done = false;
        for i in 0..fp {
            if marks[i] != Mark::None {
                continue;
            }
            let u = &units[i];
            if is_byline(u) {
                marks[i] = Mark::Region(RegionKind::Byline);
            } else if !headline_done {
                headline_done = true;
                let f = &u.f;
                let ends_period = u.text.ends_with('.');
                if f.words > 0
                    && f.words <= 30
                    && (!ends_period || (f.title_case() && f.words <= 20))
                {
                    marks[i] = Mark::Region(RegionKind::Headline);
                }
            }
        }
        // A place dateline at the start of the first paragraph.
        let u = &units[fp];
        if marks[fp] == Mark::None
            && let Some(len) = place_dateline(u.text)
        {
            extra_regions.push(Region {
                span: Span::new(u.span.start, u.span.start + len),
                kind: RegionKind::Dateline,
            });
        }
    }

    // Regions: runs of units with the same junk kind merge into one region.
    let mut regions: Vec<Region> = Vec::new();
    let mut prev_junk: Option<(RegionKind, usize)> = None;
    for (i, u) in units.iter().enumerate() {
        match marks[i] {
            Mark::Region(kind) => {
                if kind.is_junk() {
                    if let Some((pk, ri)) = prev_junk
                        && pk == kind
                        && ri + 1 == regions.len()
                    {
                        regions[ri].span.end = u.span.end;
                        continue;
                    }
                    prev_junk = Some((kind, regions.len()));
                } else {
                    prev_junk = None;
                    let slot = match kind {
                        RegionKind::Headline => &mut metadata.title,
                        RegionKind::Byline => &mut metadata.byline,
                        _ => &mut metadata.dateline,
                    };
                    if slot.is_none() {
                        *slot = Some(u.text.to_string());
                    }
                }
                regions.push(Region { span: u.span, kind });
            }
            Mark::None => prev_junk = None,
        }
    }
    for r in extra_regions {
        if metadata.dateline.is_none() {
            metadata.dateline = Some(
                text.chars()
                    .skip(r.span.start)
                    .take(r.span.len())
                    .collect::<String>(),
            );
        }
        regions.push(r);
    }
    crate::sort::sort_by_key(&mut regions, |r| r.span.start);

    // Paragraphs: units, with a line that runs on in lower case joined to the one before.
    let mut paragraphs: Vec<Span> = Vec::with_capacity(n);
    for (i, u) in units.iter().enumerate() {
        let joins = i > 0
            && units[i - 1].block == u.block
            && marks[i] == Mark::None
            && marks[i - 1] == Mark::None
            && u.f.starts_lower
            && !units[i - 1].f.terminal;
        match paragraphs.last_mut() {
            Some(p) if joins => p.end = u.span.end,
            _ => paragraphs.push(u.span),
        }
    }
    Intake {
        paragraphs,
        regions,
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_trim_in_code_points_and_count_blocks() {
        // (text, [(trimmed line, block)])
        let cases: &[(&str, &[(&str, usize)])] = &[
            ("  One two \n\tthree\t\n", &[("One two", 0), ("three", 0)]),
            ("a\r\nb\r\n\r\nc", &[("a", 0), ("b", 0), ("c", 1)]),
            (
                " Caf\u{e9} \u{a0}au lait \n\nn\u{e9}e ",
                &[("Caf\u{e9} \u{a0}au lait", 0), ("n\u{e9}e", 1)],
            ),
            (
                "x\u{2029}y\u{2028}z\x0Bw",
                &[("x", 0), ("y", 1), ("z", 1), ("w", 1)],
            ),
            ("   \n \t \n", &[]),
        ];
        for (text, want) in cases {
            let map = CharMap::new(text);
            let got: Vec<(&str, usize)> = lines(text)
                .into_iter()
                .map(|(span, bytes, block)| {
                    assert_eq!(map.byte_range(span), bytes, "{text:?}");
                    (&text[bytes], block)
                })
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn alnum_masks_match_the_byte_tests() {
        for v in 0..=255u8 {
            let bytes: [u8; 8] =
                std::array::from_fn(|k| v.wrapping_add((k as u8).wrapping_mul(37)));
            let (alnum, digit) = alnum_masks(u64::from_le_bytes(bytes));
            for (k, &y) in bytes.iter().enumerate() {
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(alnum), y.is_ascii_alphanumeric(), "{y}");
                assert_eq!(bit(digit), y.is_ascii_digit(), "{y}");
            }
        }
    }

    #[test]
    fn plain_words() {
        assert!(plain_word(u64::from_le_bytes(*b"Hello, w")));
        for bad in [
            *b"Hello,\nw",
            *b"\rello, w",
            *b"Hello, \t",
            *b"\xc3\xa9llo, w",
        ] {
            assert!(!plain_word(u64::from_le_bytes(bad)), "{bad:?}");
        }
    }

    #[test]
    fn lookup_tables_are_sorted() {
        for list in [SECTION_OPENERS, JUNK_LINES, JUNK_PREFIXES, LABEL_PREFIXES] {
            assert!(list.windows(2).all(|w| w[0].0 < w[1].0), "{list:?}");
        }
        for list in [DATE_WORDS, DATE_PREFIXES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn line_features() {
        let f = Features::of("Olsen may not have much luck on the track this season, but…");
        assert!(f.truncated && !f.terminal && !f.prose());
        let f = Features::of(
            "“The harbor board met on Monday and agreed to close the pier,” she said.",
        );
        assert!(f.terminal && f.prose());
        assert_eq!(Features::of("Leave a Reply").key, "leave a reply");
        assert_eq!(Features::of("Don’t Miss!").key, "dont miss");
    }

    #[test]
    fn signoffs_slugs_prices_and_datelines() {
        assert!(is_signoff("--IANS") && is_signoff("(Reuters)") && is_signoff("— AFP"));
        assert!(!is_signoff("Reuters reported the deal on Monday"));
        assert!(is_slug("soni/dg") && is_slug("ab/cd/ef/") && !is_slug("and/or it"));
        assert_eq!(
            place_dateline("NEW DELHI: The government said on Monday"),
            Some(9)
        );
        assert_eq!(place_dateline("SOCCER - JAPAN GET LUCKY WIN"), None);
        assert_eq!(place_dateline("Officials said: the pier is closed"), None);
    }
}

//! The article: paragraphs (keyed), page junk greyed and collapsed, and the bar for adding an
//! annotation over a text selection.

use crate::components::paragraph::Paragraph;
use crate::hooks::Ctx;
use crate::labels::{self, CustomLabel};
use crate::state::{Action, State};
use apostil_core::text::intake::RegionKind;
use apostil_core::text::offsets::{CharMap, slice_chars};
use apostil_core::{Annotation, AnnotationId, AnnotationKind, Document, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn region_name(k: RegionKind) -> &'static str {
    match k {
        RegionKind::Headline => "headline",
        RegionKind::Byline => "byline",
        RegionKind::Dateline => "dateline",
        RegionKind::CommentForm => "Comment form",
        RegionKind::RelatedLinks => "Related links",
        RegionKind::Subscription => "Subscription offer",
        RegionKind::ShareOrCookie => "Share buttons and notices",
        RegionKind::Credit => "Credits and disclaimers",
    }
}

/// The speaker name shown for a quote.
pub fn speaker_name(doc: &Document, a: &Annotation) -> Option<String> {
    let s = a.speaker.as_ref()?;
    if let Some(c) = s
        .cluster
        .and_then(|c| doc.clusters.iter().find(|x| x.id == c))
    {
        return Some(c.canonical.clone());
    }
    // The speaker is usually a mention the document already holds (annotations are sorted by
    // start): its text costs a binary search instead of a walk over a long text.
    let from = doc
        .annotations
        .partition_point(|x| x.span.start < s.span.start);
    if let Some(m) = doc.annotations[from..]
        .iter()
        .take_while(|x| x.span.start == s.span.start)
        .find(|x| x.span == s.span)
    {
        return Some(m.exact.clone());
    }
    slice_chars(&doc.text, s.span).map(str::to_string)
}

/// Texts longer than this (bytes) are drawn in windows: only the chunks of paragraphs near the
/// viewport are real paragraphs, the others are empty boxes of their (measured or estimated)
/// height. Shorter texts are drawn whole, exactly as before.
pub const WINDOW_BYTES: usize = 150_000;
/// A chunk holds about this many characters of text (a few screens).
const CHUNK_CHARS: usize = 2_500;
/// Chunks this far (px) above or below the viewport are drawn too, so scrolling finds text;
/// they are added one per frame, after the chunks in view.
const MARGIN_PX: f64 = 700.0;
/// Height (px) of a collapsed junk block, for estimates.
const JUNK_PX: f64 = 44.0;
/// Space below a paragraph (px), for estimates.
const PARA_GAP_PX: f64 = 15.0;

/// A top-level block of the article: a paragraph, or a run of junk paragraphs (collapsed).
#[derive(Clone, Debug, PartialEq)]
enum Block {
    Para(usize),
    Junk(RegionKind, std::ops::Range<usize>),
}

/// A run of blocks drawn (or left out) together.
#[derive(Clone, Debug, PartialEq)]
struct Chunk {
    blocks: std::ops::Range<usize>,
    /// Paragraph indices.
    paras: std::ops::Range<usize>,
    /// Code-point offset of its first paragraph, and end of its last.
    start: usize,
    end: usize,
    /// Characters of its body paragraphs and its number of paragraphs and junk blocks.
    chars: usize,
    paras_n: usize,
    junk_n: usize,
}

/// Paragraphs, their texts and regions, blocks and chunks: built once per text (and regions).
struct Layout {
    spans: Vec<Span>,
    texts: Vec<AttrValue>,
    regions: Vec<Option<RegionKind>>,
    blocks: Vec<Block>,
    chunks: Vec<Chunk>,
    windowed: bool,
}

impl Layout {
    fn new(text: &str, regions: &[apostil_core::text::intake::Region]) -> Self {
        let spans = crate::text::paragraphs(text);
        let map = CharMap::new(text);
        let texts: Vec<AttrValue> = spans
            .iter()
            .map(|p| AttrValue::from(map.slice(text, *p).to_string()))
            .collect();
        // Regions are few and sorted: walk them alongside the paragraphs.
        let para_regions: Vec<Option<RegionKind>> = spans
            .iter()
            .map(|p| {
                regions
                    .iter()
                    // Junk that starts a paragraph takes it; a headline/byline/dateline style
                    // only applies to a paragraph it covers whole ("PORT ALDER —" leads a body
                    // paragraph).
                    .find(|r| {
                        r.span.contains_pos(p.start) && (r.kind.is_junk() || r.span.contains(*p))
                    })
                    .map(|r| r.kind)
            })
            .collect();
        let mut blocks: Vec<Block> = Vec::new();
        for (i, r) in para_regions.iter().enumerate() {
            match r.filter(|k| k.is_junk()) {
                Some(k) => match blocks.last_mut() {
                    Some(Block::Junk(jk, range)) if *jk == k && range.end == i => range.end = i + 1,
                    _ => blocks.push(Block::Junk(k, i..i + 1)),
                },
                None => blocks.push(Block::Para(i)),
            }
        }
        let windowed = text.len() > WINDOW_BYTES;
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut cur: Option<Chunk> = None;
        for (b, block) in blocks.iter().enumerate() {
            let (paras, chars, junk) = match block {
                Block::Para(i) => (*i..*i + 1, spans[*i].len(), 0),
                Block::Junk(_, r) => (r.clone(), 0, 1),
            };
            let c = cur.get_or_insert_with(|| Chunk {
                blocks: b..b,
                paras: paras.start..paras.start,
                start: spans[paras.start].start,
                end: spans[paras.start].start,
                chars: 0,
                paras_n: 0,
                junk_n: 0,
            });
            c.blocks.end = b + 1;
            c.paras.end = paras.end;
            c.end = spans[paras.end - 1].end;
            c.chars += chars;
            c.paras_n += usize::from(junk == 0);
            c.junk_n += junk;
            if windowed && c.chars >= CHUNK_CHARS {
                chunks.extend(cur.take());
            }
        }
        chunks.extend(cur);
        Layout {
            spans,
            texts,
            regions: para_regions,
            blocks,
            chunks,
            windowed,
        }
    }

    /// The chunk holding a code-point position (the next one when it falls between two).
    fn chunk_at(&self, pos: usize) -> usize {
        self.chunks
            .partition_point(|c| c.end <= pos)
            .min(self.chunks.len().saturating_sub(1))
    }
}

/// Heights of chunks as drawn, and what a character costs in height, for the empty boxes.
#[derive(Default)]
struct Heights {
    /// The text they belong to.
    hash: String,
    /// Measured height per chunk.
    measured: Vec<Option<f64>>,
    /// Sum of measured heights and of the characters in them (px per character).
    sum_px: f64,
    sum_chars: f64,
}

impl Heights {
    fn estimate(&self, c: &Chunk) -> f64 {
        let per_char = if self.sum_chars > 500.0 {
            self.sum_px / self.sum_chars
        } else {
            0.36
        };
        c.chars as f64 * per_char + c.paras_n as f64 * PARA_GAP_PX + c.junk_n as f64 * JUNK_PX
    }

    fn height(&self, i: usize, c: &Chunk) -> f64 {
        self.measured
            .get(i)
            .copied()
            .flatten()
            .unwrap_or_else(|| self.estimate(c))
    }
}

/// Chunks in the viewport and chunks near it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Near {
    inside: std::ops::Range<usize>,
    around: std::ops::Range<usize>,
}

/// Measures the drawn chunks and returns the chunks in and near the viewport.
fn visible_chunks(layout: &Layout, heights: &mut Heights) -> Option<Near> {
    let article = crate::dom::document()
        .query_selector(".article")
        .ok()
        .flatten()?;
    let view = web_sys::window()?.inner_height().ok()?.as_f64()?;
    let kids = article.children();
    let (mut first, mut last) = (None, None);
    let (mut first_in, mut last_in) = (None, None);
    for k in 0..kids.length() {
        let Some(el) = kids.item(k) else { continue };
        let Some(i) = el
            .get_attribute("data-chunk")
            .and_then(|s| s.parse::<usize>().ok())
        else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        if el.class_name() == "chunk"
            && let Some(c) = layout.chunks.get(i)
        {
            if heights.measured.len() < layout.chunks.len() {
                heights.measured.resize(layout.chunks.len(), None);
            }
            let h = r.height();
            if heights.measured[i].replace(h).is_none() {
                heights.sum_px += h - c.paras_n as f64 * PARA_GAP_PX - c.junk_n as f64 * JUNK_PX;
                heights.sum_chars += c.chars as f64;
            }
        }
        if r.bottom() >= -MARGIN_PX && r.top() <= view + MARGIN_PX {
            first.get_or_insert(i);
            last = Some(i);
            if r.bottom() >= 0.0 && r.top() <= view {
                first_in.get_or_insert(i);
                last_in = Some(i);
            }
        } else if r.top() > view + MARGIN_PX {
            break;
        }
    }
    let around = first?..last? + 1;
    let inside = match (first_in, last_in) {
        (Some(a), Some(b)) => a..b + 1,
        _ => around.clone(),
    };
    Some(Near { inside, around })
}

/// The article view.
#[function_component(Article)]
pub fn article() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state: &State = &ctx.state;
    let Some(doc) = state.doc.clone() else {
        return html! {};
    };
    // Paragraphs, texts, regions and chunks, once per text (one char map, not a walk per
    // paragraph).
    let layout = {
        let text = doc.text.clone();
        let regions = doc.regions.clone();
        use_memo((doc.text_hash.clone(), doc.regions.clone()), move |_| {
            Layout::new(&text, &regions)
        })
    };
    let heights = use_mut_ref(Heights::default);
    if heights.borrow().hash != doc.text_hash {
        *heights.borrow_mut() = Heights {
            hash: doc.text_hash.clone(),
            ..Heights::default()
        };
    }
    // Chunks near the viewport (long texts); the first few until the page has been measured.
    let near = use_state_eq(|| Near {
        inside: 0..2,
        around: 0..3,
    });
    // What the last draw held, and whether chunks near the view wait for the next frame.
    let drawn_before = use_mut_ref(Vec::<bool>::new);
    let deferred = use_mut_ref(|| false);
    let tick = use_state(|| 0u32);
    // Printing draws everything.
    let print_all = use_state_eq(|| false);
    let pending = use_state(|| None::<Span>);
    let new_label = use_state(String::new);

    // Follow scrolling and resizing (long texts only): one measurement per frame at most.
    {
        let near = near.clone();
        let layout = layout.clone();
        let heights = heights.clone();
        let windowed = layout.windowed;
        use_effect_with((doc.text_hash.clone(), windowed), move |_| {
            let listeners = windowed.then(|| {
                let queued = Rc::new(std::cell::Cell::new(false));
                let check = {
                    let queued = queued.clone();
                    move |_: &web_sys::Event| {
                        if queued.replace(true) {
                            return;
                        }
                        let near = near.clone();
                        let layout = layout.clone();
                        let heights = heights.clone();
                        let queued = queued.clone();
                        let f = wasm_bindgen::closure::Closure::once_into_js(move || {
                            queued.set(false);
                            if let Some(r) = visible_chunks(&layout, &mut heights.borrow_mut()) {
                                near.set(r);
                            }
                        });
                        if let Some(w) = web_sys::window() {
                            let _ = w.request_animation_frame(f.unchecked_ref());
                        }
                    }
                };
                let win = web_sys::window().expect("window");
                [
                    gloo::events::EventListener::new(&win, "scroll", check.clone()),
                    gloo::events::EventListener::new(&win, "resize", check.clone()),
                    gloo::events::EventListener::new(&win, "apostil:measure", check),
                ]
            });
            move || drop(listeners)
        });
    }
    // After every draw of a long text: measure again (drawn chunks replace estimates, and the
    // window may need to grow or move).
    {
        let windowed = layout.windowed;
        let deferred = deferred.clone();
        let tick = tick.clone();
        use_effect(move || {
            if windowed && let Some(w) = web_sys::window() {
                if let Ok(ev) = web_sys::Event::new("apostil:measure") {
                    let _ = w.dispatch_event(&ev);
                }
                if *deferred.borrow() {
                    // Chunks near the view are waiting: draw the next one in the next frame.
                    let n = *tick;
                    let f = wasm_bindgen::closure::Closure::once_into_js(move || tick.set(n + 1));
                    let _ = w.request_animation_frame(f.unchecked_ref());
                }
            }
        });
    }
    // Printing a long text: draw every paragraph first, back to the window afterwards.
    {
        let print_all = print_all.clone();
        let windowed = layout.windowed;
        use_effect_with(windowed, move |_| {
            let listeners = windowed.then(|| {
                let win = web_sys::window().expect("window");
                let (a, b) = (print_all.clone(), print_all);
                [
                    gloo::events::EventListener::new(&win, "beforeprint", move |_| a.set(true)),
                    gloo::events::EventListener::new(&win, "afterprint", move |_| b.set(false)),
                ]
            });
            move || drop(listeners)
        });
    }

    // Keep the selected annotation in view (keyboard and panel navigation). Its chunk is drawn
    // in this same render (see `wanted` below), so the element exists when this runs.
    {
        let sel = state.selected;
        use_effect_with(sel, move |sel| {
            if let Some(id) = sel {
                crate::dom::reveal(id.0);
            }
        });
    }
    // The same for the current search hit.
    {
        let hit = state.hit;
        use_effect_with(hit, move |hit| {
            if hit.is_some() {
                crate::dom::reveal_selector("mark.hit[data-current]", false);
            }
        });
    }

    // Touch screens select with handles and no mouseup: follow the selection itself.
    {
        let pending = pending.clone();
        let text = doc.text.clone();
        use_effect_with(doc.text_hash.clone(), move |_| {
            let timer: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>> =
                Default::default();
            let listener = gloo::events::EventListener::new(
                &crate::dom::document(),
                "selectionchange",
                move |_| {
                    let pending = pending.clone();
                    let text = text.clone();
                    *timer.borrow_mut() =
                        Some(gloo::timers::callback::Timeout::new(300, move || {
                            if let Some(span) = crate::dom::selection_span(&text)
                                .and_then(|s| crate::text::snap(&text, s))
                            {
                                pending.set(Some(span));
                            }
                        }));
                },
            );
            move || drop(listener)
        });
    }
    let onmouseup = {
        let pending = pending.clone();
        let doc = doc.clone();
        Callback::from(move |_: MouseEvent| {
            let span =
                crate::dom::selection_span(&doc.text).and_then(|s| crate::text::snap(&doc.text, s));
            pending.set(span);
        })
    };
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            let has_selection = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .map(|s| !s.is_collapsed())
                .unwrap_or(false);
            if has_selection {
                return;
            }
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let id = target
                .and_then(|t| t.closest("[data-id]").ok().flatten())
                .and_then(|el| el.get_attribute("data-id"))
                .and_then(|s| s.parse::<u64>().ok());
            ctx.send(Action::Select(id.map(AnnotationId)));
        })
    };

    // Which chunks are drawn: all of a short text; of a long one, those near the viewport and
    // the ones holding the selected annotation and the current search hit.
    // A draw adds at most the chunks in view plus one more, so no frame takes long; the rest
    // follow frame by frame.
    let n_chunks = layout.chunks.len();
    let mut drawn = vec![!layout.windowed || *print_all; n_chunks];
    let (lo, hi) = (
        near.inside.start.min(n_chunks),
        near.inside.end.min(n_chunks),
    );
    for d in drawn.iter_mut().take(hi).skip(lo) {
        *d = true;
    }
    let sel_pos = state.selected_annotation().map(|a| a.span.start);
    for pos in sel_pos.into_iter().chain(state.hit.map(|h| h.start)) {
        if n_chunks > 0 {
            drawn[layout.chunk_at(pos)] = true;
        }
    }
    {
        let before = drawn_before.borrow();
        let (lo, hi) = (
            near.around.start.min(n_chunks),
            near.around.end.min(n_chunks),
        );
        let mut budget = 1;
        let mut waiting = false;
        // Nearest to the view first: alternate below and above.
        let mut order: Vec<usize> = (lo..hi).collect();
        let mid = (near.inside.start + near.inside.end) / 2;
        apostil_core::sort::sort_by_key(&mut order, |i| i.abs_diff(mid));
        for i in order {
            if drawn[i] {
                continue;
            }
            if before.get(i).copied().unwrap_or(false) {
                drawn[i] = true;
            } else if budget > 0 {
                drawn[i] = true;
                budget -= 1;
            } else {
                waiting = true;
            }
        }
        *deferred.borrow_mut() = waiting && layout.windowed && !*print_all;
    }
    *drawn_before.borrow_mut() = drawn.clone();
    let para_drawn = |i: usize| -> bool {
        !layout.windowed || *print_all || {
            let c = layout.chunks.partition_point(|c| c.paras.end <= i);
            c < n_chunks && drawn[c]
        }
    };

    // Group annotations by drawn paragraph (one pass; annotations are sorted by start).
    let paras = &layout.spans;
    let mut per_para: Vec<Vec<Annotation>> = vec![Vec::new(); paras.len()];
    for a in &doc.annotations {
        let first = paras.partition_point(|p| p.end <= a.span.start);
        for (i, p) in paras.iter().enumerate().skip(first) {
            if p.start >= a.span.end {
                break;
            }
            if para_drawn(i) {
                per_para[i].push(a.clone());
            }
        }
    }
    let lit = state.lit_mentions();
    let custom: Rc<Vec<CustomLabel>> = state.custom.clone();
    let query: AttrValue = state.query.clone().into();

    let para_node = |i: usize, per_para: &mut Vec<Vec<Annotation>>| -> Html {
        let p = paras[i];
        let region = layout.regions[i];
        let anns = std::mem::take(&mut per_para[i]);
        let ids: Vec<AnnotationId> = anns.iter().map(|a| a.id).collect();
        let speakers: Vec<(AnnotationId, String)> = anns
            .iter()
            .filter(|a| a.kind == AnnotationKind::Quote)
            .filter_map(|a| speaker_name(&doc, a).map(|n| (a.id, n)))
            .collect();
        let class = match region {
            Some(k) if k.is_junk() => classes!("junk"),
            Some(k) => classes!(region_name(k)),
            None => classes!(),
        };
        let current = state
            .hit
            .filter(|h| p.contains_pos(h.start))
            .map(|h| h.start);
        html! {
            <Paragraph key={p.start} start={p.start}
                text={layout.texts[i].clone()}
                anns={Rc::new(anns)}
                selected={state.selected.filter(|s| ids.contains(s))}
                lit={Rc::new(lit.iter().copied().filter(|l| ids.contains(l)).collect::<Vec<_>>())}
                hidden={state.hidden.clone()} custom={custom.clone()} query={query.clone()}
                {current}
                speakers={Rc::new(speakers)} {class} />
        }
    };
    let block_node = |b: &Block, per_para: &mut Vec<Vec<Annotation>>| -> Html {
        match b {
            Block::Para(i) => para_node(*i, per_para),
            Block::Junk(k, r) => {
                let list: Vec<Html> = r.clone().map(|i| para_node(i, per_para)).collect();
                junk_block(*k, paras[r.start].start, list)
            }
        }
    };
    let mut out: Vec<Html> = Vec::new();
    if !layout.windowed {
        for b in &layout.blocks {
            out.push(block_node(b, &mut per_para));
        }
    } else {
        let h = heights.borrow();
        for (i, c) in layout.chunks.iter().enumerate() {
            if drawn[i] {
                let list: Vec<Html> = layout.blocks[c.blocks.clone()]
                    .iter()
                    .map(|b| block_node(b, &mut per_para))
                    .collect();
                out.push(html! {
                    <div class="chunk" key={format!("c{i}")} data-chunk={i.to_string()}>{ for list }</div>
                });
            } else {
                // An empty box as tall as the chunk: the scroll bar and positions stay right.
                out.push(html! {
                    <div class="chunk-gap" key={format!("g{i}")} data-chunk={i.to_string()}
                        style={format!("height:{}px", crate::text::fixed(h.height(i, c), 0))} aria-hidden="true"></div>
                });
            }
        }
    }

    let add_bar = match *pending {
        Some(span) => {
            let exact = slice_chars(&doc.text, span).unwrap_or_default().to_string();
            let short: String = if exact.chars().count() > 60 {
                exact.chars().take(57).chain("…".chars()).collect()
            } else {
                exact
            };
            let add = |label: String| {
                let ctx = ctx.clone();
                let pending = pending.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.send(Action::Add(span, label.clone()));
                    pending.set(None);
                    crate::dom::clear_selection();
                })
            };
            let all = labels::all_labels(&state.custom);
            let more: Vec<String> = all.iter().skip(9).cloned().collect();
            let add_more = {
                let ctx = ctx.clone();
                let pending = pending.clone();
                Callback::from(move |e: Event| {
                    let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let v = s.value();
                    if !v.is_empty() {
                        ctx.send(Action::Add(span, v));
                        pending.set(None);
                        crate::dom::clear_selection();
                    }
                })
            };
            let mut choices: Vec<String> = all.into_iter().take(9).collect();
            choices.push("QUOTE".into());
            choices.extend(state.custom.iter().map(|c| c.name.clone()));
            choices.dedup();
            let create = {
                let ctx = ctx.clone();
                let new_label = new_label.clone();
                let pending = pending.clone();
                let custom = state.custom.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let name = new_label.trim().to_uppercase().replace(' ', "_");
                    if name.is_empty() {
                        return;
                    }
                    if !custom.iter().any(|c| c.name == name)
                        && name.parse::<apostil_core::EntityLabel>().is_err()
                        && name != "QUOTE"
                    {
                        let mut list = (*custom).clone();
                        list.push(CustomLabel {
                            name: name.clone(),
                            color: labels::next_custom_color(&custom),
                        });
                        ctx.save_labels(list);
                    }
                    ctx.send(Action::Add(span, name));
                    new_label.set(String::new());
                    pending.set(None);
                    crate::dom::clear_selection();
                })
            };
            let oninput = {
                let new_label = new_label.clone();
                Callback::from(move |e: InputEvent| {
                    let i: web_sys::HtmlInputElement = e.target_unchecked_into();
                    new_label.set(i.value());
                })
            };
            let cancel = {
                let pending = pending.clone();
                Callback::from(move |_| pending.set(None))
            };
            html! {
                <div class="add-bar" role="toolbar" aria-label="Add an annotation">
                    <span class="add-what">{ "Label “" }<strong>{ short }</strong>{ "” as:" }</span>
                    { for choices.into_iter().map(|l| {
                        let color = labels::color_of(&l, &state.custom);
                        html! {
                            <button class="chip" style={format!("--c:{color}")} data-add={l.clone()} onclick={add(l.clone())}
                                title={labels::describe(&l)}>
                                <span class="badge">{ labels::badge(&l) }</span>{ l.clone() }
                            </button>
                        }
                    }) }
                    <select class="more-labels" onchange={add_more} aria-label="More labels">
                        <option value="" selected=true>{ "More…" }</option>
                        { for more.iter().map(|l| html! { <option value={l.clone()}>{ format!("{l} — {}", labels::describe(l)) }</option> }) }
                    </select>
                    <form class="new-label" onsubmit={create}>
                        <label class="visually-hidden" for="new-label">{ "New label name" }</label>
                        <input id="new-label" placeholder="New label…" value={(*new_label).clone()} {oninput} />
                        <button type="submit">{ "Add" }</button>
                    </form>
                    <button class="ghost" onclick={cancel} aria-label="Cancel">{ "✕" }</button>
                </div>
            }
        }
        None => html! {},
    };

    html! {
        <>
            { add_bar }
            <article class="article" aria-label="Article text" {onmouseup} {onclick}>
                { for out }
            </article>
        </>
    }
}

fn junk_block(kind: RegionKind, start: usize, list: Vec<Html>) -> Html {
    let n = list.len();
    html! {
        <details class="junk-block" key={format!("junk-{start}")}>
            <summary>{ format!("Page junk: {} ({} line{})", region_name(kind), n, if n == 1 { "" } else { "s" }) }</summary>
            { for list }
        </details>
    }
}

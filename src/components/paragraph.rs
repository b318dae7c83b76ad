//! One paragraph of the article, a keyed component: an edit re-renders only the paragraphs
//! whose annotations changed. Entities are backgrounds with a letter badge; quotes are a
//! left rule and underline with the speaker after them, so a name inside a quote stays readable.

use crate::labels::{self, CustomLabel};
use apostil_core::text::offsets::CharMap;
use apostil_core::{Annotation, AnnotationId, AnnotationKind, Span, Status};
use std::rc::Rc;
use yew::prelude::*;

/// Props of a paragraph. Everything is compared by value, so unchanged paragraphs are skipped.
#[derive(Properties, PartialEq, Clone)]
pub struct ParagraphProps {
    /// Code-point offset of the paragraph in the document.
    pub start: usize,
    /// Its text.
    pub text: AttrValue,
    /// Annotations overlapping it (document offsets).
    pub anns: Rc<Vec<Annotation>>,
    /// The selected annotation, when it is in this paragraph.
    pub selected: Option<AnnotationId>,
    /// Lit mentions in this paragraph.
    pub lit: Rc<Vec<AnnotationId>>,
    /// Labels hidden by the filter.
    pub hidden: Rc<Vec<String>>,
    /// Custom label colours.
    pub custom: Rc<Vec<CustomLabel>>,
    /// Search text.
    pub query: AttrValue,
    /// Start of the current search hit, when it is in this paragraph.
    #[prop_or_default]
    pub current: Option<usize>,
    /// Speaker names of the quotes here: (quote id, name).
    pub speakers: Rc<Vec<(AnnotationId, String)>>,
    /// Extra class (headline, byline, dateline, junk).
    #[prop_or_default]
    pub class: Classes,
}

enum Node<'a> {
    Text(Span),
    Mark {
        ann: &'a Annotation,
        first: bool,
        last: bool,
        children: Vec<Node<'a>>,
    },
}

/// Nests marks: sorted by (start, longest first); a mark crossing its parent's end is split.
fn build<'a>(mut items: Vec<(Span, &'a Annotation)>, range: Span) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    let mut pos = range.start;
    apostil_core::sort::sort_by_key(&mut items, |(s, a)| {
        (
            s.start,
            std::cmp::Reverse(s.end),
            a.kind != AnnotationKind::Quote,
        )
    });
    while !items.is_empty() {
        let (sp, ann) = items.remove(0);
        let start = sp.start.max(pos);
        if start >= sp.end {
            continue;
        }
        if start > pos {
            out.push(Node::Text(Span::new(pos, start)));
        }
        let mut children = Vec::new();
        let mut rest = Vec::new();
        for (s, a) in items.drain(..) {
            if s.start < sp.end {
                children.push((Span::new(s.start.max(start), s.end.min(sp.end)), a));
                if s.end > sp.end {
                    rest.push((Span::new(sp.end, s.end), a));
                }
            } else {
                rest.push((s, a));
            }
        }
        apostil_core::sort::sort_by_key(&mut rest, |(s, a)| {
            (
                s.start,
                std::cmp::Reverse(s.end),
                a.kind != AnnotationKind::Quote,
            )
        });
        items = rest;
        let here = Span::new(start, sp.end);
        out.push(Node::Mark {
            ann,
            first: here.start == ann.span.start,
            last: here.end == ann.span.end,
            children: build(children, here),
        });
        pos = sp.end;
    }
    if pos < range.end {
        out.push(Node::Text(Span::new(pos, range.end)));
    }
    out
}

struct Ctx<'p> {
    props: &'p ParagraphProps,
    map: CharMap,
    hits: Vec<Span>,
}

impl Ctx<'_> {
    fn slice(&self, span: Span) -> &str {
        let s = self.props.start;
        self.map
            .slice(&self.props.text, Span::new(span.start - s, span.end - s))
    }

    fn text(&self, span: Span) -> Html {
        let hits: Vec<Span> = self
            .hits
            .iter()
            .filter(|h| h.overlaps(span))
            .copied()
            .collect();
        if hits.is_empty() {
            return html! { { self.slice(span).to_string() } };
        }
        let mut out = Vec::new();
        let mut pos = span.start;
        for h in hits {
            let hs = h.start.max(pos);
            let he = h.end.min(span.end);
            if hs > pos {
                out.push(html! { { self.slice(Span::new(pos, hs)).to_string() } });
            }
            if he > hs {
                let current = (self.props.current == Some(h.start) && hs == h.start).then_some("");
                out.push(html! { <mark class="hit" data-current={current}>{ self.slice(Span::new(hs, he)).to_string() }</mark> });
            }
            pos = he.max(pos);
        }
        if pos < span.end {
            out.push(html! { { self.slice(Span::new(pos, span.end)).to_string() } });
        }
        out.into_iter().collect()
    }

    fn nodes(&self, nodes: &[Node<'_>]) -> Html {
        nodes.iter().map(|n| self.node(n)).collect()
    }

    fn node(&self, n: &Node<'_>) -> Html {
        match n {
            Node::Text(s) => self.text(*s),
            Node::Mark {
                ann,
                first,
                last,
                children,
                ..
            } => {
                let p = self.props;
                let inner = self.nodes(children);
                if p.hidden.contains(&ann.label) {
                    return inner;
                }
                let status = match ann.status {
                    Status::Suggested => "suggested",
                    Status::Accepted => "accepted",
                    Status::Rejected => "rejected",
                };
                let selected = p.selected == Some(ann.id);
                let lit = p.lit.contains(&ann.id);
                let id = ann.id.0.to_string();
                if ann.kind == AnnotationKind::Quote {
                    let speaker = p
                        .speakers
                        .iter()
                        .find(|(q, _)| *q == ann.id)
                        .map(|(_, s)| s.clone());
                    let label = match &speaker {
                        Some(s) => format!("Quotation by {s}, {status}"),
                        None => format!("Quotation, speaker unknown, {status}"),
                    };
                    html! {
                        <span class={classes!("q", status, first.then_some("first"), last.then_some("last"), selected.then_some("sel"))}
                            data-id={id} role="mark" aria-label={label} tabindex={first.then_some("-1")}
                            data-speaker={if *last { speaker.map(|s| format!("— {s}")) } else { None }}>
                            { inner }
                        </span>
                    }
                } else {
                    let color = labels::color_of(&ann.label, &p.custom);
                    let badge = labels::badge(&ann.label);
                    let label =
                        format!("{}: {}, {status}", labels::describe(&ann.label), ann.exact);
                    html! {
                        <span class={classes!("ent", status, first.then_some("first"), selected.then_some("sel"), lit.then_some("lit"))}
                            style={format!("--c:{color}")} data-id={id} data-label={ann.label.clone()}
                            data-badge={if *first { Some(badge) } else { None }}
                            role="mark" aria-label={label} tabindex={first.then_some("-1")}
                            title={ann.note.clone()}>
                            { inner }
                        </span>
                    }
                }
            }
        }
    }
}

/// One paragraph.
#[function_component(Paragraph)]
pub fn paragraph(props: &ParagraphProps) -> Html {
    let map = CharMap::new(&props.text);
    let range = Span::new(props.start, props.start + map.len_chars());
    let items: Vec<(Span, &Annotation)> = props
        .anns
        .iter()
        .filter_map(|a| {
            let s = Span::new(a.span.start.max(range.start), a.span.end.min(range.end));
            (!s.is_empty()).then_some((s, a))
        })
        .collect();
    let hits = crate::text::find_all(&props.text, &props.query)
        .into_iter()
        .map(|h| Span::new(h.start + props.start, h.end + props.start))
        .collect();
    let ctx = Ctx { props, map, hits };
    let nodes = build(items, range);
    html! {
        <p class={classes!("para", props.class.clone())} data-start={props.start.to_string()} data-end={range.end.to_string()}>
            { ctx.nodes(&nodes) }
        </p>
    }
}

//! The browser edge: selections, pasted HTML, downloads, scrolling. The one place where the
//! DOM's UTF-16 offsets become code points (through the core's `Utf16Map`).

use apostil_core::Span;
use apostil_core::text::offsets::{Utf16Map, char_len, slice_chars};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The window's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// The paragraph element (`[data-start]`) holding a DOM node.
fn paragraph_of(node: &Node) -> Option<Element> {
    let el = if node.node_type() == Node::ELEMENT_NODE {
        node.clone().dyn_into::<Element>().ok()?
    } else {
        node.parent_element()?
    };
    el.closest("[data-start]").ok().flatten()
}

/// Code-point offset in `text` of a DOM position (node, UTF-16 offset) inside a paragraph.
fn offset_of(text: &str, node: &Node, unit: u32) -> Option<usize> {
    let para = paragraph_of(node)?;
    let start: usize = para.get_attribute("data-start")?.parse().ok()?;
    let end: usize = para.get_attribute("data-end")?.parse().ok()?;
    let range = document().create_range().ok()?;
    range.set_start(&para, 0).ok()?;
    range.set_end(node, unit).ok()?;
    let units = range.to_string().length() as usize; // a JS string: UTF-16 units
    let para_text = slice_chars(text, Span::new(start, end))?;
    let map = Utf16Map::new(para_text);
    Some(start + map.from_utf16(units))
}

/// `text` with the UTF-16 range `start..end` of a text field (None: its end) replaced by
/// `insert`. Offsets go through the core's `Utf16Map` (a unit inside a surrogate pair counts as
/// its whole character).
pub fn splice_utf16(text: &str, start: Option<usize>, end: Option<usize>, insert: &str) -> String {
    let map = Utf16Map::new(text);
    let len = char_len(text);
    let a = start.map_or(len, |u| map.from_utf16(u)).min(len);
    let b = end.map_or(len, |u| map.from_utf16(u)).clamp(a, len);
    let before = slice_chars(text, Span::new(0, a)).unwrap_or(text);
    let after = slice_chars(text, Span::new(b, len)).unwrap_or("");
    format!("{before}{insert}{after}")
}

/// The current selection inside the article, as a code-point span of `text`.
pub fn selection_span(text: &str) -> Option<Span> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let r = sel.get_range_at(0).ok()?;
    let a = offset_of(text, &r.start_container().ok()?, r.start_offset().ok()?)?;
    let b = offset_of(text, &r.end_container().ok()?, r.end_offset().ok()?)?;
    let (a, b) = (a.min(b), a.max(b));
    (b > a).then(|| Span::new(a, b))
}

/// Clears the selection.
pub fn clear_selection() {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = sel.remove_all_ranges();
    }
}

const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "SECTION",
    "ARTICLE",
    "HEADER",
    "FOOTER",
    "ASIDE",
    "NAV",
    "MAIN",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "LI",
    "UL",
    "OL",
    "TABLE",
    "TR",
    "BLOCKQUOTE",
    "PRE",
    "FIGURE",
    "FIGCAPTION",
    "FORM",
    "DL",
    "DT",
    "DD",
    "HR",
    "ADDRESS",
    "TD",
    "TH",
];
const SKIP: &[&str] = &[
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "OBJECT", "SVG", "CANVAS",
    "BUTTON", "SELECT", "INPUT", "TEXTAREA",
];

fn walk(node: &Node, out: &mut String) {
    match node.node_type() {
        Node::TEXT_NODE => {
            let t = node.text_content().unwrap_or_default();
            for c in t.chars() {
                if c.is_whitespace() {
                    if !out.ends_with([' ', '\n']) && !out.is_empty() {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
        }
        Node::ELEMENT_NODE => {
            let name = node.node_name().to_ascii_uppercase();
            if SKIP.contains(&name.as_str()) {
                return;
            }
            if name == "BR" {
                trim_end_spaces(out);
                out.push('\n');
                return;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                block_break(out);
            }
            let kids = node.child_nodes();
            for i in 0..kids.length() {
                if let Some(k) = kids.item(i) {
                    walk(&k, out);
                }
            }
            if block {
                block_break(out);
            }
        }
        _ => {}
    }
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn block_break(out: &mut String) {
    trim_end_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

/// The text of an HTML page or fragment, read by the browser's own parser into a detached
/// document (nothing is inserted into the page, no script runs), with paragraph breaks.
pub fn html_to_text(html: &str) -> String {
    let Ok(parser) = web_sys::DomParser::new() else {
        return String::new();
    };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(title) = doc
        .query_selector("title")
        .ok()
        .flatten()
        .and_then(|t| t.text_content())
    {
        let has_h1 = doc.query_selector("h1").ok().flatten().is_some();
        if !has_h1 && !title.trim().is_empty() {
            out.push_str(title.trim());
            out.push_str("\n\n");
        }
    }
    if let Some(body) = doc.body() {
        walk(&body, &mut out);
    }
    out.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Saves `content` as a file through a Blob download.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("style", "display:none").ok();
    if let Some(body) = document().body() {
        body.append_child(&a).ok();
        a.click();
        body.remove_child(&a).ok();
    }
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
    Ok(())
}

/// Scrolls an annotation into view and focuses it.
pub fn reveal(id: u64) {
    reveal_selector(&format!("[data-id=\"{id}\"]"), true);
}

/// Scrolls the first element matching `selector` to the middle of the view (and focuses it).
pub fn reveal_selector(selector: &str, focus: bool) {
    if let Ok(Some(el)) = document().query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_behavior(web_sys::ScrollBehavior::Auto);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if focus && let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

/// True when keyboard focus is in a text field (shortcuts are off there).
pub fn typing() -> bool {
    let Some(el) = document().active_element() else {
        return false;
    };
    let tag = el.tag_name().to_ascii_uppercase();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some()
}

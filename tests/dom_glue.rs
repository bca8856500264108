//! Browser tests of the app's glue: frame timing, and the analysis worker's answers as actions.

mod support;

use std::rc::Rc;

use newsmark_core::{Action, ArticleId, Attributes, Confidence, Label, Provenance, Suggestion};
use wasm_bindgen::JsCast;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_worker_result_becomes_the_set_suggestions_action() {
    use newsmark::effects::analysis::action;
    use newsmark::workers::analysis::{Done, Found};
    let suggestion = Suggestion {
        label: Label::Quote,
        start: 3,
        end: 17,
        attributes: Attributes { speaker: Some("Mara Lindqvist".into()), note: Some("n".into()), ..Attributes::default() },
        provenance: Provenance { confidence: Confidence::from_permille(873), reason: "“…,” said X".into() },
    };
    let unknown = Found { label: "person".into(), start: 0, end: 1, attributes: vec![], confidence: 0, reason: String::new() };
    let done = Done { job: 4, article: "a1".into(), result: Ok(vec![Found::from(&suggestion), unknown]), batch: 0, last: true };
    assert_eq!(
        action(done),
        Action::SetSuggestions { article: ArticleId::new("a1"), job: 4, suggestions: vec![suggestion], batch: 0, last: true },
        "every field survives the wire; a label this build does not know is dropped"
    );
    let failed = Done { job: 5, article: "a1".into(), result: Err("stopped".into()), batch: 0, last: true };
    assert_eq!(action(failed), Action::SuggestionsFailed { article: ArticleId::new("a1"), job: 5, why: "stopped".into() });
}

/// A scrolling pane of `height` in the page, and an empty article container inside it.
// ---- Work that follows an edit ---------------------------------------------------------------
use newsmark::dom::frame::after_paint;
use std::cell::RefCell;

#[wasm_bindgen_test]
async fn work_after_an_edit_runs_once_after_the_next_frame() {
    let log = Rc::new(RefCell::new(Vec::<&str>::new()));
    let window = web_sys::window().unwrap();
    // A frame callback asked for before the work: the work must come after that frame.
    let frame = {
        let log = log.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || log.borrow_mut().push("frame"))
    };
    window.request_animation_frame(frame.unchecked_ref()).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let log = log.clone();
        after_paint(move || {
            log.borrow_mut().push("work");
            resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
        });
    });
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    assert_eq!(*log.borrow(), ["frame", "work"]);
    // The fallback for a tab that paints no frame fires later and must not run the work again:
    // wait past it (there is no event to wait for when nothing should happen).
    gloo::timers::future::TimeoutFuture::new(250).await;
    assert_eq!(*log.borrow(), ["frame", "work"]);
}

//! The page's end of a worker (`effects::worker_client`) against a stand-in worker written in
//! JavaScript that speaks the same messages (`workers::service`: bincode's fixed-width little-endian
//! encoding of `Call<String>` and `Reply<String>`): it says when it is ready, answers in parts and
//! out of order, can stop the way the panic hook reports a panic, or die by throwing; and workers
//! that never start: a script that does not load, and one that never says it is ready.

use std::cell::RefCell;
use std::rc::Rc;

use newsmark::effects::worker_client::Client;
use newsmark::workers::service::Service;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, Url};

wasm_bindgen_test_configure!(run_in_browser);

/// The stand-in: holds calls until it has two, then answers the second first, each in two parts
/// naming this worker; "stop" is answered at once as a stopped worker answers.
const STAND_IN: &str = r#"
const me = String(Math.random()).slice(2, 10);
const held = [];
const reply = (id, ok, text, last) => {
  const t = new TextEncoder().encode(text);
  const out = new Uint8Array(8 + 4 + 8 + t.length + 1);
  const view = new DataView(out.buffer);
  out.set(id, 0);
  view.setUint32(8, ok ? 0 : 1, true);
  view.setBigUint64(12, BigInt(t.length), true);
  out.set(t, 20);
  out[20 + t.length] = last ? 1 : 0;
  postMessage(out);
};
onmessage = (e) => {
  const data = new Uint8Array(e.data);
  const id = data.slice(0, 8);
  const length = Number(new DataView(data.buffer, data.byteOffset).getBigUint64(8, true));
  const request = new TextDecoder().decode(data.slice(16, 16 + length));
  if (request === 'stop') return reply(id, false, 'the stand-in stopped', true);
  // Dies the way a trapped wasm does: an uncaught error, and no answer.
  if (request === 'die') return setTimeout(() => { throw new Error('the stand-in died'); });
  held.push([id, request]);
  if (held.length < 2) return;
  for (const [id, request] of held.reverse()) {
    reply(id, true, `${request} part 1 from ${me}`, false);
    reply(id, true, `${request} part 2 from ${me}`, true);
  }
  held.length = 0;
};
postMessage(null);
"#;

struct Echo;

impl Service for Echo {
    type Request = String;
    type Answer = String;
    fn answer(_: String, _: &mut dyn FnMut(String, bool)) {
        unreachable!("the stand-in answers, in JavaScript")
    }
}

fn stand_in_url() -> &'static str {
    script_url(STAND_IN)
}

fn script_url(script: &str) -> &'static str {
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(script)), &options).unwrap();
    Box::leak(Url::create_object_url_with_blob(&blob).unwrap().into_boxed_str())
}

/// Every answer given, as "request: answer (last)" or "request: error: why".
type Log = Rc<RefCell<Vec<String>>>;

/// Sends `request`; resolves `done` once `log` holds `until` entries.
fn send(client: &mut Client<Echo>, request: &str, log: &Log, until: usize, done: &Rc<RefCell<Option<js_sys::Function>>>) {
    let (log, done, name) = (log.clone(), done.clone(), request.to_string());
    client.call(request.to_string(), move |answer, last| {
        log.borrow_mut().push(match answer {
            Ok(text) => format!("{name}: {text}{}", if last { " (last)" } else { "" }),
            Err(why) => format!("{name}: error: {why}"),
        });
        if log.borrow().len() == until {
            if let Some(resolve) = done.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
}

/// A promise and the function that resolves it.
fn signal() -> (JsFuture, Rc<RefCell<Option<js_sys::Function>>>) {
    let slot = Rc::new(RefCell::new(None));
    let set = slot.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _| *set.borrow_mut() = Some(resolve));
    (JsFuture::from(promise), slot)
}

/// Sends `requests` together and waits for `until` answers; returns every answer given.
async fn exchange(client: &mut Client<Echo>, requests: &[&str], until: usize) -> Vec<String> {
    let log: Log = Rc::default();
    let (answered, done) = signal();
    for request in requests {
        send(client, request, &log, until, &done);
    }
    answered.await.unwrap();
    let entries = log.borrow().clone();
    entries
}

/// The worker that wrote an answer ("… from 12345678").
fn worker_of(entry: &str) -> &str {
    entry.split(" from ").nth(1).unwrap().trim_end_matches(" (last)")
}

#[wasm_bindgen_test]
async fn answers_reach_the_call_that_asked_in_parts_and_out_of_order_and_a_stopped_worker_is_replaced() {
    let mut client = Client::<Echo>::new(stand_in_url());

    // Both calls are made before the worker is ready; it answers the second first.
    let entries = exchange(&mut client, &["first", "second"], 4).await;
    let first_worker = worker_of(&entries[0]).to_string();
    assert_eq!(
        entries,
        [
            format!("second: second part 1 from {first_worker}"),
            format!("second: second part 2 from {first_worker} (last)"),
            format!("first: first part 1 from {first_worker}"),
            format!("first: first part 2 from {first_worker} (last)"),
        ]
    );

    // A worker that stopped answers its call with why, and the call it held is answered at once;
    // the next calls go to a fresh worker.
    assert_eq!(
        exchange(&mut client, &["held", "stop"], 2).await,
        ["stop: error: the stand-in stopped", "held: error: the worker stopped unexpectedly. Trying again starts it afresh."]
    );
    let entries = exchange(&mut client, &["third", "fourth"], 4).await;
    assert_eq!(entries.len(), 4);
    assert!(entries[0].starts_with("fourth: fourth part 1 from "), "{entries:?}");
    assert_ne!(worker_of(&entries[0]), first_worker, "a fresh worker answers after one stopped");
}

#[wasm_bindgen_test]
async fn a_worker_that_dies_mid_call_answers_it_with_why_and_the_next_call_goes_to_a_fresh_worker() {
    let mut client = Client::<Echo>::new(stand_in_url());
    let entries = exchange(&mut client, &["first", "second"], 4).await;
    let first_worker = worker_of(&entries[0]).to_string();

    assert_eq!(exchange(&mut client, &["die"], 1).await, ["die: error: the worker stopped unexpectedly. Trying again starts it afresh."]);
    let entries = exchange(&mut client, &["third", "fourth"], 4).await;
    assert_eq!(entries.len(), 4);
    assert_ne!(worker_of(&entries[0]), first_worker, "a fresh worker answers after one died");
}

#[wasm_bindgen_test]
async fn a_worker_whose_script_does_not_load_answers_every_call_at_once() {
    // The test server answers 404, as a page whose network is gone gets no script either.
    let mut client = Client::<Echo>::new("./newsmark-no-such-worker.js");
    let why = "error: the worker could not start because its files did not load. Check the connection, then try again.";
    assert_eq!(exchange(&mut client, &["first", "second"], 2).await, [format!("first: {why}"), format!("second: {why}")]);
}

#[wasm_bindgen_test]
async fn a_worker_that_never_says_it_is_ready_counts_as_not_started_after_the_limit() {
    // As a worker whose wasm did not load: its script runs, but nothing ever listens.
    let mut client = Client::<Echo>::new(script_url("onmessage = () => {};")).with_start_limit(300);
    assert_eq!(
        exchange(&mut client, &["first"], 1).await,
        ["first: error: the worker could not start because its files did not load. Check the connection, then try again."]
    );
}

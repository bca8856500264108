//! The page's end of a worker (`effects::worker_client`) against a stand-in worker written in
//! JavaScript that speaks the same messages (`workers::service`: bincode's fixed-width little-endian
//! encoding of `Call<String>` and `Reply<String>`): it says when it is ready, answers in parts and
//! out of order, and can stop the way the panic hook reports a panic.

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
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(STAND_IN)), &options).unwrap();
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

/// The worker that wrote an answer ("… from 12345678").
fn worker_of(entry: &str) -> &str {
    entry.split(" from ").nth(1).unwrap().trim_end_matches(" (last)")
}

#[wasm_bindgen_test]
async fn answers_reach_the_call_that_asked_in_parts_and_out_of_order_and_a_stopped_worker_is_replaced() {
    let mut client = Client::<Echo>::new(stand_in_url());
    let log: Log = Rc::default();

    // Both calls are made before the worker is ready; it answers the second first.
    let (answered, done) = signal();
    send(&mut client, "first", &log, 4, &done);
    send(&mut client, "second", &log, 4, &done);
    answered.await.unwrap();
    let entries = log.borrow().clone();
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

    // A worker that stopped answers its call with why; the next calls go to a fresh worker.
    log.borrow_mut().clear();
    let (answered, done) = signal();
    send(&mut client, "stop", &log, 1, &done);
    answered.await.unwrap();
    assert_eq!(*log.borrow(), ["stop: error: the stand-in stopped"]);

    log.borrow_mut().clear();
    let (answered, done) = signal();
    send(&mut client, "third", &log, 4, &done);
    send(&mut client, "fourth", &log, 4, &done);
    answered.await.unwrap();
    let entries = log.borrow().clone();
    assert_eq!(entries.len(), 4);
    assert!(entries[0].starts_with("fourth: fourth part 1 from "), "{entries:?}");
    assert_ne!(worker_of(&entries[0]), first_worker, "a fresh worker answers after one stopped");
}

//! Finding where a value starts in JSON text that has already parsed: a scanner over its bytes.
//!
//! Owns: skipping whitespace, strings and whole values, an object's keys in file order and an
//! array's n-th item. Must never: recurse (deep nesting must not overflow the stack), or be
//! trusted on text that did not parse (it stops at what it cannot read).

use super::at::Seg;

/// The byte offset at which the value at `path` starts in `json` (which parsed as JSON), or
/// where the deepest part of the path that exists starts.
pub(super) fn locate(json: &str, path: &[Seg]) -> usize {
    let b = json.as_bytes();
    let mut at = skip_ws(b, 0);
    for seg in path {
        let next = match seg {
            Seg::Key(key) => {
                // serde_json keeps the last of repeated keys, so the last match is the one read.
                let mut found = None;
                let _ = each_key(json, at, |name, value| {
                    if &name == key {
                        found = Some(value);
                    }
                    false
                });
                found
            }
            Seg::Index(n) => nth_item(b, at, *n),
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// Calls `f(key, value_start)` for each key of the object starting at `at`, until it returns
/// true. `None` if there is no object there.
pub(super) fn each_key(json: &str, at: usize, mut f: impl FnMut(String, usize) -> bool) -> Option<()> {
    let b = json.as_bytes();
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = skip_ws(b, at + 1);
    while b.get(i) == Some(&b'"') {
        let end = skip_string(b, i)?;
        let name: String = serde_json::from_str(&json[i..end]).ok()?;
        i = skip_ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if f(name, i) {
            return Some(());
        }
        i = skip_ws(b, skip_value(b, i)?);
        if b.get(i) != Some(&b',') {
            break;
        }
        i = skip_ws(b, i + 1);
    }
    Some(())
}

fn nth_item(b: &[u8], at: usize, n: usize) -> Option<usize> {
    if b.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(b, at + 1);
    for _ in 0..n {
        i = skip_ws(b, skip_value(b, i)?);
        if b.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, i + 1);
    }
    (b.get(i).is_some_and(|&c| c != b']')).then_some(i)
}

pub(super) fn newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Past the string starting at `i` (its opening quote).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Past the value starting at `i`. Containers are skipped by counting brackets outside strings,
/// without recursion, so deep nesting cannot overflow the stack.
pub(super) fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            loop {
                match b.get(j)? {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while b.get(j).is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                j += 1;
            }
            Some(j)
        }
    }
}

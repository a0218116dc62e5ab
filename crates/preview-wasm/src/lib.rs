//! The live preview's renderer as a WebAssembly module: `markdown_preview::preview_blocks`, the
//! same parser and sanitizer the app uses, run by the page itself (`ui/src/lib/preview-renderer.ts`)
//! in the keystroke's own task, so a keystroke's preview needs no IPC round trip.
//!
//! The interface is plain numbers over the module's memory, no glue generator and no `unsafe`
//! block (only the exports' `no_mangle`):
//! the page asks [`input_buffer`] for room for its request, writes the UTF-8 request there
//! (the markdown, then a NUL, then the keys the page shows, one per line), calls [`render`], and
//! reads the answer, `PreviewBlock`s as JSON, at [`output_ptr`] for [`output_len`] bytes.
//! Built by `scripts/build-preview-wasm.sh`.

use std::sync::{Mutex, PoisonError};

/// The request the page writes.
static INPUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// The last answer, kept until the next request.
static OUTPUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Makes room for a request of `len` bytes and returns where to write it.
#[allow(unsafe_code)] // `no_mangle` only: the page calls it by name.
#[no_mangle]
pub extern "C" fn input_buffer(len: usize) -> usize {
    let mut input = INPUT.lock().unwrap_or_else(PoisonError::into_inner);
    input.clear();
    input.resize(len, 0);
    input.as_mut_ptr() as usize
}

/// Renders the request in the input buffer; the answer is at [`output_ptr`]. Returns 0, or 1
/// when the request was not UTF-8 (the answer is then an empty list).
#[allow(unsafe_code)] // `no_mangle` only: the page calls it by name.
#[no_mangle]
pub extern "C" fn render() -> u32 {
    let input = INPUT.lock().unwrap_or_else(PoisonError::into_inner);
    let (answer, status) = match std::str::from_utf8(&input) {
        Ok(request) => (answer(request), 0),
        Err(_) => (b"[]".to_vec(), 1),
    };
    *OUTPUT.lock().unwrap_or_else(PoisonError::into_inner) = answer;
    status
}

/// Where the last answer starts in the module's memory.
#[allow(unsafe_code)] // `no_mangle` only: the page calls it by name.
#[no_mangle]
pub extern "C" fn output_ptr() -> usize {
    OUTPUT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ptr() as usize
}

/// How many bytes the last answer has.
#[allow(unsafe_code)] // `no_mangle` only: the page calls it by name.
#[no_mangle]
pub extern "C" fn output_len() -> usize {
    OUTPUT.lock().unwrap_or_else(PoisonError::into_inner).len()
}

/// The JSON answer to a request: the markdown, a NUL, and the known keys one per line.
pub fn answer(request: &str) -> Vec<u8> {
    let (markdown, keys) = request.split_once('\0').unwrap_or((request, ""));
    let known: Vec<String> = keys.lines().map(str::to_owned).collect();
    let blocks = markdown_preview::preview_blocks(markdown, &known);
    serde_json::to_vec(&blocks).unwrap_or_else(|_| b"[]".to_vec())
}

#[cfg(test)]
mod tests {
    use super::{answer, input_buffer, output_len, render};
    use serde_json::Value;

    #[test]
    fn answers_blocks_and_leaves_out_the_html_of_known_ones() {
        let first: Value =
            serde_json::from_slice(&answer("# Hi\n\nthere <b onclick=x()>b</b>\0")).unwrap();
        assert_eq!(first[0]["html"], "<h1>Hi</h1>\n");
        assert_eq!(first[1]["html"], "<p>there <b>b</b></p>\n");
        let key = first[0]["key"].as_str().unwrap();
        let again: Value =
            serde_json::from_slice(&answer(&format!("# Hi\n\nnow\0{key}\n"))).unwrap();
        assert_eq!(again[0]["html"], Value::Null);
        assert_eq!(again[1]["html"], "<p>now</p>\n");
    }

    #[test]
    fn a_request_that_is_not_utf8_gets_an_empty_list() {
        let at = input_buffer(2);
        assert_ne!(at, 0);
        {
            let mut input = super::INPUT.lock().unwrap();
            input.copy_from_slice(&[0xff, 0xfe]);
        }
        assert_eq!(render(), 1);
        assert_eq!(output_len(), 2);
    }
}

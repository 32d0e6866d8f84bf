//! Reading what flags point at: a file, or `-` for standard input. The domain
//! receives the contents; errors name the field (`flags` turns it into the
//! flag) and the path.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

use crate::exit_codes::bad_field;

/// Texts given as a file or on standard input (bodies, templates,
/// bookings, subscriptions): larger than any message may be (25 MB by
/// default, `email.max_size`), and a bound on what `/dev/zero` can take.
const MAX_TEXT_BYTES: u64 = 32 << 20;

/// A file's bytes, or standard input's for `-`, up to `max`: more is
/// refused (65) naming the file.
fn bytes(field: &str, path: &Path, max: u64) -> anyhow::Result<Vec<u8>> {
    if path == Path::new("-") {
        return crate::capped::read(std::io::stdin().lock(), max)
            .map_err(|e| bad_field(field, format!("cannot read standard input: {e}")));
    }
    crate::capped::file(path, max)
        .map_err(|e| bad_field(field, format!("cannot read {}: {e}", path.display())))
}

/// The first `max` bytes of a file or of standard input (`-`); the rest
/// is skipped unread into memory (drained, so that a pipe's writer, a mail
/// server, sees it taken whole).
pub(crate) fn bytes_bounded(field: &str, path: &Path, max: u64) -> anyhow::Result<Vec<u8>> {
    let mut reader = reader(field, path)?;
    let mut buf = Vec::new();
    (&mut reader)
        .take(max)
        .read_to_end(&mut buf)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let skipped = std::io::copy(&mut reader, &mut std::io::sink())
        .with_context(|| format!("cannot read {}", path.display()))?;
    if skipped > 0 {
        log::info!(
            "{}: {skipped} bytes past the first {max} not read",
            path.display()
        );
    }
    Ok(buf)
}

/// A file, or standard input for `-`, to read as it goes (an import of
/// any size in flat memory).
pub(crate) fn reader(field: &str, path: &Path) -> anyhow::Result<Box<dyn std::io::BufRead>> {
    if path == Path::new("-") {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| bad_field(field, format!("cannot read {}: {e}", path.display())))?;
    Ok(Box::new(std::io::BufReader::with_capacity(64 * 1024, file)))
}

/// A text file, or standard input for `-`; UTF-8.
pub(crate) fn text(field: &str, path: &Path) -> anyhow::Result<String> {
    text_at_most(field, path, MAX_TEXT_BYTES)
}

/// A text file, or standard input for `-`, of at most `max` bytes; UTF-8.
pub(crate) fn text_at_most(field: &str, path: &Path, max: u64) -> anyhow::Result<String> {
    String::from_utf8(bytes(field, path, max)?)
        .map_err(|_| bad_field(field, format!("{} is not UTF-8 text", path.display())))
}

/// A text file or standard input, when the flag was given.
pub(crate) fn optional_text(field: &str, path: Option<&Path>) -> anyhow::Result<Option<String>> {
    path.map(|p| text(field, p)).transpose()
}

/// A regular file's bytes, its size checked by `fits` before it is read (a
/// device or a FIFO would be read until it ends, if ever).
pub(crate) fn regular_file(
    field: &str,
    path: &Path,
    fits: impl Fn(u64) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<u8>> {
    let cannot_read = |e: std::io::Error| bad_field(field, format!("cannot read {}: {e}", path.display()));
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(bad_field(
            field,
            format!("{} is not a regular file", path.display()),
        ));
    }
    fits(metadata.len())?;
    // No more than the size just checked, should the file grow meanwhile.
    crate::capped::file(path, metadata.len())
        .map_err(|e| bad_field(field, format!("cannot read {}: {e}", path.display())))
}

/// Message ids from the command line, `-` reading more from standard input
/// (whitespace-separated, as `postsuper -d -` reads them). `field` names a
/// flag (`--id`); positional ids need no name, the message quotes the word.
pub(crate) fn ids(field: Option<&str>, given: &[String]) -> anyhow::Result<Vec<i64>> {
    let fail = |message: String| match field {
        Some(field) => bad_field(field, message),
        None => crate::exit_codes::bad_input(message),
    };
    let mut ids = Vec::new();
    let mut parse = |word: &str| -> anyhow::Result<()> {
        let id = word
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| fail(format!("\"{word}\" is not a message id")))?;
        ids.push(id);
        Ok(())
    };
    for word in given {
        if word == "-" {
            let text = text(field.unwrap_or("ids"), Path::new("-"))?;
            for word in text.split_whitespace() {
                parse(word)?;
            }
        } else {
            parse(word)?;
        }
    }
    if ids.is_empty() {
        return Err(fail("no message id given".to_string()));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_and_the_path() {
        let err = text("text", Path::new("/nonexistent/body.txt")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("text: cannot read /nonexistent/body.txt"),
            "{err}"
        );
        let err = regular_file("attach", Path::new("/dev/null"), |_| Ok(())).unwrap_err();
        assert_eq!(err.to_string(), "attach: /dev/null is not a regular file");
    }
}

//! Reading a whole file or standard input under a cap. A file is checked
//! by what is read, not by its size on disk: `/dev/zero`, a FIFO or a
//! growing file would otherwise be read until memory runs out. At most
//! `max + 1` bytes are ever held.

use std::io::Read;
use std::path::Path;

/// Keys, certificates, passwords: a PEM bundle of every public CA is
/// 220 KB.
pub(crate) const MAX_KEY_FILE_BYTES: u64 = 1024 * 1024;

/// Everything `reader` gives, if no more than `max` bytes. More is bad
/// input (exit 65), whatever context the caller adds (it names the file);
/// an unreadable one is the `std::io::Error`.
pub(crate) fn read(reader: impl Read, max: u64) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        return Err(crate::exit_codes::bad_input(format!(
            "larger than the {max} bytes allowed"
        )));
    }
    Ok(buf)
}

/// A whole file, if no more than `max` bytes.
pub(crate) fn file(path: &Path, max: u64) -> anyhow::Result<Vec<u8>> {
    read(std::fs::File::open(path)?, max)
}

/// A whole UTF-8 file, if no more than `max` bytes.
pub(crate) fn text_file(path: &Path, max: u64) -> anyhow::Result<String> {
    String::from_utf8(file(path, max)?).map_err(|_| crate::exit_codes::bad_input("not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap_and_refuses_one_byte_more() {
        assert_eq!(read(&b"abcd"[..], 4).unwrap(), b"abcd");
        let err = read(&b"abcde"[..], 4).unwrap_err();
        assert_eq!(err.to_string(), "larger than the 4 bytes allowed");
        assert_eq!(
            crate::exit_codes::ExitCode::for_error(&err),
            crate::exit_codes::ExitCode::DataErr
        );
        assert!(file(Path::new("/dev/zero"), 1000).is_err());
    }
}

//! `application/x-www-form-urlencoded` values, as HTML forms post them and
//! Python's `urlencode` writes them (Publik's signed URLs).

/// `+` and `%XX` decoded; an invalid escape is kept as it is.
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(byte) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Unreserved characters kept, space as `+`, every other byte `%XX`.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A field of a form-encoded body.
pub(crate) fn field(body: &[u8], name: &str) -> Option<String> {
    String::from_utf8_lossy(body).split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key) == name).then(|| decode(value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_decoded() {
        assert_eq!(
            field(b"comment=Tr%C3%A8s+bien%21&x=1", "comment").as_deref(),
            Some("Très bien!")
        );
        assert_eq!(field(b"a=1", "comment"), None);
        assert_eq!(field(b"comment=100%", "comment").as_deref(), Some("100%"));
        assert_eq!(field("comment=é%".as_bytes(), "comment").as_deref(), Some("é%"));
        assert_eq!(encode("2026-11-24T10:00:00Z a"), "2026-11-24T10%3A00%3A00Z+a");
    }
}

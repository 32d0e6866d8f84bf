//! Phone numbers for the SMS channel: normalization to E.164, and the SMS
//! encoding (GSM-7 or UCS-2) and segment count of a text.

/// Calling codes of the countries a French-speaking city hall is likely to
/// configure as `sms.default_country` (national numbers start with a 0 trunk
/// prefix that is dropped).
const CALLING_CODES: &[(&str, &str)] = &[
    ("FR", "33"),
    ("BE", "32"),
    ("CH", "41"),
    ("LU", "352"),
    ("MC", "377"),
    ("DE", "49"),
    ("ES", "34"),
    ("IT", "39"),
    ("GB", "44"),
    ("NL", "31"),
    ("PT", "351"),
    ("AT", "43"),
    ("IE", "353"),
    // French overseas departments dial as France for mobiles (06/07).
    ("RE", "262"),
    ("GP", "590"),
    ("MQ", "596"),
    ("GF", "594"),
    ("YT", "262"),
];

pub(crate) fn calling_code(country: &str) -> Option<&'static str> {
    let country = country.to_ascii_uppercase();
    CALLING_CODES
        .iter()
        .find(|(c, _)| *c == country)
        .map(|(_, code)| *code)
}

pub(crate) fn known_countries() -> String {
    CALLING_CODES
        .iter()
        .map(|(c, _)| *c)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Normalizes `06 12 34 56 78`, `+33 6 12 34 56 78`, `0033612345678` or
/// `(+33) 6.12.34.56.78` to `+33612345678`.
pub(crate) fn normalize(text: &str, default_country: &str) -> Result<String, String> {
    let trimmed = text.trim();
    let bad = |why: &str| format!("invalid phone number \"{text}\": {why}");
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' => {}
            _ => return Err(bad(&format!("unexpected character {c:?} at position {}", i + 1))),
        }
    }
    let international = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(national) = digits.strip_prefix('0') {
        let code = calling_code(default_country)
            .ok_or_else(|| bad(&format!("unknown default country {default_country}")))?;
        format!("{code}{national}")
    } else {
        return Err(bad(
            "expected +<country code>… or a national number starting with 0",
        ));
    };
    if !(8..=15).contains(&international.len()) {
        return Err(bad("an international number has 8 to 15 digits"));
    }
    if international.starts_with('0') {
        return Err(bad("a country code never starts with 0"));
    }
    // French numbers: 9 digits after 33, and no trunk 0 left in.
    if let Some(national) = international.strip_prefix("33")
        && (national.len() != 9 || national.starts_with('0'))
    {
        return Err(bad("a French number has 9 digits after +33 (06 12 34 56 78)"));
    }
    Ok(format!("+{international}"))
}

/// GSM 03.38 basic character set.
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// GSM 03.38 extension table (each takes two septets).
const GSM7_EXTENDED: &str = "^{}\\[~]|€\u{000C}";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SmsEncoding {
    #[serde(rename = "GSM-7")]
    Gsm7,
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl std::fmt::Display for SmsEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SmsEncoding::Gsm7 => "GSM-7",
            SmsEncoding::Ucs2 => "UCS-2",
        })
    }
}

/// The encoding a text needs and how many SMS segments it takes
/// (160/153 septets in GSM-7, 70/67 UTF-16 units in UCS-2).
pub(crate) fn segments(text: &str) -> (SmsEncoding, usize) {
    let mut septets = 0usize;
    let mut gsm = true;
    for c in text.chars() {
        if GSM7_BASIC.contains(c) {
            septets += 1;
        } else if GSM7_EXTENDED.contains(c) {
            septets += 2;
        } else {
            gsm = false;
            break;
        }
    }
    if gsm {
        let count = if septets <= 160 { 1 } else { septets.div_ceil(153) };
        (SmsEncoding::Gsm7, count.max(1))
    } else {
        let units: usize = text.chars().map(char::len_utf16).sum();
        let count = if units <= 70 { 1 } else { units.div_ceil(67) };
        (SmsEncoding::Ucs2, count.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_french_numbers() {
        for input in [
            "06 12 34 56 78",
            "+33 6 12 34 56 78",
            "0033612345678",
            "(+33) 6.12.34.56.78",
            "06-12-34-56-78",
        ] {
            assert_eq!(normalize(input, "FR").unwrap(), "+33612345678", "{input}");
        }
        assert_eq!(normalize("0470 12 34 56", "BE").unwrap(), "+32470123456");
        assert_eq!(normalize("+41 79 123 45 67", "FR").unwrap(), "+41791234567");
    }

    #[test]
    fn refuses_bad_numbers() {
        for bad in [
            "",
            "12345",
            "06 12 34 56",
            "+33 06 12 34 56 78",
            "06 12 34 56 78 90",
            "call me",
            "+33 6 12 34 56 7x",
        ] {
            assert!(normalize(bad, "FR").is_err(), "{bad}");
        }
        assert!(normalize("06 12 34 56 78", "XX").is_err());
    }

    #[test]
    fn counts_segments() {
        assert_eq!(segments("Bonjour"), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(160)), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"a".repeat(161)), (SmsEncoding::Gsm7, 2));
        assert_eq!(segments(&"€".repeat(80)), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"€".repeat(81)), (SmsEncoding::Gsm7, 2));
        // é and è are GSM-7; ê and ç are not.
        assert_eq!(segments("Votre dossier est prêt"), (SmsEncoding::Ucs2, 1));
        assert_eq!(segments("Réunion à l'école"), (SmsEncoding::Gsm7, 1));
        assert_eq!(segments(&"ê".repeat(71)), (SmsEncoding::Ucs2, 2));
        assert_eq!(segments(""), (SmsEncoding::Gsm7, 1));
    }
}

//! Human durations as written in the config and on the command line:
//! `90s`, `15m`, `24h`, `7d`. A bare number is refused: `5` could be
//! seconds or days (w.c.s. counts a link's delay in days).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Duration(std::time::Duration);

impl Duration {
    pub const fn from_secs(secs: u64) -> Self {
        Duration(std::time::Duration::from_secs(secs))
    }

    pub fn std(self) -> std::time::Duration {
        self.0
    }

    pub fn as_secs(self) -> u64 {
        self.0.as_secs()
    }

    pub fn chrono(self) -> chrono::Duration {
        chrono::Duration::from_std(self.0).unwrap_or(chrono::Duration::MAX)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum ParseDurationError {
    Invalid(String),
    /// A bare number: which unit was meant cannot be guessed.
    NoUnit(u64),
}

impl fmt::Display for ParseDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseDurationError::Invalid(text) => write!(
                f,
                "invalid duration \"{text}\": expected a whole number followed by s, m, h or d (e.g. 90s, 15m, 24h, 7d)"
            ),
            ParseDurationError::NoUnit(n) => {
                write!(f, "duration \"{n}\" has no unit: say {n}s, {n}m, {n}h or {n}d")
            }
        }
    }
}

impl std::error::Error for ParseDurationError {}

impl FromStr for Duration {
    type Err = ParseDurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ParseDurationError::Invalid(text.to_string());
        let trimmed = text.trim();
        let split = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (digits, unit) = trimmed.split_at(split);
        let value: u64 = digits.parse().map_err(|_| err())?;
        let factor = match unit.trim() {
            "" => return Err(ParseDurationError::NoUnit(value)),
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            "d" => 86_400,
            _ => return Err(err()),
        };
        let secs = value.checked_mul(factor).ok_or_else(err)?;
        // chrono cannot add more than ~292 billion years; keep far below it.
        if secs > 100 * 365 * 86_400 {
            return Err(err());
        }
        Ok(Duration::from_secs(secs))
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.as_secs();
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60)] {
            if secs != 0 && secs.is_multiple_of(size) {
                return write!(f, "{}{unit}", secs / size);
            }
        }
        write!(f, "{secs}s")
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, not an untagged enum: the latter loses the key path in errors.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration such as 90s, 15m, 24h or 7d")
            }
            fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Duration, E> {
                number.to_string().parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Duration, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!("90s".parse::<Duration>().unwrap().as_secs(), 90);
        assert_eq!("15m".parse::<Duration>().unwrap().as_secs(), 900);
        assert_eq!("24h".parse::<Duration>().unwrap().as_secs(), 86_400);
        assert_eq!("7d".parse::<Duration>().unwrap().as_secs(), 604_800);
        let err = "5".parse::<Duration>().unwrap_err().to_string();
        assert!(err.contains("say 5s, 5m, 5h or 5d"), "{err}");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "s", "5x", "-5m", "1.5h", "5 mins", "99999999999999999999d"] {
            assert!(bad.parse::<Duration>().is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_largest_unit() {
        assert_eq!(Duration::from_secs(300).to_string(), "5m");
        assert_eq!(Duration::from_secs(14_400).to_string(), "4h");
        assert_eq!(Duration::from_secs(90).to_string(), "90s");
        assert_eq!(Duration::from_secs(0).to_string(), "0s");
    }
}

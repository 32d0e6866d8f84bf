//! Exit codes (sysexits-style) and the error markers that select them.
//!
//! Domain code returns `anyhow::Error`; wrapping the root cause in one of the
//! marker types below decides the exit code, whatever context is added later.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Done (failed messages are recorded, not a crash).
    Success = 0,
    /// Runtime failure.
    Failure = 1,
    /// Command-line usage error (clap).
    Usage = 2,
    /// Bad input data: config, YAML, JSON, addresses, dates, tokens.
    DataErr = 65,
    /// Temporary failure: a peer is down, try again later.
    TempFail = 75,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        self as i32
    }

    /// Picks the exit code for an error by looking for a marker in its chain.
    pub fn for_error(err: &anyhow::Error) -> ExitCode {
        // A database server restarting or lost mid-run: try again later.
        if crate::store::database_unavailable(err) {
            return ExitCode::TempFail;
        }
        for cause in err.chain() {
            if cause.is::<BadInput>() {
                return ExitCode::DataErr;
            }
            if cause.is::<PeerDown>() {
                return ExitCode::TempFail;
            }
            if let Some(reported) = cause.downcast_ref::<Reported>() {
                return reported.0;
            }
            if cause.is::<Usage>() {
                return ExitCode::Usage;
            }
        }
        ExitCode::Failure
    }
}

/// Bad input data (exit 65). The message names the value; `field` names
/// where it came from as the domain spells it (`invite_booking`,
/// `booking.start`), and the command line shows its flag instead
/// (`--invite-booking`, see `cli::flags`).
#[derive(Debug)]
pub struct BadInput {
    field: Option<String>,
    message: String,
}

impl BadInput {
    pub fn new(message: impl Into<String>) -> BadInput {
        BadInput {
            field: None,
            message: message.into(),
        }
    }

    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for BadInput {}

/// A peer (SMTP server, HTTP gateway) could not be reached (exit 75).
#[derive(Debug)]
pub struct PeerDown(pub String);

impl fmt::Display for PeerDown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PeerDown {}

/// A usage error found after parsing (exit 2), e.g. an option that does
/// not go with the command.
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// Exit with this code and print nothing more: a Nagios plugin's status
/// (`queue check`), said on its status line already.
#[derive(Debug)]
pub struct Exit(pub i32);

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

impl std::error::Error for Exit {}

/// Errors already printed (one per tenant of `--all-tenants`): exit with
/// the worst of their codes, print nothing more.
#[derive(Debug)]
pub struct Reported(pub ExitCode);

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "already reported (exit {})", self.0.code())
    }
}

impl std::error::Error for Reported {}

impl ExitCode {
    /// How bad, to keep the worst of several: a runtime failure, then bad
    /// input, then a peer down (try again later), then success.
    pub fn severity(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::TempFail => 1,
            ExitCode::DataErr => 2,
            ExitCode::Usage => 3,
            ExitCode::Failure => 4,
        }
    }
}

/// Shorthand: `Err(bad_input(format!(…)))?`.
pub fn bad_input(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BadInput::new(message))
}

/// Bad input in one field of a request: `bad_field("to", "…")`.
pub fn bad_field(field: impl Into<String>, message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BadInput {
        field: Some(field.into()),
        message: message.into(),
    })
}

pub fn peer_down(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(PeerDown(message.into()))
}

/// Text for `publik(1)` and `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit status:
  0   done (messages that failed are recorded in the state, not a crash)
  1   runtime failure (state file unusable, I/O error, ...)
  2   usage error (unknown option, missing argument)
  65  bad input data (config, YAML, JSON, address, date, duration, token, a flag value
      that does not parse); nothing was changed
  75  temporary failure: a peer (SMTP server, gateway) is down; try again later";

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn marker_survives_context() {
        let err: anyhow::Result<()> = Err(bad_input("to: bad address"));
        let err = err.context("while enqueuing").unwrap_err();
        assert_eq!(ExitCode::for_error(&err), ExitCode::DataErr);
        let err = peer_down("smtp down").context("send-queue");
        assert_eq!(ExitCode::for_error(&err), ExitCode::TempFail);
        assert_eq!(ExitCode::for_error(&anyhow::anyhow!("x")), ExitCode::Failure);
    }
}

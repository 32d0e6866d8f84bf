//! The domain names the field of a request that holds a bad value
//! (`invite_booking`, and `` `skip_invalid` `` inside a hint); the command
//! line shows the flag the user typed instead (`--invite-booking`), as
//! ripgrep's flag errors do. Field names are the clap argument ids, which are
//! the `Args` struct's field names.

use clap::{ArgMatches, CommandFactory};

use crate::cli::Cli;
use crate::exit_codes::{BadInput, bad_field, bad_input};

/// Rewrites a bad-input error so that it names flags of the command that ran;
/// any other error, or a field the command has no flag for, is left as is.
pub fn name_flags(err: anyhow::Error, matches: &ArgMatches) -> anyhow::Error {
    let Some(bad) = err.root_cause().downcast_ref::<BadInput>() else {
        return err;
    };
    let (command, leaf) = invoked(matches);
    let root = Cli::command();
    // A flag by its name (the command's, else a global one); a positional
    // argument by the value given (a file).
    let flag_of = |id: &str| -> Option<String> {
        let arg = command
            .get_arguments()
            .chain(root.get_arguments().filter(|a| a.is_global_set()))
            .find(|arg| arg.get_id().as_str() == id)?;
        Some(match arg.get_long() {
            Some(long) => format!("--{long}"),
            None => match leaf
                .try_get_raw(id)
                .ok()
                .flatten()
                .and_then(|mut values| values.next())
            {
                Some(value) => value.to_string_lossy().into_owned(),
                None => id.to_ascii_uppercase(),
            },
        })
    };
    let mut message = bad.message().to_string();
    for arg in command.get_arguments() {
        let quoted = format!("`{}`", arg.get_id());
        if message.contains(&quoted)
            && let Some(flag) = flag_of(arg.get_id().as_str())
        {
            message = message.replace(&quoted, &flag);
        }
    }
    let renamed = match bad.field() {
        Some(field) => match flag_of(field) {
            Some(flag) => bad_input(format!("{flag}: {message}")),
            None => bad_field(field, message),
        },
        None => bad_input(message),
    };
    // Keep the context the error gathered on its way up, outermost last.
    let contexts: Vec<String> = err.chain().map(|cause| cause.to_string()).collect();
    contexts
        .into_iter()
        .rev()
        .skip(1)
        .fold(renamed, |err, context| err.context(context))
}

/// The subcommand that ran (`publik enqueue email` → `email`) and its matches.
fn invoked(matches: &ArgMatches) -> (clap::Command, &ArgMatches) {
    let mut command = Cli::command();
    let mut matches = matches;
    while let Some((name, sub_matches)) = matches.subcommand() {
        let Some(sub) = command.find_subcommand(name).cloned() else {
            break;
        };
        command = sub;
        matches = sub_matches;
    }
    (command, matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(args: &[&str]) -> ArgMatches {
        Cli::command().get_matches_from(args)
    }

    #[test]
    fn a_field_becomes_the_flag_of_the_command_that_ran() {
        let m = matches(&["publik", "enqueue", "email", "--subject", "s", "--text", "-"]);
        let err = name_flags(bad_field("reply_to", "\"x\" is not an address"), &m);
        assert_eq!(err.to_string(), "--reply-to: \"x\" is not an address");
        assert_eq!(crate::exit_codes::ExitCode::for_error(&err).code(), 65);
    }

    #[test]
    fn hints_name_flags_and_unknown_fields_stay_fields() {
        let m = matches(&["publik", "group", "import", "g", "members.csv"]);
        let err = name_flags(bad_field("booking.start", "use `skip_invalid`"), &m);
        assert_eq!(err.to_string(), "booking.start: use --skip-invalid");
    }

    #[test]
    fn a_positional_argument_is_named_by_its_value() {
        let m = matches(&["publik", "group", "import", "g", "members.csv"]);
        let err = name_flags(bad_field("file", "2 bad line(s)"), &m);
        assert_eq!(err.to_string(), "members.csv: 2 bad line(s)");
    }

    #[test]
    fn context_is_kept() {
        let m = matches(&["publik", "enqueue", "email", "--subject", "s", "--text", "-"]);
        let err = name_flags(bad_field("to", "empty").context("queueing"), &m);
        assert_eq!(err.to_string(), "queueing");
        assert_eq!(err.root_cause().to_string(), "--to: empty");
    }
}

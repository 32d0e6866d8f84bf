//! The binary: parse argv, set up logging, run the command, print its error once, exit with its code.

use clap::{CommandFactory, FromArgMatches};

use publik::cli::{self, Cli};
use publik::exit_codes::ExitCode;

fn main() {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        // A value that does not parse (a duration, a time, a number) is bad
        // input data like the same mistake found later by the domain: 65.
        // Unknown commands, flags and choices stay usage errors (2).
        Err(err) if err.kind() == clap::error::ErrorKind::ValueValidation => {
            let _ = err.print();
            std::process::exit(ExitCode::DataErr.code());
        }
        Err(err) => err.exit(),
    };
    publik::logger::init(cli.verbose, cli.quiet);
    let code = match cli::exec(cli) {
        Ok(()) => ExitCode::Success,
        Err(err) if is_broken_pipe(&err) => ExitCode::Success,
        Err(err) if err.is::<publik::exit_codes::Reported>() => ExitCode::for_error(&err),
        Err(err) if err.is::<publik::exit_codes::Exit>() => {
            std::process::exit(
                err.downcast_ref::<publik::exit_codes::Exit>()
                    .map_or(1, |exit| exit.0),
            );
        }
        Err(err) => {
            let err = cli::flags::name_flags(err, &matches);
            report(&err);
            ExitCode::for_error(&err)
        }
    };
    std::process::exit(code.code());
}

/// `publik … | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error once, then each cause on its own line.
fn report(err: &anyhow::Error) {
    eprint!("{}", publik::logger::error_text(err, None));
}

//! `--all-tenants`: a cron command run for every site of the installation,
//! `--jobs` at a time. One site's failure (a bad config, its relay down, its
//! state locked) never stops the others: each is reported once on stderr
//! with its domain, and the exit code is the worst of them.

use std::sync::Mutex;

use crate::cli::queue::QueueCommand;
use crate::cli::state::StateCommand;
use crate::cli::{Command, Context, dispatch};
use crate::exit_codes::{Exit, ExitCode, Reported, Usage};
use crate::ops::tenant::trust;
use crate::{logger, ops, thread_tenant};

/// The commands a cron job runs for every site.
fn runs_per_site(command: &Command) -> bool {
    match command {
        Command::SendQueue(_)
        | Command::RetryQueue(_)
        | Command::SendWebpush(_)
        | Command::FeedMailMaarch(_)
        | Command::PurgeTokens(_)
        | Command::FetchBounces(_) => true,
        Command::State(args) => matches!(args.command, StateCommand::Check),
        Command::Queue(args) => matches!(
            args.command,
            QueueCommand::Purge { .. } | QueueCommand::Check { .. }
        ),
        _ => false,
    }
}

pub(super) fn run(ctx: &Context, jobs: Option<usize>, command: Command) -> anyhow::Result<()> {
    // One server for every site, not one per site.
    if let Command::Serve(args) = command {
        return crate::cli::serve::exec_all_tenants(ctx, args);
    }
    if !runs_per_site(&command) {
        return Err(Usage(
            "--all-tenants goes with send-queue, retry-queue, send-webpush, feed-mail-maarch, fetch-bounces, \
             queue purge, queue check, purge-tokens, state check and serve; use --tenant DOMAIN for one site"
                .into(),
        )
        .into());
    }
    let is_check =
        matches!(&command, Command::Queue(args) if matches!(args.command, QueueCommand::Check { .. }));
    let dir = ctx.tenants_dir()?;
    let domains = match ops::tenant::list(&dir) {
        Err(err) if is_check => return crate::cli::queue::check_unknown(ctx, "", &format!("{err:#}")),
        listed => listed?,
    };
    // Whoever may change the tenants directory or the main config may
    // change every site: the whole run is refused.
    let shared = crate::config::locate(ctx.config_arg());
    trust::refuse_untrusted(&dir)?;
    if let Some(main) = &shared {
        trust::refuse_untrusted(main)?;
    }
    if domains.is_empty() {
        // A monitoring plugin that checks nothing must not say OK.
        if is_check {
            return crate::cli::queue::check_unknown(ctx, "", &format!("no site in {}", dir.display()));
        }
        log::info!("no tenant in {}", dir.display());
        return Ok(());
    }
    // A site whose link key file is another's would mint tokens that one
    // accepts, one whose state is another's would work in its queue:
    // refused (the older site keeps the file). Hosts matter to `serve` only.
    let (claims, _) = ops::tenant::claims(shared.as_deref(), &dir)?;
    let shared_files: Vec<ops::tenant::Conflict> = ops::tenant::conflicts(&claims)
        .into_iter()
        .filter(ops::tenant::Conflict::is_file)
        .collect();
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, domains.len());
    // Each site gets its own context (its config, its state), made here.
    let work: Mutex<Vec<(String, Context, Command)>> = Mutex::new(
        domains
            .iter()
            .rev()
            .map(|domain| (domain.clone(), ctx.for_tenant(domain), command.clone()))
            .collect(),
    );
    let worst = Mutex::new(ExitCode::Success);
    // `queue check`'s plugin states, said on each site's status line.
    let worst_check = Mutex::new(0);
    let run_sites = || {
        loop {
            let next = work.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some((domain, site, command)) = next else {
                return;
            };
            let result = thread_tenant::for_tenant(&domain, || {
                // Its directory and config first: nothing of a site others
                // may change is read; then what its config names.
                let own = dir.join(&domain);
                trust::refuse_untrusted(&own.join(crate::config::TENANT_CONFIG))?;
                trust::refuse_any_untrusted(&trust::site_files(&own, site.config()?, &site.site()?))?;
                if let Some(conflict) = shared_files.iter().find(|c| c.domain == domain) {
                    return Err(crate::exit_codes::bad_input(conflict.refusal()));
                }
                dispatch(&site, command)
            });
            if let Err(err) = result {
                if let Some(Exit(state)) = err.downcast_ref::<Exit>() {
                    let mut worst = worst_check.lock().unwrap_or_else(|p| p.into_inner());
                    if check_rank(*state) > check_rank(*worst) {
                        *worst = *state;
                    }
                    continue;
                }
                report(&domain, &err);
                let code = ExitCode::for_error(&err);
                let mut worst = worst.lock().unwrap_or_else(|p| p.into_inner());
                if code.severity() > worst.severity() {
                    *worst = code;
                }
            }
        }
    };
    if jobs == 1 {
        run_sites();
    } else {
        std::thread::scope(|threads| {
            for _ in 0..jobs {
                threads.spawn(run_sites);
            }
        });
    }
    match worst.into_inner().unwrap_or_else(|p| p.into_inner()) {
        ExitCode::Success => match worst_check.into_inner().unwrap_or_else(|p| p.into_inner()) {
            0 => Ok(()),
            state => Err(Exit(state).into()),
        },
        code => Err(Reported(code).into()),
    }
}

/// Nagios states from best to worst: OK, WARNING, UNKNOWN, CRITICAL.
fn check_rank(state: i32) -> i32 {
    match state {
        2 => 3,
        3 => 2,
        other => other,
    }
}

/// One site's error, once, with its causes.
fn report(domain: &str, err: &anyhow::Error) {
    eprint!("{}", logger::error_text(err, Some(domain)));
}

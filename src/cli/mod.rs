//! Command-line definitions. Each command file holds its clap `Args` and an
//! `exec` of a few lines: parse → call `ops` → render.

mod all_tenants;
pub mod bounce;
pub mod completions;
pub mod config;
pub mod enqueue;
pub mod feed_mail_maarch;
pub mod fetch_bounces;
pub mod flags;
pub mod form;
pub mod gen_ics;
pub mod group;
pub mod init;
mod input;
pub mod issue_action_token;
pub mod mail;
pub mod man;
pub mod newsletter;
pub mod notify;
mod progress;
pub mod purge_tokens;
pub mod push;
pub mod queue;
pub mod retry_queue;
pub mod run_jump;
pub mod send_queue;
pub mod send_webpush;
pub mod serve;
pub mod sms;
pub mod state;
pub mod template;
pub mod tenant;
mod values;
pub mod vapid;
pub mod workflow;

use std::cell::OnceCell;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::{Config, DEFAULT_STATE_PATH};
use crate::exit_codes::{EXIT_CODES_HELP, Usage};
use crate::render;
use crate::site::Site;
use crate::store::{StateLocation, Store};

#[derive(Debug, Parser)]
#[command(
    name = "publik",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("PUBLIK_BUILD_COMMIT"), ")"),
    about = "Communication jobs of a citizen-services platform: email and SMS queue, Web Push, calendar invitations, action links, Maarch feed",
    after_long_help = EXIT_CODES_HELP,
    propagate_version = true
)]
pub struct Cli {
    /// Config file [default: $PUBLIK_CONFIG, ./publik.yaml, /etc/publik/config.yaml, built-in defaults]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "PUBLIK_CONFIG",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,

    /// State file (SQLite) [default: $PUBLIK_STATE, the config's `state:`, ./publik.sqlite3]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "PUBLIK_STATE",
        hide_env_values = true
    )]
    pub state: Option<PathBuf>,

    /// Machine-readable JSON output
    #[arg(long, global = true)]
    pub json: bool,

    /// More logs on stderr (-v: info, -vv: debug)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// No logs at all (errors are still printed)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Work on one site of a multi-site installation (its directory in the tenants directory)
    #[arg(long, global = true, value_name = "DOMAIN", conflicts_with = "all_tenants")]
    pub tenant: Option<String>,

    /// Run a command for every site, --jobs at a time: send-queue, retry-queue, send-webpush,
    /// feed-mail-maarch, fetch-bounces, queue purge, queue check, purge-tokens, state check;
    /// serve answers every site
    #[arg(long, global = true)]
    pub all_tenants: bool,

    /// Sites at once with --all-tenants [default: the number of cores]
    #[arg(long, global = true, value_name = "N", requires = "all_tenants", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    Init(init::Args),
    Config(config::Args),
    State(state::Args),
    Enqueue(Box<enqueue::Args>),
    SendQueue(send_queue::Args),
    RetryQueue(retry_queue::Args),
    Queue(queue::Args),
    Sms(sms::Args),
    Group(group::Args),
    Template(template::Args),
    Newsletter(newsletter::Args),
    GenIcs(Box<gen_ics::Args>),
    FeedMailMaarch(feed_mail_maarch::Args),
    Mail(mail::Args),
    Vapid(vapid::Args),
    Push(push::Args),
    Notify(notify::Args),
    SendWebpush(send_webpush::Args),
    Bounce(bounce::Args),
    FetchBounces(fetch_bounces::Args),
    Serve(serve::Args),
    Workflow(workflow::Args),
    Form(form::Args),
    IssueActionToken(issue_action_token::Args),
    RunJump(run_jump::Args),
    PurgeTokens(purge_tokens::Args),
    Completions(completions::Args),
    Man(man::Args),
    Tenant(tenant::Args),
}

/// What every command gets: global options, and the config and state opened
/// on demand (so `completions` never reads a config).
pub struct Context {
    config_arg: Option<PathBuf>,
    pub(crate) state_arg: Option<PathBuf>,
    pub output: render::Output,
    /// Someone watches at a terminal (no -q, -v, --json, one site): long
    /// runs may draw a progress bar.
    pub(crate) interactive: bool,
    /// The site this command works on (`--tenant`, or one of `--all-tenants`).
    tenant: Option<String>,
    /// The main config: every tenant's shared defaults.
    shared: OnceCell<Config>,
    config: OnceCell<Config>,
}

impl Context {
    pub fn new(cli: &Cli) -> Context {
        Context {
            config_arg: cli.config.clone(),
            state_arg: cli.state.clone(),
            output: if cli.json {
                render::Output::Json
            } else {
                render::Output::Text
            },
            interactive: !cli.quiet && cli.verbose == 0 && !cli.json,
            tenant: cli.tenant.clone(),
            shared: OnceCell::new(),
            config: OnceCell::new(),
        }
    }

    /// The same options for one site; a site's state is its own, so
    /// `$PUBLIK_STATE` does not apply.
    pub(crate) fn for_tenant(&self, domain: &str) -> Context {
        let shared = OnceCell::new();
        if let Some(config) = self.shared.get() {
            let _ = shared.set(config.clone());
        }
        Context {
            config_arg: self.config_arg.clone(),
            state_arg: None,
            output: self.output,
            // Sites run side by side: their bars would fight over the line.
            interactive: false,
            tenant: Some(domain.to_string()),
            shared,
            config: OnceCell::new(),
        }
    }

    /// The main config file's settings (without any tenant's).
    pub(crate) fn shared_config(&self) -> anyhow::Result<&Config> {
        if let Some(config) = self.shared.get() {
            return Ok(config);
        }
        let path = crate::config::locate(self.config_arg.as_deref());
        let config = Config::load(path.as_deref())?;
        Ok(self.shared.get_or_init(|| config))
    }

    /// `--config` / `$PUBLIK_CONFIG`, if given.
    pub(crate) fn config_arg(&self) -> Option<&std::path::Path> {
        self.config_arg.as_deref()
    }

    /// The tenants directory of this installation.
    pub(crate) fn tenants_dir(&self) -> anyhow::Result<PathBuf> {
        Ok(crate::ops::tenant::tenants_dir(self.shared_config()?))
    }

    fn tenant_dir(&self, domain: &str) -> anyhow::Result<PathBuf> {
        crate::ops::tenant::dir_of(&self.tenants_dir()?, domain)
    }

    pub fn config(&self) -> anyhow::Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let config = match &self.tenant {
            Some(domain) => {
                let dir = self.tenant_dir(domain)?;
                self.shared_config()?;
                let shared = crate::config::locate(self.config_arg.as_deref());
                // A site others may change is not read (a cron line for one
                // site would run their `sendmail.command`).
                let own = dir.join(crate::config::TENANT_CONFIG);
                let mut believed = vec![self.tenants_dir()?, own];
                believed.extend(shared.clone());
                crate::ops::tenant::trust::refuse_any_untrusted(&believed)?;
                Config::load_tenant(shared.as_deref(), &dir)?
            }
            None => self.shared_config()?.clone(),
        };
        Ok(self.config.get_or_init(|| config))
    }

    /// The site this command works on, resolved once: `--state` /
    /// `$PUBLIK_STATE`, else the config's `state:`, else the default; a
    /// tenant's state is in its directory unless its config says.
    pub(crate) fn site(&self) -> anyhow::Result<Site> {
        let config = self.config()?;
        if let Some(domain) = &self.tenant {
            let dir = self.tenant_dir(domain)?;
            let site = Site::of_tenant(config, &dir)?;
            crate::ops::tenant::trust::refuse_any_untrusted(&crate::ops::tenant::trust::site_files(
                &dir, config, &site,
            ))?;
            let shared = crate::config::locate(self.config_arg.as_deref());
            crate::ops::tenant::refuse_shared(shared.as_deref(), &self.tenants_dir()?, domain, &site)?;
            return Ok(site);
        }
        let state = match (&self.state_arg, &config.state) {
            (Some(written), _) => crate::site::written_by_user(config, written),
            (None, Some(written)) => crate::site::written_in_config(config, written),
            (None, None) => StateLocation::Sqlite(PathBuf::from(DEFAULT_STATE_PATH)),
        };
        Site::new(config, state)
    }

    /// Opens (and if needed creates) the state; the config is validated first
    /// so that a bad config never creates a state file.
    pub fn store(&self) -> anyhow::Result<Store> {
        self.site_and_store().map(|(_, store)| store)
    }

    /// The state opened only to read: never created, migrated or changed
    /// (a listing, `state info`, `state check` of a backup).
    pub(crate) fn store_to_read(&self, older: crate::store::OlderSchema) -> anyhow::Result<Store> {
        let store = Store::open_to_read(&self.site()?.state, older)?;
        if let Some(domain) = &self.tenant {
            store.belongs_to(domain, false)?;
        }
        Ok(store)
    }

    /// The site and its state opened.
    pub(crate) fn site_and_store(&self) -> anyhow::Result<(Site, Store)> {
        let config = self.config()?;
        let site = self.site()?;
        let asked_for = self.tenant.is_some() || self.state_arg.is_some() || config.state.is_some();
        if let Some(path) = site.state.file().filter(|path| !asked_for && !path.exists()) {
            // Nobody named a state: a new empty one in the working directory
            // is rarely what was meant (a unit running in /, a typo'd
            // --config); say where it goes, once.
            let shown = std::fs::canonicalize(path.parent().unwrap_or(std::path::Path::new(".")))
                .map(|dir| dir.join(path.file_name().unwrap_or_default()))
                .unwrap_or_else(|_| path.to_path_buf());
            crate::logger::notice(&format!(
                "no state file configured (`state:` in the config, --state, $PUBLIK_STATE): creating {}",
                shown.display()
            ));
        }
        let store = Store::open_at(&site.state)?;
        if let Some(domain) = &self.tenant {
            store.belongs_to(domain, true)?;
        }
        Ok((site, store))
    }
}

pub fn exec(cli: Cli) -> anyhow::Result<()> {
    let ctx = Context::new(&cli);
    // A site's state is its own: `--state` on the command line does not go
    // with a tenant (`$PUBLIK_STATE` is ignored there).
    let state_from_env = std::env::var_os("PUBLIK_STATE").map(PathBuf::from) == cli.state;
    if (cli.tenant.is_some() || cli.all_tenants) && cli.state.is_some() && !state_from_env {
        return Err(Usage(
            "--state does not go with --tenant or --all-tenants: a site's state is in its directory".into(),
        )
        .into());
    }
    if cli.all_tenants {
        let jobs = cli.jobs.map(usize::from);
        return all_tenants::run(&ctx, jobs, cli.command);
    }
    dispatch(&ctx, cli.command)
}

/// Runs one command in a context.
fn dispatch(ctx: &Context, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init(args) => init::exec(ctx, args),
        Command::Config(args) => config::exec(ctx, args),
        Command::State(args) => state::exec(ctx, args),
        Command::Enqueue(args) => enqueue::exec(ctx, *args),
        Command::SendQueue(args) => send_queue::exec(ctx, args),
        Command::RetryQueue(args) => retry_queue::exec(ctx, args),
        Command::Queue(args) => queue::exec(ctx, args),
        Command::Sms(args) => sms::exec(ctx, args),
        Command::Group(args) => group::exec(ctx, args),
        Command::Template(args) => template::exec(ctx, args),
        Command::Newsletter(args) => newsletter::exec(ctx, args),
        Command::GenIcs(args) => gen_ics::exec(ctx, *args),
        Command::FeedMailMaarch(args) => feed_mail_maarch::exec(ctx, args),
        Command::Mail(args) => mail::exec(ctx, args),
        Command::Vapid(args) => vapid::exec(ctx, args),
        Command::Push(args) => push::exec(ctx, args),
        Command::Notify(args) => notify::exec(ctx, args),
        Command::SendWebpush(args) => send_webpush::exec(ctx, args),
        Command::Bounce(args) => bounce::exec(ctx, args),
        Command::FetchBounces(args) => fetch_bounces::exec(ctx, args),
        Command::Serve(args) => serve::exec(ctx, args),
        Command::Workflow(args) => workflow::exec(ctx, args),
        Command::Form(args) => form::exec(ctx, args),
        Command::IssueActionToken(args) => issue_action_token::exec(ctx, args),
        Command::RunJump(args) => run_jump::exec(ctx, args),
        Command::PurgeTokens(args) => purge_tokens::exec(ctx, args),
        Command::Completions(args) => completions::exec(args),
        Command::Man(args) => man::exec(args),
        Command::Tenant(args) => tenant::exec(ctx, args),
    }
}

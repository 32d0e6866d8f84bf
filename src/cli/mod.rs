//! Command-line definitions. Each command file holds its clap `Args` and an
//! `exec` of a few lines: parse → call `ops` → render.

pub mod bounce;
pub mod completions;
pub mod config;
pub mod enqueue;
pub mod feed_mail_maarch;
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
mod values;
pub mod vapid;
pub mod workflow;

use std::cell::OnceCell;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::{Config, DEFAULT_STATE_PATH};
use crate::exit_codes::EXIT_CODES_HELP;
use crate::render;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "publik",
    version,
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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
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
    FeedMailMaarch(feed_mail_maarch::FeedArgs),
    Mail(mail::MailArgs),
    Vapid(vapid::VapidArgs),
    Push(push::PushArgs),
    Notify(notify::NotifyArgs),
    SendWebpush(send_webpush::SendWebpushArgs),
    Bounce(bounce::BounceArgs),
    Serve(serve::Args),
    Workflow(workflow::WorkflowArgs),
    Form(form::FormArgs),
    IssueActionToken(issue_action_token::IssueTokenArgs),
    RunJump(run_jump::RunJumpArgs),
    PurgeTokens(purge_tokens::PurgeTokensArgs),
    Completions(completions::Args),
    Man(man::Args),
}

/// What every command gets: global options, and the config and state opened
/// on demand (so `completions` never reads a config).
pub struct Context {
    config_arg: Option<PathBuf>,
    pub(crate) state_arg: Option<PathBuf>,
    pub output: render::Output,
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
            config: OnceCell::new(),
        }
    }

    pub fn config(&self) -> anyhow::Result<&Config> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let path = crate::config::locate(self.config_arg.as_deref());
        let config = Config::load(path.as_deref())?;
        Ok(self.config.get_or_init(|| config))
    }

    /// `--state` / `$PUBLIK_STATE`, else the config's `state:`, else the default.
    pub fn state_path(&self) -> anyhow::Result<PathBuf> {
        if let Some(path) = &self.state_arg {
            return Ok(path.clone());
        }
        let config = self.config()?;
        Ok(match &config.state {
            Some(path) => config.resolve_path(path),
            None => PathBuf::from(DEFAULT_STATE_PATH),
        })
    }

    /// Opens (and if needed creates) the state; the config is validated first
    /// so that a bad config never creates a state file.
    pub fn store(&self) -> anyhow::Result<Store> {
        self.config()?;
        Store::open(&self.state_path()?)
    }
}

pub fn exec(cli: Cli) -> anyhow::Result<()> {
    let ctx = Context::new(&cli);
    match cli.command {
        Command::Init(args) => init::exec(&ctx, args),
        Command::Config(args) => config::exec(&ctx, args),
        Command::State(args) => state::exec(&ctx, args),
        Command::Enqueue(args) => enqueue::exec(&ctx, *args),
        Command::SendQueue(args) => send_queue::exec(&ctx, args),
        Command::RetryQueue(args) => retry_queue::exec(&ctx, args),
        Command::Queue(args) => queue::exec(&ctx, args),
        Command::Sms(args) => sms::exec(&ctx, args),
        Command::Group(args) => group::exec(&ctx, args),
        Command::Template(args) => template::exec(&ctx, args),
        Command::Newsletter(args) => newsletter::exec(&ctx, args),
        Command::GenIcs(args) => gen_ics::exec(&ctx, *args),
        Command::FeedMailMaarch(args) => feed_mail_maarch::feed(&ctx, args),
        Command::Mail(args) => mail::mail(&ctx, args),
        Command::Vapid(args) => vapid::vapid(&ctx, args),
        Command::Push(args) => push::push(&ctx, args),
        Command::Notify(args) => notify::notify(&ctx, args),
        Command::SendWebpush(args) => send_webpush::send_webpush(&ctx, args),
        Command::Bounce(args) => bounce::bounce(&ctx, args),
        Command::Serve(args) => serve::exec(&ctx, args),
        Command::Workflow(args) => workflow::workflow(&ctx, args),
        Command::Form(args) => form::form(&ctx, args),
        Command::IssueActionToken(args) => issue_action_token::issue_token(&ctx, args),
        Command::RunJump(args) => run_jump::run_jump(&ctx, args),
        Command::PurgeTokens(args) => purge_tokens::purge_tokens(&ctx, args),
        Command::Completions(args) => completions::exec(args),
        Command::Man(args) => man::exec(args),
    }
}

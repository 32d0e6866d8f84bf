use std::io::Read;
use std::path::PathBuf;

use crate::cli::Context;
use crate::cli::send_queue;
use crate::config::Urgency;
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::store::{Channel, Source};
use crate::{ops, render};

/// VAPID keys for Web Push (RFC 8292)
#[derive(Debug, clap::Args)]
pub struct VapidArgs {
    #[command(subcommand)]
    pub command: VapidCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum VapidCommand {
    /// Create a P-256 key pair: the private key to a file (mode 0600), the
    /// public key (applicationServerKey, base64url) on stdout
    Generate {
        /// Private key file [default: the config's webpush.private_key_file]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the public key of the configured private key
    Show,
}

pub fn vapid(ctx: &Context, args: VapidArgs) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let public = match args.command {
        VapidCommand::Generate { out } => {
            let out = match out {
                Some(path) => path,
                None => config
                    .webpush
                    .private_key_file
                    .as_ref()
                    .map(|p| config.resolve_path(p))
                    .ok_or_else(|| bad_input("--out: give a file (or set webpush.private_key_file)"))?,
            };
            ops::push::generate_key(&out)?
        }
        VapidCommand::Show => ops::push::public_key(config)?,
    };
    if ctx.json {
        render::json(&serde_json::json!({ "public_key": public }))
    } else {
        Ok(render::out(&public)?)
    }
}

/// Web Push subscriptions (one per user and device)
#[derive(Debug, clap::Args)]
pub struct PushArgs {
    #[command(subcommand)]
    pub command: PushCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum PushCommand {
    /// Save a browser's PushSubscription.toJSON() for a user (the same endpoint is stored once)
    Subscribe {
        #[arg(long, value_name = "USER")]
        user: String,
        /// The subscription JSON file [default: stdin]
        #[arg(long, value_name = "FILE", default_value = "-")]
        subscription: PathBuf,
    },
    /// Remove a user's subscription (one endpoint, or all)
    Unsubscribe {
        #[arg(long, value_name = "USER")]
        user: String,
        #[arg(
            long,
            value_name = "URL",
            required_unless_present = "all",
            conflicts_with = "all"
        )]
        endpoint: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// List subscriptions
    List {
        #[arg(long, value_name = "USER")]
        user: Option<String>,
    },
}

pub fn push(ctx: &Context, args: PushArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        PushCommand::Subscribe { user, subscription } => {
            let text = if subscription.as_os_str() == "-" {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| bad_input(format!("--subscription: {e}")))?;
                text
            } else {
                std::fs::read_to_string(&subscription).map_err(|e| {
                    bad_input(format!(
                        "--subscription: cannot read {}: {e}",
                        subscription.display()
                    ))
                })?
            };
            let report = ops::push::subscribe(&mut store, ctx.config()?, &user, &text)?;
            if ctx.json { render::json(&report) } else { Ok(()) }
        }
        PushCommand::Unsubscribe {
            user,
            endpoint,
            all: _,
        } => {
            let removed = store.unsubscribe_push(&user, endpoint.as_deref())?;
            log::info!("removed {removed} subscription(s)");
            if ctx.json {
                render::json(&serde_json::json!({ "removed": removed }))
            } else {
                Ok(())
            }
        }
        PushCommand::List { user } => render::subscriptions(&store.subscriptions(user.as_deref())?, ctx.json),
    }
}

/// Queue a Web Push notification to every device of a user
#[derive(Debug, clap::Args)]
pub struct NotifyArgs {
    #[arg(long, value_name = "USER")]
    pub user: String,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "TEXT")]
    pub body: Option<String>,
    /// Page opened when the notification is clicked
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    #[arg(long, value_name = "URL")]
    pub icon: Option<String>,
    /// Replaces an earlier notification with the same tag (also the push Topic)
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// A button, ID:LABEL; repeatable
    #[arg(long = "action", value_name = "ID:LABEL")]
    pub actions: Vec<String>,
    /// How long the push service keeps it for an offline device [default: webpush.ttl]
    #[arg(long, value_name = "DURATION")]
    pub ttl: Option<Duration>,
    #[arg(long, value_enum)]
    pub urgency: Option<Urgency>,
}

pub fn notify(ctx: &Context, args: NotifyArgs) -> anyhow::Result<()> {
    let request = ops::push::NotifyRequest {
        user: args.user,
        title: args.title,
        body: args.body,
        url: args.url,
        icon: args.icon,
        tag: args.tag,
        actions: args.actions,
        ttl: args.ttl,
        urgency: args.urgency,
    };
    let config = ctx.config()?;
    let ids = ops::push::notify(&mut ctx.store()?, config, &request, &ops::actor("notify"))?;
    render::ids(&ids, ctx.json)
}

/// Send queued Web Push notifications (same as send-queue --channel push)
#[derive(Debug, clap::Args)]
pub struct SendWebpushArgs {
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// Do not send notifications older than this [default: webpush.max_age]
    #[arg(long, value_name = "DURATION")]
    pub max_age: Option<Duration>,
    #[arg(long, value_name = "DURATION")]
    pub time_limit: Option<Duration>,
    #[arg(long)]
    pub dry_run: bool,
}

pub fn send_webpush(ctx: &Context, args: SendWebpushArgs) -> anyhow::Result<()> {
    let config = ctx.config()?;
    let mut options = send_queue::RunArgs {
        limit: args.limit,
        channel: vec![Channel::Push],
        time_limit: args.time_limit,
        dry_run: args.dry_run,
    }
    .options(Source::Pending, "send-webpush");
    options.max_age = Some(args.max_age.unwrap_or(config.webpush.max_age));
    send_queue::run(ctx, &options)
}

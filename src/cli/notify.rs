//! `publik notify`: queue a notification to a user's devices.

use crate::cli::Context;
use crate::config::Urgency;
use crate::duration::Duration;
use crate::{ops, render};

/// Queue a Web Push notification to every device of a user
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The user whose devices get it
    #[arg(long, value_name = "USER")]
    pub user: String,
    /// The notification's title
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// The notification's text
    #[arg(long, value_name = "TEXT")]
    pub body: Option<String>,
    /// Page opened when the notification is clicked
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// An icon to show with it
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
    /// How soon the device should wake for it (the push Urgency header)
    #[arg(long, value_enum)]
    pub urgency: Option<Urgency>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
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
    render::ids(&ids, ctx.output)
}

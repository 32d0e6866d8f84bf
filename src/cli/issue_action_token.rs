//! `publik issue-action-token`: a link for scripts and other senders.

use crate::cli::Context;
use crate::{ops, render};

/// Print an action link (URL) that runs a form's jump once, for scripts and other senders
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The form's number
    #[arg(
        long,
        value_name = "NUMBER",
        required_unless_present = "wcs_form",
        conflicts_with = "wcs_form"
    )]
    pub form: Option<String>,
    /// The jump, offered by the form's current status
    #[arg(
        long,
        value_name = "JUMP",
        required_unless_present = "wcs_form",
        conflicts_with = "wcs_form"
    )]
    pub action: Option<String>,
    /// A form of a remote w.c.s. (under a wcs.services url): the link runs its trigger there
    #[arg(long, value_name = "URL", requires = "trigger")]
    pub wcs_form: Option<String>,
    /// The w.c.s. jump trigger the link runs (with --wcs-form)
    #[arg(long, value_name = "NAME", requires = "wcs_form")]
    pub trigger: Option<String>,
    /// Lifetime: days as a bare number (as w.c.s.), or 90m, 12h, 7d; at most 365 days [default: 3]
    #[arg(long, value_name = "DAYS|DURATION", value_parser = ops::workflow::token_ttl)]
    pub ttl: Option<crate::duration::Duration>,
    /// Who the link is for (named in the history when used)
    #[arg(long, value_name = "ADDR")]
    pub recipient: Option<String>,
    /// Button label on the confirmation page [default: the jump's label]
    #[arg(long, value_name = "TEXT")]
    pub label: Option<String>,
    /// Text of the confirmation page [default: "Please confirm action."]
    #[arg(long, value_name = "TEXT")]
    pub message: Option<String>,
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    if let (Some(form_url), Some(trigger)) = (&args.wcs_form, &args.trigger) {
        let link = ops::workflow::remote::issue(
            &mut store,
            ctx.config()?,
            form_url,
            trigger,
            args.ttl,
            (
                args.recipient.as_deref(),
                args.label.as_deref(),
                args.message.as_deref(),
            ),
        )?;
        return render::issued_link(&link, ctx.output);
    }
    let link = ops::workflow::issue_link(
        &mut store,
        ctx.config()?,
        args.form.as_deref().unwrap_or_default(),
        args.action.as_deref().unwrap_or_default(),
        args.ttl,
        args.recipient.as_deref(),
        args.label.as_deref(),
        args.message.as_deref(),
    )?;
    render::issued_link(&link, ctx.output)
}

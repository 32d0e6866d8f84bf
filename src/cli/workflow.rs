use std::path::PathBuf;

use crate::cli::Context;
use crate::duration::Duration;
use crate::{ops, render};

const WORKFLOW_SCHEMA: &str = "\
Validate and store a workflow YAML file (replaces one of the same name).

The file:

  name: approval                 # what forms name (--workflow)
  label: Validation du maire
  initial: waiting               # the status a new form enters
  statuses:
    - id: waiting
      label: En attente de validation
      jumps:                     # manual jumps: form jump, action links
        - { id: accept, label: Accepter, to: accepted }
      on_enter:                  # run when a form enters the status
        - email: { to: [ADDR...], subject: T, text: T, html: T }
        - sms: { to: [NUMBER...], text: T }
        - notify: { user: U, title: T, body: T, url: URL }
        - maarch_response: { content: T }
    - { id: accepted, label: Acceptée }

Every text (T, ADDR, NUMBER, U) is a template (minijinja) with form.number,
form.name, form.data.KEY, form.user, form.email, form.status and
form.status_label. In email texts, action_button(\"JUMP\", label=\"...\",
delay=\"3d\", message=\"...\", done_message=\"...\") renders a single-use link
(a button in the HTML part) for each recipient. maarch_response answers the
Maarch mails linked to the form (publik mail link ID --form-number NUMBER)
and not answered yet, with T as the history message; a form without such
mail sends nothing. Errors name the path in the file, e.g.
statuses[0].jumps[1].to, and import nothing.";

/// Workflows: statuses, manual jumps, actions on entering a status
#[derive(Debug, clap::Args)]
pub struct WorkflowArgs {
    #[command(subcommand)]
    pub command: WorkflowCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum WorkflowCommand {
    /// Validate and store a workflow YAML file (replaces one of the same name)
    #[command(long_about = WORKFLOW_SCHEMA)]
    Import { file: PathBuf },
    /// List workflows
    List,
    /// Show a workflow's statuses, jumps and actions
    Show { name: String },
}

pub fn workflow(ctx: &Context, args: WorkflowArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        WorkflowCommand::Import { file } => {
            let workflow = ops::workflow::import(&mut store, ctx.config()?, &file)?;
            log::info!("imported workflow {}", workflow.name);
            Ok(())
        }
        WorkflowCommand::List => render::workflows(&store.workflows()?, ctx.json),
        WorkflowCommand::Show { name } => render::workflow(&ops::workflow::load(&store, &name)?, ctx.json),
    }
}

/// Forms: citizens' requests moving through a workflow
#[derive(Debug, clap::Args)]
pub struct FormArgs {
    #[command(subcommand)]
    pub command: FormCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum FormCommand {
    /// Create a form: it gets a number, enters the initial status, runs its actions
    Create {
        #[arg(long, value_name = "NAME")]
        workflow: String,
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// KEY=VALUE; repeatable
        #[arg(long, value_name = "KEY=VALUE")]
        data: Vec<String>,
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        #[arg(long, value_name = "ADDR")]
        email: Option<String>,
    },
    /// List forms
    List {
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        #[arg(long, value_name = "NAME")]
        workflow: Option<String>,
    },
    /// A form: data, status, offered jumps, full history
    Show { number: String },
    /// Delete a form and its history (its action links then say so)
    Delete { number: String },
    /// Run a jump the form's status offers (operators)
    Jump {
        number: String,
        jump: String,
        #[arg(long, value_name = "WHO")]
        actor: String,
    },
}

pub fn form(ctx: &Context, args: FormArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        FormCommand::Create {
            workflow,
            name,
            data,
            user,
            email,
        } => {
            let request = ops::workflow::NewForm {
                workflow,
                name,
                data,
                user,
                email,
            };
            let number = ops::workflow::create(&mut store, ctx.config()?, &request, &ops::actor("form"))?;
            if ctx.json {
                render::json(&serde_json::json!({ "number": number }))
            } else {
                Ok(render::out(&number)?)
            }
        }
        FormCommand::List { status, workflow } => {
            render::forms(&store.forms(status.as_deref(), workflow.as_deref())?, ctx.json)
        }
        FormCommand::Show { number } => render::form(&ops::workflow::show(&store, &number)?, ctx.json),
        FormCommand::Delete { number } => {
            let form = store
                .form(&number)?
                .ok_or_else(|| crate::exit_codes::bad_input(format!("no form \"{number}\"")))?;
            store.delete_form(form.id)?;
            Ok(())
        }
        FormCommand::Jump { number, jump, actor } => {
            let form = ops::workflow::jump(&mut store, ctx.config()?, &number, &jump, &actor)?;
            log::info!("form {} is now {}", form.number, form.status);
            Ok(())
        }
    }
}

/// Print an action link (URL) that runs a form's jump once, for scripts and other senders
#[derive(Debug, clap::Args)]
pub struct IssueTokenArgs {
    #[arg(long, value_name = "NUMBER")]
    pub form: String,
    /// The jump, offered by the form's current status
    #[arg(long, value_name = "JUMP")]
    pub action: String,
    /// Lifetime, at most 365d [default: 3d]
    #[arg(long, value_name = "DURATION")]
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

pub fn issue_token(ctx: &Context, args: IssueTokenArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    let link = ops::workflow::issue_link(
        &mut store,
        ctx.config()?,
        &args.form,
        &args.action,
        args.ttl,
        args.recipient.as_deref(),
        args.label.as_deref(),
        args.message.as_deref(),
    )?;
    if ctx.json {
        render::json(&link)
    } else {
        Ok(render::out(&link.url)?)
    }
}

/// Delete the action links that can no longer act (the nightly cron job)
///
/// Expired links, and used links once the grace period has passed (until
/// then, a second click says "already used" rather than "not valid").
#[derive(Debug, clap::Args)]
pub struct PurgeTokensArgs {
    /// Keep used links this long after their use
    #[arg(long, value_name = "DURATION", default_value = "7d")]
    pub used_before: Duration,
}

pub fn purge_tokens(ctx: &Context, args: PurgeTokensArgs) -> anyhow::Result<()> {
    let deleted = ops::workflow::purge_tokens(&mut ctx.store()?, args.used_before)?;
    log::info!("{deleted} action link(s) deleted");
    if ctx.json {
        render::json(&serde_json::json!({ "deleted": deleted }))
    } else {
        Ok(())
    }
}

/// Run the jump an action link names (the same checks as its web page)
#[derive(Debug, clap::Args)]
pub struct RunJumpArgs {
    /// The token, or the whole link (a token may start with "-")
    #[arg(value_name = "TOKEN|URL", allow_hyphen_values = true)]
    pub token: String,
    /// Who acts [default: the link's recipient]
    #[arg(long, value_name = "TEXT")]
    pub actor: Option<String>,
}

pub fn run_jump(ctx: &Context, args: RunJumpArgs) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    let (form, _) = ops::workflow::run_link(&mut store, ctx.config()?, &args.token, args.actor.as_deref())?;
    log::info!("form {} is now {}", form.number, form.status);
    if ctx.json { render::json(&form) } else { Ok(()) }
}

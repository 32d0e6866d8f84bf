//! `publik workflow`: import and look at workflows.

use std::path::PathBuf;

use crate::cli::{Context, input};
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
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: WorkflowCommand,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum WorkflowCommand {
    /// Validate and store a workflow YAML file (replaces one of the same name)
    #[command(long_about = WORKFLOW_SCHEMA)]
    Import {
        /// The workflow's YAML file; `-` reads standard input
        file: PathBuf,
    },
    /// List workflows
    List,
    /// Show a workflow's statuses, jumps and actions
    Show {
        /// The workflow's name
        name: String,
    },
}

pub fn exec(ctx: &Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.store()?;
    match args.command {
        WorkflowCommand::Import { file } => {
            let text = input::text_at_most("file", &file, crate::yaml::MAX_FILE_BYTES as u64)?;
            let workflow =
                ops::workflow::import(&mut store, ctx.config()?, &text, &file.display().to_string())?;
            log::info!("imported workflow {}", workflow.name);
            Ok(())
        }
        WorkflowCommand::List => render::workflows(&store.workflows()?, ctx.output),
        WorkflowCommand::Show { name } => render::workflow(&ops::workflow::load(&store, &name)?, ctx.output),
    }
}
